import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { BOCHNIA_ID, makeMe, TARNOW_ID } from '../auth/me.fixtures';

const QR_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0h1v1H0z"/></svg>';
const codes = Array.from({ length: 10 }, (_, i) => `abcde-0000${i}`);

const me = makeMe({
  memberships: [
    ...makeMe().memberships,
    {
      id: '0190a000-0000-7000-8000-0000000000b2',
      institutionId: TARNOW_ID,
      institutionName: 'PCPR Tarnów',
      institutionType: 'pcpr',
      roles: ['kierownik'],
      active: true,
    },
  ],
});

let fetchMock: ReturnType<typeof vi.fn>;
let current = me;

beforeEach(() => {
  current = me;
  fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url.startsWith('/api/auth/me')) return jsonResponse(current);
    if (url.startsWith('/api/auth/2fa/setup'))
      return jsonResponse({ secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/x', qrSvg: QR_SVG });
    if (url.startsWith('/api/auth/2fa/enable')) {
      current = { ...me, user: { ...me.user, twoFactorEnabled: true } };
      return jsonResponse({ recoveryCodes: codes });
    }
    if (url.startsWith('/api/dictionaries/identity'))
      return jsonResponse({
        roles: [
          { key: 'pracownik_socjalny', label: { pl: 'Pracownik socjalny', en: 'Social worker' } },
          { key: 'kierownik', label: { pl: 'Kierownik', en: 'Supervisor' } },
        ],
        institutionTypes: [],
      });
    return jsonResponse({});
  });
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

function renderAccount() {
  const router = createMemoryRouter(routes, { initialEntries: ['/konto'] });
  renderWithProviders(<RouterProvider router={router} />, { route: null });
  return router;
}

describe('account page', () => {
  it('shows the name, e-mail and every membership with its roles', async () => {
    renderAccount();
    expect(await screen.findByRole('heading', { level: 1, name: 'Moje konto' })).toBeInTheDocument();
    expect(screen.getByTestId('account-name')).toHaveTextContent('Anna Nowak');
    expect(screen.getByTestId('account-email')).toHaveTextContent('pracownik.bochnia@demo.kooperacja.pl');
    const table = screen.getByTestId('account-memberships');
    const bochnia = within(table).getByRole('row', { name: /MOPS Bochnia/ });
    expect(await within(bochnia).findByText('Pracownik socjalny')).toBeInTheDocument();
    expect(within(bochnia).getByText('bieżąca')).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /PCPR Tarnów/ })).toHaveTextContent('Kierownik');
    expect(me.activeInstitutionId).toBe(BOCHNIA_ID);
  });

  it('sets up the second factor: QR code as an image, the secret as text, recovery codes once', async () => {
    const user = userEvent.setup();
    renderAccount();
    await user.click(await screen.findByRole('button', { name: 'Włącz weryfikację dwuetapową' }));
    const qr = await screen.findByRole('img', { name: /Kod QR/ });
    expect(qr.getAttribute('src')).toBe(`data:image/svg+xml;utf8,${encodeURIComponent(QR_SVG)}`);
    expect(screen.getByTestId('totp-secret')).toHaveTextContent('JBSWY3DPEHPK3PXP');

    await user.click(screen.getByRole('button', { name: 'Potwierdź i włącz' }));
    expect(screen.getByLabelText(/Kod z aplikacji/)).toHaveAttribute('aria-invalid', 'true');

    await user.type(screen.getByLabelText(/Kod z aplikacji/), '123456');
    await user.click(screen.getByRole('button', { name: 'Potwierdź i włącz' }));
    const list = await screen.findByRole('list', { name: 'Lista kodów odzyskiwania' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    expect(screen.getByRole('heading', { name: 'Kody odzyskiwania' })).toHaveFocus();
    const setupCall = fetchMock.mock.calls.find(([input]) => String(input).startsWith('/api/auth/2fa/setup'));
    expect(new Headers(((setupCall?.[1] ?? {}) as RequestInit).headers).get('X-CSRF-Token')).toBe(
      'csrf-test-token',
    );

    await user.click(screen.getByRole('button', { name: 'Zapisałem kody' }));
    expect(await screen.findByText(/Weryfikacja dwuetapowa jest włączona/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Lista kodów odzyskiwania' })).not.toBeInTheDocument();
  });

  it('keeps an administrator who must set up the second factor on the set-up page', async () => {
    current = makeMe({ twoFactorSetupRequired: true, permissions: [] });
    const router = createMemoryRouter(routes, { initialEntries: ['/terytoria'] });
    renderWithProviders(<RouterProvider router={router} />, { route: null });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Weryfikacja dwuetapowa' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/konto/weryfikacja-dwuetapowa');
    expect(screen.getByTestId('two-factor-required')).toBeInTheDocument();
  });
});
