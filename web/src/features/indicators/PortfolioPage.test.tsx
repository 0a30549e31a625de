import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from '../auth/me.fixtures';
import { PROJECT, portfolio } from './indicators.fixtures';
import { PortfolioPage } from './PortfolioPage';

configure({ asyncUtilTimeout: 5000 });

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
    if (url.pathname === '/api/indicators/portfolio') return jsonResponse(portfolio);
    return jsonResponse({ items: [], total: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const portfolioCalls = () =>
  fetchMock.mock.calls
    .map(([u]) => new URL(String(u), 'http://localhost'))
    .filter((u) => u.pathname === '/api/indicators/portfolio');

describe('the indicator portfolio', { timeout: 20_000 }, () => {
  it('shows indicators by band as a chart and a table, the projects and the progress per indicator', async () => {
    renderWithProviders(<PortfolioPage />, { route: '/projekty/portfel' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Portfel wskaźników' })).toBeInTheDocument();
    expect(await screen.findByRole('status')).toHaveTextContent('Projekty: 2, wskaźniki: 5.');
    const bands = screen.getByRole('table', { name: 'Wskaźniki według stanu' });
    expect(within(bands).getByRole('row', { name: 'Osiągnięty 2' })).toBeInTheDocument();
    expect(within(bands).getByRole('row', { name: 'Brak pomiaru 1' })).toBeInTheDocument();
    const projects = screen.getByTestId('portfolio-projects');
    expect(
      within(projects).getByRole('link', {
        name: 'Koordynacja polityki społecznej w województwie świętokrzyskim',
      }),
    ).toHaveAttribute('href', `/projekty/${PROJECT}?karta=wskazniki`);
    expect(within(projects).getByRole('row', { name: /Koordynacja/ })).toHaveTextContent('upłynęło 60,58 %');
    const perIndicator = screen.getByRole('table', { name: 'Postęp według wskaźników' });
    expect(
      within(perIndicator).getByRole('row', { name: /EECO01 .* 2 1\s500 750 50,00/ }),
    ).toBeInTheDocument();
  });

  it('filters by project status and region', async () => {
    renderWithProviders(<PortfolioPage />, { route: '/projekty/portfel' });
    await screen.findByTestId('portfolio-projects');
    await userEvent.click(screen.getByRole('combobox', { name: 'Status projektu' }));
    await userEvent.click(await screen.findByRole('option', { name: 'W realizacji' }));
    await waitFor(() => expect(portfolioCalls().at(-1)?.searchParams.get('status')).toBe('realizacja'));
    await userEvent.click(screen.getByRole('combobox', { name: 'Województwo' }));
    await userEvent.click(await screen.findByRole('option', { name: 'świętokrzyskie' }));
    await waitFor(() => expect(portfolioCalls().at(-1)?.searchParams.get('region')).toBe('26'));
  });
});
