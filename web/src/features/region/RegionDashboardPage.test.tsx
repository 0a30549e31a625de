import type { RegionMap } from '@kooperacja/domain';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { RegionDashboardPage } from './RegionDashboardPage';
import { RegionIndexPage } from './RegionIndexPage';
import { GMINA_2, KIELCE, makeMap, scopeOf, swietokrzyskie, topology, WOJ } from './region.fixtures';

configure({ asyncUtilTimeout: 5000 });

let fetchMock: ReturnType<typeof vi.fn>;
let scope = scopeOf(swietokrzyskie);

/** The query strings of the map requests, in order. */
const mapRequests = () =>
  fetchMock.mock.calls
    .map(([u]) => new URL(String(u), 'http://localhost'))
    .filter((u) => u.pathname === `/api/region/${WOJ}/map`)
    .map((u) => Object.fromEntries(u.searchParams));

beforeEach(() => {
  scope = scopeOf(swietokrzyskie);
  fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/region') return jsonResponse(scope);
    if (url.pathname === '/api/territory/boundaries') return jsonResponse(topology);
    if (url.pathname === `/api/region/${WOJ}/map`) {
      const q = url.searchParams;
      return jsonResponse(
        makeMap(
          (q.get('measure') ?? 'lpdi') as RegionMap['measure'],
          (q.get('level') ?? 'gmina') as RegionMap['level'],
          q.get('asOf') ?? '2025-06-30',
        ),
      );
    }
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

function Location() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

const renderDashboard = (route = `/region/${WOJ}?dzien=2025-06-30`) =>
  renderWithProviders(
    <>
      <Routes>
        <Route path="/region" element={<RegionIndexPage />} />
        <Route path="/region/:woj" element={<RegionDashboardPage />} />
        <Route path="/region/:woj/jst/:teryt" element={<p>Karta jednostki</p>} />
      </Routes>
      <Location />
    </>,
    { route },
  );

const table = () => screen.findByRole('table', { name: /ludność i wartość miary/ });

describe('regional dashboard', { timeout: 30_000 }, () => {
  it('shows the summary, the map with its legend and the table of the LPDI statuses', async () => {
    renderDashboard();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Monitoring regionalny — świętokrzyskie' }),
    ).toBeInTheDocument();
    const summary = screen.getByRole('region', { name: 'Podsumowanie' });
    await waitFor(() => expect(within(summary).getByText('JST z przyjętym LPDI')).toBeInTheDocument());
    expect(within(summary).getByText('2 z 5 (40,0 %)')).toBeInTheDocument();
    expect(within(summary).getByText('3 z 5')).toBeInTheDocument();

    const rows = within(await table())
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^Bieliny9\s876Przyjęty/),
      expect.stringMatching(/^Bodzentyn11\s234Brak/),
      expect.stringMatching(/^Kielce187\s456Zaktualizowany/),
    ]);
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'Bieliny' })).toHaveAttribute(
      'href',
      `/region/${WOJ}/jst/2604011`,
    );

    const map = await screen.findByRole('img', { name: /Mapa województwa świętokrzyskie — gminy/ });
    expect(map.querySelectorAll('path[data-teryt]')).toHaveLength(3);
    const figure = map.closest('figure') as HTMLElement;
    expect(within(figure).getByText('Status LPDI')).toBeInTheDocument();
    expect(within(figure).getByText('W przygotowaniu')).toBeInTheDocument();
    expect(within(figure).getByText(/Stan na 30\.06\.2025/)).toBeInTheDocument();
  });

  it('sorts the table by value, the stages of the plan in their order', async () => {
    const user = userEvent.setup();
    renderDashboard();
    const t = await table();
    await user.click(within(t).getByRole('button', { name: 'Wartość' }));
    expect(within(t).getByRole('columnheader', { name: 'Wartość' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    const names = () =>
      within(t)
        .getAllByRole('rowheader')
        .map((c) => c.textContent);
    expect(names()).toEqual(['Kielce', 'Bieliny', 'Bodzentyn']);
    await user.click(within(t).getByRole('button', { name: 'Wartość' }));
    expect(names()).toEqual(['Bodzentyn', 'Bieliny', 'Kielce']);
  });

  it('reads a suppressed count as „mniej niż 5”, never as a number, and greys it on the map', async () => {
    const user = userEvent.setup();
    renderDashboard(`/region/${WOJ}?miara=participants_per_10k&dzien=2025-06-30`);
    const rows = within(await table()).getAllByRole('row');
    const bodzentyn = rows.find((r) => r.textContent?.startsWith('Bodzentyn')) as HTMLElement;
    expect(within(bodzentyn).getAllByRole('cell')[1]).toHaveTextContent(/^mniej niż 5$/);
    const kielce = rows.find((r) => r.textContent?.startsWith('Kielce')) as HTMLElement;
    expect(within(kielce).getAllByRole('cell')[1]).toHaveTextContent('1 234,5');

    const map = await screen.findByRole('img', { name: /Mapa województwa/ });
    const figure = map.closest('figure') as HTMLElement;
    expect(within(figure).getByText('mniej niż 5 — ukryte')).toBeInTheDocument();
    const suppressedFill = map.querySelector(`[data-teryt="${GMINA_2}"]`)?.getAttribute('fill');
    const kielceFill = map.querySelector(`[data-teryt="${KIELCE}"]`)?.getAttribute('fill');
    expect(suppressedFill).not.toBe(kielceFill);

    await user.hover(map.querySelector(`[data-teryt="${GMINA_2}"]`) as Element);
    expect(screen.getByTestId('region-map-hover')).toHaveTextContent('Bodzentyn: mniej niż 5');
    await user.hover(map.querySelector(`[data-teryt="${KIELCE}"]`) as Element);
    expect(screen.getByTestId('region-map-hover')).toHaveTextContent(
      'Kielce: 1 234,5 na 10 tys. mieszkańców',
    );
  });

  it('switching the level asks for powiaty and keeps it in the URL', async () => {
    const user = userEvent.setup();
    renderDashboard();
    await table();
    const levelGroup = screen.getByRole('radiogroup', { name: 'Poziom' });
    expect(within(levelGroup).getByRole('radio', { name: 'Gminy' })).toBeChecked();
    await user.click(within(levelGroup).getByRole('radio', { name: 'Powiaty' }));
    await waitFor(() =>
      expect(mapRequests().at(-1)).toEqual({ measure: 'lpdi', level: 'powiat', asOf: '2025-06-30' }),
    );
    expect(screen.getByTestId('location')).toHaveTextContent(`/region/${WOJ}?dzien=2025-06-30&poziom=powiat`);
    const rows = within(await screen.findByRole('table', { name: /^Powiaty: ludność/ })).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(
      await screen.findByRole('img', { name: /Mapa województwa świętokrzyskie — powiaty/ }),
    ).toBeInTheDocument();
  });

  it('switching the measure asks for it, keeps it in the URL and points the downloads at it', async () => {
    const user = userEvent.setup();
    renderDashboard();
    await table();
    await user.click(screen.getByRole('combobox', { name: 'Miara' }));
    await user.click(await screen.findByRole('option', { name: 'Aktywne partnerstwa' }));
    await waitFor(() =>
      expect(mapRequests().at(-1)).toEqual({ measure: 'partnerships', level: 'gmina', asOf: '2025-06-30' }),
    );
    expect(screen.getByTestId('location')).toHaveTextContent('miara=partnerships');
    await screen.findByRole('table', { name: /miary „Aktywne partnerstwa”/ });
    expect(screen.getByRole('link', { name: 'Pobierz CSV' })).toHaveAttribute(
      'href',
      `/api/region/${WOJ}/map.csv?measure=partnerships&level=gmina&asOf=2025-06-30`,
    );
    expect(screen.getByRole('link', { name: 'Pobierz XLSX' })).toHaveAttribute(
      'href',
      `/api/region/${WOJ}/map.xlsx?measure=partnerships&level=gmina&asOf=2025-06-30`,
    );
    expect(screen.getByRole('button', { name: 'Pobierz PNG' })).toBeEnabled();
  });

  it('opens the view a link describes and changes the day', async () => {
    const user = userEvent.setup();
    renderDashboard(`/region/${WOJ}?miara=cus&poziom=powiat&dzien=2024-12-31`);
    await screen.findByRole('table', { name: /^Powiaty: ludność i wartość miary „Centrum usług/ });
    expect(mapRequests()[0]).toEqual({ measure: 'cus', level: 'powiat', asOf: '2024-12-31' });
    const day = screen.getByRole('textbox', { name: /^Dzień/ });
    expect(day).toHaveValue('31.12.2024');
    await user.clear(day);
    await user.type(day, '01.03.2025');
    await user.tab();
    await waitFor(() =>
      expect(mapRequests().at(-1)).toEqual({ measure: 'cus', level: 'powiat', asOf: '2025-03-01' }),
    );
    expect(screen.getByTestId('location')).toHaveTextContent('dzien=2025-03-01');
  });

  it('opens a unit’s register card from the map', async () => {
    const user = userEvent.setup();
    renderDashboard();
    const map = await screen.findByRole('img', { name: /Mapa województwa/ });
    await user.click(map.querySelector(`[data-teryt="${KIELCE}"]`) as Element);
    expect(await screen.findByText('Karta jednostki')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(`/region/${WOJ}/jst/${KIELCE}`);
  });
});

describe('/region', { timeout: 30_000 }, () => {
  it('goes straight to the only województwo', async () => {
    renderDashboard('/region');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Monitoring regionalny — świętokrzyskie' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(`/region/${WOJ}`);
  });

  it('lists several to choose from', async () => {
    scope = scopeOf(swietokrzyskie, { teryt: '12', name: 'małopolskie', edit: false });
    renderDashboard('/region');
    expect(await screen.findByRole('link', { name: 'małopolskie' })).toHaveAttribute('href', '/region/12');
    expect(screen.getByRole('link', { name: 'świętokrzyskie' })).toHaveAttribute('href', `/region/${WOJ}`);
    expect(screen.getByText('(tylko podgląd)')).toBeInTheDocument();
  });

  it('says so when the user monitors none', async () => {
    scope = scopeOf();
    renderDashboard('/region');
    expect(await screen.findByText(/Nie monitorujesz żadnego województwa/)).toBeInTheDocument();
  });
});
