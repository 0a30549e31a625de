import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from '../auth/me.fixtures';
import { PersonMergePage } from './PersonMergePage';
import { caseDictionaries, makePerson, makeSummary, OTHER_PERSON_ID, PERSON_ID } from './persons.fixtures';

// The pages load their data through several requests: on a loaded machine allow them time.
configure({ asyncUtilTimeout: 5000 });

const supervisorAbilities = { update: true, readSensitive: true, merge: true, openCase: true };
const first = makePerson({ abilities: supervisorAbilities, version: 3 });
const second = makePerson({
  id: OTHER_PERSON_ID,
  pesel: null,
  otherIdType: 'brak',
  phone: null,
  city: 'Brzesko',
  createdAt: '2025-05-05T10:00:00.000Z',
  version: 7,
  abilities: supervisorAbilities,
});
let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
    if (url.pathname === '/api/dictionaries/cases') return jsonResponse(caseDictionaries);
    if (url.pathname === `/api/persons/${PERSON_ID}`) return jsonResponse(first);
    if (url.pathname === `/api/persons/${OTHER_PERSON_ID}`) return jsonResponse(second);
    if (url.pathname === '/api/persons/merge' && init?.method === 'POST') return jsonResponse(second);
    if (url.pathname === '/api/persons')
      return jsonResponse({
        total: 1,
        items: [makeSummary({ id: OTHER_PERSON_ID, pesel: null, city: 'Brzesko' })],
        abilities: { create: true },
      });
    return jsonResponse({ items: [], total: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('merging person records', { timeout: 20_000 }, () => {
  it('finds the other record, compares both side by side and merges into the chosen one', async () => {
    const user = userEvent.setup();
    const { container } = renderWithProviders(
      <Routes>
        <Route path="/osoby/:id/scal" element={<PersonMergePage />} />
        <Route path="/osoby/:id" element={<p>strona osoby</p>} />
      </Routes>,
      { route: `/osoby/${PERSON_ID}/scal` },
    );
    const find = await screen.findByRole('combobox', { name: /Wyszukaj drugi rekord tej osoby/ });
    await user.click(find);
    await user.paste('kowalski');
    await user.click(await screen.findByRole('option', { name: /Jan Kowalski, ur\. 14\.05\.1944, Bochnia/ }));

    const table = await screen.findByTestId('merge-table');
    const cityRow = within(table)
      .getByRole('rowheader', { name: /Miejscowość/ })
      .closest('tr') as HTMLElement;
    expect(cityRow).toHaveTextContent('różni się');
    expect(cityRow).toHaveTextContent('Bochnia');
    expect(cityRow).toHaveTextContent('Brzesko');
    const nameRow = within(table)
      .getByRole('rowheader', { name: 'Imię (imiona)' })
      .closest('tr') as HTMLElement;
    expect(nameRow).not.toHaveTextContent('różni się');

    await user.click(screen.getByRole('radio', { name: /w rejestrze od 05\.05\.2025/ }));
    await user.click(screen.getByRole('button', { name: 'Scal rekordy' }));
    const dialog = await screen.findByRole('dialog', { name: 'Scalić rekordy?' });
    await user.click(within(dialog).getByRole('button', { name: 'Tak, scal' }));
    await waitFor(() => expect(container).toHaveTextContent('strona osoby'));
    const post = fetchMock.mock.calls.find(([, i]) => i?.method === 'POST') as unknown[];
    expect(JSON.parse(String((post[1] as RequestInit).body))).toEqual({
      keepId: OTHER_PERSON_ID,
      mergeId: PERSON_ID,
      keepVersion: 7,
      mergeVersion: 3,
    });
  });
});
