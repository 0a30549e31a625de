import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { sentBodies, stubFetch } from '../cases/page/casePage.fixtures';
import { InviteForm } from './InviteForm';
import { CASE_ID, CONSENT_ID, makeTeam, OTHER_INSTITUTION_ID } from './sharing.fixtures';

configure({ asyncUtilTimeout: 5000 });

let fetchMock: ReturnType<typeof stubFetch>;
beforeEach(() => {
  fetchMock = stubFetch((url, init) => {
    if (url.pathname === '/api/institutions')
      return jsonResponse({
        total: 1,
        items: [{ id: OTHER_INSTITUTION_ID, name: 'SP 1 Bochnia', unitName: null }],
        abilities: { create: false },
      });
    if (url.pathname === `/api/cases/${CASE_ID}/team` && init?.method === 'POST')
      return jsonResponse(
        {
          type: 'about:blank',
          title: 'Popraw zaznaczone pola',
          status: 400,
          code: 'validation_failed',
          errors: [
            {
              field: 'institutionId',
              code: 'team.alreadyMember',
              message: 'Ta instytucja jest już w zespole tej sprawy.',
            },
            {
              field: 'scopes',
              code: 'share.scopeBeyondConsent',
              message: 'Zakres wykracza poza zakres zgody.',
            },
          ],
        },
        400,
      );
    return undefined;
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function renderForm() {
  return renderWithProviders(
    <InviteForm caseId={CASE_ID} team={makeTeam()} onDone={vi.fn()} onCancel={vi.fn()} />,
  );
}

describe('<InviteForm>', { timeout: 20_000 }, () => {
  it('keeps the basic data always on and lets health data go only on consent', async () => {
    const user = userEvent.setup();
    renderForm();
    expect(screen.getByRole('checkbox', { name: /Dane podstawowe/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /Dane podstawowe/ })).toBeDisabled();
    const provision = screen.getByRole('radio', { name: 'Przepis prawa' });
    expect(provision).toBeChecked();

    await user.click(screen.getByRole('checkbox', { name: /Dane o zdrowiu/ }));
    expect(provision).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'Zgoda osoby' })).toBeChecked();
    expect(screen.getByText(/można je udostępnić tylko na podstawie zgody osoby/)).toBeInTheDocument();
    // The consent list waits for the recipient: only its active consents are offered.
    expect(screen.getByText(/Najpierw wybierz instytucję/)).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: /Dane o zdrowiu/ }));
    expect(provision).toBeEnabled();
  });

  it('sends the invitation and shows the server’s field errors next to the fields', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.type(screen.getByRole('combobox', { name: /^Instytucja/ }), 'SP 1');
    await user.click(await screen.findByRole('option', { name: 'SP 1 Bochnia' }));
    await user.click(screen.getByRole('combobox', { name: /Rola w zespole/ }));
    await user.click(await screen.findByRole('option', { name: 'Pedagog / psycholog szkolny' }));
    await user.click(screen.getByRole('checkbox', { name: /Plan i zadania/ }));
    await user.click(screen.getByRole('radio', { name: 'Zgoda osoby' }));
    await user.click(screen.getByRole('combobox', { name: /^Zgoda osoby/ }));
    await user.click(await screen.findByRole('option', { name: /Anna Wiśniewska — zgoda z 10\.01\.2026/ }));
    await user.click(screen.getByRole('button', { name: 'Wyślij zaproszenie' }));

    await waitFor(() => expect(sentBodies(fetchMock, 'POST', `/cases/${CASE_ID}/team`)).toHaveLength(1));
    expect(sentBodies(fetchMock, 'POST', `/cases/${CASE_ID}/team`)[0]).toMatchObject({
      institutionId: OTHER_INSTITUTION_ID,
      role: 'pedagog',
      scopes: ['podstawowe', 'plan'],
      basis: 'zgoda',
      consentId: CONSENT_ID,
      legalBasis: null,
    });
    // Next to the fields, and listed with the field's label in the alert above the form.
    const institution = screen.getByRole('combobox', { name: /^Instytucja/ });
    await waitFor(() => expect(institution).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('Ta instytucja jest już w zespole tej sprawy.')).toBeInTheDocument();
    expect(screen.getByText('Zakres wykracza poza zakres zgody.')).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Popraw zaznaczone pola')).toBeInTheDocument();
    expect(within(alert).getByText('Zakres udostępnianych danych')).toBeInTheDocument();
  });
});
