import type { ParticipantSupport, SessionAttendance } from '@kooperacja/domain';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { ActivityPage } from './ActivityPage';
import { ParticipantSupportSection } from './ParticipantSupportSection';
import { SupportTab } from './SupportTab';
import {
  ANNA,
  JAN,
  makeAttendance,
  makeSession,
  makeWorkshop,
  PROJECT,
  SESSION,
  WORKSHOP,
} from './support.fixtures';

configure({ asyncUtilTimeout: 5000 });

const attendanceUrl = `/api/projects/${PROJECT}/support/activities/${WORKSHOP}/sessions/${SESSION}/attendance`;
let fetchMock: ReturnType<typeof vi.fn>;
let attendance: SessionAttendance;
let workshop = makeWorkshop();
let putStatus = 200;
const puts: unknown[] = [];

beforeEach(() => {
  attendance = makeAttendance();
  workshop = makeWorkshop();
  putStatus = 200;
  puts.length = 0;
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    if (url.pathname === `/api/projects/${PROJECT}/support/activities/${WORKSHOP}`)
      return jsonResponse(workshop);
    if (url.pathname === attendanceUrl && method === 'PUT') {
      const body = JSON.parse(String(init?.body)) as {
        version: number;
        rows: { participantId: string; present: boolean; hours: string | null }[];
      };
      puts.push(body);
      if (putStatus === 409)
        return jsonResponse(
          {
            type: 'about:blank',
            title: 'Konflikt zmian',
            status: 409,
            code: 'conflict',
            detail: 'Zmieniono.',
          },
          409,
        );
      attendance = makeAttendance({
        session: makeSession({ version: body.version + 1, recorded: true, present: 1 }),
        rows: attendance.rows.map((r) => {
          const sent = body.rows.find((s) => s.participantId === r.participant.id);
          return {
            ...r,
            present: sent?.present ?? null,
            hours: sent?.present ? (sent.hours ?? '3').replace(',', '.') : '0',
          };
        }),
        recordedAt: '2026-11-24T10:15:00.000Z',
        recordedBy: 'Jan Koordynator',
      });
      return jsonResponse(attendance);
    }
    if (url.pathname === attendanceUrl) return jsonResponse(attendance);
    return jsonResponse({ items: [] });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

function renderActivity(query = '') {
  return renderWithProviders(
    <Routes>
      <Route path="/projekty/:projectId/wsparcie/:activityId" element={<ActivityPage />} />
    </Routes>,
    { route: `/projekty/${PROJECT}/wsparcie/${WORKSHOP}${query}` },
  );
}

describe('recording attendance for a workshop', { timeout: 20_000 }, () => {
  it('opens the list of a session from the schedule, ticks who came and saves the whole list at once', async () => {
    const user = userEvent.setup();
    renderActivity();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Warsztaty kompetencji społecznych' }),
    ).toBeInTheDocument();
    const schedule = screen.getByRole('table', { name: /Harmonogram zajęć/ });
    expect(within(schedule).getByText('Lista niewypełniona')).toBeInTheDocument();
    await user.click(within(schedule).getByRole('button', { name: 'Lista obecności 04.03.2019' }));

    const anna = await screen.findByRole('checkbox', { name: 'Obecność: Anna Kowalska' });
    const jan = screen.getByRole('checkbox', { name: 'Obecność: Jan Nowak' });
    expect(anna).not.toBeChecked();
    expect(screen.getByRole('link', { name: 'Pobierz listę do podpisu (PDF)' })).toHaveAttribute(
      'href',
      `${attendanceUrl}/pdf`,
    );
    await user.click(anna);
    // Ticked: the hours are prefilled with the session's length and can be changed.
    const annaHours = screen.getByRole('textbox', { name: 'Godziny: Anna Kowalska' });
    expect(annaHours).toHaveValue('3');
    expect(annaHours).toBeEnabled();
    expect(screen.getByRole('textbox', { name: 'Godziny: Jan Nowak' })).toBeDisabled();
    await user.clear(annaHours);
    await user.type(annaHours, '2,5');
    expect(jan).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Zapisz listę obecności' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Lista obecności zapisana.');
    expect(puts).toEqual([
      {
        version: 1,
        rows: [
          { participantId: ANNA, present: true, hours: '2,5' },
          { participantId: JAN, present: false, hours: null },
        ],
      },
    ]);
    expect(screen.getByText(/Ostatnio zapisał\(a\): Jan Koordynator/)).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Lista obecności: obecnych 1 z 2' })).toBeInTheDocument();
  });

  it('refuses hours with a third decimal before sending', async () => {
    const user = userEvent.setup();
    renderActivity(`?zajecia=${SESSION}`);
    await user.click(await screen.findByRole('checkbox', { name: 'Obecność: Jan Nowak' }));
    const hours = screen.getByRole('textbox', { name: 'Godziny: Jan Nowak' });
    await user.clear(hours);
    await user.type(hours, '1,255');
    expect(screen.getByText('Najwyżej dwa miejsca po przecinku.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Zapisz listę obecności' })).toBeDisabled();
    expect(puts).toEqual([]);
  });

  it('tells when somebody saved the list meanwhile and reloads it on request, overwriting nothing', async () => {
    const user = userEvent.setup();
    putStatus = 409;
    renderActivity(`?zajecia=${SESSION}`);
    await user.click(await screen.findByRole('checkbox', { name: 'Obecność: Anna Kowalska' }));
    await user.click(screen.getByRole('button', { name: 'Zapisz listę obecności' }));
    expect(await screen.findByText('Lista zmieniła się w międzyczasie')).toBeInTheDocument();
    // Meanwhile the other person marked Jan present.
    attendance = makeAttendance({
      session: makeSession({ version: 2, recorded: true, present: 1 }),
      rows: attendance.rows.map((r) => ({ ...r, present: r.participant.id === JAN })),
    });
    await user.click(screen.getByRole('button', { name: 'Wczytaj listę ponownie' }));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Obecność: Jan Nowak' })).toBeChecked());
    expect(screen.getByRole('checkbox', { name: 'Obecność: Anna Kowalska' })).not.toBeChecked();
    expect(screen.queryByText('Lista zmieniła się w międzyczasie')).not.toBeInTheDocument();
  });

  it('shows the list read-only to a team member who is not a coordinator', async () => {
    workshop = makeWorkshop({ abilities: { manage: false } });
    attendance = makeAttendance({ abilities: { manage: false } });
    renderActivity(`?zajecia=${SESSION}`);
    expect(await screen.findByRole('checkbox', { name: 'Obecność: Anna Kowalska' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Zapisz listę obecności' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Dodaj uczestnika' })).not.toBeInTheDocument();
  });
});

