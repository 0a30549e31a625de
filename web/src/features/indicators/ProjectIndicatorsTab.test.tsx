import type { MetricList } from '@kooperacja/domain';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from '../auth/me.fixtures';
import {
  frozenPeriod,
  MANUAL,
  METRIC,
  makeList,
  makePeriod,
  PERIOD,
  PROJECT,
  series,
} from './indicators.fixtures';
import { ProjectIndicatorsTab } from './ProjectIndicatorsTab';

configure({ asyncUtilTimeout: 5000 });

const metrics: MetricList = {
  items: [
    {
      key: 'cases.persons_in_multi_sector_cases',
      label: { pl: 'Osoby objęte wsparciem zespołu międzysektorowego', en: 'Persons' },
      description: { pl: 'Osoby unikalne.', en: 'Distinct persons.' },
      unit: 'osoby',
      counting: 'osoby_unikalne',
      breakdowns: ['plec', 'wiek'],
      params: [],
    },
    {
      key: 'partnerships.member_entities',
      label: { pl: 'Podmioty w partnerstwach', en: 'Entities in partnerships' },
      description: { pl: 'Członkowie partnerstw na dzień pomiaru.', en: 'Members.' },
      unit: 'podmioty',
      counting: 'podmioty_unikalne',
      breakdowns: [],
      params: [
        {
          name: 'includeLeader',
          kind: 'boolean',
          label: { pl: 'Wliczaj lidera partnerstwa', en: 'Count the leader' },
          options: [],
          default: true,
        },
      ],
    },
  ],
};

let fetchMock: ReturnType<typeof vi.fn>;
let frozen = false;
const base = `/api/projects/${PROJECT}/indicators`;

