import type { PublicCall } from '@kooperacja/domain';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { PublicApplicationPage } from './PublicApplicationPage';

configure({ asyncUtilTimeout: 5000 });

const COHORT_A = '0190d000-0000-7000-8000-00000000c0a1';
const COHORT_B = '0190d000-0000-7000-8000-00000000c0b2';
const APPLICATION = '0190d000-0000-7000-8000-0000000000ee';

const call: PublicCall = {
  code: 'AND-2019',
  name: 'Nabór uczestników 2019',
  description: 'Wsparcie dla mieszkańców gminy Andrychów.',
  projectTitle: 'Wykorzystaj swoją szansę',
  projectNumber: 'RPMP.09.01.02-12-0142/17',
  institution: 'Ośrodek Pomocy Społecznej w Andrychowie',
  opensAt: '2019-03-01T08:00:00.000Z',
  closesAt: '2019-03-31T20:00:00.000Z',
  placesTotal: 30,
  formKinds: ['wsparcie'],
  cohorts: [
    { id: COHORT_A, name: '2019 — osoby z niepełnosprawnościami', year: 2019, places: 20 },
    { id: COHORT_B, name: '2020 — osoby bezrobotne', year: 2020, places: 10 },
  ],
  questions: [{ key: 'dzieci', label: 'Czy wychowujesz dzieci?', type: 'tak_nie', required: true }],
  clauses: [
    {
      key: 'klauzula',
      kind: 'informacja',
      title: 'Klauzula informacyjna',
      text: 'Administratorem danych jest OPS w Andrychowie.',
      legalBases: ['art6_1_c', 'art9_2_g'],
      required: true,
    },
    {
      key: 'prawdziwosc',
      kind: 'oswiadczenie',
      title: 'Oświadczenie o prawdziwości danych',
      text: 'Oświadczam, że dane są prawdziwe.',
      legalBases: [],
      required: true,
    },
  ],
  asks: {
    labourStatus: false,
    disability: true,
    povertyGrounds: false,
    institution: false,
    residence: false,
  },
  hasRegulations: true,
};

type Answer = () => Response | Promise<Response>;
let fetchMock: ReturnType<typeof vi.fn>;
let sendAnswers: Answer[] = [];
const sends = () =>
  fetchMock.mock.calls
    .filter(([u, init]) => String(u).endsWith('/applications') && (init as RequestInit)?.method === 'POST')
    .map(([, init]) => JSON.parse(String((init as RequestInit).body)));

