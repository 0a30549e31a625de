import type { SmefsImport, SmefsReport } from '@kooperacja/domain';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from '../auth/me.fixtures';
import { makeProject, PROJECT_ID } from '../projects/projects.fixtures';
import { SmefsPage } from './SmefsPage';
import { SmefsProjectLink } from './SmefsProjectLink';

configure({ asyncUtilTimeout: 5000 });

const IMPORT_ID = '0190e000-0000-7000-8000-0000000000e1';
const PARTICIPANT_ID = '0190e000-0000-7000-8000-0000000000f1';
const DEGURBA = 'Obszar według stopnia urbanizacji (DEGURBA)';

function makeReport(overrides: Partial<SmefsReport> = {}): SmefsReport {
  return {
    projectId: PROJECT_ID,
    projectNumber: 'RPMP.09.01.02-12-0142/17',
    total: 60,
    valid: 59,
    invalid: 1,
    byColumn: [{ column: 'degurba', header: DEGURBA, count: 1 }],
    items: [
      {
        participantId: PARTICIPANT_ID,
        technicalId: 'WSS/2019/0002',
        firstName: 'Jan',
        lastName: 'Nowak',
        problems: [
          {
            column: 'degurba',
            header: DEGURBA,
            code: 'smefs.required',
            message: `Brak wartości w kolumnie „${DEGURBA}”.`,
          },
        ],
      },
    ],
    limit: 50,
    offset: 0,
    abilities: { import: true },
    ...overrides,
  };
}

function makeImport(overrides: Partial<SmefsImport> = {}): SmefsImport {
  return {
    id: IMPORT_ID,
    projectId: PROJECT_ID,
    filename: 'uczestnicy.csv',
    format: 'csv',
    status: 'walidacja',
    rowCount: 4,
    processed: 0,
    errorRows: 0,
    errorCount: 0,
    errors: [],
    notices: [],
    result: null,
    failure: null,
    version: 1,
    createdAt: '2026-01-10T10:00:00.000Z',
    updatedAt: '2026-01-10T10:00:00.000Z',
    abilities: { confirm: false, discard: false },
    ...overrides,
  };
}

let fetchMock: ReturnType<typeof vi.fn>;
let report: SmefsReport | null;
/** What GET of the import answers, one after another (the last one repeats). */
let importStates: SmefsImport[];
const calls = (method: string, pathEnd: string) =>
  fetchMock.mock.calls.filter(
    ([u, init]) =>
      String(u).split('?')[0]?.endsWith(pathEnd) && ((init as RequestInit)?.method ?? 'GET') === method,
  );

