import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { TerritoryPage } from './TerritoryPage';
import { malopolskie, szczawa, tarnowski, zabno } from './territory.fixtures';

const grabowka = { ...szczawa, teryt: '2002162', name: 'Grabówka', powiatTeryt: '2002', wojTeryt: '20' };
let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    const q = url.searchParams.get('q');
    const level = url.searchParams.get('level');
    if (url.pathname === '/api/territory/summary')
      return jsonResponse({
        counts: { wojewodztwo: 16, powiat: 380, gmina: 2479 },
        gminaKinds: {},
        withoutGeometry: [szczawa, grabowka],
        stanNa: null,
      });
    if (q === 'zab') return jsonResponse({ items: [zabno], total: 1 });
    if (level === 'wojewodztwo') return jsonResponse({ items: [malopolskie], total: 1 });
    if (level === 'powiat') return jsonResponse({ items: [tarnowski], total: 1 });
    return jsonResponse({ items: [], total: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('TerritoryPage', () => {
  it('lists województwa by default and searches by name (debounced)', async () => {
    const user = userEvent.setup();
    renderWithProviders(<TerritoryPage />, { route: '/terytoria' });
    const table = await screen.findByTestId('unit-table');
    expect(within(table).getByRole('link', { name: 'małopolskie' })).toHaveAttribute('href', '/terytoria/12');

    await user.type(screen.getByRole('searchbox', { name: 'Szukaj jednostki' }), 'zab');
    const link = await screen.findByRole('link', { name: 'Żabno' });
    expect(link).toHaveAttribute('href', '/terytoria/1216123');
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('gmina miejsko-wiejska')).toBeInTheDocument();
    expect(within(row).getByText('powiat tarnowski, małopolskie')).toBeInTheDocument();
    expect(within(row).getByText('19 000')).toBeInTheDocument();
    // Only the final text was sent, not every keystroke.
    const qs = fetchMock.mock.calls.map(([u]) =>
      new URL(String(u), 'http://localhost').searchParams.get('q'),
    );
    expect(qs.filter((q) => q === 'z' || q === 'za')).toEqual([]);
  }, 20_000);

  it('lists the units without geometry', async () => {
    renderWithProviders(<TerritoryPage />, { route: '/terytoria' });
    const list = await screen.findByTestId('units-without-geometry');
    expect(within(list).getByRole('link', { name: /^Szczawa/ })).toHaveAttribute(
      'href',
      '/terytoria/1207132',
    );
    expect(within(list).getByRole('link', { name: /^Grabówka/ })).toHaveAttribute(
      'href',
      '/terytoria/2002162',
    );
  });
});
