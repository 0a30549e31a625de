import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from '../auth/me.fixtures';
import { dictionaries } from './admin.fixtures';
import { InstitutionForm } from './InstitutionForm';

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://localhost');
      if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
      if (url.pathname === '/api/dictionaries/identity') return jsonResponse(dictionaries);
      return jsonResponse({ items: [], total: 0 });
    }),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
});

// Mantine forms render slowly in jsdom: allow for a loaded machine running files in parallel.
describe('new institution form', { timeout: 20_000 }, () => {
  it('suggests the sector of the chosen type, with labels from the dictionary', async () => {
    const user = userEvent.setup();
    renderWithProviders(<InstitutionForm />);
    const type = screen.getByRole('combobox', { name: 'Typ instytucji' });
    await user.click(type);
    await user.click(await screen.findByRole('option', { name: 'Szkoła / placówka oświatowa' }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Sektor' })).toHaveValue('Edukacja'));
    expect(
      screen.getByText('Podpowiedziany na podstawie typu instytucji — możesz go zmienić.'),
    ).toBeInTheDocument();
  });
});
