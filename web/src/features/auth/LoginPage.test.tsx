import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from './me.fixtures';

type Handler = (init: RequestInit) => Response | Promise<Response>;

const problem = (status: number, code: string, title: string, extra: Record<string, unknown> = {}) => ({
  type: `https://kooperacja.pl/problems/${code}`,
  title,
  status,
  code,
  ...extra,
});

let loginHandler: Handler;
let secondFactorHandler: Handler;
let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  loginHandler = () => jsonResponse({ status: 'ok', me: makeMe() });
  secondFactorHandler = () => jsonResponse({ status: 'ok', me: makeMe() });
  fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    if (url.startsWith('/api/auth/me'))
      return jsonResponse(problem(401, 'unauthenticated', 'Wymagane logowanie'), 401);
    if (url.startsWith('/api/auth/login/second-factor')) return secondFactorHandler(init);
    if (url.startsWith('/api/auth/login')) return loginHandler(init);
    if (url.startsWith('/api/dictionaries/identity'))
      return jsonResponse({ roles: [], institutionTypes: [] });
    return jsonResponse({});
  });
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

function renderLogin(path = '/logowanie?next=%2Fkonto') {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  renderWithProviders(<RouterProvider router={router} />, { route: null });
  return router;
}

function callsTo(path: string) {
  return fetchMock.mock.calls.filter(([input]) => String(input).startsWith(path));
}

