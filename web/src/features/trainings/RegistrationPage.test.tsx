import type { Lesson } from '@kooperacja/domain';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { setCsrfToken } from '../../lib/api';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { RegistrationPage } from './RegistrationPage';
import {
  makeEdition,
  makeRegistration,
  makeTraining,
  problem,
  REGISTRATION_ID,
  TRAINING_ID,
} from './trainings.fixtures';

configure({ asyncUtilTimeout: 5000 });

const L1 = '0190d000-0000-7000-8000-000000000001';
const L2 = '0190d000-0000-7000-8000-000000000002';
const lesson = (overrides: Partial<Lesson>): Lesson => ({
  id: L1,
  trainingId: TRAINING_ID,
  title: 'Czym jest kooperacja',
  kind: 'tekst',
  body: 'Pierwszy akapit.\n\nDrugi akapit.',
  videoUrl: null,
  altText: null,
  file: null,
  position: 1,
  completedAt: null,
  version: 1,
  ...overrides,
});
let lessons: Lesson[];
let fetchMock: ReturnType<typeof vi.fn>;

beforeAll(async () => {
  await i18n.changeLanguage('pl');
});
beforeEach(() => {
  lessons = [
    lesson({}),
    lesson({
      id: L2,
      title: 'Nagranie: zespół w praktyce',
      kind: 'wideo',
      body: 'Transkrypcja nagrania.',
      videoUrl: 'https://video.example.pl/zespol',
      position: 2,
    }),
  ];
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const path = url.pathname;
    if (path === `/api/trainings/registrations/${REGISTRATION_ID}`)
      return jsonResponse(
        makeRegistration({
          lessons: { completed: lessons.filter((l) => l.completedAt).length, total: 2 },
          certificate: {
            code: '7KD2-M9QX-4TBW',
            issuedOn: '2030-03-14',
            revokedOn: null,
            revokedReason: null,
          },
          raisedQualifications: true,
          abilities: { withdraw: false, decide: false, takePreTest: false, takeFinalTest: true, learn: true },
        }),
      );
    if (path === `/api/trainings/${TRAINING_ID}`)
      return jsonResponse(makeTraining({ form: 'e_learning', editions: [makeEdition({ sessions: [] })] }));
    if (path === `/api/trainings/${TRAINING_ID}/lessons`) return jsonResponse({ items: lessons });
    const opened = lessons.find((l) => path === `/api/trainings/${TRAINING_ID}/lessons/${l.id}`);
    if (opened && (init?.method ?? 'GET') === 'GET') return jsonResponse(opened);
    if (path === `/api/trainings/${TRAINING_ID}/lessons/${L1}/complete` && init?.method === 'POST') {
      lessons = lessons.map((l) => (l.id === L1 ? { ...l, completedAt: '2030-03-12T10:15:00.000Z' } : l));
      return jsonResponse(lessons[0]);
    }
    return jsonResponse(problem(404, 'Nie znaleziono'), 404);
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe("the learner's registration page", { timeout: 30_000 }, () => {
  it('follows the lessons, marks one completed and links the test and the certificate', async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <Routes>
        <Route path="/szkolenia/zapisy/:registrationId" element={<RegistrationPage />} />
      </Routes>,
      { route: `/szkolenia/zapisy/${REGISTRATION_ID}` },
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Warsztaty kooperacyjne dla kadry OPS' }),
    ).toBeInTheDocument();
    const lessonView = await screen.findByRole('article', { name: 'Czym jest kooperacja' });
    // Opening a lesson tells the server the learner started it.
    const openedPaths = () =>
      fetchMock.mock.calls
        .filter(([, init]) => (init?.method ?? 'GET') === 'GET')
        .map(([u]) => new URL(String(u), 'http://localhost').pathname);
    await waitFor(() => expect(openedPaths()).toContain(`/api/trainings/${TRAINING_ID}/lessons/${L1}`));
    expect(within(lessonView).getByText('Pierwszy akapit.')).toBeInTheDocument();
    expect(within(lessonView).getByText('Drugi akapit.')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Postęp w lekcjach' })).toHaveAttribute(
      'aria-valuenow',
      '0',
    );

    await user.click(within(lessonView).getByRole('button', { name: 'Oznacz jako ukończoną' }));
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.some(
          ([u, init]) =>
            new URL(String(u), 'http://localhost').pathname ===
              `/api/trainings/${TRAINING_ID}/lessons/${L1}/complete` && init?.method === 'POST',
        ),
      ).toBe(true),
    );
    expect(await within(lessonView).findByText(/^Ukończono 12\.03\.2030/)).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Postęp w lekcjach' })).toHaveAttribute(
      'aria-valuenow',
      '50',
    );

    await user.click(
      within(lessonView).getByRole('button', { name: 'Następna lekcja: Nagranie: zespół w praktyce' }),
    );
    const video = await screen.findByRole('article', { name: 'Nagranie: zespół w praktyce' });
    await waitFor(() => expect(openedPaths()).toContain(`/api/trainings/${TRAINING_ID}/lessons/${L2}`));
    expect(within(video).getByRole('link', { name: /Obejrzyj nagranie/ })).toHaveAttribute(
      'href',
      'https://video.example.pl/zespol',
    );
    expect(within(video).getByRole('heading', { name: 'Transkrypcja' })).toBeInTheDocument();

    expect(screen.getByRole('link', { name: 'Rozwiąż test po szkoleniu' })).toHaveAttribute(
      'href',
      `/szkolenia/zapisy/${REGISTRATION_ID}/test/koncowy`,
    );
    const certificate = screen.getByRole('region', { name: 'Certyfikat' });
    expect(certificate).toHaveTextContent('7KD2-M9QX-4TBW');
    expect(within(certificate).getByRole('link', { name: 'Pobierz certyfikat (PDF)' })).toHaveAttribute(
      'href',
      `/api/trainings/registrations/${REGISTRATION_ID}/certificate.pdf`,
    );
    expect(within(certificate).getByRole('link', { name: 'Strona weryfikacji certyfikatu' })).toHaveAttribute(
      'href',
      '/weryfikacja/7KD2-M9QX-4TBW',
    );
    expect(screen.queryByRole('button', { name: 'Wycofaj zgłoszenie' })).not.toBeInTheDocument();
  });
});
