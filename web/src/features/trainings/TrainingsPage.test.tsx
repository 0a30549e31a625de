import type { ApprovalList, Permission } from '@kooperacja/domain';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { setCsrfToken } from '../../lib/api';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from '../auth/me.fixtures';
import { TrainingPage } from './TrainingPage';
import { TrainingsPage } from './TrainingsPage';
import {
  EDITION_ID,
  makeRegistration,
  makeTraining,
  makeTrainingList,
  problem,
  REGISTRATION_ID,
  TRAINING_ID,
} from './trainings.fixtures';

configure({ asyncUtilTimeout: 5000 });

let permissions: Permission[] = [];
let fetchMock: ReturnType<typeof vi.fn>;
const approvals: ApprovalList = {
  items: [
    {
      ...makeRegistration({ status: 'do_akceptacji', version: 4 }),
      learner: { ...makeRegistration().learner, firstName: 'Jan', lastName: 'Kowalski' },
      training: {
        id: TRAINING_ID,
        title: 'Warsztaty kooperacyjne dla kadry OPS',
        form: 'warsztat',
        hours: 16,
      },
      edition: { id: EDITION_ID, name: 'Edycja wiosenna', startsOn: '2030-03-12', endsOn: '2030-03-13' },
    },
  ],
};

const calls = (method: string, path: string) =>
  fetchMock.mock.calls
    .filter(
      ([u, init]) =>
        new URL(String(u), 'http://localhost').pathname === path && (init?.method ?? 'GET') === method,
    )
    .map(([u, init]) => ({
      url: new URL(String(u), 'http://localhost'),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    }));

