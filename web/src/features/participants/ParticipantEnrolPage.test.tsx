import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from '../auth/me.fixtures';
import { ParticipantEnrolPage } from './ParticipantEnrolPage';
import {
  APPLICATION_ID,
  application,
  cohorts,
  counts,
  makeParticipant,
  PROJECT_ID,
} from './participants.fixtures';

configure({ asyncUtilTimeout: 5000 });

let fetchMock: ReturnType<typeof vi.fn>;
let answer: (url: URL, init?: RequestInit) => Response | undefined = () => undefined;
const posted = () =>
  fetchMock.mock.calls
    .filter(
      ([u, init]) =>
        new URL(String(u), 'http://localhost').pathname.endsWith('/participants') && init?.method === 'POST',
    )
    .map(([, init]) => JSON.parse(String((init as RequestInit).body)));

beforeEach(() => {
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const custom = answer(url, init);
    if (custom) return custom;
    if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
    if (url.pathname === `/api/projects/${PROJECT_ID}/participants/summary`)
      return jsonResponse({ counts, cohorts, abilities: { readPersons: true, manage: true } });
    if (url.pathname === `/api/projects/${PROJECT_ID}/applications/${APPLICATION_ID}`)
      return jsonResponse(application);
    if (url.pathname === '/api/degurba/1218013') return jsonResponse({ teryt: '1218013', degurba: 2 });
    if (url.pathname === `/api/projects/${PROJECT_ID}/participants` && init?.method === 'POST')
      return jsonResponse(makeParticipant({ status: 'aktywny', leftOn: null }), 201);
    if (url.pathname.startsWith('/api/projects/'))
      return jsonResponse(
        { type: 'about:blank', title: 'Nie znaleziono', status: 404, code: 'not_found' },
        404,
      );
    return jsonResponse({ items: [], total: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  answer = () => undefined;
});

function renderPage(route: string) {
  return renderWithProviders(
    <Routes>
      <Route path="/projekty/:projectId/uczestnicy/nowy" element={<ParticipantEnrolPage />} />
      <Route path="/projekty/:projectId/uczestnicy/:participantId" element={<p>Karta uczestnika</p>} />
    </Routes>,
    { route },
  );
}

async function choose(user: ReturnType<typeof userEvent.setup>, label: RegExp, option: string) {
  await user.click(screen.getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
}

async function answerTriState(user: ReturnType<typeof userEvent.setup>, group: RegExp, answer: string) {
  await user.click(
    within(screen.getByRole('radiogroup', { name: group })).getByRole('radio', { name: answer }),
  );
}

describe('enrolment form', { timeout: 30_000 }, () => {
  it('fills in from the application, shows the age at entry, takes DEGURBA from the table and sends the enrolment', async () => {
    const user = userEvent.setup();
    renderPage(`/projekty/${PROJECT_ID}/uczestnicy/nowy?zgloszenie=${APPLICATION_ID}`);
    expect(await screen.findByText('Dane ze zgłoszenia WSS-2019/0001')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Zapisz uczestnika' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('textbox', { name: /^Imię/ })).toHaveValue('Anna'));
    expect(screen.getByRole('textbox', { name: /^PESEL/ })).toHaveValue('90050112343');
    expect(screen.getByText('Data urodzenia 01.05.1990, płeć: Kobieta')).toBeInTheDocument();
    expect(await screen.findByText('Z tabeli DEGURBA: Małe miasta i przedmieścia (2)')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: /^Data rozpoczęcia udziału/ }), '01.03.2019');
    await user.tab();
    expect(await screen.findByText('Wiek w chwili przystąpienia: 28 lat Kobieta')).toBeInTheDocument();
    await choose(user, /^W tym/, 'Osoba długotrwale bezrobotna');
    await answerTriState(user, /^Osoba obcego pochodzenia/, 'Nie');
    await answerTriState(user, /^Obywatel państwa trzeciego/, 'Nie');
    await answerTriState(user, /^Osoba należąca do mniejszości/, 'Odmowa podania informacji');
    await answerTriState(user, /^Osoba bezdomna/, 'Nie');
    await user.click(screen.getByRole('button', { name: 'Zapisz uczestnika' }));

    expect(await screen.findByText('Karta uczestnika')).toBeInTheDocument();
    const [body] = posted();
    expect(body).toMatchObject({
      applicationId: APPLICATION_ID,
      firstName: 'Anna',
      lastName: 'Nowak',
      noPesel: false,
      pesel: '90050112343',
      birthDate: null,
      joinedOn: '2019-03-01',
      cohortId: cohorts[0]?.id,
      teryt: '1218013',
      degurba: null,
      education: 'isced_3',
      labourStatus: 'bezrobotna_zarejestrowana',
      labourStatusDetail: 'dlugotrwale_bezrobotna',
      disability: 'tak',
      foreignOrigin: 'nie',
      minority: 'odmowa',
      phone: '600100200',
    });
  });

  it('shows the server’s field errors next to the fields', async () => {
    const user = userEvent.setup();
    answer = (url, init) =>
      url.pathname === `/api/projects/${PROJECT_ID}/participants` && init?.method === 'POST'
        ? jsonResponse(
            {
              type: 'about:blank',
              title: 'Nieprawidłowe dane',
              status: 400,
              code: 'validation_failed',
              errors: [
                {
                  field: 'pesel',
                  code: 'participant.alreadyEnrolled',
                  message: 'Ta osoba już jest uczestnikiem projektu (WSS/0001).',
                },
              ],
            },
            400,
          )
        : undefined;
    renderPage(`/projekty/${PROJECT_ID}/uczestnicy/nowy?zgloszenie=${APPLICATION_ID}`);
    await waitFor(() => expect(screen.getByRole('textbox', { name: /^Imię/ })).toHaveValue('Anna'));
    await user.type(screen.getByRole('textbox', { name: /^Data rozpoczęcia udziału/ }), '01.03.2019');
    await choose(user, /^W tym/, 'Inne');
    for (const g of [/^Osoba obcego/, /^Obywatel państwa/, /^Osoba należąca/, /^Osoba bezdomna/])
      await answerTriState(user, g, 'Nie');
    await user.click(screen.getByRole('button', { name: 'Zapisz uczestnika' }));
    const pesel = screen.getByRole('textbox', { name: /^PESEL/ });
    await waitFor(() =>
      expect(pesel).toHaveAccessibleDescription(
        expect.stringContaining('Ta osoba już jest uczestnikiem projektu'),
      ),
    );
    expect(pesel).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText('Karta uczestnika')).not.toBeInTheDocument();
  });

  it('without the application stays empty, says so, and asks for the required fields before sending', async () => {
    const user = userEvent.setup();
    renderPage(`/projekty/${PROJECT_ID}/uczestnicy/nowy?zgloszenie=0190d000-0000-7000-8000-000000000099`);
    expect(await screen.findByText('Nie udało się wczytać zgłoszenia')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Imię/ })).toHaveValue('');
    await user.click(screen.getByRole('switch', { name: 'Brak numeru PESEL' }));
    expect(screen.queryByRole('textbox', { name: /^PESEL/ })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Data urodzenia/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Zapisz uczestnika' }));
    expect((await screen.findAllByText('To pole jest wymagane.')).length).toBeGreaterThan(5);
    expect(posted()).toEqual([]);
  });
});
