import type { JstRegisterEntry } from '@kooperacja/domain';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { JstRegisterPage } from './JstRegisterPage';
import { GMINA, history, makeEntry, WOJ } from './region.fixtures';

configure({ asyncUtilTimeout: 5000 });

const path = `/api/region/${WOJ}/jst/${GMINA}`;
let fetchMock: ReturnType<typeof vi.fn>;
let entry: JstRegisterEntry = makeEntry();
let answerPut: (body: unknown) => Response = () => jsonResponse(entry);

const puts = () =>
  fetchMock.mock.calls
    .filter(([u, init]) => new URL(String(u), 'http://localhost').pathname === path && init?.method === 'PUT')
    .map(([, init]) => JSON.parse(String((init as RequestInit).body)));
const gets = () =>
  fetchMock.mock.calls.filter(
    ([u, init]) => new URL(String(u), 'http://localhost').pathname === path && !init?.method,
  ).length;

beforeEach(() => {
  entry = makeEntry();
  answerPut = () => jsonResponse(entry);
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === path && init?.method === 'PUT') return answerPut(JSON.parse(String(init.body)));
    if (url.pathname === path) return jsonResponse(entry);
    if (url.pathname === `${path}/history`) return jsonResponse(history);
    return jsonResponse(
      { type: 'about:blank', title: 'Nie znaleziono', status: 404, code: 'not_found' },
      404,
    );
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const renderPage = () =>
  renderWithProviders(
    <Routes>
      <Route path="/region/:woj/jst/:teryt" element={<JstRegisterPage />} />
    </Routes>,
    { route: `/region/${WOJ}/jst/${GMINA}` },
  );

const lpdiSection = () => screen.findByRole('region', { name: 'Lokalny plan deinstytucjonalizacji (LPDI)' });

describe('JST register card', { timeout: 30_000 }, () => {
  it('shows the unit, its partnerships and the history of the entry in words', async () => {
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Bieliny' })).toBeInTheDocument();
    const facts = screen.getByRole('region', { name: 'Jednostka' });
    expect(facts).toHaveTextContent('Gmina — gmina wiejska');
    expect(facts).toHaveTextContent('9 876');
    expect(facts).toHaveTextContent('1 (Kooperacje 3D)');
    const historySection = await screen.findByRole('region', { name: 'Historia zmian' });
    const table = await within(historySection).findByRole('table', { name: /Historia zmian wpisu/ });
    expect(table).toHaveTextContent('Aleksander Analityczny');
    expect(table).toHaveTextContent('Status LPDI: Brak → W przygotowaniu');
    expect(table).toHaveTextContent('LPDI — Początek przygotowań: puste → 01.03.2024');
    expect(table).toHaveTextContent(
      'LPDI — Planowane usługi: puste → Asystent osobisty; Mieszkanie wspomagane',
    );
  });

  it('sends the fields of the chosen status and the version read', async () => {
    const user = userEvent.setup();
    answerPut = (body) => {
      entry = { ...entry, ...(body as Pick<JstRegisterEntry, 'lpdi' | 'cus'>), version: 4 };
      return jsonResponse(entry);
    };
    renderPage();
    const lpdi = await lpdiSection();
    await user.click(within(lpdi).getByRole('radio', { name: 'Przyjęty' }));
    await user.type(within(lpdi).getByRole('textbox', { name: /^Numer uchwały/ }), 'XII/87/2024');
    await user.type(within(lpdi).getByRole('textbox', { name: /^Data przyjęcia/ }), '15.05.2024');
    const cus = screen.getByRole('region', { name: 'Centrum usług społecznych (CUS)' });
    await user.click(within(cus).getByRole('checkbox', { name: /Gmina ma centrum usług społecznych/ }));
    await user.click(within(cus).getByRole('combobox', { name: /^Tryb utworzenia/ }));
    await user.click(await screen.findByRole('option', { name: 'Przekształcenie OPS' }));
    await user.type(within(cus).getByRole('textbox', { name: /^Data utworzenia/ }), '01.01.2024');
    await user.type(within(cus).getByRole('textbox', { name: /^IPUS otwarte/ }), '12');
    await user.click(screen.getByRole('button', { name: 'Zapisz zmiany' }));

    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(puts()[0]).toEqual({
      lpdi: {
        status: 'przyjety',
        preparationStartedOn: '2024-03-01',
        resolutionNumber: 'XII/87/2024',
        adoptedOn: '2024-05-15',
        updatedOn: null,
        periodFrom: 2025,
        periodTo: 2030,
        plannedServices: ['Asystent osobisty', 'Mieszkanie wspomagane'],
      },
      cus: {
        exists: true,
        mode: 'przeksztalcenie_ops',
        createdOn: '2024-01-01',
        programmeAdoptedOn: null,
        lastDiagnosisOn: null,
        ipusOpen: 12,
        ipusClosed: null,
      },
      version: 3,
    });
    expect(await screen.findByText('Zapisano zmiany.')).toBeInTheDocument();
  });

  it('sends nothing of a plan whose status is "Brak"', async () => {
    const user = userEvent.setup();
    renderPage();
    const lpdi = await lpdiSection();
    await user.click(within(lpdi).getByRole('radio', { name: 'Brak' }));
    expect(within(lpdi).queryByRole('textbox', { name: /^Początek przygotowań/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Zapisz zmiany' }));
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(puts()[0].lpdi).toEqual({
      status: 'brak',
      preparationStartedOn: null,
      resolutionNumber: null,
      adoptedOn: null,
      updatedOn: null,
      periodFrom: null,
      periodTo: null,
      plannedServices: [],
    });
  });

  it('shows the contract’s field rules at their fields before sending', async () => {
    const user = userEvent.setup();
    renderPage();
    const lpdi = await lpdiSection();
    await user.click(within(lpdi).getByRole('radio', { name: 'Zaktualizowany' }));
    const periodTo = within(lpdi).getByRole('textbox', { name: /^Okres do/ });
    await user.clear(periodTo);
    await user.type(periodTo, '2020');
    await user.click(screen.getByRole('button', { name: 'Zapisz zmiany' }));

    expect(await screen.findByText('Popraw zaznaczone pola.')).toBeInTheDocument();
    expect(within(lpdi).getByRole('textbox', { name: /^Numer uchwały/ })).toHaveAccessibleDescription(
      /Podaj numer uchwały przyjmującej plan\./,
    );
    expect(within(lpdi).getByRole('textbox', { name: /^Data przyjęcia/ })).toHaveAccessibleDescription(
      /Podaj datę przyjęcia planu\./,
    );
    expect(within(lpdi).getByRole('textbox', { name: /^Data aktualizacji/ })).toHaveAccessibleDescription(
      /Podaj datę uchwały aktualizującej plan\./,
    );
    expect(periodTo).toHaveAccessibleDescription(
      /Rok końca okresu nie może być wcześniejszy niż rok początku\./,
    );
    expect(puts()).toHaveLength(0);
  });

  it('shows the server’s field errors at their fields', async () => {
    const user = userEvent.setup();
    answerPut = () =>
      jsonResponse(
        {
          type: 'about:blank',
          title: 'Nieprawidłowe dane',
          status: 400,
          code: 'validation_failed',
          errors: [
            { field: 'body.lpdi.preparationStartedOn', code: 'custom', message: 'Data z przyszłości.' },
          ],
        },
        400,
      );
    renderPage();
    await lpdiSection();
    await user.click(screen.getByRole('button', { name: 'Zapisz zmiany' }));
    const lpdi = await lpdiSection();
    await waitFor(() =>
      expect(
        within(lpdi).getByRole('textbox', { name: /^Początek przygotowań/ }),
      ).toHaveAccessibleDescription(/Data z przyszłości\./),
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Początek przygotowań: Data z przyszłości.');
  });

  it('offers to load the current entry after a stale save (409)', async () => {
    const user = userEvent.setup();
    answerPut = () => {
      entry = makeEntry({
        version: 4,
        lpdi: { ...(entry.lpdi as NonNullable<JstRegisterEntry['lpdi']>), periodTo: 2031 },
      });
      return jsonResponse(
        {
          type: 'about:blank',
          title: 'Konflikt wersji',
          detail: 'Ktoś zmienił ten wpis w międzyczasie.',
          status: 409,
          code: 'conflict',
        },
        409,
      );
    };
    renderPage();
    await lpdiSection();
    await user.click(screen.getByRole('button', { name: 'Zapisz zmiany' }));
    expect(await screen.findByText('Ktoś zmienił ten wpis w międzyczasie.')).toBeInTheDocument();
    const before = gets();
    await user.click(screen.getByRole('button', { name: 'Wczytaj aktualne dane' }));
    await waitFor(() => expect(gets()).toBe(before + 1));
    const lpdi = await lpdiSection();
    await waitFor(() => expect(within(lpdi).getByRole('textbox', { name: /^Okres do/ })).toHaveValue('2031'));
    expect(screen.queryByText('Ktoś zmienił ten wpis w międzyczasie.')).not.toBeInTheDocument();
  });

  it('is read-only without the right to edit', async () => {
    entry = makeEntry({ abilities: { edit: false } });
    renderPage();
    const lpdi = await lpdiSection();
    expect(lpdi).toHaveTextContent('W przygotowaniu');
    expect(lpdi).toHaveTextContent('01.03.2024');
    expect(screen.getByRole('region', { name: 'Centrum usług społecznych (CUS)' })).toHaveTextContent(
      'Gmina nie ma centrum usług społecznych.',
    );
    expect(screen.queryByRole('button', { name: 'Zapisz zmiany' })).not.toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });

  it('has no CUS section for a powiat and sends no CUS', async () => {
    const user = userEvent.setup();
    entry = makeEntry({ teryt: GMINA, level: 'powiat', kind: 'powiat', name: 'kielecki', cus: null });
    renderPage();
    await lpdiSection();
    expect(screen.queryByRole('region', { name: 'Centrum usług społecznych (CUS)' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Zapisz zmiany' }));
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(puts()[0].cus).toBeNull();
  });
});
