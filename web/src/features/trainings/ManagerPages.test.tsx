import type { Permission } from '@kooperacja/domain';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { setCsrfToken } from '../../lib/api';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from '../auth/me.fixtures';
import { TrainingNewPage } from './TrainingNewPage';
import { TrainingPage } from './TrainingPage';
import { EDITION_ID, makeEdition, makeTraining, problem, TRAINING_ID } from './trainings.fixtures';

configure({ asyncUtilTimeout: 5000 });

const permissions: Permission[] = ['institutions.read', 'trainings.manage'];
let fetchMock: ReturnType<typeof vi.fn>;
const sent = (method: string, path: string) =>
  fetchMock.mock.calls
    .filter(
      ([u, init]) => new URL(String(u), 'http://localhost').pathname === path && init?.method === method,
    )
    .map(([, init]) => JSON.parse(String((init as RequestInit).body)));

beforeAll(async () => {
  await i18n.changeLanguage('pl');
});
beforeEach(() => {
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const path = url.pathname;
    if (path === '/api/auth/me') return jsonResponse(makeMe({ permissions, roles: ['trener'] }));
    if (path === '/api/trainings' && method === 'POST')
      return jsonResponse(
        {
          ...problem(400, 'Nieprawidłowe dane'),
          code: 'validation_failed',
          errors: [{ field: 'body.title', code: 'custom', message: 'Szkolenie o tym tytule już istnieje.' }],
        },
        400,
      );
    if (path === `/api/trainings/${TRAINING_ID}`)
      return jsonResponse(makeTraining({ abilities: { manage: true } }));
    if (path === `/api/trainings/${TRAINING_ID}/questions` && method === 'POST')
      return jsonResponse({ id: 'q', ...JSON.parse(String(init?.body)), position: 1, version: 1 }, 201);
    if (path === `/api/trainings/${TRAINING_ID}/questions`) return jsonResponse({ items: [] });
    if (path === `/api/trainings/${TRAINING_ID}/editions/${EDITION_ID}` && method === 'PUT')
      return jsonResponse(makeEdition({ version: 2 }));
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
      <Route path="/szkolenia/nowe" element={<TrainingNewPage />} />
      <Route path="/szkolenia/:trainingId" element={<TrainingPage />} />
    </Routes>,
    { route },
  );

describe('organiser pages', { timeout: 30_000 }, () => {
  it('shows the server field errors of a new training next to the field', async () => {
    const user = userEvent.setup();
    renderAt('/szkolenia/nowe');
    const form = await screen.findByRole('form', { name: 'Nowe szkolenie' });
    await user.type(within(form).getByRole('textbox', { name: /^Tytuł/ }), 'Warsztaty kooperacyjne');
    await user.type(within(form).getByRole('textbox', { name: /^Temat/ }), 'Współpraca');
    await user.type(within(form).getByRole('textbox', { name: /^Liczba godzin/ }), '16');
    await user.click(within(form).getByRole('checkbox', { name: 'Pracownicy socjalni' }));
    await user.click(within(form).getByRole('button', { name: 'Zapisz szkolenie' }));

    await waitFor(() => expect(sent('POST', '/api/trainings')).toHaveLength(1));
    expect(sent('POST', '/api/trainings')[0]).toMatchObject({
      title: 'Warsztaty kooperacyjne',
      form: 'szkolenie',
      topic: 'Współpraca',
      hours: 16,
      targetStaff: ['pracownicy_socjalni'],
      trainers: [],
      projectId: null,
      status: 'szkic',
    });
    expect(await within(form).findByRole('textbox', { name: /^Tytuł/ })).toHaveAccessibleDescription(
      /Szkolenie o tym tytule już istnieje\./,
    );
  });

  it('adds a test question only with exactly one correct answer to a single-choice question', async () => {
    const user = userEvent.setup();
    renderAt(`/szkolenia/${TRAINING_ID}?karta=pytania`);
    await user.click(await screen.findByRole('button', { name: 'Dodaj pytanie' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dodaj pytanie' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Treść pytania/ }), 'Kto zwołuje zespół?');
    await user.type(within(dialog).getByRole('textbox', { name: /^Odpowiedź 1/ }), 'Wójt');
    await user.type(within(dialog).getByRole('textbox', { name: /^Odpowiedź 2/ }), 'Policja');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Poprawna — odpowiedź 1' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Poprawna — odpowiedź 2' }));
    await user.click(within(dialog).getByRole('button', { name: 'Zapisz pytanie' }));
    expect(
      await within(dialog).findByText(
        'Pytanie jednokrotnego wyboru musi mieć dokładnie jedną poprawną odpowiedź.',
      ),
    ).toBeInTheDocument();
    expect(sent('POST', `/api/trainings/${TRAINING_ID}/questions`)).toHaveLength(0);

    await user.click(within(dialog).getByRole('checkbox', { name: 'Poprawna — odpowiedź 2' }));
    await user.click(within(dialog).getByRole('button', { name: 'Zapisz pytanie' }));
    await waitFor(() => expect(sent('POST', `/api/trainings/${TRAINING_ID}/questions`)).toHaveLength(1));
    expect(sent('POST', `/api/trainings/${TRAINING_ID}/questions`)[0]).toEqual({
      kind: 'jednokrotny',
      text: 'Kto zwołuje zespół?',
      options: [
        { text: 'Wójt', correct: true },
        { text: 'Policja', correct: false },
      ],
      active: true,
    });
  });

  it('saves an edition with its sessions (existing ones keep their ids) and the version', async () => {
    const user = userEvent.setup();
    renderAt(`/szkolenia/${TRAINING_ID}?karta=edycje`);
    const table = await screen.findByRole('table', { name: 'Edycje szkolenia' });
    await user.click(within(table).getByRole('button', { name: 'Edytuj edycję: Edycja wiosenna' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edycja terminu szkolenia' });
    await user.click(within(dialog).getByRole('button', { name: 'Usuń zajęcia 2' }));
    const capacity = within(dialog).getByRole('textbox', { name: /^Liczba miejsc/ });
    await user.clear(capacity);
    await user.type(capacity, '25');
    await user.click(within(dialog).getByRole('button', { name: 'Zapisz edycję' }));
    await waitFor(() =>
      expect(sent('PUT', `/api/trainings/${TRAINING_ID}/editions/${EDITION_ID}`)).toHaveLength(1),
    );
    const body = sent('PUT', `/api/trainings/${TRAINING_ID}/editions/${EDITION_ID}`)[0];
    expect(body.version).toBe(1);
    expect(body.edition).toMatchObject({ name: 'Edycja wiosenna', capacity: 25, mode: 'stacjonarna' });
    expect(body.edition.sessions).toEqual([
      {
        id: makeEdition().sessions[0]?.id,
        on: '2030-03-12',
        startsAt: '09:00',
        endsAt: '15:00',
        topic: 'Model kooperacji',
      },
    ]);
    expect(await screen.findByText('Zapisano edycję: Edycja wiosenna.')).toBeInTheDocument();
  });
});
