import type { Registration, RegistrationList } from '@kooperacja/domain';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { setCsrfToken } from '../../lib/api';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { EditionPage } from './EditionPage';
import {
  EDITION_ID,
  makeRegistration,
  makeTraining,
  problem,
  REGISTRATION_2,
  REGISTRATION_ID,
  SESSION_1,
  SESSION_2,
  TRAINING_ID,
} from './trainings.fixtures';

configure({ asyncUtilTimeout: 5000 });

const base = `/api/trainings/${TRAINING_ID}/editions/${EDITION_ID}`;
const anna = makeRegistration({
  presentSessionIds: [SESSION_1],
  attendance: { present: 1, sessions: 2, percent: 50 },
  preTest: { percent: 40, passed: false, attempts: 1, takenOn: '2030-03-12', onPaper: false },
  finalTest: { percent: 90, passed: true, attempts: 1, takenOn: '2030-03-13', onPaper: false },
  certificate: { code: '7KD2-M9QX-4TBW', issuedOn: '2030-03-13', revokedOn: null, revokedReason: null },
  raisedQualifications: true,
});
const jan = makeRegistration({
  id: REGISTRATION_2,
  learner: {
    ...anna.learner,
    id: '0190b000-0000-7000-8000-000000000042',
    firstName: 'Jan',
    lastName: 'Kowalski',
  },
});
const ewa = makeRegistration({
  id: '0190b000-0000-7000-8000-000000000033',
  learner: {
    ...anna.learner,
    id: '0190b000-0000-7000-8000-000000000043',
    firstName: 'Ewa',
    lastName: 'Rezerwowa',
  },
  status: 'rezerwowa',
  waitingPosition: 1,
});
let list: RegistrationList;
let fetchMock: ReturnType<typeof vi.fn>;

const puts = () =>
  fetchMock.mock.calls
    .filter(
      ([u, init]) =>
        new URL(String(u), 'http://localhost').pathname === `${base}/attendance` && init?.method === 'PUT',
    )
    .map(([, init]) => JSON.parse(String((init as RequestInit).body)));

beforeAll(async () => {
  await i18n.changeLanguage('pl');
});
beforeEach(() => {
  list = { items: [anna, jan, ewa] };
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === `/api/trainings/${TRAINING_ID}`)
      return jsonResponse(makeTraining({ abilities: { manage: true } }));
    if (url.pathname === `${base}/registrations`) return jsonResponse(list);
    if (url.pathname === `${base}/attendance` && init?.method === 'PUT') {
      const body = JSON.parse(String(init.body)) as {
        sessionId: string;
        marks: { registrationId: string; present: boolean }[];
      };
      list = {
        items: list.items.map((r): Registration => {
          const mark = body.marks.find((m) => m.registrationId === r.id);
          if (!mark) return r;
          const present = new Set(r.presentSessionIds);
          if (mark.present) present.add(body.sessionId);
          else present.delete(body.sessionId);
          return { ...r, presentSessionIds: [...present], version: r.version + 1 };
        }),
      };
      return jsonResponse(list);
    }
    return jsonResponse(problem(404, 'Nie znaleziono'), 404);
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const renderPage = () =>
  renderWithProviders(
    <Routes>
      <Route path="/szkolenia/:trainingId/edycje/:editionId" element={<EditionPage />} />
    </Routes>,
    { route: `/szkolenia/${TRAINING_ID}/edycje/${EDITION_ID}` },
  );

describe('edition page (organiser)', { timeout: 30_000 }, () => {
  it('shows the registrations with attendance, tests, certificate and raised qualifications', async () => {
    renderPage();
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Edycja wiosenna — Warsztaty kooperacyjne dla kadry OPS',
      }),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Zgłoszenia na edycję' });
    const row = within(table).getByRole('row', { name: /Anna Nowak/ });
    expect(row).toHaveTextContent('MOPS Bochnia');
    expect(row).toHaveTextContent('Potwierdzona');
    expect(row).toHaveTextContent('50% (1/2)');
    expect(row).toHaveTextContent('40%');
    expect(row).toHaveTextContent('90%');
    expect(row).toHaveTextContent('7KD2-M9QX-4TBW');
    expect(row).toHaveTextContent('tak');
    expect(within(table).getByRole('row', { name: /Ewa Rezerwowa/ })).toHaveTextContent(
      /Lista rezerwowa\s*miejsce 1/,
    );
  });

  it('saves the attendance of the session that changed', async () => {
    const user = userEvent.setup();
    renderPage();
    const grid = await screen.findByRole('table', {
      name: 'Obecność potwierdzonych uczestników na zajęciach',
    });
    // Only confirmed learners are in the grid.
    expect(within(grid).queryByText('Ewa Rezerwowa')).not.toBeInTheDocument();
    expect(
      within(grid).getByRole('checkbox', { name: 'Obecność: Anna Nowak, 12.03.2030 09:00' }),
    ).toBeChecked();
    const save = screen.getByRole('button', { name: 'Zapisz obecność' });
    expect(save).toBeDisabled();

    await user.click(
      within(grid).getByRole('checkbox', { name: 'Obecność: Jan Kowalski, 13.03.2030 09:00' }),
    );
    await user.click(save);

    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(puts()[0]).toEqual({
      sessionId: SESSION_2,
      marks: [
        { registrationId: REGISTRATION_ID, present: false },
        { registrationId: REGISTRATION_2, present: true },
      ],
    });
    expect(await screen.findByText('Zapisano obecność.')).toBeInTheDocument();
    expect(
      await screen.findByRole('checkbox', { name: 'Obecność: Jan Kowalski, 13.03.2030 09:00' }),
    ).toBeChecked();
    expect(screen.getByRole('button', { name: 'Zapisz obecność' })).toBeDisabled();
  });
});
