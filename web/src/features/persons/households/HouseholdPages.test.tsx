import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { makeMe } from '../../auth/me.fixtures';
import {
  bochniaUnit,
  caseDictionaries,
  HOUSEHOLD_ID,
  makeHousehold,
  makePerson,
  makeSummary,
  OTHER_PERSON_ID,
  PERSON_ID,
} from '../persons.fixtures';
import { HouseholdNewPage } from './HouseholdNewPage';
import { HouseholdPage } from './HouseholdPage';

// The pages load their data through several requests: on a loaded machine allow them time.
configure({ asyncUtilTimeout: 5000 });

let fetchMock: ReturnType<typeof vi.fn>;
const sent = (method: string, path: string) =>
  fetchMock.mock.calls.filter(
    ([u, init]) => init?.method === method && new URL(String(u), 'http://localhost').pathname === path,
  );
const bodyOf = (call: unknown) => JSON.parse(String(((call as unknown[])[1] as RequestInit).body));

const household = makeHousehold({
  members: [
    ...makeHousehold().members,
    {
      id: '0190b000-0000-7000-8000-0000000000e2',
      person: makeSummary({
        id: OTHER_PERSON_ID,
        firstName: 'Ewa',
        lastName: 'Kowalska',
        birthDate: '1950-02-02',
      }),
      relation: 'malzonek',
      fromDate: '2020-01-01',
      toDate: '2024-06-30',
    },
  ],
  cases: [{ id: '0190b000-0000-7000-8000-0000000000c1', number: 'MOPS/2025/0007', status: 'plan' }],
});

beforeEach(() => {
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
    if (url.pathname === '/api/dictionaries/cases') return jsonResponse(caseDictionaries);
    if (url.pathname.startsWith('/api/territory/units/1201011')) return jsonResponse(bochniaUnit);
    if (url.pathname === `/api/persons/${PERSON_ID}`) return jsonResponse(makePerson());
    if (url.pathname === '/api/households' && init?.method === 'POST') return jsonResponse(household, 201);
    if (url.pathname === `/api/households/${HOUSEHOLD_ID}`) return jsonResponse(household);
    if (url.pathname.endsWith('/end')) return jsonResponse(household);
    return jsonResponse({ items: [], total: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('households', { timeout: 20_000 }, () => {
  it('starts a new household from its head: the family’s name, the address and the head as member', async () => {
    const user = userEvent.setup();
    const { container } = renderWithProviders(
      <Routes>
        <Route path="/rodziny/nowa" element={<HouseholdNewPage />} />
        <Route path="/rodziny/:id" element={<p>strona rodziny</p>} />
      </Routes>,
      { route: `/rodziny/nowa?headId=${PERSON_ID}` },
    );
    const name = await screen.findByRole('textbox', { name: /Nazwa rodziny/ });
    await waitFor(() => expect(name).toHaveValue('Rodzina Kowalskich'));
    expect(screen.getByRole('textbox', { name: 'Kod pocztowy' })).toHaveValue('32-700');
    const members = screen.getByRole('table', { name: 'Członkowie' });
    expect(members).toHaveTextContent('Jan Kowalski');
    await waitFor(() =>
      expect(
        within(members).getByRole('combobox', { name: 'Relacja do osoby prowadzącej: Jan Kowalski' }),
      ).toHaveValue('Osoba prowadząca gospodarstwo'),
    );
    await user.click(screen.getByRole('button', { name: 'Utwórz rodzinę' }));
    await waitFor(() => expect(container).toHaveTextContent('strona rodziny'));
    expect(bodyOf(sent('POST', '/api/households')[0])).toEqual({
      household: {
        name: 'Rodzina Kowalskich',
        teryt: '1201011',
        street: 'ul. Kazimierza Wielkiego 1',
        postalCode: '32-700',
        city: 'Bochnia',
      },
      members: [{ personId: PERSON_ID, relation: 'glowa' }],
    });
  });

  it('shows current and former members with dates, and ends a membership', async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <Routes>
        <Route path="/rodziny/:id" element={<HouseholdPage />} />
      </Routes>,
      { route: `/rodziny/${HOUSEHOLD_ID}` },
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Rodzina Kowalskich' })).toBeInTheDocument();
    const current = screen.getByTestId('household-current');
    const history = screen.getByTestId('household-history');
    expect(current).toHaveTextContent('Jan Kowalski');
    expect(current).not.toHaveTextContent('Ewa Kowalska');
    expect(history).toHaveTextContent('Ewa Kowalska');
    expect(history).toHaveTextContent('30.06.2024');
    expect(await within(history).findByText('Małżonek / małżonka')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Załóż sprawę rodziny' })).toHaveAttribute(
      'href',
      `/sprawy/nowa?householdId=${HOUSEHOLD_ID}`,
    );
    expect(screen.getByRole('link', { name: 'MOPS/2025/0007' })).toBeInTheDocument();

    await user.click(within(current).getByRole('button', { name: 'Zakończ członkostwo: Jan Kowalski' }));
    const dialog = await screen.findByRole('dialog', { name: 'Zakończenie członkostwa: Jan Kowalski' });
    await user.click(within(dialog).getByRole('button', { name: 'Zakończ członkostwo' }));
    await waitFor(() =>
      expect(
        sent('POST', `/api/households/${HOUSEHOLD_ID}/members/0190b000-0000-7000-8000-0000000000e1/end`),
      ).toHaveLength(1),
    );
    const body = bodyOf(
      sent('POST', `/api/households/${HOUSEHOLD_ID}/members/0190b000-0000-7000-8000-0000000000e1/end`)[0],
    );
    expect(body.version).toBe(1);
    expect(body.toDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
