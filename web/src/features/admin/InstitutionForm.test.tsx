import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from '../auth/me.fixtures';
import { dictionaries, INSTITUTION_ID, makeInstitution } from './admin.fixtures';
import { InstitutionPage } from './InstitutionPage';

let fetchMock: ReturnType<typeof vi.fn>;
let putResponse: () => Response;

beforeEach(() => {
  putResponse = () => jsonResponse(makeInstitution({ version: 4 }));
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
    if (url.pathname === '/api/dictionaries/identity') return jsonResponse(dictionaries);
    if (url.pathname === `/api/institutions/${INSTITUTION_ID}`) {
      return init?.method === 'PUT' ? putResponse() : jsonResponse(makeInstitution());
    }
    if (url.pathname.startsWith('/api/territory/units/1201011')) {
      return jsonResponse({
        unit: {
          teryt: '1201011',
          level: 'gmina',
          kind: 'gmina_miejska',
          name: 'Bochnia',
          nameFull: 'gmina miejska Bochnia',
          powiatTeryt: '1201',
          wojTeryt: '12',
          cityWithPowiatRights: false,
          hasGeometry: true,
          population: null,
        },
        parents: [],
        children: [],
      });
    }
    return jsonResponse({ items: [], total: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/admin/instytucje/:id" element={<InstitutionPage />} />
    </Routes>,
    { route: `/admin/instytucje/${INSTITUTION_ID}` },
  );
}

const problem = {
  type: 'https://kooperacja.pl/problems/validation-failed',
  title: 'Nieprawidłowe dane',
  status: 400,
  code: 'validation_failed',
  detail: 'Popraw 2 pola.',
  errors: [
    { field: 'nip', code: 'nip.invalid', message: 'Nieprawidłowy NIP (suma kontrolna się nie zgadza).' },
    { field: 'postalCode', code: 'postalCode.invalid', message: 'Kod pocztowy ma postać 00-000.' },
  ],
};

// Mantine forms render slowly in jsdom: allow for a loaded machine running files in parallel.
describe('InstitutionForm', { timeout: 20_000 }, () => {
  it('shows the server’s field errors next to the fields they concern', async () => {
    putResponse = () => jsonResponse(problem, 400);
    const user = userEvent.setup();
    renderPage();

    const nip = await screen.findByRole('textbox', { name: 'NIP' });
    await user.type(nip, '123-456-78-90');
    await user.click(screen.getByRole('button', { name: 'Zapisz zmiany' }));

    // The PUT carries the loaded version for optimistic concurrency.
    await waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(true));
    const [, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'PUT') as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toMatchObject({ nip: '123-456-78-90', version: 3, type: 'ops' });

    await waitFor(() => expect(nip).toHaveAttribute('aria-invalid', 'true'));
    expect(nip).toHaveAccessibleDescription(/Nieprawidłowy NIP/);
    const postal = screen.getByRole('textbox', { name: 'Kod pocztowy' });
    expect(postal).toHaveAttribute('aria-invalid', 'true');
    expect(postal).toHaveAccessibleDescription(/00-000/);
    // Fields without an error stay valid; the summary above names the fields by their labels.
    expect(screen.getByRole('textbox', { name: 'Nazwa' })).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Nieprawidłowe dane');
  });

  it('offers to reload the record after a conflict', async () => {
    putResponse = () =>
      jsonResponse(
        {
          type: 'about:blank',
          title: 'Konflikt',
          status: 409,
          code: 'conflict',
          detail: 'Ktoś inny zmienił ten rekord w międzyczasie.',
        },
        409,
      );
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Zapisz zmiany' }));
    expect(await screen.findByText('Ktoś inny zmienił ten rekord w międzyczasie.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Wczytaj aktualną wersję' })).toBeInTheDocument();
  });

  it('is read-only when the record’s abilities do not allow a change', async () => {
    fetchMock.mockImplementation(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://localhost');
      if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
      if (url.pathname === '/api/dictionaries/identity') return jsonResponse(dictionaries);
      if (url.pathname === `/api/institutions/${INSTITUTION_ID}`)
        return jsonResponse(makeInstitution({ abilities: { update: false, manageUsers: false } }));
      return jsonResponse({ items: [], total: 0 });
    });
    renderPage();
    const name = await screen.findByRole('textbox', { name: 'Nazwa' });
    expect(name).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: 'Zapisz zmiany' })).not.toBeInTheDocument();
    expect(screen.getByText('Twoje role nie pozwalają zmieniać danych tej instytucji.')).toBeInTheDocument();
  });
});
