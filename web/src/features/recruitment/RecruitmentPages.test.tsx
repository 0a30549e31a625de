import type { Application, Ranking, RankingEntry } from '@kooperacja/domain';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { ApplicationPage } from './ApplicationPage';
import { RankingView } from './RankingView';

configure({ asyncUtilTimeout: 5000 });

const PROJECT = '0190d000-0000-7000-8000-000000000001';
const CALL = '0190d000-0000-7000-8000-0000000000c1';
const COHORT = '0190d000-0000-7000-8000-0000000000c2';
const id = (n: number) => `0190d000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;

const entry = (n: number, over: Partial<RankingEntry>): RankingEntry => ({
  applicationId: id(n),
  number: `AND-2021/${String(n).padStart(4, '0')}`,
  firstName: 'Rodzina',
  lastName: `Nr${n}`,
  submittedAt: `2021-02-0${n}T09:00:00.000Z`,
  birthDate: '1985-01-01',
  score: 0,
  position: n,
  tied: false,
  status: 'zlozone',
  missingDocuments: 0,
  place: 'lista',
  ...over,
});

const ranking = (over: Partial<Ranking> = {}): Ranking => ({
  callId: CALL,
  cohortId: COHORT,
  cohortName: '2021 — rodziny wieloproblemowe',
  callCode: 'AND-2021',
  callName: 'Nabór 2021',
  places: 2,
  reservePlaces: 1,
  tieBreak: 'kolejnosc_zgloszen',
  ranking: [entry(1, { score: 30 }), entry(2, { score: 20, tied: true, missingDocuments: 1 })],
  reserve: [entry(3, { score: 20, tied: true, place: 'rezerwa' })],
  rest: [
    entry(4, { score: 0, place: 'poza_lista' }),
    entry(5, { score: 10, position: null, place: 'nie_spelnia_kryteriow' }),
  ],
  unchecked: 0,
  digest: 'odcisk-listy-1',
  version: 3,
  abilities: { manage: true, team: true },
  ...over,
});

let fetchMock: ReturnType<typeof vi.fn>;
let current = ranking();
let approveAnswer: () => Response = () =>
  jsonResponse({ qualified: 2, reserve: 1, rejected: 2, notified: 4 });

beforeEach(() => {
  current = ranking();
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname.endsWith('/ranking/approve')) return approveAnswer();
    if (url.pathname.endsWith('/ranking')) return jsonResponse(current);
    return jsonResponse({ items: [], total: 0 }, init?.method === 'POST' ? 500 : 200);
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe('the ranking of a cohort', { timeout: 20_000 }, () => {
  it('shows the list, the cut line after the places in words, the reserve list and the rest', async () => {
    renderWithProviders(<RankingView projectId={PROJECT} callId={CALL} cohortId={COHORT} />);
    const table = await screen.findByRole('table', { name: /Lista rankingowa i rezerwowa grupy 2021/ });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual([
      expect.stringContaining('AND-2021/0001'),
      expect.stringContaining('AND-2021/0002'),
      'Granica listy podstawowej (2 miejsc) — poniżej lista rezerwowa',
      expect.stringContaining('AND-2021/0003'),
      'Koniec listy rezerwowej — poniżej pozostałe zgłoszenia',
      expect.stringContaining('AND-2021/0004'),
      expect.stringContaining('AND-2021/0005'),
    ]);
    const second = within(table).getByRole('row', { name: /AND-2021\/0002/ });
    expect(second).toHaveTextContent('remis rozstrzygnięty regułą');
    expect(second).toHaveTextContent('brakujące dokumenty: 1');
    expect(within(table).getByRole('row', { name: /AND-2021\/0005/ })).toHaveTextContent(
      'nie spełnia kryteriów',
    );
    expect(screen.getByRole('link', { name: 'Pobierz XLSX' })).toHaveAttribute(
      'href',
      `/api/projects/${PROJECT}/calls/${CALL}/cohorts/${COHORT}/ranking/xlsx`,
    );
    expect(screen.getByRole('link', { name: 'PDF do publikacji (tylko numery)' })).toHaveAttribute(
      'href',
      `/api/projects/${PROJECT}/calls/${CALL}/cohorts/${COHORT}/ranking/pdf?anonim=1`,
    );
  });

  it('approves exactly the list shown (its digest and version) and reports the result', async () => {
    const user = userEvent.setup();
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderWithProviders(<RankingView projectId={PROJECT} callId={CALL} cohortId={COHORT} />);
    await user.click(await screen.findByRole('button', { name: 'Zatwierdź listę rankingową' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Zatwierdzono: zakwalifikowane 2, rezerwa 1, odrzucone 2; wysłane powiadomienia: 4.',
    );
    const approve = fetchMock.mock.calls.find(([u]) => String(u).endsWith('/ranking/approve'));
    expect(JSON.parse(String((approve?.[1] as RequestInit | undefined)?.body))).toEqual({
      digest: 'odcisk-listy-1',
      version: 3,
    });
  });

  it('refuses a list that changed meanwhile, shows why and loads it again', async () => {
    const user = userEvent.setup();
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    approveAnswer = () =>
      jsonResponse(
        {
          type: 'https://kooperacja.pl/problems/conflict',
          title: 'Konflikt zmian',
          status: 409,
          code: 'conflict',
          detail: 'Lista rankingowa zmieniła się od jej wczytania (nowe zgłoszenie albo decyzja).',
        },
        409,
      );
    renderWithProviders(<RankingView projectId={PROJECT} callId={CALL} cohortId={COHORT} />);
    await screen.findByRole('table');
    current = ranking({ digest: 'odcisk-listy-2' });
    await user.click(screen.getByRole('button', { name: 'Zatwierdź listę rankingową' }));
    expect(await screen.findByText(/Lista rankingowa zmieniła się/)).toBeInTheDocument();
    await waitFor(() =>
      expect(fetchMock.mock.calls.filter(([u]) => String(u).endsWith('/ranking')).length).toBe(2),
    );
  });

  it('offers no approval to a team member who is no coordinator, and none while applications are unchecked', async () => {
    current = ranking({ abilities: { manage: false, team: true } });
    const { unmount } = renderWithProviders(
      <RankingView projectId={PROJECT} callId={CALL} cohortId={COHORT} />,
    );
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: 'Zatwierdź listę rankingową' })).not.toBeInTheDocument();
    unmount();
    current = ranking({ unchecked: 2 });
    renderWithProviders(<RankingView projectId={PROJECT} callId={CALL} cohortId={COHORT} />);
    expect(await screen.findByText(/Niesprawdzone zgłoszenia: 2/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Zatwierdź listę rankingową' })).toBeDisabled();
  });
});

const application = (over: Partial<Application> = {}): Application => ({
  id: id(7),
  projectId: PROJECT,
  callId: CALL,
  callCode: 'AND-2019',
  callName: 'Nabór 2019',
  cohortId: COHORT,
  cohortName: '2019 — osoby z niepełnosprawnościami',
  number: 'AND-2019/0007',
  formKind: 'wsparcie',
  channel: 'online',
  firstName: 'Ewa',
  lastName: 'Zgłaszająca',
  pesel: null,
  noPesel: true,
  otherId: null,
  birthDate: '2003-09-01',
  sex: 'K',
  citizenship: 'polskie',
  teryt: '2661011',
  terytName: 'Kielce',
  street: null,
  postalCode: null,
  city: 'Kielce',
  phone: '600100200',
  email: null,
  education: null,
  labourStatus: 'pracujaca',
  disability: 'odmowa',
  povertyGrounds: [],
  inInstitution: false,
  institutionLeftOn: '2017-05-31',
  answers: {},
  consents: [],
  submittedAt: '2019-03-05T08:00:00.000Z',
  status: 'zakwalifikowane',
  eligibility: {
    eligible: false,
    onDate: '2019-03-05',
    checkedAt: '2019-03-05T08:00:00.000Z',
    reasons: [
      { rule: 'wiek', ok: false, code: 'wiek.za_mlody', params: { age: 15, min: 18 } },
      {
        rule: 'zamieszkanie',
        ok: false,
        code: 'zamieszkanie.poza_obszarem',
        params: { teryt: '2661011', allowed: ['1218'] },
      },
      {
        rule: 'status_na_rynku_pracy',
        ok: false,
        code: 'status_na_rynku_pracy.inny_status',
        params: { status: 'pracujaca', allowed: ['bezrobotna_zarejestrowana'] },
      },
      { rule: 'niepelnosprawnosc', ok: false, code: 'niepelnosprawnosc.odmowa', params: {} },
      {
        rule: 'instytucja',
        ok: false,
        code: 'instytucja.opuscil_dawno',
        params: { leftOn: '2017-05-31', months: 12, until: '2018-05-31' },
      },
      { rule: 'nie_uczestnik', ok: true, code: 'nie_uczestnik.spelnia', params: {} },
    ],
    scoring: { total: 0, items: [{ kind: 'niepelnosprawnosc', met: false, points: 0 }] },
  },
  score: 0,
  missingDocuments: [{ name: 'Orzeczenie o niepełnosprawności', received: false }],
  decisionReason: null,
  decidedBy: null,
  decidedAt: null,
  enteredBy: null,
  duplicates: [],
  questions: [],
  clauses: [],
  version: 4,
  abilities: { manage: true, enrol: true },
  ...over,
});

describe('an application', { timeout: 20_000 }, () => {
  it('shows the check rule by rule in words, and the way into the project for a qualified applicant', async () => {
    fetchMock.mockImplementation(async () => jsonResponse(application()));
    renderWithProviders(
      <Routes>
        <Route path="/projekty/:projectId/zgloszenia/:applicationId" element={<ApplicationPage />} />
      </Routes>,
      { route: `/projekty/${PROJECT}/zgloszenia/${id(7)}` },
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Zgłoszenie AND-2019/0007' }),
    ).toBeInTheDocument();
    const rules = screen.getByRole('list', { name: 'Kryteria po kolei' });
    const items = within(rules)
      .getAllByRole('listitem')
      .map((li) => li.textContent?.replace(/^[✓✗]/, ''));
    expect(items).toEqual([
      'Wiek w dniu złożenia zgłoszenia — nie spełnia. Wiek w dniu zgłoszenia: 15, a wymagane jest co najmniej 18.',
      'Miejsce zamieszkania (gmina lub powiat) — nie spełnia. Gmina zamieszkania 2661011 nie należy do obszaru naboru (1218).',
      'Status na rynku pracy — nie spełnia. Status na rynku pracy: Osoba pracująca, a nabór przyjmuje: Osoba bezrobotna zarejestrowana w ewidencji urzędów pracy.',
      'Osoba z niepełnosprawnościami — nie spełnia. Odmowa podania informacji o niepełnosprawności — nie można potwierdzić kryterium.',
      'Pobyt w instytucji całodobowej albo jej opuszczenie w ostatnich miesiącach — nie spełnia. Opuściła/opuścił instytucję 31.05.2017 — ponad 12 mies. przed zgłoszeniem (termin minął 31.05.2018).',
      'Nie jest już uczestnikiem projektu — spełnia. Nie jest uczestnikiem projektu.',
    ]);
    expect(screen.getByText('Nie spełnia kryteriów uczestnictwa.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Przyjmij do projektu' })).toHaveAttribute(
      'href',
      `/projekty/${PROJECT}/uczestnicy/nowy?zgloszenie=${id(7)}`,
    );
    expect(
      screen.getByRole('checkbox', { name: 'Orzeczenie o niepełnosprawności — dostarczono' }),
    ).not.toBeChecked();
  });

  it('requires a reason to reject and sends the decision with the loaded version', async () => {
    const user = userEvent.setup();
    const decided: unknown[] = [];
    fetchMock.mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('/decision')) {
        decided.push(JSON.parse(String(init?.body)));
        return jsonResponse(
          application({ status: 'odrzucone', decisionReason: 'Poza obszarem naboru', version: 5 }),
        );
      }
      return jsonResponse(
        application({ status: 'w_weryfikacji', abilities: { manage: true, enrol: false } }),
      );
    });
    renderWithProviders(
      <Routes>
        <Route path="/projekty/:projectId/zgloszenia/:applicationId" element={<ApplicationPage />} />
      </Routes>,
      { route: `/projekty/${PROJECT}/zgloszenia/${id(7)}` },
    );
    await screen.findByRole('heading', { level: 1, name: 'Zgłoszenie AND-2019/0007' });
    expect(screen.queryByRole('link', { name: 'Przyjmij do projektu' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: 'Nowy status' }));
    await user.click(await screen.findByRole('option', { name: 'Odrzucone' }));
    expect(screen.getByRole('textbox', { name: /Uzasadnienie/ })).toBeRequired();
    await user.type(screen.getByRole('textbox', { name: /Uzasadnienie/ }), 'Poza obszarem naboru');
    await user.click(screen.getByRole('button', { name: 'Zapisz decyzję' }));
    await waitFor(() =>
      expect(decided).toEqual([{ status: 'odrzucone', reason: 'Poza obszarem naboru', version: 4 }]),
    );
    expect(await screen.findByText(/Ostatnia decyzja: Poza obszarem naboru/)).toBeInTheDocument();
  });
});
