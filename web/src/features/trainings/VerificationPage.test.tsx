import { type CertificateVerification, certificateCodeFrom } from '@kooperacja/domain';
import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { problem } from './trainings.fixtures';
import { PublicVerificationLayout, VerificationFormPage, VerificationResultPage } from './VerificationPage';

configure({ asyncUtilTimeout: 5000 });

const VALID = certificateCodeFrom(Uint8Array.from([7, 19, 13, 2, 20, 9, 26, 29, 4, 25, 11]));
const UNKNOWN = certificateCodeFrom(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
const verification: CertificateVerification = {
  code: VALID,
  valid: true,
  learnerName: 'Anna Nowak',
  trainingTitle: 'Warsztaty kooperacyjne dla kadry OPS',
  form: 'warsztat',
  hours: 16,
  editionStartsOn: '2030-03-12',
  editionEndsOn: '2030-03-13',
  organiser: 'ROPS Kielce',
  projectNumber: 'FERS.04.13-IP.04-0001/24',
  issuedOn: '2030-03-14',
  revokedOn: null,
};
let fetchMock: ReturnType<typeof vi.fn>;

beforeAll(async () => {
  await i18n.changeLanguage('pl');
});
beforeEach(() => {
  fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === `/api/public/certificates/${VALID}`) return jsonResponse(verification);
    return jsonResponse(problem(404, 'Nie znaleziono'), 404);
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const renderAt = (route: string) =>
  renderWithProviders(
    <Routes>
      <Route element={<PublicVerificationLayout />}>
        <Route path="/weryfikacja" element={<VerificationFormPage />} />
        <Route path="/weryfikacja/:code" element={<VerificationResultPage />} />
      </Route>
    </Routes>,
    { route },
  );

describe('certificate verification (public)', { timeout: 30_000 }, () => {
  it('checks a typed code and shows a valid certificate with its details', async () => {
    const user = userEvent.setup();
    renderAt('/weryfikacja');
    expect(screen.getByRole('heading', { level: 1, name: 'Weryfikacja certyfikatu' })).toBeInTheDocument();
    // A typo in the code is caught by its check character, without asking the server.
    const input = screen.getByRole('textbox', { name: /^Kod weryfikacyjny/ });
    await user.type(input, `${VALID.slice(0, -1)}${VALID.endsWith('0') ? '1' : '0'}`);
    await user.click(screen.getByRole('button', { name: 'Sprawdź' }));
    expect(await screen.findByText(/To nie jest poprawny kod certyfikatu/)).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    await user.clear(input);
    await user.type(input, VALID.replace(/-/g, ' ').toLowerCase());
    await user.click(screen.getByRole('button', { name: 'Sprawdź' }));
    const status = await screen.findByRole('status', { name: 'Certyfikat jest ważny' });
    expect(status).toHaveTextContent('Anna Nowak');
    expect(
      screen.getByRole('heading', { level: 2, name: 'Warsztaty kooperacyjne dla kadry OPS' }),
    ).toBeInTheDocument();
    expect(screen.getByText('12.03.2030 – 13.03.2030')).toBeInTheDocument();
    expect(screen.getByText('16 godz.')).toBeInTheDocument();
    expect(screen.getByText('ROPS Kielce')).toBeInTheDocument();
    expect(screen.getByText('FERS.04.13-IP.04-0001/24')).toBeInTheDocument();
    expect(screen.getByText('14.03.2030')).toBeInTheDocument();
    await waitFor(() =>
      expect(String(fetchMock.mock.calls[0]?.[0])).toContain(`/api/public/certificates/${VALID}`),
    );
  });

  it('says so when no certificate has the code', async () => {
    renderAt(`/weryfikacja/${UNKNOWN}`);
    expect(await screen.findByRole('alert')).toHaveTextContent('Nie znaleziono certyfikatu o tym kodzie');
    expect(screen.queryByText('Certyfikat jest ważny')).not.toBeInTheDocument();
  });

  it('shows a revoked certificate as not valid', async () => {
    fetchMock.mockImplementation(async () =>
      jsonResponse({ ...verification, valid: false, revokedOn: '2030-04-01' }),
    );
    renderAt(`/weryfikacja/${VALID}`);
    expect(await screen.findByRole('status', { name: 'Certyfikat jest nieważny' })).toHaveTextContent(
      'Organizator unieważnił certyfikat 01.04.2030.',
    );
  });
});
