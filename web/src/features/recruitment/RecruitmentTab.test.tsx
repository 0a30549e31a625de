import type { Call, CallList } from '@kooperacja/domain';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { RecruitmentTab } from './RecruitmentTab';

configure({ asyncUtilTimeout: 5000 });

const PROJECT = '0190d000-0000-7000-8000-000000000001';
const CALL = '0190d000-0000-7000-8000-0000000000c1';
const COHORT = '0190d000-0000-7000-8000-0000000000c2';

const call = (abilities: Call['abilities']): Call => ({
  id: CALL,
  projectId: PROJECT,
  code: 'AND-2019',
  name: 'Nabór uczestników 2019–2021',
  description: null,
  opensAt: '2019-03-01T08:00:00.000Z',
  closesAt: '2019-03-31T20:00:00.000Z',
  placesTotal: 30,
  formKinds: ['wsparcie'],
  questions: [],
  clauses: [],
  status: 'zamkniety',
  acceptsApplications: false,
  regulations: null,
  cohorts: [
    {
      id: COHORT,
      callId: CALL,
      name: '2019 — osoby z niepełnosprawnościami',
      year: 2019,
      places: 20,
      reservePlaces: 5,
      eligibilityRules: [{ kind: 'wiek', min: 18, max: 64 }, { kind: 'niepelnosprawnosc' }],
      scoringCriteria: [{ kind: 'zagrozenie_wykluczeniem', perGround: true, points: 5 }],
      tieBreak: 'starszy_wiek',
      sortOrder: 0,
      counts: { zakwalifikowane: 20, rezerwa: 5, odrzucone: 3 },
      version: 2,
    },
  ],
  counts: { zakwalifikowane: 20, rezerwa: 5, odrzucone: 3 },
  total: 28,
  version: 4,
  abilities,
});

let fetchMock: ReturnType<typeof vi.fn>;
let list: CallList;
const paths = () => fetchMock.mock.calls.map(([u]) => new URL(String(u), 'http://localhost').pathname);

beforeEach(() => {
  list = { items: [call({ manage: false, team: false })], abilities: { manage: false, team: false } };
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === `/api/projects/${PROJECT}/calls` && !init?.method) return jsonResponse(list);
    if (url.pathname.endsWith('/ranking'))
      return jsonResponse({
        callId: CALL,
        cohortId: COHORT,
        cohortName: '2019 — osoby z niepełnosprawnościami',
        callCode: 'AND-2019',
        callName: 'Nabór uczestników 2019–2021',
        places: 20,
        reservePlaces: 5,
        tieBreak: 'starszy_wiek',
        ranking: [],
        reserve: [],
        rest: [],
        unchecked: 0,
        digest: 'x',
        version: 2,
        abilities: { manage: true, team: true },
      });
    if (url.pathname.endsWith('/cohorts') && init?.method === 'POST')
      return jsonResponse({ ...list.items[0]?.cohorts[0], id: '0190d000-0000-7000-8000-0000000000c3' }, 201);
    return jsonResponse({ items: [], total: 0, counts: {}, abilities: { manage: true, team: true } });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe('the Nabór tab', { timeout: 20_000 }, () => {
  it('shows a reader outside the team the call, its rules in words and the counts, never the applications', async () => {
    renderWithProviders(<RecruitmentTab projectId={PROJECT} />);
    expect(await screen.findByRole('heading', { name: 'Nabór uczestników 2019–2021' })).toBeInTheDocument();
    expect(screen.getByText('Wiek w dniu zgłoszenia od 18 do 64 lat')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Zagrożenie ubóstwem lub wykluczeniem społecznym (dowolna przesłanka) — 5 pkt za każdą przesłankę',
      ),
    ).toBeInTheDocument();
    const counts = screen.getByText('Wszystkie zgłoszenia').closest('dl') as HTMLElement;
    expect(within(counts).getByText('28')).toBeInTheDocument();
    expect(screen.getByText(/widzi tylko zespół projektu/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Nowy nabór' })).not.toBeInTheDocument();
    expect(paths().some((p) => p.endsWith('/applications') || p.endsWith('/ranking'))).toBe(false);
  });

  it('gives a coordinator the applications, the ranking and a cohort editor that sends rules as data', async () => {
    const user = userEvent.setup();
    list = { items: [call({ manage: true, team: true })], abilities: { manage: true, team: true } };
    renderWithProviders(<RecruitmentTab projectId={PROJECT} />);
    expect(await screen.findByRole('heading', { name: 'Zgłoszenia' })).toBeInTheDocument();
    await waitFor(() =>
      expect(paths()).toContain(`/api/projects/${PROJECT}/calls/${CALL}/cohorts/${COHORT}/ranking`),
    );
    await user.click(screen.getByRole('button', { name: 'Dodaj grupę' }));
    const form = screen.getByRole('form', { name: 'Nowa grupa' });
    await user.type(within(form).getByRole('textbox', { name: /Nazwa grupy/ }), '2020 — osoby bezrobotne');
    await user.clear(within(form).getByRole('textbox', { name: /^Miejsca/ }));
    await user.type(within(form).getByRole('textbox', { name: /^Miejsca/ }), '10');
    await user.click(within(form).getByRole('combobox', { name: 'Kryterium do dodania' }));
    await user.click(await screen.findByRole('option', { name: 'Status na rynku pracy' }));
    await user.click(within(form).getAllByRole('button', { name: 'Dodaj' })[0] as HTMLElement);
    expect(
      within(form).getByText(
        'Status na rynku pracy: Osoba bezrobotna zarejestrowana w ewidencji urzędów pracy',
      ),
    ).toBeInTheDocument();
    await user.click(
      within(form).getByRole('checkbox', {
        name: 'Osoba bezrobotna niezarejestrowana w ewidencji urzędów pracy',
      }),
    );
    await user.click(within(form).getByRole('button', { name: 'Zapisz' }));
    await waitFor(() => {
      const post = fetchMock.mock.calls.find(
        ([u, i]) => String(u).endsWith('/cohorts') && (i as RequestInit)?.method === 'POST',
      );
      expect(JSON.parse(String((post?.[1] as RequestInit | undefined)?.body))).toMatchObject({
        name: '2020 — osoby bezrobotne',
        places: 10,
        eligibilityRules: [
          {
            kind: 'status_na_rynku_pracy',
            allowed: ['bezrobotna_zarejestrowana', 'bezrobotna_niezarejestrowana'],
          },
        ],
        scoringCriteria: [],
        tieBreak: 'kolejnosc_zgloszen',
      });
    });
  });
});
