import type { TeamMember } from '@kooperacja/domain';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeCase, sentBodies, stubFetch } from '../cases/page/casePage.fixtures';
import { BlueCardFlag } from './BlueCardFlag';
import { CooperationTab } from './CooperationTab';
import {
  CASE_ID,
  CONSENT_ID,
  makeConsent,
  makeInbox,
  makeReferral,
  makeTeam,
  OTHER_INSTITUTION_ID,
  REFERRAL_ID,
} from './sharing.fixtures';

configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

const member: TeamMember = {
  id: '0190d000-0000-7000-8000-0000000000f9',
  caseId: CASE_ID,
  institution: { id: OTHER_INSTITUTION_ID, name: 'SP 1 Bochnia', sector: 'edukacja' },
  user: { id: '0190d000-0000-7000-8000-0000000000f8', name: 'Beata Szkolna', email: null },
  role: 'pedagog',
  status: 'aktywny',
  basis: 'zgoda',
  legalBasis: null,
  consentId: CONSENT_ID,
  scopes: ['podstawowe', 'plan', 'zdrowie'],
  purpose: null,
  startsOn: '2026-01-10',
  endsOn: null,
  endedAt: null,
  endReason: null,
  sharing: false,
  version: 2,
};

describe('the case tab "Współpraca"', { timeout: 20_000 }, () => {
  it('shows the team, the consents and each referral with its outcome and thread', async () => {
    const completed = makeReferral({
      side: 'sender',
      status: 'zakonczone',
      outcome: 'Przeprowadzono rozmowę z rodziną; brak zagrożenia.',
      completedAt: '2026-01-25T10:00:00.000Z',
      overdue: false,
    });
    stubFetch((url) => {
      if (url.pathname === `/api/cases/${CASE_ID}/team`)
        return jsonResponse(
          makeTeam({
            members: [member],
            consents: [makeConsent({ active: false, withdrawnOn: '2026-01-20' })],
          }),
        );
      if (url.pathname === `/api/cases/${CASE_ID}/referrals`)
        return jsonResponse(
          makeInbox([
            { status: 'zakonczone' },
            { id: CONSENT_ID, number: 'SKR/2026/0009', status: 'przyjete', overdue: true },
          ]),
        );
      if (url.pathname === `/api/referrals/${REFERRAL_ID}`) return jsonResponse(completed);
      if (url.pathname === `/api/cases/${CASE_ID}/messages`)
        return jsonResponse({
          items:
            url.searchParams.get('referralId') === REFERRAL_ID
              ? [
                  {
                    id: '0190d000-0000-7000-8000-0000000000aa',
                    referralId: REFERRAL_ID,
                    author: { id: '0190d000-0000-7000-8000-0000000000ab', name: 'Piotr Posterunkowy' },
                    institution: { id: OTHER_INSTITUTION_ID, name: 'KPP Bochnia' },
                    body: 'Byłem u rodziny w czwartek.',
                    createdAt: '2026-01-24T12:00:00.000Z',
                    mine: false,
                  },
                ]
              : [],
        });
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(<CooperationTab data={makeCase()} />);
    const team = await screen.findByTestId('team-table');
    const row = within(team).getByTestId(`team-member-${member.id}`);
    expect(within(row).getByText('Beata Szkolna')).toBeInTheDocument();
    expect(within(row).getByText('Aktywny')).toBeInTheDocument();
    expect(within(row).getByText('nie')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Zakończ udział: SP 1 Bochnia' })).toBeInTheDocument();
    const consents = screen.getByTestId('consents-table');
    expect(within(consents).getByText('Wycofana')).toBeInTheDocument();
    expect(within(consents).getByRole('link', { name: /Drukuj formularz zgody/ })).toHaveAttribute(
      'href',
      `/api/cases/${CASE_ID}/consents/${CONSENT_ID}/pdf`,
    );

    const referrals = await screen.findByTestId('case-referrals');
    expect(within(referrals).getByTestId('case-referral-SKR/2026/0009')).toHaveTextContent('po terminie');
    await user.click(within(referrals).getByRole('button', { name: /SKR\/2026\/0003/ }));
    expect(await screen.findByTestId('referral-outcome')).toHaveTextContent('brak zagrożenia');
    expect(await screen.findByText('Byłem u rodziny w czwartek.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Wiadomości zespołu' })).toBeInTheDocument();
  });

  it('shows the Niebieska Karta flag to the owner and lets the lead worker clear it', async () => {
    const fetchMock = stubFetch((url, init) => {
      if (url.pathname === `/api/cases/${CASE_ID}/blue-card` && init?.method === 'PUT')
        return jsonResponse({ version: 8 });
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(
      <BlueCardFlag
        data={makeCase({
          blueCardSince: '2026-02-01',
          version: 7,
          abilities: { update: true, assignWorkers: true, transition: true, readSensitive: true },
        })}
      />,
    );
    expect(screen.getByText('Procedura Niebieskiej Karty od 01.02.2026')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Zmień' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Nigdy nie jest udostępniana partnerom/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Usuń oznaczenie' }));
    await waitFor(() =>
      expect(sentBodies(fetchMock, 'PUT', '/blue-card')).toEqual([{ since: null, version: 7 }]),
    );
  });

  it('hides the flag and its button from a co-worker when it is not set', () => {
    stubFetch();
    renderWithProviders(<BlueCardFlag data={makeCase()} />);
    expect(screen.queryByTestId('blue-card')).not.toBeInTheDocument();
    expect(screen.queryByText(/Niebieskiej Karty/)).not.toBeInTheDocument();
  });
});