beforeAll(async () => {
  await i18n.changeLanguage('pl');
});
beforeEach(() => {
  permissions = [];
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const path = url.pathname;
    if (path === '/api/auth/me') return jsonResponse(makeMe({ permissions }));
    if (path === '/api/trainings' && method === 'GET') return jsonResponse(makeTrainingList());
    if (path === '/api/trainings/me') return jsonResponse({ items: [] });
    if (path === '/api/trainings/approvals') return jsonResponse(approvals);
    if (path === '/api/trainings/employees')
      return jsonResponse({
        items: [
          {
            id: '00000000-0000-4000-8000-0000000000e1',
            firstName: 'Paulina',
            lastName: 'Pracowita',
            email: 'p.pracowita@example.org',
          },
        ],
      });
    if (path === `/api/trainings/${TRAINING_ID}`) return jsonResponse(makeTraining());
    if (path === `/api/trainings/${TRAINING_ID}/editions/${EDITION_ID}/registrations` && method === 'POST')
      return jsonResponse(
        makeRegistration({ id: REGISTRATION_ID, status: 'rezerwowa', waitingPosition: 3 }),
        201,
      );
    if (path === `/api/trainings/registrations/${REGISTRATION_ID}/decision` && method === 'POST')
      return jsonResponse(makeRegistration({ status: 'potwierdzona', version: 5 }));
    return jsonResponse(problem(404, 'Nie znaleziono'), 404);
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const renderAt = (route: string) =>
  renderWithProviders(
    <Routes>
      <Route path="/szkolenia" element={<TrainingsPage />} />
      <Route path="/szkolenia/:trainingId" element={<TrainingPage />} />
    </Routes>,
    { route },
  );

describe('training catalogue', { timeout: 30_000 }, () => {
  it('lists the published trainings and registers the user, who lands on the waiting list', async () => {
    const user = userEvent.setup();
    renderAt('/szkolenia');
    expect(await screen.findByRole('heading', { level: 1, name: 'Szkolenia' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Szkolenia w katalogu' });
    const first = within(table).getByRole('row', { name: /Warsztaty kooperacyjne dla kadry OPS/ });
    expect(first).toHaveTextContent('Warsztaty');
    expect(first).toHaveTextContent('ROPS Kielce');
    expect(first).toHaveTextContent('12.03.2030');
    expect(first).toHaveTextContent('1 edycja z otwartymi zapisami');
    const second = within(table).getByRole('row', { name: /Superwizja grupowa asystentów rodziny/ });
    expect(second).toHaveTextContent('7,5');
    expect(second).toHaveTextContent('zamknięte');
    // No approvals or organised trainings without the permissions.
    expect(screen.queryByRole('tab', { name: 'Do akceptacji' })).not.toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Prowadzone' })).not.toBeInTheDocument();

    await user.click(within(first).getByRole('link', { name: 'Warsztaty kooperacyjne dla kadry OPS' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Warsztaty kooperacyjne dla kadry OPS' }),
    ).toBeInTheDocument();
    const edition = screen.getByRole('region', { name: 'Edycja wiosenna' });
    expect(edition).toHaveTextContent('12.03.2030 – 13.03.2030');
    expect(edition).toHaveTextContent('0 z 20');
    expect(edition).toHaveTextContent('Brak wolnych miejsc — zgłoszenie trafi na listę rezerwową.');

    await user.click(within(edition).getByRole('button', { name: 'Zapisz się: Edycja wiosenna' }));
    const dialog = await screen.findByRole('dialog', { name: 'Zapis na szkolenie' });
    expect(
      within(dialog).getByText(/EFS\+ muszą wykazywać uczestników szkoleń w podziale według płci/),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Zapisz się' }));
    expect(await within(dialog).findByText('Wybierz jedną z odpowiedzi.')).toBeInTheDocument();
    expect(calls('POST', `/api/trainings/${TRAINING_ID}/editions/${EDITION_ID}/registrations`)).toHaveLength(
      0,
    );

    await user.click(within(dialog).getByRole('radio', { name: 'Kobieta' }));
    await user.type(within(dialog).getByRole('textbox', { name: /^Stanowisko/ }), 'Pracownik socjalny');
    await user.click(within(dialog).getByRole('button', { name: 'Zapisz się' }));

    expect(await within(dialog).findByText('Jesteś na liście rezerwowej (miejsce 3).')).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'Przejdź do zgłoszenia' })).toHaveAttribute(
      'href',
      `/szkolenia/zapisy/${REGISTRATION_ID}`,
    );
    const posts = calls('POST', `/api/trainings/${TRAINING_ID}/editions/${EDITION_ID}/registrations`);
    expect(posts.map((p) => p.body)).toEqual([{ kind: 'self', sex: 'k', position: 'Pracownik socjalny' }]);
  });

  it('lets a head register an employee who has an account by picking them from the staff list', async () => {
    permissions = ['trainings.approve'];
    const user = userEvent.setup();
    renderAt(`/szkolenia/${TRAINING_ID}`);
    const edition = await screen.findByRole('region', { name: 'Edycja wiosenna' });
    await user.click(
      await within(edition).findByRole('button', { name: 'Zgłoś pracownika: Edycja wiosenna' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Zgłoszenie pracownika' });
    await user.click(within(dialog).getByRole('combobox', { name: /Pracownik z kontem/ }));
    await user.click(await screen.findByRole('option', { name: /Pracowita Paulina/ }));
    expect(within(dialog).getByRole('textbox', { name: /^Imię/ })).toHaveValue('Paulina');
    expect(within(dialog).getByRole('textbox', { name: /^Imię/ })).toBeDisabled();
    await user.click(within(dialog).getByRole('radio', { name: 'Kobieta' }));
    await user.click(within(dialog).getByRole('button', { name: 'Zgłoś pracownika' }));
    await waitFor(() =>
      expect(
        calls('POST', `/api/trainings/${TRAINING_ID}/editions/${EDITION_ID}/registrations`),
      ).toHaveLength(1),
    );
    expect(
      calls('POST', `/api/trainings/${TRAINING_ID}/editions/${EDITION_ID}/registrations`)[0]?.body,
    ).toMatchObject({
      kind: 'employee',
      userId: '00000000-0000-4000-8000-0000000000e1',
      sex: 'k',
    });
  });

  it('searches by words and form', async () => {
    const user = userEvent.setup();
    renderAt('/szkolenia');
    await screen.findByRole('table', { name: 'Szkolenia w katalogu' });
    await user.type(screen.getByRole('textbox', { name: /^Szukaj/ }), 'kooperacja');
    await user.click(screen.getByRole('button', { name: 'Szukaj' }));
    await waitFor(() =>
      expect(calls('GET', '/api/trainings').some((c) => c.url.searchParams.get('q') === 'kooperacja')).toBe(
        true,
      ),
    );
  });

  it('lets a head approve a registration with the version read', async () => {
    const user = userEvent.setup();
    permissions = ['trainings.approve'];
    renderAt('/szkolenia?karta=akceptacja');
    const table = await screen.findByRole('table', { name: 'Zgłoszenia do akceptacji' });
    const row = within(table).getByRole('row', { name: /Jan Kowalski/ });
    expect(row).toHaveTextContent('Warsztaty kooperacyjne dla kadry OPS');
    expect(row).toHaveTextContent('12.03.2030 – 13.03.2030');
    await user.click(within(row).getByRole('button', { name: 'Akceptuj zgłoszenie: Jan Kowalski' }));
    await waitFor(() =>
      expect(calls('POST', `/api/trainings/registrations/${REGISTRATION_ID}/decision`)).toHaveLength(1),
    );
    expect(calls('POST', `/api/trainings/registrations/${REGISTRATION_ID}/decision`)[0]?.body).toEqual({
      decision: 'akceptuj',
      reason: null,
      version: 4,
    });
    expect(await screen.findByText('Zaakceptowano zgłoszenie: Jan Kowalski.')).toBeInTheDocument();
  });

  it('asks a reason before rejecting and sends it with the version', async () => {
    const user = userEvent.setup();
    permissions = ['trainings.approve'];
    renderAt('/szkolenia?karta=akceptacja');
    const table = await screen.findByRole('table', { name: 'Zgłoszenia do akceptacji' });
    await user.click(within(table).getByRole('button', { name: 'Odrzuć zgłoszenie: Jan Kowalski' }));
    const dialog = await screen.findByRole('dialog', { name: 'Odrzucenie zgłoszenia' });
    await user.type(
      within(dialog).getByRole('textbox', { name: /^Powód/ }),
      'Brak zastępstwa w tym terminie',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Odrzuć' }));
    await waitFor(() =>
      expect(calls('POST', `/api/trainings/registrations/${REGISTRATION_ID}/decision`)[0]?.body).toEqual({
        decision: 'odrzuc',
        reason: 'Brak zastępstwa w tym terminie',
        version: 4,
      }),
    );
  });
});
