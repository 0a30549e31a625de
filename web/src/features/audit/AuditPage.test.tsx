import type { AuditEntry } from '@kooperacja/domain';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { dictionaries, INSTITUTION_ID } from '../admin/admin.fixtures';
import { makeMe } from '../auth/me.fixtures';
import { parsePolishDate } from './AuditFiltersForm';
import { AuditPage } from './AuditPage';

const USER_ID = '0190a000-0000-7000-8000-0000000000c1';

function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: 500,
    at: '2025-03-09T10:11:12.000Z',
    action: 'record.update',
    outcome: 'success',
    userId: USER_ID,
    userName: 'Jan Kowalski',
    institutionId: INSTITUTION_ID,
    institutionName: 'MOPS Bochnia',
    role: 'administrator_instytucji',
    ip: '10.0.0.7',
    userAgent: 'Firefox',
    requestId: 'req-12345678',
    recordType: 'institution',
    recordId: INSTITUTION_ID,
    changes: {
      name: { before: 'MOPS w Bochni', after: 'Miejski Ośrodek Pomocy Społecznej w Bochni' },
      phone: { before: null, after: '14 612 00 00' },
      active: { before: true, after: false },
    },
    details: { reason: 'aktualizacja danych' },
    ...overrides,
  };
}

const auditor = makeMe({ roles: ['audytor'], permissions: ['audit.read'] });
let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/auth/me') return jsonResponse(auditor);
    if (url.pathname === '/api/dictionaries/identity') return jsonResponse(dictionaries);
    if (url.pathname === '/api/audit/settings') return jsonResponse({ retentionYears: 5 });
    if (url.pathname === '/api/audit') {
      if (url.searchParams.get('before') === '500') {
        return jsonResponse({
          items: [entry({ id: 499, action: 'record.read', changes: null, details: null })],
          nextBefore: null,
        });
      }
      return jsonResponse({ items: [entry()], nextBefore: 500 });
    }
    return jsonResponse({ items: [], total: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const auditCalls = () =>
  fetchMock.mock.calls
    .map(([u]) => new URL(String(u), 'http://localhost'))
    .filter((u) => u.pathname === '/api/audit');

// Mantine forms render slowly in jsdom: allow for a loaded machine running files in parallel.
describe('audit log', { timeout: 20_000 }, () => {
  it('expands an entry to show the changes as field: before → after, and its details', async () => {
    const user = userEvent.setup();
    renderWithProviders(<AuditPage />, { route: '/audyt' });
    const table = await screen.findByTestId('audit-table');
    expect(table).toHaveAccessibleName('Wpisy dziennika zdarzeń, od najnowszych');
    const row = within(table).getByText('Jan Kowalski').closest('tr') as HTMLElement;
    expect(row).toHaveTextContent(/09\.03\.2025 \d{2}:11:12/);
    expect(row).toHaveTextContent('MOPS Bochnia');
    await waitFor(() => expect(row).toHaveTextContent('Zmiana'));
    expect(row).toHaveTextContent('powodzenie');
    expect(row).toHaveTextContent('10.0.0.7');

    const toggle = within(row).getByRole('button', { name: /^Szczegóły wpisu z 09\.03\.2025/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');

    const diff = screen.getByTestId('audit-changes');
    expect(diff).toHaveAccessibleName('Zmienione pola');
    const nameRow = within(diff).getByRole('rowheader', { name: 'Nazwa' }).closest('tr') as HTMLElement;
    expect(
      within(nameRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['MOPS w Bochni', 'Miejski Ośrodek Pomocy Społecznej w Bochni']);
    const phoneRow = within(diff).getByRole('rowheader', { name: 'Telefon' }).closest('tr') as HTMLElement;
    expect(
      within(phoneRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['—', '14 612 00 00']);
    const activeRow = within(diff)
      .getByRole('rowheader', { name: 'Instytucja aktywna' })
      .closest('tr') as HTMLElement;
    expect(
      within(activeRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['tak', 'nie']);
    expect(screen.getByText('aktualizacja danych')).toBeInTheDocument();
    expect(screen.getByText('req-12345678')).toBeInTheDocument();
  });

  it('builds the CSV link from the same filters as the list', async () => {
    renderWithProviders(<AuditPage />, {
      route: `/audyt?uzytkownik=${USER_ID}&akcja=record.update&wynik=success&od=2025-03-01&do=2025-03-31`,
    });
    const link = await screen.findByRole('link', { name: 'Eksport CSV' });
    expect(link).toHaveAttribute('download');
    const href = new URL(link.getAttribute('href') ?? '', 'http://localhost');
    expect(href.pathname).toBe('/api/audit/export.csv');
    expect(Object.fromEntries(href.searchParams)).toEqual({
      userId: USER_ID,
      action: 'record.update',
      outcome: 'success',
      from: '2025-03-01',
      to: '2025-03-31',
    });
    await screen.findByText('Jan Kowalski');
    const list = auditCalls().at(-1);
    expect(list?.searchParams.get('userId')).toBe(USER_ID);
    expect(list?.searchParams.get('from')).toBe('2025-03-01');
    // The auditor cannot search users, so the filter is the id itself; dates show as DD.MM.YYYY.
    expect(screen.getByRole('textbox', { name: 'Identyfikator użytkownika' })).toHaveValue(USER_ID);
    expect(screen.getByRole('textbox', { name: 'Od dnia' })).toHaveValue('01.03.2025');
  });

  it('links a record id to its history and loads older entries with the keyset cursor', async () => {
    const user = userEvent.setup();
    renderWithProviders(<AuditPage />, { route: '/audyt' });
    const history = await screen.findByRole('link', {
      name: /historia rekordu 0190a000-0000-7000-8000-000000000001/,
    });
    expect(history).toHaveAttribute('href', `/audyt?typ=institution&rekord=${INSTITUTION_ID}`);

    await user.click(screen.getByRole('button', { name: 'Starsze wpisy' }));
    await waitFor(() => expect(auditCalls().some((u) => u.searchParams.get('before') === '500')).toBe(true));
    expect(await within(screen.getByTestId('audit-table')).findByText('Odczyt danych')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Starsze wpisy' })).not.toBeInTheDocument();
    expect(screen.getByText('Wyświetlono 2 wpisy')).toBeInTheDocument();
  });

  it('shows the retention period read-only to the auditor', async () => {
    renderWithProviders(<AuditPage />, { route: '/audyt' });
    expect(await screen.findByText('Wpisy są przechowywane przez 5 lat.')).toBeInTheDocument();
    expect(screen.queryByRole('spinbutton')).not.toBeInTheDocument();
  });
});

describe('parsePolishDate', () => {
  it('reads DD.MM.YYYY and rejects impossible dates', () => {
    expect(parsePolishDate('1.3.2025')).toBe('2025-03-01');
    expect(parsePolishDate('31.12.2024')).toBe('2024-12-31');
    expect(parsePolishDate('2025-03-01')).toBe('2025-03-01');
    expect(parsePolishDate('31.02.2025')).toBeNull();
    expect(parsePolishDate('jutro')).toBeNull();
  });
});