beforeEach(() => {
  sendAnswers = [];
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/public/calls/AND-2019' && (!init?.method || init.method === 'GET'))
      return jsonResponse(call);
    if (url.pathname === '/api/public/calls/AND-2019/applications') {
      const next = sendAnswers.shift();
      if (!next) throw new Error('unexpected send');
      return next();
    }
    return jsonResponse({ items: [], total: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/nabor/:code" element={<PublicApplicationPage />} />
    </Routes>,
    { route: '/nabor/AND-2019' },
  );
}

/** Fills in everything a person must give (the values stay in the form after a failure). */
async function fillIn(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('radio', { name: '2019 — osoby z niepełnosprawnościami' }));
  await user.type(screen.getByRole('textbox', { name: /^Imię/ }), 'Ewa');
  await user.type(screen.getByRole('textbox', { name: /^Nazwisko/ }), 'Zgłaszająca');
  await user.type(screen.getByRole('textbox', { name: /^PESEL/ }), '80041212342');
  await user.type(screen.getByRole('textbox', { name: /^Telefon/ }), '600 100 200');
  const children = screen.getByRole('radiogroup', { name: /Czy wychowujesz dzieci/ });
  await user.click(within(children).getByRole('radio', { name: 'Tak' }));
  const disability = screen.getByRole('radiogroup', { name: /niepełnosprawnościami/ });
  await user.click(within(disability).getByRole('radio', { name: 'Tak' }));
  await user.click(
    screen.getByRole('checkbox', { name: 'Zapoznałam/zapoznałem się: Klauzula informacyjna' }),
  );
  await user.click(screen.getByRole('checkbox', { name: /Oświadczenie o prawdziwości danych/ }));
}

describe('the public application form', { timeout: 30_000 }, () => {
  it('shows the call, its clauses with their legal bases, and a hidden field no person sees', async () => {
    renderPage();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Nabór uczestników 2019' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/art\. 6 ust\. 1 lit\. c RODO/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Regulamin naboru (PDF)' })).toHaveAttribute(
      'href',
      '/api/public/calls/AND-2019/regulations',
    );
    // The honeypot is out of the accessibility tree and of the tab order.
    expect(screen.queryByRole('textbox', { name: /zostaw|Nie wypełniaj/ })).not.toBeInTheDocument();
    expect(document.getElementById('kp-website')).toHaveAttribute('tabindex', '-1');
    // The institution question appears only when a cohort's rules need it.
    expect(screen.queryByText(/instytucji całodobowej/)).not.toBeInTheDocument();
  });

  it('names every missing field next to it and in a summary, without sending', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Nabór uczestników 2019' });
    await user.click(screen.getByRole('button', { name: 'Wyślij zgłoszenie' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('Popraw wskazane pola')).toBeInTheDocument();
    expect(summary).toHaveTextContent('Imię: To pole jest wymagane.');
    expect(summary).toHaveTextContent('Czy wychowujesz dzieci?: Odpowiedz na to pytanie.');
    expect(summary).toHaveTextContent('Oświadczenie o prawdziwości danych: Zaznacz, aby wysłać zgłoszenie.');
    expect(screen.getByRole('textbox', { name: /^Imię/ })).toHaveAccessibleDescription(
      'To pole jest wymagane.',
    );
    expect(screen.getByRole('textbox', { name: /^PESEL/ })).toHaveAccessibleDescription(/PESEL ma 11 cyfr/);
    expect(sends()).toEqual([]);
  });

  it('keeps everything typed when the send is refused (429) or the network fails, and sends the same form again', async () => {
    const user = userEvent.setup();
    sendAnswers = [
      () =>
        new Response(
          JSON.stringify({
            type: 'https://kooperacja.pl/problems/rate-limited',
            title: 'Zbyt wiele żądań',
            status: 429,
            code: 'rate_limited',
            detail:
              'Z tego adresu wysłano w krótkim czasie bardzo wiele zgłoszeń. Twoje dane są zachowane w formularzu — wyślij je ponownie za 42 s.',
          }),
          { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '42' } },
        ),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () =>
        jsonResponse(
          {
            applicationId: APPLICATION,
            number: 'AND-2019/0042',
            submittedAt: '2019-03-05T09:00:00.000Z',
            receiptToken: 'sekret-kopii-zgloszenia',
            repeated: false,
          },
          201,
        ),
    ];
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Nabór uczestników 2019' });
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Wyślij zgłoszenie' }));
    expect(await screen.findByText(/wyślij je ponownie za 42 s/)).toBeInTheDocument();
    expect(screen.getByTestId('kept-notice')).toHaveTextContent('nie utworzymy go dwa razy');
    expect(screen.getByRole('textbox', { name: /^Imię/ })).toHaveValue('Ewa');
    expect(screen.getByRole('textbox', { name: /^PESEL/ })).toHaveValue('80041212342');
    expect(screen.getByRole('checkbox', { name: /Oświadczenie o prawdziwości danych/ })).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Wyślij zgłoszenie' }));
    expect(
      await screen.findByText('Sprawdź połączenie z internetem i spróbuj ponownie.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Nazwisko/ })).toHaveValue('Zgłaszająca');

    await user.click(screen.getByRole('button', { name: 'Wyślij zgłoszenie' }));
    expect(await screen.findByTestId('confirmation-number')).toHaveTextContent('AND-2019/0042');
    expect(screen.getByRole('link', { name: 'Pobierz kopię zgłoszenia (PDF)' })).toHaveAttribute(
      'href',
      `/api/public/calls/AND-2019/applications/${APPLICATION}/pdf?token=sekret-kopii-zgloszenia`,
    );
    // The three sends are one form: the same idempotency key, the same data, consents as given.
    const bodies = sends();
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies.map((b) => b.clientToken)).size).toBe(1);
    expect(bodies[2].application).toMatchObject({
      cohortId: COHORT_A,
      firstName: 'Ewa',
      pesel: '80041212342',
      disability: 'tak',
      answers: { dzieci: true },
      consents: [
        { key: 'klauzula', given: true },
        { key: 'prawdziwosc', given: true },
      ],
    });
    expect(bodies[0].website).toBe('');
  });

  it('shows the server’s field errors next to the fields, keeping the values', async () => {
    const user = userEvent.setup();
    sendAnswers = [
      () =>
        jsonResponse(
          {
            type: 'https://kooperacja.pl/problems/validation-failed',
            title: 'Nieprawidłowe dane',
            status: 400,
            code: 'validation_failed',
            detail: 'Popraw wskazane pole i spróbuj ponownie.',
            errors: [{ field: 'application.pesel', code: 'custom', message: 'Nieprawidłowy numer PESEL.' }],
          },
          400,
        ),
    ];
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Nabór uczestników 2019' });
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Wyślij zgłoszenie' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /^PESEL/ })).toHaveAccessibleDescription(
        /Nieprawidłowy numer PESEL\./,
      ),
    );
    expect(screen.getByRole('textbox', { name: /^Imię/ })).toHaveValue('Ewa');
    expect(screen.getAllByRole('alert')[0]).toHaveTextContent('PESEL: Nieprawidłowy numer PESEL.');
  });

  it('says when the call does not take applications', async () => {
    fetchMock.mockImplementation(async () =>
      jsonResponse(
        {
          type: 'https://kooperacja.pl/problems/not-found',
          title: 'Nie znaleziono',
          status: 404,
          code: 'not_found',
          detail:
            'Ten nabór nie przyjmuje teraz zgłoszeń. Zgłoszenia są przyjmowane od 01.03.2019 do 31.03.2019.',
        },
        404,
      ),
    );
    renderPage();
    expect(await screen.findByText(/nie przyjmuje teraz zgłoszeń/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Wyślij zgłoszenie' })).not.toBeInTheDocument();
  });
});
