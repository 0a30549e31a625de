import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from '../auth/me.fixtures';
import { ProjectPage } from './ProjectPage';
import { ProjectsPage } from './ProjectsPage';
import { makeProject, NODE_ID, PROJECT_ID } from './projects.fixtures';

configure({ asyncUtilTimeout: 5000 });

let fetchMock: ReturnType<typeof vi.fn>;
let project = makeProject();
let create = true;
const requests = (path: string) =>
  fetchMock.mock.calls
    .map(([u]) => new URL(String(u), 'http://localhost'))
    .filter((u) => u.pathname === path);

beforeEach(() => {
  project = makeProject();
  create = true;
  fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
    if (url.pathname === '/api/projects') {
      const { money: _m, goals: _g, ...row } = project;
      return jsonResponse({ total: 1, items: [row], abilities: { create } });
    }
    if (url.pathname === `/api/projects/${PROJECT_ID}`) return jsonResponse(project);
    if (url.pathname === `/api/projects/${PROJECT_ID}/milestones`)
      return jsonResponse({
        items: [
          {
            id: '0190d000-0000-7000-8000-0000000000c1',
            name: 'Uruchomienie mieszkania chronionego',
            description: null,
            dueOn: '2019-09-30',
            achievedOn: null,
            status: 'zagrozony',
            overdue: true,
            version: 1,
          },
        ],
        today: '2026-11-24',
        abilities: { manage: false },
      });
    if (url.pathname === '/api/programmes')
      return jsonResponse({
        items: [
          {
            id: 'p1',
            parentId: null,
            kind: 'program',
            code: 'RPO WM 2014-2020',
            name: 'RPO',
            active: true,
            sortOrder: 0,
          },
          {
            id: NODE_ID,
            parentId: 'p1',
            kind: 'dzialanie',
            code: '9.1',
            name: 'Aktywna integracja',
            active: true,
            sortOrder: 0,
          },
        ],
        abilities: { manage: false },
      });
    return jsonResponse({ items: [], total: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe('project pages', { timeout: 20_000 }, () => {
  it('lists the portfolio with the filters of the URL and offers a new project when allowed', async () => {
    renderWithProviders(<ProjectsPage />, { route: `/projekty?programme=${NODE_ID}&status=zakonczony` });
    const table = await screen.findByRole('table', { name: /Projekty: numer, tytuł/ });
    const row = within(table).getByRole('row', { name: /Wykorzystaj swoją szansę/ });
    expect(within(row).getByRole('link', { name: 'Wykorzystaj swoją szansę' })).toHaveAttribute(
      'href',
      `/projekty/${PROJECT_ID}`,
    );
    expect(row).toHaveTextContent('01.01.2019 – 31.12.2021');
    expect(row).toHaveTextContent('1 216 630,61 zł');
    expect(row).toHaveTextContent('84,79 %');
    const last = requests('/api/projects').at(-1);
    expect(last?.searchParams.get('programme')).toBe(NODE_ID);
    expect(last?.searchParams.get('status')).toBe('zakonczony');
    expect(screen.getByRole('link', { name: 'Nowy projekt' })).toHaveAttribute('href', '/projekty/nowy');
    // The programme filter shows the chosen node by its code path.
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: /Program, oś, działanie/ })).toHaveValue(
        'RPO WM 2014-2020 › 9.1 Aktywna integracja',
      ),
    );
  });

  it('hides "new project" from a reader', async () => {
    create = false;
    renderWithProviders(<ProjectsPage />, { route: '/projekty' });
    await screen.findByRole('table', { name: /Projekty: numer, tytuł/ });
    expect(screen.queryByRole('link', { name: 'Nowy projekt' })).not.toBeInTheDocument();
  });

  it('shows the overview (ranking, period elapsed, money checks), the tabs, and overdue milestones', async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <Routes>
        <Route path="/projekty/:id" element={<ProjectPage />} />
      </Routes>,
      { route: `/projekty/${PROJECT_ID}` },
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Wykorzystaj swoją szansę' }),
    ).toBeInTheDocument();
    expect(screen.getByText('15. miejsce na 56')).toBeInTheDocument();
    expect(screen.getByText('Upłynęło 100,00 % czasu realizacji.')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Upływ czasu realizacji' })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Sprawdzenie sum' })).toHaveTextContent(
      'Źródła finansowania dają razem koszty kwalifikowalne — spełnione',
    );
    expect(screen.getByRole('link', { name: 'Edytuj projekt' })).toHaveAttribute(
      'href',
      `/projekty/${PROJECT_ID}/edycja`,
    );
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual([
      'Przegląd',
      'Zadania i budżet',
      'Partnerzy i zespół',
      'Kamienie milowe',
      'Dokumenty',
      'Wskaźniki',
      'Nabór',
      'Uczestnicy',
      'Wsparcie',
    ]);
    await user.click(screen.getByRole('tab', { name: 'Kamienie milowe' }));
    const timeline = await screen.findByRole('list', { name: 'Oś czasu kamieni milowych' });
    const item = within(timeline).getByRole('listitem');
    expect(item).toHaveTextContent('30.09.2019');
    expect(item).toHaveTextContent('Zagrożony');
    expect(item).toHaveTextContent('Po terminie');
    expect(screen.getByText('1 kamień milowy po terminie')).toBeInTheDocument();
  });

  it('offers no edit to a reader', async () => {
    project = makeProject({ abilities: { manage: false } });
    renderWithProviders(
      <Routes>
        <Route path="/projekty/:id" element={<ProjectPage />} />
      </Routes>,
      { route: `/projekty/${PROJECT_ID}` },
    );
    await screen.findByRole('heading', { level: 1, name: 'Wykorzystaj swoją szansę' });
    expect(screen.queryByRole('link', { name: 'Edytuj projekt' })).not.toBeInTheDocument();
    expect(screen.getByText(/Projekt zmienia jego koordynator/)).toBeInTheDocument();
  });
});
