import type { CaseSummary } from '@kooperacja/domain';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { makeMe } from '../../auth/me.fixtures';
import { caseDictionaries } from '../../persons/persons.fixtures';
import { CasesPage } from './CasesPage';

// The pages load their data through several requests: on a loaded machine allow them time.
configure({ asyncUtilTimeout: 5000 });

function makeCase(overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: '0190b000-0000-7000-8000-0000000000c1',
    number: 'MOPS/2025/0007',
    status: 'realizacja',
    subjectName: 'Rodzina Kowalskich',
    subjectKind: 'household',
    mainReason: '4',
    leadWorker: { id: '0190a000-0000-7000-8000-0000000000aa', name: 'Anna Nowak' },
    openedOn: '2025-03-09',
    closedOn: null,
    unitName: 'Bochnia',
    overdue: 2,
    nextDue: '2025-04-01',
    lastEventAt: null,
    ...overrides,
  };
}

let fetchMock: ReturnType<typeof vi.fn>;
const listCalls = () =>
  fetchMock.mock.calls
    .map(([u]) => new URL(String(u), 'http://localhost'))
    .filter((u) => u.pathname === '/api/cases');

beforeEach(() => {
  fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
    if (url.pathname === '/api/dictionaries/cases') return jsonResponse(caseDictionaries);
    if (url.pathname === '/api/cases/workers')
      return jsonResponse({
        items: [{ id: '0190a000-0000-7000-8000-0000000000ab', name: 'Piotr Wiśniewski' }],
      });
    if (url.pathname === '/api/cases')
      return jsonResponse({
        total: 2,
        items: [
          makeCase(),
          makeCase({
            id: '0190b000-0000-7000-8000-0000000000c2',
            number: 'MOPS/2025/0008',
            status: 'zgloszenie',
            subjectName: 'Jan Nowak',
            subjectKind: 'person',
            overdue: 0,
            nextDue: null,
          }),
        ],
        abilities: { create: true },
      });
    return jsonResponse({ items: [], total: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

// Mantine forms render slowly in jsdom: allow for a loaded machine running files in parallel.
describe('case list', { timeout: 20_000 }, () => {
  it('lists my open cases with the overdue ones said in words, linking to each case', async () => {
    renderWithProviders(<CasesPage />, { route: '/sprawy' });
    const table = await screen.findByTestId('case-table');
    expect(table).toHaveAccessibleName('Moje sprawy');
    expect(listCalls()[0]?.searchParams.get('scope')).toBe('mine');
    expect(listCalls()[0]?.searchParams.get('status')).toBe('open');
    const [first, second] = within(table).getAllByRole('row').slice(1) as HTMLElement[];
    expect(within(first as HTMLElement).getByRole('link', { name: 'MOPS/2025/0007' })).toHaveAttribute(
      'href',
      '/sprawy/0190b000-0000-7000-8000-0000000000c1',
    );
    expect(first).toHaveTextContent('Rodzina Kowalskich');
    expect(first).toHaveTextContent('rodzina · Bochnia');
    await waitFor(() => expect(first).toHaveTextContent('Bezrobocie'));
    expect(first).toHaveTextContent('Realizacja');
    expect(first).toHaveTextContent('09.03.2025');
    expect(first).toHaveTextContent('2 zaległe zadania');
    expect(first).toHaveTextContent('01.04.2025');
    expect(second).not.toHaveTextContent('zaległ');
    expect(screen.getByRole('status')).toHaveTextContent('Znaleziono 2 sprawy');
    expect(screen.getByRole('link', { name: 'Nowa sprawa' })).toHaveAttribute('href', '/sprawy/nowa');
  });

  it('switches to the institution’s cases with a worker filter, and filters overdue only', async () => {
    const user = userEvent.setup();
    renderWithProviders(<CasesPage />, { route: '/sprawy' });
    await screen.findByTestId('case-table');
    expect(screen.queryByRole('combobox', { name: 'Pracownik' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Sprawy instytucji' }));
    await waitFor(() => expect(listCalls().at(-1)?.searchParams.get('scope')).toBe('institution'));
    await user.click(await screen.findByRole('combobox', { name: 'Pracownik' }));
    await user.click(await screen.findByRole('option', { name: 'Piotr Wiśniewski' }));
    await waitFor(() =>
      expect(listCalls().at(-1)?.searchParams.get('workerId')).toBe('0190a000-0000-7000-8000-0000000000ab'),
    );
    await user.click(screen.getByRole('checkbox', { name: 'Tylko z zaległymi terminami' }));
    await waitFor(() => expect(listCalls().at(-1)?.searchParams.get('overdue')).toBe('true'));
    expect(await screen.findByTestId('case-table')).toHaveAccessibleName('Sprawy instytucji');
  });
});
