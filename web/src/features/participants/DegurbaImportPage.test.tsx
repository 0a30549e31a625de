import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from '../auth/me.fixtures';
import { DegurbaImportPage } from './DegurbaImportPage';

configure({ asyncUtilTimeout: 5000 });

let fetchMock: ReturnType<typeof vi.fn>;
let permissions = ['system.admin', 'institution.admin', 'institutions.read'];
const imports = () =>
  fetchMock.mock.calls
    .filter(([u]) => new URL(String(u), 'http://localhost').pathname === '/api/degurba/import')
    .map(([, init]) => JSON.parse(String((init as RequestInit).body)));

beforeEach(() => {
  permissions = ['system.admin', 'institution.admin', 'institutions.read'];
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/auth/me') return jsonResponse(makeMe({ permissions }));
    if (url.pathname === '/api/degurba')
      return jsonResponse({ total: 0, gminas: 2477, byLevel: { '1': 0, '2': 0, '3': 0 }, importedAt: null });
    if (url.pathname === '/api/degurba/import') {
      const body = JSON.parse(String(init?.body)) as { csv: string; apply: boolean };
      const bad = body.csv.includes('9999999');
      return jsonResponse({
        rows: 2,
        errors: bad
          ? [{ line: 3, code: 'degurba.unknownGmina', message: 'Gminy 9999999 nie ma w rejestrze TERYT.' }]
          : [],
        byLevel: { '1': 1, '2': 1, '3': 0 },
        changes: 2,
        applied: body.apply && !bad,
      });
    }
    return jsonResponse({});
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe('DEGURBA import page', { timeout: 30_000 }, () => {
  it('lists the wrong lines of the file and allows the import only after a clean check', async () => {
    const user = userEvent.setup();
    renderWithProviders(<DegurbaImportPage />, { route: '/admin/degurba' });
    expect(await screen.findByText(/Gminy z wartością DEGURBA: 0 z 2477/)).toBeInTheDocument();
    const text = screen.getByRole('textbox', { name: /Zawartość pliku/ });
    const importButton = screen.getByRole('button', { name: 'Importuj' });
    await user.type(text, 'teryt;degurba{enter}1218013;2{enter}9999999;1');
    await user.click(screen.getByRole('button', { name: 'Sprawdź plik' }));
    expect(await screen.findByText('1 błąd w pliku')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /Błędy pliku/ });
    expect(
      within(table).getByRole('row', { name: /3 Gminy 9999999 nie ma w rejestrze TERYT/ }),
    ).toBeInTheDocument();
    expect(importButton).toBeDisabled();

    await user.clear(text);
    await user.type(text, '1218013;2{enter}1261011;1');
    await user.click(screen.getByRole('button', { name: 'Sprawdź plik' }));
    expect(await screen.findByText('Plik jest poprawny: 2 wiersze.')).toBeInTheDocument();
    await user.click(importButton);
    expect(await screen.findByText('Zaimportowano 2 wiersze.')).toBeInTheDocument();
    expect(imports().map((b) => b.apply)).toEqual([false, false, true]);
    expect(imports()[2].csv).toBe('1218013;2\n1261011;1');
  });

  it('tells anyone but the system administrator that the table is not theirs', async () => {
    permissions = ['projects.read'];
    renderWithProviders(<DegurbaImportPage />, { route: '/admin/degurba' });
    expect(await screen.findByText('Tabelę DEGURBA wczytuje administrator systemu.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Importuj' })).not.toBeInTheDocument();
  });
});
