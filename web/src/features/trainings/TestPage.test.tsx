import type { TestOutcome, TestSheet } from '@kooperacja/domain';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { TestPage } from './TestPage';
import { problem, REGISTRATION_ID } from './trainings.fixtures';

configure({ asyncUtilTimeout: 5000 });

const Q1 = '0190c000-0000-7000-8000-000000000001';
const Q2 = '0190c000-0000-7000-8000-000000000002';
const opt = (n: number) => `0190c000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;
const path = `/api/trainings/registrations/${REGISTRATION_ID}/tests/koncowy`;

const sheet: TestSheet = {
  kind: 'koncowy',
  trainingTitle: 'Warsztaty kooperacyjne dla kadry OPS',
  passThreshold: 70,
  attemptsLeft: 3,
  questions: [
    {
      id: Q1,
      kind: 'jednokrotny',
      text: 'Kto przewodniczy zespołowi interdyscyplinarnemu?',
      options: [
        { id: opt(1), text: 'Przewodniczący wybrany przez zespół' },
        { id: opt(2), text: 'Wójt gminy' },
      ],
    },
    {
      id: Q2,
      kind: 'wielokrotny',
      text: 'Które instytucje wchodzą w skład zespołu?',
      options: [
        { id: opt(3), text: 'Ośrodek pomocy społecznej' },
        { id: opt(4), text: 'Policja' },
        { id: opt(5), text: 'Bank' },
      ],
    },
  ],
};
let outcome: TestOutcome;
let fetchMock: ReturnType<typeof vi.fn>;

beforeAll(async () => {
  await i18n.changeLanguage('pl');
});
beforeEach(() => {
  outcome = {
    kind: 'koncowy',
    points: 2,
    maxPoints: 2,
    percent: 100,
    passed: true,
    attemptsLeft: 2,
    raisedQualifications: true,
    certificate: { code: '7KD2-M9QX-4TBW', issuedOn: '2030-03-13', revokedOn: null, revokedReason: null },
  };
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === path && init?.method === 'POST') return jsonResponse(outcome);
    if (url.pathname === path) return jsonResponse(sheet);
    return jsonResponse(problem(404, 'Nie znaleziono'), 404);
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const renderPage = () =>
  renderWithProviders(
    <Routes>
      <Route path="/szkolenia/zapisy/:registrationId/test/:kind" element={<TestPage />} />
    </Routes>,
    { route: `/szkolenia/zapisy/${REGISTRATION_ID}/test/koncowy` },
  );

const posted = () =>
  fetchMock.mock.calls
    .filter(
      ([u, init]) => new URL(String(u), 'http://localhost').pathname === path && init?.method === 'POST',
    )
    .map(([, init]) => JSON.parse(String((init as RequestInit).body)));

describe('taking a test', { timeout: 30_000 }, () => {
  it('sends the chosen answers and shows the result with the certificate', async () => {
    const user = userEvent.setup();
    renderPage();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Test wiedzy po szkoleniu' }),
    ).toBeInTheDocument();
    const first = await screen.findByRole('group', {
      name: 'Pytanie 1 z 2: Kto przewodniczy zespołowi interdyscyplinarnemu?',
    });
    const second = screen.getByRole('group', {
      name: 'Pytanie 2 z 2: Które instytucje wchodzą w skład zespołu?',
    });
    await user.click(within(first).getByRole('radio', { name: 'Przewodniczący wybrany przez zespół' }));
    await user.click(within(second).getByRole('checkbox', { name: 'Ośrodek pomocy społecznej' }));
    await user.click(within(second).getByRole('checkbox', { name: 'Policja' }));
    await user.click(screen.getByRole('button', { name: 'Wyślij odpowiedzi' }));

    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]).toEqual({ answers: { [Q1]: [opt(1)], [Q2]: [opt(3), opt(4)] } });
    const result = await screen.findByRole('status', { name: /Test zaliczony/ });
    expect(result).toHaveTextContent('Wynik: 2 z 2 pkt (100%).');
    expect(result).toHaveTextContent('Próg zaliczenia: 70%.');
    expect(screen.getByText('7KD2-M9QX-4TBW')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Pobierz certyfikat (PDF)' })).toHaveAttribute(
      'href',
      `/api/trainings/registrations/${REGISTRATION_ID}/certificate.pdf`,
    );
  });

  it('warns about unanswered questions before sending and shows the attempts left after a fail', async () => {
    const user = userEvent.setup();
    outcome = {
      ...outcome,
      points: 0,
      percent: 0,
      passed: false,
      raisedQualifications: false,
      certificate: null,
    };
    renderPage();
    const first = await screen.findByRole('group', { name: /^Pytanie 1 z 2/ });
    await user.click(within(first).getByRole('radio', { name: 'Wójt gminy' }));
    await user.click(screen.getByRole('button', { name: 'Wyślij odpowiedzi' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Nie odpowiedziano na 1 pytanie.');
    expect(posted()).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Wyślij mimo to' }));
    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]).toEqual({ answers: { [Q1]: [opt(2)] } });
    const result = await screen.findByRole('status', { name: /Test niezaliczony/ });
    expect(result).toHaveTextContent('Zostały 2 podejścia.');
    expect(screen.queryByRole('link', { name: 'Pobierz certyfikat (PDF)' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Rozwiąż ponownie' })).toBeInTheDocument();
  });
});
