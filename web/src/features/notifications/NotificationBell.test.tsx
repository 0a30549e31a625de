import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { stubFetch } from '../cases/page/casePage.fixtures';
import { NotificationBell } from './NotificationBell';
import { NotificationsPage } from './NotificationsPage';
import { UNREAD_POLL_MS } from './useNotifications';

afterEach(() => {
  vi.unstubAllGlobals();
});

const item = (over: Record<string, unknown>) => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'referral.received',
  params: { referral: 'SK/2026/0001', institution: 'KPP Bochnia' },
  link: '/skrzynka',
  institutionId: null,
  institutionName: 'MOPS Bochnia',
  createdAt: '2026-03-11T08:05:00.000Z',
  readAt: null,
  ...over,
});

describe('NotificationBell', { timeout: 20_000 }, () => {
  it('links to the list and says the unread count in words', async () => {
    stubFetch((url) =>
      url.pathname === '/api/notifications/unread-count' ? jsonResponse({ unread: 3 }) : undefined,
    );
    renderWithProviders(<NotificationBell />);
    const bell = await screen.findByRole('link', { name: 'Powiadomienia: 3 nieprzeczytane powiadomienia' });
    expect(bell).toHaveAttribute('href', '/powiadomienia');
    expect(screen.getByTestId('notification-badge')).toHaveTextContent('3');
    expect(UNREAD_POLL_MS).toBe(60_000);
  });

  it('has no badge when everything is read', async () => {
    stubFetch((url) =>
      url.pathname === '/api/notifications/unread-count' ? jsonResponse({ unread: 0 }) : undefined,
    );
    renderWithProviders(<NotificationBell />);
    expect(await screen.findByRole('link', { name: 'Powiadomienia: brak nieprzeczytanych' })).toBeVisible();
    expect(screen.queryByTestId('notification-badge')).not.toBeInTheDocument();
  });
});

describe('NotificationsPage', { timeout: 20_000 }, () => {
  it('renders each notification from its kind and parameters, and marks one read', async () => {
    const fetchMock = stubFetch((url, init) => {
      if (url.pathname === '/api/notifications' && !init?.method)
        return jsonResponse({
          items: [
            item({}),
            item({
              id: '00000000-0000-4000-8000-000000000002',
              kind: 'action.overdue',
              params: { source: 'plan', due: '2026-03-10', case: 'MOPS-B/2026/0007' },
              link: '/sprawy/x?zakladka=plany',
              readAt: '2026-03-11T09:00:00.000Z',
            }),
            item({
              id: '00000000-0000-4000-8000-000000000003',
              kind: 'participant.followUpDue',
              params: { project: 'RPMP.09.01.01-12-0061/18', count: 3, due: '2026-03-20' },
              link: '/projekty/p?karta=uczestnicy&pomiar=1',
              readAt: '2026-03-11T09:00:00.000Z',
            }),
            item({
              id: '00000000-0000-4000-8000-000000000004',
              kind: 'training.registrationDecided',
              params: { training: 'Kooperacja w praktyce', outcome: 'rezerwowa' },
              link: '/szkolenia/zapisy/r',
              readAt: '2026-03-11T09:00:00.000Z',
            }),
          ],
          total: 4,
          unread: 1,
        });
      if (url.pathname.endsWith('/read')) return new Response(null, { status: 204 });
      return undefined;
    });
    renderWithProviders(<NotificationsPage />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Powiadomienia' })).toBeInTheDocument();
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(4);
    const [first, second, third, fourth] = items as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    expect(first).toHaveAttribute('data-unread', 'true');
    expect(
      within(first).getByRole('link', { name: 'Nowe skierowanie do Twojej instytucji' }),
    ).toHaveAttribute('href', '/skrzynka');
    expect(first).toHaveTextContent('Skierowanie SK/2026/0001 · Instytucja: KPP Bochnia');
    expect(first).toHaveTextContent(/11\.03\.2026 \d{2}:05/);
    expect(second).toHaveTextContent('Działanie z planu jest po terminie');
    expect(second).toHaveTextContent('Sprawa MOPS-B/2026/0007 · Termin: 10.03.2026');
    expect(within(second).queryByRole('button')).not.toBeInTheDocument();
    expect(
      within(third).getByRole('link', {
        name: 'Pomiar sytuacji uczestników 6 miesięcy po zakończeniu udziału',
      }),
    ).toHaveAttribute('href', '/projekty/p?karta=uczestnicy&pomiar=1');
    expect(third).toHaveTextContent(
      'Projekt RPMP.09.01.01-12-0061/18 · Pomiarów do zrobienia: 3 · Termin: 20.03.2026',
    );
    expect(
      within(fourth).getByRole('link', { name: 'Decyzja w sprawie Twojego zapisu na szkolenie' }),
    ).toHaveAttribute('href', '/szkolenia/zapisy/r');
    expect(fourth).toHaveTextContent('Szkolenie: Kooperacja w praktyce · Jesteś na liście rezerwowej');

    await userEvent.click(
      within(first).getByRole('button', {
        name: 'Oznacz jako przeczytane: Nowe skierowanie do Twojej instytucji',
      }),
    );
    await vi.waitFor(() =>
      expect(
        fetchMock.mock.calls.some(
          ([u, init]) =>
            String(u).includes('/api/notifications/00000000-0000-4000-8000-000000000001/read') &&
            init?.method === 'POST',
        ),
      ).toBe(true),
    );
  });
});
