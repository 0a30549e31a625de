import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from '../auth/me.fixtures';
import { PersonsPage } from './PersonsPage';
import { caseDictionaries, makeSummary, PERSON_ID } from './persons.fixtures';

// The pages load their data through several requests: on a loaded machine allow them time.
configure({ asyncUtilTimeout: 5000 });

let fetchMock: ReturnType<typeof vi.fn>;
const searches = () =>
  fetchMock.mock.calls
    .map(([u]) => new URL(String(u), 'http://localhost'))
    .filter((u) => u.pathname === '/api/persons');

beforeEach(() => {
  fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
    if (url.pathname === '/api/dictionaries/cases') return jsonResponse(caseDictionaries);
    if (url.pathname === '/api/persons') {
      const q = url.searchParams.get('q');
      return jsonResponse({
        total: q === 'nikt' ? 0 : 1,
        items: q === 'nikt' ? [] : [makeSummary({ openCases: 2 })],
        abilities: { create: true },
      });
    }
    return jsonResponse({ items: [], total: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('person search', { timeout: 20_000 }, () => {
  it('explains the scope, lists persons with full PESEL and birth date, and searches by one box', async () => {
    const user = userEvent.setup();
    renderWithProviders(<PersonsPage />, { route: '/osoby' });
    expect(
      await screen.findByText(/Widzisz osoby związane ze sprawami, które prowadzisz/),
    ).toBeInTheDocument();
    const table = await screen.findByTestId('person-table');
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByRole('link', { name: 'Jan Kowalski' })).toHaveAttribute(
      'href',
      `/osoby/${PERSON_ID}`,
    );
    expect(row).toHaveTextContent('44051401359');
    expect(row).toHaveTextContent('14.05.1944');
    expect(row).toHaveTextContent('2');
    expect(screen.getByRole('link', { name: 'Zarejestruj osobę' })).toHaveAttribute('href', '/osoby/nowa');

    const box = screen.getByRole('searchbox', { name: 'Imię i nazwisko lub PESEL' });
    await user.click(box);
    await user.paste('nikt');
    await waitFor(() => expect(searches().at(-1)?.searchParams.get('q')).toBe('nikt'));
    expect(await screen.findByText(/Nie znaleziono osób spełniających kryteria/)).toBeInTheDocument();
    expect(screen.queryByText(/Widzisz osoby związane ze sprawami/)).not.toBeInTheDocument();
  });
});