describe('support of the project and of a participant', { timeout: 20_000 }, () => {
  it('tells a reader of the project outside its team that support is the team’s', async () => {
    fetchMock.mockImplementation(async () =>
      jsonResponse({ type: 'about:blank', title: 'Nie znaleziono', status: 404, code: 'not_found' }, 404),
    );
    renderWithProviders(<SupportTab projectId={PROJECT} />);
    expect(
      await screen.findByText(/Wsparcie i dane uczestników projektu widzi tylko zespół projektu/),
    ).toBeInTheDocument();
  });

  it('groups the forms of support by kind with links to their pages', async () => {
    fetchMock.mockImplementation(async () =>
      jsonResponse({
        items: [
          { ...makeWorkshop(), sessions: undefined, episodes: undefined },
          {
            ...makeWorkshop(),
            id: '0190e000-0000-7000-8000-0000000000a2',
            kind: 'mieszkanie',
            name: 'Mieszkanie treningowe',
            capacity: 4,
          },
        ],
        supportTypes: [],
        project: { startsOn: '2019-01-01', endsOn: '2021-12-31' },
        today: '2026-11-24',
        abilities: { manage: false },
      }),
    );
    renderWithProviders(<SupportTab projectId={PROJECT} />);
    const group = await screen.findByRole('region', { name: 'Zajęcia grupowe (szkolenia, warsztaty)' });
    expect(within(group).getByRole('link', { name: 'Warsztaty kompetencji społecznych' })).toHaveAttribute(
      'href',
      `/projekty/${PROJECT}/wsparcie/${WORKSHOP}`,
    );
    expect(within(group).getByText('1 zajęcia, 3 godz.')).toBeInTheDocument();
    const flats = screen.getByRole('region', { name: 'Miejsce w mieszkaniu treningowym/wspomaganym' });
    expect(within(flats).getByRole('link', { name: 'Mieszkanie treningowe' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Dodaj formę wsparcia' })).not.toBeInTheDocument();
  });

  it('sums a participant’s hours on the participant page', async () => {
    const summary: ParticipantSupport = {
      participant: {
        id: ANNA,
        name: 'Anna Kowalska',
        technicalId: 'AND-2019/0001',
        joinedOn: '2019-02-01',
        leftOn: null,
      },
      episodes: [
        {
          ...makeWorkshop().episodes[0],
          attendedHours: '5.25',
          activity: {
            id: WORKSHOP,
            name: 'Warsztaty kompetencji społecznych',
            kind: 'grupowe',
            supportType: { code: '9.1.2.08', name: 'kursy' },
          },
          hoursCounted: '5.25',
        } as ParticipantSupport['episodes'][number],
      ],
      totals: { group: '5.25', individual: '0', internship: '0', total: '5.25', stipend: 0 },
      activities: [],
      abilities: { manage: true },
    };
    fetchMock.mockImplementation(async () => jsonResponse(summary));
    renderWithProviders(<ParticipantSupportSection projectId={PROJECT} participantId={ANNA} />);
    expect(
      await screen.findByText('Razem 5,25 godz.: zajęcia grupowe 5,25, wsparcie indywidualne 0, staże 0.'),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /Wsparcie: Anna Kowalska/ });
    expect(
      within(table).getByRole('link', { name: 'Warsztaty kompetencji społecznych' }),
    ).toBeInTheDocument();
    expect(within(table).getByText('01.03.2019 – bez daty końcowej')).toBeInTheDocument();
  });
});