function respond(manage: boolean) {
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
    if (url.pathname === base && method === 'GET') return jsonResponse(makeList(manage));
    if (url.pathname === `${base}/${MANUAL}/values` && method === 'GET') return jsonResponse(series);
    if (url.pathname === `${base}/evidence` && method === 'POST')
      return jsonResponse(
        {
          id: '0190d000-0000-7000-8000-0000000000f9',
          filename: 'lista.pdf',
          mimeType: 'application/pdf',
          size: 10,
        },
        201,
      );
    if (url.pathname === `${base}/${MANUAL}/values` && method === 'POST') return jsonResponse(series, 201);
    if (url.pathname === `${base}/${METRIC}/measurements`) return jsonResponse(series, 201);
    if (url.pathname === `${base}/${METRIC}/values`)
      return jsonResponse({
        ...series,
        indicatorId: METRIC,
        target: '12',
        unit: 'podmioty',
        items: [],
        points: [],
      });
    if (url.pathname === base && method === 'POST') return jsonResponse(makeList().items[1], 201);
    if (url.pathname === '/api/indicators/metrics') return jsonResponse(metrics);
    if (url.pathname === `${base}/periods/${PERIOD}/freeze`) {
      frozen = true;
      return jsonResponse(frozenPeriod);
    }
    if (url.pathname === `${base}/periods`)
      return jsonResponse({
        items: [
          frozen ? frozenPeriod : makePeriod(manage ? {} : { abilities: { freeze: false, remove: false } }),
        ],
        abilities: { create: manage },
      });
    return jsonResponse({ items: [], total: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
}

const callsTo = (path: string, method: string) =>
  fetchMock.mock.calls.filter(
    ([u, init]) =>
      new URL(String(u), 'http://localhost').pathname === path && (init?.method ?? 'GET') === method,
  );

beforeEach(() => {
  frozen = false;
  respond(true);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the indicators tab of a project', { timeout: 30_000 }, () => {
  it('lists the indicators with value, progress as a bar and text, and the band in words', async () => {
    renderWithProviders(<ProjectIndicatorsTab projectId={PROJECT} />);
    const table = await screen.findByTestId('indicator-table');
    const row = within(table).getByRole('row', { name: /EECO01/ });
    expect(within(row).getByText('120')).toBeInTheDocument();
    expect(within(row).getByText('na 31.03.2025')).toBeInTheDocument();
    expect(within(row).getByRole('progressbar', { name: /Postęp do celu: EECO01/ })).toHaveAttribute(
      'aria-valuetext',
      '25,00\u00a0%',
    );
    expect(within(row).getByText('Zagrożony')).toBeInTheDocument();
    expect(within(table).getByText('Osiągnięty')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('upłynęło 72,45 % okresu');
    expect(screen.getByRole('button', { name: 'Dodaj wskaźnik' })).toBeInTheDocument();
  });

  it('shows an indicator in detail: a chart with a table alternative, the gender breakdown, corrections', async () => {
    renderWithProviders(<ProjectIndicatorsTab projectId={PROJECT} />);
    await userEvent.click(
      await screen.findByRole('button', { name: 'EECO01 Całkowita liczba osób objętych wsparciem' }),
    );
    const chart = await screen.findByRole('img', { name: /w czasie na tle celu/ });
    expect(chart).toHaveAccessibleDescription(
      /2 pomiary od 31\.12\.2024 do 31\.03\.2025; ostatnia wartość 30\. Cel: 120\./,
    );
    const points = screen.getByRole('table', { name: /w kolejnych pomiarach/ });
    expect(within(points).getByRole('row', { name: /31\.12\.2024 12 10,00/ })).toBeInTheDocument();
    const gender = screen.getByRole('table', { name: 'Podział: Płeć' });
    expect(within(gender).getByRole('row', { name: 'Kobiety 20 70' })).toBeInTheDocument();
    const history = screen.getByRole('table', { name: 'Zapisane wartości' });
    const rows = within(history).getAllByTestId('value-row');
    expect(within(rows[1] as HTMLElement).getByText('Skorygowana')).toBeInTheDocument();
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'lista.pdf' })).toHaveAttribute(
      'href',
      `${base}/${MANUAL}/values/${series.items[0]?.id}/evidence`,
    );
    expect(
      within(rows[0] as HTMLElement).getByRole('button', { name: 'Koryguj wartość z 31.03.2025' }),
    ).toBeInTheDocument();
  });

  it('enters a value with an evidence file: the file is uploaded first, then the value with its id', async () => {
    renderWithProviders(<ProjectIndicatorsTab projectId={PROJECT} />);
    await userEvent.click(
      await screen.findByRole('button', { name: 'EECO01 Całkowita liczba osób objętych wsparciem' }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Wprowadź wartość' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Wartość \(Osoby\)/ }), '45');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Kobiety' }), '25');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Źródło danych/ }),
      'Listy obecności z warsztatów',
    );
    const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    await userEvent.upload(input, new File(['%PDF-1.4'], 'lista.pdf', { type: 'application/pdf' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Zapisz wartość' }));
    await waitFor(() => expect(callsTo(`${base}/${MANUAL}/values`, 'POST')).toHaveLength(1));
    expect(callsTo(`${base}/evidence`, 'POST')).toHaveLength(1);
    const body = JSON.parse(String(callsTo(`${base}/${MANUAL}/values`, 'POST')[0]?.[1]?.body));
    expect(body).toMatchObject({
      value: '45',
      breakdown: { plec: { k: 25 } },
      sourceNote: 'Listy obecności z warsztatów',
      evidenceDocumentId: '0190d000-0000-7000-8000-0000000000f9',
    });
    expect(body.measuredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('freezes a period after a confirmation and then shows its reported figures', async () => {
    renderWithProviders(<ProjectIndicatorsTab projectId={PROJECT} />);
    const period = await screen.findByTestId('period');
    await userEvent.click(within(period).getByRole('button', { name: 'Zamroź okres' }));
    const dialog = await screen.findByRole('dialog', { name: 'Zamrozić okres „2025 – I półrocze”?' });
    expect(
      within(dialog).getByText(/na dzień 30\.06\.2025 zostaną zapisane jako sprawozdane/),
    ).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Zamroź' }));
    await waitFor(() => expect(callsTo(`${base}/periods/${PERIOD}/freeze`, 'POST')).toHaveLength(1));
    expect(JSON.parse(String(callsTo(`${base}/periods/${PERIOD}/freeze`, 'POST')[0]?.[1]?.body))).toEqual({
      version: 1,
    });
    const figures = await screen.findByRole('table', {
      name: 'Wartości sprawozdane za okres 2025 – I półrocze',
    });
    expect(within(figures).getByRole('row', { name: /EECO01 .* 30 120 25,00/ })).toBeInTheDocument();
    expect(screen.getByText('Zamrożony (zatwierdzony)')).toBeInTheDocument();
  });

  it('records a measurement of a computed indicator', async () => {
    renderWithProviders(<ProjectIndicatorsTab projectId={PROJECT} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Podmioty w partnerstwach' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Zapisz pomiar teraz' }));
    await waitFor(() => expect(callsTo(`${base}/${METRIC}/measurements`, 'POST')).toHaveLength(1));
  });

  it('adds a new project indicator computed by a metric of its unit, with the metric’s parameters', async () => {
    renderWithProviders(<ProjectIndicatorsTab projectId={PROJECT} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Dodaj wskaźnik' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Nowy wskaźnik projektowy' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Nazwa/ }), 'Podmioty w PZK');
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Jednostka' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Podmioty' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Wartość docelowa/ }), '12');
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Obliczany z rejestrów' }));
    await userEvent.click(within(dialog).getByRole('combobox', { name: /Metryka/ }));
    // Only the metrics counting in the indicator's unit are offered.
    expect(
      screen.queryByRole('option', { name: 'Osoby objęte wsparciem zespołu międzysektorowego' }),
    ).not.toBeInTheDocument();
    await userEvent.click(await screen.findByRole('option', { name: 'Podmioty w partnerstwach' }));
    const leader = within(dialog).getByRole('checkbox', { name: 'Wliczaj lidera partnerstwa' });
    expect(leader).toBeChecked();
    await userEvent.click(leader);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Dodaj wskaźnik' }));
    await waitFor(() => expect(callsTo(base, 'POST')).toHaveLength(1));
    expect(JSON.parse(String(callsTo(base, 'POST')[0]?.[1]?.body))).toMatchObject({
      newDefinition: { name: 'Podmioty w PZK', unit: 'podmioty' },
      target: '12',
      source: 'metric',
      metricKey: 'partnerships.member_entities',
      metricParams: { includeLeader: false },
    });
  });

  it('offers no changes to a reader', async () => {
    respond(false);
    renderWithProviders(<ProjectIndicatorsTab projectId={PROJECT} />);
    await userEvent.click(
      await screen.findByRole('button', { name: 'EECO01 Całkowita liczba osób objętych wsparciem' }),
    );
    await screen.findByRole('img', { name: /w czasie na tle celu/ });
    expect(screen.queryByRole('button', { name: 'Dodaj wskaźnik' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Wprowadź wartość' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Zamroź okres' })).not.toBeInTheDocument();
  });
});