describe('login page', () => {
  it('renders an h1, the form and the forgotten-password link, without the main navigation', async () => {
    renderLogin();
    expect(await screen.findByRole('heading', { level: 1, name: 'Logowanie' })).toBeInTheDocument();
    expect(screen.getByLabelText(/Adres e-mail/)).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText(/^Hasło/)).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByRole('link', { name: 'Nie pamiętasz hasła?' })).toHaveAttribute(
      'href',
      '/haslo/przypomnij',
    );
    expect(screen.queryByRole('navigation', { name: 'Nawigacja główna' })).not.toBeInTheDocument();
  });

  it('shows field errors next to empty fields without calling the server', async () => {
    const user = userEvent.setup();
    renderLogin();
    await user.click(await screen.findByRole('button', { name: 'Zaloguj się' }));
    const email = screen.getByLabelText(/Adres e-mail/);
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Podaj adres e-mail.');
    expect(screen.getByLabelText(/^Hasło/)).toHaveAccessibleDescription('Podaj hasło.');
    expect(email).toHaveFocus();
    expect(callsTo('/api/auth/login')).toHaveLength(0);
  });

  it("shows the server's problem for a wrong password", async () => {
    loginHandler = () =>
      jsonResponse(
        problem(401, 'unauthenticated', 'Wymagane logowanie', { detail: 'Nieprawidłowy e-mail lub hasło.' }),
        401,
      );
    const user = userEvent.setup();
    renderLogin();
    await user.type(await screen.findByLabelText(/Adres e-mail/), 'pracownik.bochnia@demo.kooperacja.pl');
    await user.type(screen.getByLabelText(/^Hasło/), 'zle-haslo');
    await user.click(screen.getByRole('button', { name: 'Zaloguj się' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nieprawidłowy e-mail lub hasło.');
    expect(screen.getByRole('heading', { level: 1, name: 'Logowanie' })).toBeInTheDocument();
    const init = (callsTo('/api/auth/login')[0]?.[1] ?? {}) as RequestInit;
    const body = JSON.parse(String(init.body));
    expect(body).toEqual({ email: 'pracownik.bochnia@demo.kooperacja.pl', password: 'zle-haslo' });
  });

  it("shows the server's field errors next to the fields", async () => {
    loginHandler = () =>
      jsonResponse(
        problem(400, 'validation_failed', 'Niepoprawne dane', {
          detail: 'Popraw 1 pole.',
          errors: [{ field: 'email', code: 'too_big', message: 'Za długi adres.' }],
        }),
        400,
      );
    const user = userEvent.setup();
    renderLogin();
    await user.type(await screen.findByLabelText(/Adres e-mail/), 'a@b.pl');
    await user.type(screen.getByLabelText(/^Hasło/), 'cokolwiek');
    await user.click(screen.getByRole('button', { name: 'Zaloguj się' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Popraw 1 pole.');
    await waitFor(() =>
      expect(screen.getByLabelText(/Adres e-mail/)).toHaveAccessibleDescription('Za długi adres.'),
    );
  });

  it('tells the user to slow down and disables the button for the Retry-After time', async () => {
    loginHandler = () =>
      new Response(
        JSON.stringify(
          problem(429, 'rate_limited', 'Za dużo prób', {
            detail: 'Za dużo nieudanych prób. Spróbuj za 4 s.',
          }),
        ),
        { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '4' } },
      );
    const user = userEvent.setup();
    renderLogin();
    await user.type(await screen.findByLabelText(/Adres e-mail/), 'a@b.pl');
    await user.type(screen.getByLabelText(/^Hasło/), 'cokolwiek');
    await user.click(screen.getByRole('button', { name: 'Zaloguj się' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Spróbuj za 4 s.');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Zaloguj się' })).toBeDisabled());
    expect(screen.getByText(/Kolejna próba będzie możliwa za [1-4] s\./)).toBeInTheDocument();
  });

  it('logs in and returns to the page from ?next=', async () => {
    const user = userEvent.setup();
    const router = renderLogin();
    await user.type(await screen.findByLabelText(/Adres e-mail/), 'pracownik.bochnia@demo.kooperacja.pl');
    await user.type(screen.getByLabelText(/^Hasło/), 'Kooperacja-Demo-2026');
    await user.click(screen.getByRole('button', { name: 'Zaloguj się' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Moje konto' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/konto');
  });

  it('asks for the second factor and sends it with the CSRF token from the first step', async () => {
    loginHandler = () => jsonResponse({ status: 'second_factor_required', csrfToken: 'pending-csrf' });
    secondFactorHandler = () =>
      jsonResponse(
        problem(401, 'unauthenticated', 'Wymagane logowanie', { detail: 'Nieprawidłowy kod.' }),
        401,
      );
    const user = userEvent.setup();
    const router = renderLogin();
    await user.type(await screen.findByLabelText(/Adres e-mail/), 'admin@demo.kooperacja.pl');
    await user.type(screen.getByLabelText(/^Hasło/), 'Kooperacja-Demo-2026');
    await user.click(screen.getByRole('button', { name: 'Zaloguj się' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Weryfikacja dwuetapowa' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Potwierdź' }));
    expect(screen.getByLabelText(/Kod z aplikacji/)).toHaveAccessibleDescription(
      'Wpisz 6 cyfr kodu z aplikacji.',
    );

    await user.type(screen.getByLabelText(/Kod z aplikacji/), '123456');
    await user.click(screen.getByRole('button', { name: 'Potwierdź' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Nieprawidłowy kod.');

    // A recovery code instead.
    secondFactorHandler = () => jsonResponse({ status: 'ok', me: makeMe() });
    await user.click(screen.getByRole('button', { name: 'Użyj kodu odzyskiwania' }));
    await user.type(screen.getByLabelText(/Kod odzyskiwania/), 'abcde-12345');
    await user.click(screen.getByRole('button', { name: 'Potwierdź' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Moje konto' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/konto');

    const calls = callsTo('/api/auth/login/second-factor');
    expect(calls).toHaveLength(2);
    const first = calls[0]?.[1] as RequestInit;
    expect(new Headers(first.headers).get('X-CSRF-Token')).toBe('pending-csrf');
    expect(JSON.parse(String(first.body))).toEqual({ code: '123456' });
    expect(JSON.parse(String(((calls[1]?.[1] ?? {}) as RequestInit).body))).toEqual({
      recoveryCode: 'abcde-12345',
    });
  });

  it('says that the session ended when sent here after a 401', async () => {
    const router = createMemoryRouter(routes, {
      initialEntries: [{ pathname: '/logowanie', state: { reason: 'sessionEnded' } }],
    });
    renderWithProviders(<RouterProvider router={router} />, { route: null });
    expect(await screen.findByRole('status')).toHaveTextContent('Twoja sesja wygasła');
  });
});
