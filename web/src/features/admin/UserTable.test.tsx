import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from '../auth/me.fixtures';
import { allAbilities, dictionaries, makeUser } from './admin.fixtures';
import { UsersPage } from './UsersPage';

const restricted = makeUser();
const managed = makeUser({
  id: '0190a000-0000-7000-8000-0000000000c2',
  email: 'ewa.nowak@demo.kooperacja.pl',
  firstName: 'Ewa',
  lastName: 'Nowak',
  twoFactorEnabled: false,
  lastLoginAt: null,
  abilities: allAbilities,
});

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
    if (url.pathname === '/api/dictionaries/identity') return jsonResponse(dictionaries);
    if (url.pathname === '/api/admin/users')
      return jsonResponse({ total: 2, items: [restricted, managed], abilities: { create: false } });
    if (url.pathname.endsWith('/password-link') && init?.method === 'POST')
      return new Response(null, { status: 202 });
    return jsonResponse({ items: [], total: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const rowOf = (name: string) => screen.getByRole('link', { name }).closest('tr') as HTMLElement;

// Mantine forms render slowly in jsdom: allow for a loaded machine running files in parallel.
describe('users table', { timeout: 20_000 }, () => {
  it('shows only the actions each record’s abilities allow', async () => {
    renderWithProviders(<UsersPage />, { route: '/admin/uzytkownicy' });
    await screen.findByRole('link', { name: 'Jan Kowalski' });

    // No abilities: no action buttons at all.
    expect(within(rowOf('Jan Kowalski')).queryAllByRole('button')).toEqual([]);

    const row = rowOf('Ewa Nowak');
    expect(within(row).getByRole('button', { name: 'Wyślij link do hasła — Ewa Nowak' })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Zablokuj — Ewa Nowak' })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Wyłącz 2FA — Ewa Nowak' })).toBeInTheDocument();

    // Without the ability to create, no "add" button either.
    expect(screen.queryByRole('link', { name: 'Dodaj użytkownika' })).not.toBeInTheDocument();
  });

  it('renders institutions with role labels, 2FA and the last login as DD.MM.YYYY HH:mm', async () => {
    renderWithProviders(<UsersPage />, { route: '/admin/uzytkownicy' });
    await screen.findByRole('link', { name: 'Jan Kowalski' });
    const row = rowOf('Jan Kowalski');
    await waitFor(() => expect(row).toHaveTextContent('MOPS Bochnia: Pracownik socjalny, Kierownik'));
    expect(row).toHaveTextContent(/09\.03\.2025 \d{2}:30/);
    expect(within(row).getByText('tak')).toBeInTheDocument();
    expect(rowOf('Ewa Nowak')).toHaveTextContent('nigdy');
    expect(
      screen.getByRole('table', { name: 'Użytkownicy spełniający kryteria wyszukiwania' }),
    ).toBeInTheDocument();
  });

  it('sends a password link for a user whose abilities allow it', async () => {
    const user = userEvent.setup();
    renderWithProviders(<UsersPage />, { route: '/admin/uzytkownicy' });
    await user.click(await screen.findByRole('button', { name: 'Wyślij link do hasła — Ewa Nowak' }));
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.some(
          ([u, init]) =>
            String(u) === `/api/admin/users/${managed.id}/password-link` && init?.method === 'POST',
        ),
      ).toBe(true),
    );
  });

  it('passes the filters from the URL to the search', async () => {
    renderWithProviders(<UsersPage />, { route: '/admin/uzytkownicy?rola=kierownik&status=blocked&q=now' });
    await screen.findByRole('link', { name: 'Jan Kowalski' });
    const urls = fetchMock.mock.calls
      .map(([u]) => new URL(String(u), 'http://localhost'))
      .filter((u) => u.pathname === '/api/admin/users' && u.searchParams.get('offset') === '0');
    expect(urls.at(-1)?.searchParams.get('role')).toBe('kierownik');
    expect(urls.at(-1)?.searchParams.get('status')).toBe('blocked');
    expect(urls.at(-1)?.searchParams.get('q')).toBe('now');
  });
});
