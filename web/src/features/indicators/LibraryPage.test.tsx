import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from '../auth/me.fixtures';
import { makeDefinition } from './indicators.fixtures';
import { LibraryPage } from './LibraryPage';

configure({ asyncUtilTimeout: 5000 });

let fetchMock: ReturnType<typeof vi.fn>;
function respond(admin: boolean) {
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
    if (url.pathname === '/api/indicators/definitions' && init?.method === 'POST')
      return jsonResponse(makeDefinition({ code: 'X01' }), 201);
    if (url.pathname === '/api/indicators/definitions')
      return jsonResponse({
        total: 2,
        items: [
          makeDefinition({ abilities: { update: admin } }),
          makeDefinition({
            id: '0190d000-0000-7000-8000-0000000000e5',
            code: 'EECR05',
            name: 'Liczba osób pracujących sześć miesięcy po opuszczeniu programu',
            type: 'rezultat',
            measurement: '6_miesiecy',
          }),
        ],
        abilities: { createShared: admin },
      });
    return jsonResponse({ items: [] });
  });
  vi.stubGlobal('fetch', fetchMock);
}
beforeEach(() => respond(false));
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the indicator library', { timeout: 20_000 }, () => {
  it('lists definitions with their unit, type, counting, breakdowns and measurement moment', async () => {
    renderWithProviders(<LibraryPage />, { route: '/wskazniki' });
    const table = await screen.findByTestId('library-table');
    const row = within(table).getByRole('row', { name: /EECO01/ });
    expect(within(row).getByText('Osoby unikalne (każda osoba liczona raz)')).toBeInTheDocument();
    expect(within(row).getByText('Płeć')).toBeInTheDocument();
    expect(within(table).getByText('W ciągu 6 miesięcy od opuszczenia projektu')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Znaleziono 2 wskaźniki');
    expect(screen.queryByRole('button', { name: 'Dodaj wskaźnik do biblioteki' })).not.toBeInTheDocument();
    await userEvent.click(
      within(row).getByRole('button', { name: 'Całkowita liczba osób objętych wsparciem' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Wszystkie osoby, które rozpoczęły udział we wsparciu.'),
    ).toBeInTheDocument();
  });

  it('lets a system administrator add a common definition', async () => {
    respond(true);
    renderWithProviders(<LibraryPage />, { route: '/wskazniki' });
    await userEvent.click(await screen.findByRole('button', { name: 'Dodaj wskaźnik do biblioteki' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Kod' }), 'X01');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Nazwa/ }), 'Liczba gmin z planem');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Zapisz' }));
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.some(
          ([u, init]) => String(u).endsWith('/indicators/definitions') && init?.method === 'POST',
        ),
      ).toBe(true),
    );
    const call = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(call?.[1]?.body))).toMatchObject({
      scope: 'wspolny',
      code: 'X01',
      name: 'Liczba gmin z planem',
    });
  });
});
