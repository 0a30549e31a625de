import type {
  MyPartnershipActionItemList,
  Partnership,
  PartnershipDashboard,
  PartnershipList,
} from '@kooperacja/domain';
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from '../auth/me.fixtures';
import { PartnershipPage } from './PartnershipPage';
import { PartnershipsPage } from './PartnershipsPage';

configure({ asyncUtilTimeout: 5000 });

const ID = '0190c000-0000-7000-8000-0000000000a1';
const MEETING = '0190c000-0000-7000-8000-0000000000b1';
const list: PartnershipList = {
  items: [
    {
      id: ID,
      name: 'Partnerski Zespół Kooperacyjny w Bochni',
      kind: 'pzk',
      model: 'kooperacje_3d',
      teryt: '1201011',
      unitName: 'Bochnia',
      leader: { id: '0190c000-0000-7000-8000-0000000000c1', name: 'MOPS Bochnia' },
      status: 'aktywne',
      startsOn: '2025-01-01',
      endsOn: null,
      memberCount: 9,
      nextMeetingAt: '2026-03-10T09:00:00.000Z',
    },
  ],
};
const partnership: Partnership = {
  ...(list.items[0] as PartnershipList['items'][number]),
  strategicPartner: { id: '0190c000-0000-7000-8000-0000000000c2', name: 'PCPR Bochnia' },
  animator: { id: '0190c000-0000-7000-8000-0000000000d1', name: 'Anna Animuszewska' },
  roleVocabulary: {
    lider: { pl: 'Lider partnerstwa', en: 'Partnership leader' },
    partner_strategiczny: { pl: 'Partner strategiczny', en: 'Strategic partner' },
    kooperant: { pl: 'Kooperant', en: 'Cooperating partner' },
  },
  description: null,
  version: 3,
  members: [
    {
      id: '0190c000-0000-7000-8000-0000000000e1',
      institution: {
        id: '0190c000-0000-7000-8000-0000000000c1',
        name: 'MOPS Bochnia',
        sector: 'pomoc_spoleczna',
      },
      role: 'lider',
      contactName: 'Paulina Pracowita',
      contactEmail: null,
      contactPhone: '14 611 00 01',
      joinedOn: '2025-01-01',
      leftOn: null,
    },
  ],
  abilities: { manage: false },
};
const mine: MyPartnershipActionItemList = {
  items: [
    {
      id: '0190c000-0000-7000-8000-0000000000f1',
      meetingId: MEETING,
      description: 'Przygotować wzór informacji zwrotnej',
      ownerInstitution: { id: '0190c000-0000-7000-8000-0000000000c1', name: 'MOPS Bochnia' },
      ownerUser: { id: '0190c000-0000-7000-8000-0000000000d2', name: 'Paulina Pracowita' },
      ownerName: null,
      dueOn: '2026-01-05',
      doneOn: null,
      overdue: true,
      abilities: { complete: true },
      partnership: { id: ID, name: 'Partnerski Zespół Kooperacyjny w Bochni' },
      meeting: { id: MEETING, title: 'Spotkanie kwartalne', startsAt: '2025-12-10T09:00:00.000Z' },
    },
  ],
};
const dashboard: PartnershipDashboard = {
  membersBySector: [
    { sector: 'pomoc_spoleczna', count: 2 },
    { sector: 'edukacja', count: 1 },
  ],
  meetings: { held: 2, planned: 1, cancelled: 0 },
  actionItems: { open: 2, overdue: 1, done: 3 },
  agreements: { signed: 1, draft: 1 },
  casesWithMultiSectorTeam: 4,
  referrals: {
    sent: 5,
    accepted: 4,
    completed: 2,
    bySector: [{ sector: 'edukacja', sent: 5, accepted: 4, completed: 2 }],
    medianResponseHours: 26.5,
    overdue: 1,
  },
};

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
    if (url.pathname === '/api/partnerships') return jsonResponse(list);
    if (url.pathname === '/api/partnerships/action-items/mine') return jsonResponse(mine);
    if (url.pathname.endsWith('/done') && init?.method === 'POST')
      return jsonResponse({ ...mine.items[0], doneOn: '2026-01-06', overdue: false });
    if (url.pathname === `/api/partnerships/${ID}`) return jsonResponse(partnership);
    if (url.pathname === `/api/partnerships/${ID}/dashboard`) return jsonResponse(dashboard);
    return jsonResponse({ items: [] });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('partnerships', { timeout: 20_000 }, () => {
  it('lists partnerships and my action items, which I mark done', async () => {
    renderWithProviders(<PartnershipsPage />, { route: '/partnerstwa' });
    const table = await screen.findByTestId('partnership-table');
    expect(
      within(table).getByRole('link', { name: 'Partnerski Zespół Kooperacyjny w Bochni' }),
    ).toHaveAttribute('href', `/partnerstwa/${ID}`);
    expect(within(table).getByText('Kooperacje 3D')).toBeInTheDocument();
    const items = await screen.findByTestId('my-action-items');
    expect(within(items).getByText('Przygotować wzór informacji zwrotnej')).toBeInTheDocument();
    expect(within(items).getByText('po terminie')).toBeInTheDocument();
    // Without partnerships.manage there is no "new partnership".
    expect(screen.queryByRole('button', { name: 'Nowe partnerstwo' })).not.toBeInTheDocument();
    await userEvent.click(
      within(items).getByRole('button', {
        name: 'Oznacz jako wykonane: Przygotować wzór informacji zwrotnej',
      }),
    );
    expect(
      fetchMock.mock.calls.some(
        ([u, init]) =>
          String(u).endsWith(`/action-items/${mine.items[0]?.id}/done`) && init?.method === 'POST',
      ),
    ).toBe(true);
  });

  it('shows the partnership read-only and the dashboard as numbers in a table', async () => {
    renderWithProviders(
      <Routes>
        <Route path="/partnerstwa/:id" element={<PartnershipPage />} />
      </Routes>,
      { route: `/partnerstwa/${ID}?karta=pulpit` },
    );
    expect(await screen.findByRole('heading', { level: 1, name: partnership.name })).toBeInTheDocument();
    expect(screen.getByText(/Zmiany wprowadza lider partnerstwa i animator/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edytuj partnerstwo' })).not.toBeInTheDocument();
    const sectors = await screen.findByRole('table', { name: 'Członkowie według sektora' });
    expect(within(sectors).getByRole('row', { name: /Edukacja 1/ })).toBeInTheDocument();
    expect(screen.getByText('26,5 godz.')).toBeInTheDocument();
  });
});