beforeEach(() => {
  report = makeReport();
  importStates = [];
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
    if (url.pathname === `/api/projects/${PROJECT_ID}`) return jsonResponse(makeProject());
    if (url.pathname.endsWith('/smefs/validation'))
      return report
        ? jsonResponse(report)
        : jsonResponse({ type: 'x', title: 'Nie znaleziono', status: 404, code: 'not_found' }, 404);
    if (url.pathname.endsWith('/smefs/imports') && method === 'POST') return jsonResponse(makeImport(), 202);
    if (url.pathname.endsWith(`/imports/${IMPORT_ID}/confirm`))
      return jsonResponse(makeImport({ status: 'zapisywanie', version: 3 }), 202);
    if (url.pathname.endsWith(`/imports/${IMPORT_ID}`) && method === 'DELETE')
      return new Response(null, { status: 204 });
    if (url.pathname.endsWith(`/imports/${IMPORT_ID}`)) {
      const state = importStates.length > 1 ? importStates.shift() : importStates[0];
      return jsonResponse(state);
    }
    return jsonResponse({ items: [], total: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const renderPage = (route = `/projekty/${PROJECT_ID}/smefs`) =>
  renderWithProviders(
    <Routes>
      <Route path="/projekty/:projectId/smefs" element={<SmefsPage />} />
    </Routes>,
    { route },
  );

describe('the SM EFS page', { timeout: 20_000 }, () => {
  it('shows the report: counts, problems per column, each participant with a link and the problem written out', async () => {
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Uczestnicy w SM EFS' })).toBeInTheDocument();
    const byColumn = await screen.findByRole('table', { name: /według kolumn SM EFS/ });
    expect(within(byColumn).getByRole('row', { name: `${DEGURBA} 1` })).toBeInTheDocument();
    const items = screen.getByRole('table', { name: 'Uczestnik z brakami lub błędami (1–1 z 1)' });
    expect(within(items).getByRole('link', { name: 'Jan Nowak' })).toHaveAttribute(
      'href',
      `/projekty/${PROJECT_ID}/uczestnicy/${PARTICIPANT_ID}`,
    );
    expect(items).toHaveTextContent(`Brak wartości w kolumnie „${DEGURBA}”.`);
    expect(screen.getByText('Z brakami lub błędami').nextSibling).toHaveTextContent('1');
    // With a participant to correct, the downloads say so and force the file.
    expect(screen.getByText(/1 uczestnik ma braki lub błędy/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Pobierz CSV mimo braków' })).toHaveAttribute(
      'href',
      `/api/projects/${PROJECT_ID}/smefs/export.csv?force=true`,
    );
  });

  it('offers the plain downloads when every participant is complete', async () => {
    report = makeReport({ valid: 60, invalid: 0, byColumn: [], items: [] });
    renderPage();
    expect(await screen.findByText(/Dane wszystkich 60 uczestników są kompletne/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Pobierz CSV' })).toHaveAttribute(
      'href',
      `/api/projects/${PROJECT_ID}/smefs/export.csv`,
    );
    expect(screen.getByRole('link', { name: 'Pobierz XLSX' })).toHaveAttribute(
      'href',
      `/api/projects/${PROJECT_ID}/smefs/export.xlsx`,
    );
  });

  it('tells somebody outside the team that only the team sees participants, and offers no import', async () => {
    report = null;
    renderPage();
    expect(await screen.findByText(/widzi tylko zespół projektu/)).toBeInTheDocument();
    expect(screen.queryByLabelText(/Plik SM EFS/)).not.toBeInTheDocument();
  });

  it('hides the import from a team member who is no coordinator', async () => {
    report = makeReport({ abilities: { import: false } });
    renderPage();
    await screen.findByRole('heading', { name: 'Raport walidacji' });
    expect(
      screen.queryByRole('heading', { name: 'Import uczestników z pliku SM EFS' }),
    ).not.toBeInTheDocument();
  });

  it('uploads a file, shows the progress, then every row’s problems; nothing can be saved', async () => {
    const user = userEvent.setup();
    importStates = [
      makeImport({ status: 'walidacja', processed: 2 }),
      makeImport({
        status: 'bledy',
        processed: 4,
        errorRows: 1,
        errorCount: 1,
        errors: [
          {
            row: 3,
            column: 'gmina',
            header: 'Gmina',
            code: 'smefs.territory',
            message: 'Nie ma w rejestrze TERYT jednostki „Bochnia Górna” (kolumna „Gmina”).',
          },
        ],
        notices: ['Plik podaje numer projektu „X”, a import dotyczy projektu „Y”.'],
        version: 2,
        abilities: { confirm: false, discard: true },
      }),
    ];
    renderPage();
    const picker = await screen.findByLabelText(/Plik SM EFS \(CSV lub XLSX\)/);
    const form = picker.closest('form') as HTMLFormElement;
    await user.upload(
      form.querySelector('input[type="file"]') as HTMLInputElement,
      new File(['Imię;Nazwisko'], 'uczestnicy.csv', { type: 'text/csv' }),
    );
    await user.click(screen.getByRole('button', { name: 'Sprawdź plik' }));
    expect(
      await screen.findByRole('progressbar', { name: /Sprawdzanie pliku: 2 z 4 wierszy/ }),
    ).toBeInTheDocument();
    const errors = await screen.findByRole('table', { name: /Błędy w wierszach pliku/ }, { timeout: 5000 });
    expect(within(errors).getByRole('row', { name: /3 Gmina Nie ma w rejestrze TERYT/ })).toBeInTheDocument();
    expect(screen.getByText('Plik ma błędy — nic nie zapisano')).toBeInTheDocument();
    expect(screen.getByText(/Plik podaje numer projektu/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Zapisz/ })).not.toBeInTheDocument();
    const [[url, init]] = calls('POST', '/smefs/imports') as [[string, RequestInit]];
    expect(url).toContain('filename=uczestnicy.csv');
    expect(init.body).toBeInstanceOf(File);
    await user.click(screen.getByRole('button', { name: 'Wgraj inny plik' }));
    expect(await screen.findByRole('button', { name: 'Sprawdź plik' })).toBeInTheDocument();
    expect(calls('DELETE', `/imports/${IMPORT_ID}`)).toHaveLength(1);
  });

  it('confirms a correct file with its version, shows the saving progress and what was written', async () => {
    const user = userEvent.setup();
    importStates = [
      makeImport({ status: 'gotowy', processed: 4, version: 2, abilities: { confirm: true, discard: true } }),
    ];
    renderPage(`/projekty/${PROJECT_ID}/smefs?import=${IMPORT_ID}`);
    expect(
      await screen.findByText('4 wiersze gotowe do zapisania. Nic jeszcze nie zapisano.'),
    ).toBeInTheDocument();
    importStates = [
      makeImport({ status: 'zapisywanie', processed: 2, version: 3 }),
      makeImport({
        status: 'zapisany',
        processed: 4,
        version: 4,
        result: { participants: 4, personsCreated: 1, personsMatched: 3, activitiesCreated: 6, episodes: 7 },
        abilities: { confirm: false, discard: true },
      }),
    ];
    await user.click(screen.getByRole('button', { name: 'Zapisz 4 uczestników' }));
    const [[, init]] = calls('POST', `/imports/${IMPORT_ID}/confirm`) as [[string, RequestInit]];
    expect(JSON.parse(String(init.body))).toEqual({ version: 2 });
    expect(
      await screen.findByRole('progressbar', { name: /Zapisywanie: 2 z 4 wierszy \(50%\)/ }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Zapisano uczestników', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('4 uczestników dodanych do projektu')).toBeInTheDocument();
    expect(screen.getByText('1 nowa osoba w rejestrze osób')).toBeInTheDocument();
    // The report is read again with the new participants.
    await waitFor(() => expect(calls('GET', '/smefs/validation').length).toBeGreaterThan(1));
  });
});

describe('the link on the project card', () => {
  it('is shown to the project team only', async () => {
    const me = makeMe();
    const project = makeProject();
    const member = {
      ...project,
      team: [
        {
          user: { id: me.user.id, name: 'Anna Nowak', email: me.user.email },
          role: 'czlonek' as const,
          institutions: [],
        },
      ],
    };
    const { unmount } = renderWithProviders(<SmefsProjectLink project={member} />);
    expect(await screen.findByRole('link', { name: 'SM EFS: eksport i import' })).toHaveAttribute(
      'href',
      `/projekty/${PROJECT_ID}/smefs`,
    );
    unmount();
    renderWithProviders(<SmefsProjectLink project={{ ...project, team: [] }} />);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(screen.queryByRole('link', { name: 'SM EFS: eksport i import' })).not.toBeInTheDocument();
  });
});
