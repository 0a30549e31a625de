import type { Participant } from '@kooperacja/domain';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from '../auth/me.fixtures';
import { ParticipantPage } from './ParticipantPage';
import { ParticipantsTab } from './ParticipantsTab';
import {
  cohorts,
  counts,
  makeParticipant,
  PARTICIPANT_ID,
  PROJECT_ID,
  summaryOf,
} from './participants.fixtures';

configure({ asyncUtilTimeout: 5000 });

let fetchMock: ReturnType<typeof vi.fn>;
let participant: Participant = makeParticipant();
let readPersons = true;
let answer: (url: URL, init?: RequestInit) => Response | undefined = () => undefined;
const sent = (suffix: string) =>
  fetchMock.mock.calls
    .filter(
      ([u, init]) =>
        new URL(String(u), 'http://localhost').pathname.endsWith(suffix) && init?.method === 'POST',
    )
    .map(([, init]) => JSON.parse(String((init as RequestInit).body)));

beforeEach(() => {
  participant = makeParticipant();
  readPersons = true;
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const custom = answer(url, init);
    if (custom) return custom;
    const base = `/api/projects/${PROJECT_ID}/participants`;
    if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
    if (url.pathname === `${base}/${PARTICIPANT_ID}`) return jsonResponse(participant);
    if (url.pathname === `${base}/${PARTICIPANT_ID}/follow-up`) {
      participant = {
        ...participant,
        followUpOn: '2020-06-22',
        followUpResult: ['pracuje'],
        followUp: null,
        version: 4,
      };
      return jsonResponse(participant);
    }
    // The support capability's section of the card (web/src/features/support): no episodes.
    if (url.pathname === `/api/projects/${PROJECT_ID}/support/participants/${PARTICIPANT_ID}`)
      return jsonResponse({
        participant: { id: PARTICIPANT_ID, joinedOn: participant.joinedOn, leftOn: participant.leftOn },
        episodes: [],
        totals: { group: '0', individual: '0', internship: '0', total: '0', stipend: 0 },
        activities: [],
        abilities: { manage: false },
      });
    if (url.pathname === `${base}/summary`)
      return jsonResponse({ counts, cohorts, abilities: { readPersons, manage: readPersons } });
    if (url.pathname === base)
      return jsonResponse({
        total: 1,
        items: [summaryOf(participant)],
        counts,
        followUpsDue: 1,
        cohorts,
        today: '2026-11-24',
        abilities: { manage: true },
      });
    return jsonResponse({ items: [], total: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  answer = () => undefined;
});

const renderCard = () =>
  renderWithProviders(
    <Routes>
      <Route path="/projekty/:projectId/uczestnicy/:participantId" element={<ParticipantPage />} />
    </Routes>,
    { route: `/projekty/${PROJECT_ID}/uczestnicy/${PARTICIPANT_ID}` },
  );

describe('participant card', { timeout: 30_000 }, () => {
  it('shows the SM EFS data in sections, the locked age, the contract and the overdue follow-up', async () => {
    renderCard();
    expect(await screen.findByRole('heading', { level: 1, name: 'Anna Nowak' })).toBeInTheDocument();
    const person = screen.getByRole('region', { name: 'Dane osobowe' });
    expect(person).toHaveTextContent('PESEL 90050112343');
    expect(person).toHaveTextContent('28 lat (zablokowany)');
    const address = screen.getByRole('region', { name: 'Adres i kontakt' });
    expect(address).toHaveTextContent('Andrychów (1218013)');
    expect(address).toHaveTextContent('Małe miasta i przedmieścia (2)');
    expect(screen.getByRole('region', { name: 'Cechy uczestnika (dane wrażliwe)' })).toHaveTextContent(
      'Odmowa podania informacji',
    );
    const exit = screen.getByRole('region', { name: 'Zakończenie udziału' });
    expect(exit).toHaveTextContent('20.12.2019');
    expect(exit).toHaveTextContent(
      'Pracuje po opuszczeniu programu; Postęp w procesie integracji społecznej',
    );
    expect(screen.getByRole('link', { name: 'Umowa uczestnictwa (PDF)' })).toHaveAttribute(
      'href',
      `/api/projects/${PROJECT_ID}/participants/${PARTICIPANT_ID}/contract.pdf`,
    );
    expect(
      within(screen.getByRole('region', { name: 'Pomiar sześć miesięcy po zakończeniu udziału' })).getByText(
        'Zaległy — termin 20.06.2020',
      ),
    ).toBeInTheDocument();
  });

  it('records the six-month follow-up with the version it read', async () => {
    const user = userEvent.setup();
    renderCard();
    const section = await screen.findByRole('region', {
      name: 'Pomiar sześć miesięcy po zakończeniu udziału',
    });
    await user.type(within(section).getByRole('textbox', { name: /^Data pomiaru/ }), '22.06.2020');
    await user.click(within(section).getByRole('checkbox', { name: 'Pracuje, w tym na własny rachunek' }));
    await user.click(within(section).getByRole('button', { name: 'Zapisz pomiar' }));
    await waitFor(() => expect(sent('/follow-up')).toHaveLength(1));
    expect(sent('/follow-up')[0]).toEqual({
      followUpOn: '2020-06-22',
      followUpResult: ['pracuje'],
      version: 3,
    });
    expect(await within(section).findByText('Wykonany 22.06.2020')).toBeInTheDocument();
  });

  it('offers to reload after a stale save (409) of the exit', async () => {
    const user = userEvent.setup();
    answer = (url, init) =>
      url.pathname.endsWith('/exit') && init?.method === 'POST'
        ? jsonResponse(
            {
              type: 'about:blank',
              title: 'Konflikt',
              detail: 'Ktoś zmienił ten rekord w międzyczasie.',
              status: 409,
              code: 'conflict',
            },
            409,
          )
        : undefined;
    renderCard();
    const section = await screen.findByRole('region', { name: 'Zakończenie udziału' });
    await user.click(within(section).getByRole('button', { name: 'Zapisz zakończenie' }));
    expect(await within(section).findByRole('button', { name: 'Wczytaj aktualne dane' })).toBeInTheDocument();
    expect(sent('/exit')[0]).toMatchObject({
      status: 'zakonczony',
      leftOn: '2019-12-20',
      completedPath: true,
      version: 3,
    });
  });

  it('shows no forms to a team member who does not coordinate', async () => {
    participant = makeParticipant({ abilities: { manage: false } });
    renderCard();
    await screen.findByRole('heading', { level: 1, name: 'Anna Nowak' });
    expect(screen.queryByRole('button', { name: 'Zmień dane uczestnika' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Zapisz zakończenie' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Zapisz pomiar' })).not.toBeInTheDocument();
  });
});

describe('project tab "Uczestnicy"', { timeout: 30_000 }, () => {
  it('lists the participants for the team, with counts and the overdue follow-up written out', async () => {
    renderWithProviders(<ParticipantsTab project={{ id: PROJECT_ID }} />, {
      route: `/projekty/${PROJECT_ID}`,
    });
    const table = await screen.findByRole('table', { name: /Uczestnicy: numer, imię i nazwisko/ });
    const row = within(table).getByRole('row', { name: /Nowak Anna/ });
    expect(row).toHaveTextContent('WSS-2019/0001');
    expect(row).toHaveTextContent('Zaległy — termin 20.06.2020');
    expect(within(row).getByRole('link', { name: 'Nowak Anna' })).toHaveAttribute(
      'href',
      `/projekty/${PROJECT_ID}/uczestnicy/${PARTICIPANT_ID}`,
    );
    expect(
      screen.getByText('1 pomiar po 6 miesiącach jest zaległy albo przypada w ciągu dwóch tygodni.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Zapisz uczestnika' })).toHaveAttribute(
      'href',
      `/projekty/${PROJECT_ID}/uczestnicy/nowy`,
    );
  });

  it('opens on the follow-ups to do when reached from a follow-up reminder (?pomiar=1)', async () => {
    renderWithProviders(<ParticipantsTab project={{ id: PROJECT_ID }} />, {
      route: `/projekty/${PROJECT_ID}?karta=uczestnicy&pomiar=1`,
    });
    await screen.findByRole('table', { name: /Uczestnicy: numer, imię i nazwisko/ });
    expect(screen.getByRole('switch', { name: 'Tylko pomiary po 6 miesiącach do wykonania' })).toBeChecked();
    const lists = fetchMock.mock.calls
      .map(([u]) => new URL(String(u), 'http://localhost'))
      .filter((u) => u.pathname.endsWith('/participants'));
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((u) => u.searchParams.get('followUp') === 'do_zrobienia')).toBe(true);
  });

  it('shows another reader of the project only the counts', async () => {
    readPersons = false;
    renderWithProviders(<ParticipantsTab project={{ id: PROJECT_ID }} />, {
      route: `/projekty/${PROJECT_ID}`,
    });
    expect(
      await screen.findByText('Dane osobowe uczestników widzi tylko zespół projektu; tu widać ich liczbę.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Razem').nextElementSibling).toHaveTextContent('2');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(
      fetchMock.mock.calls.some(([u]) =>
        new URL(String(u), 'http://localhost').pathname.endsWith('/participants'),
      ),
    ).toBe(false);
  });
});
