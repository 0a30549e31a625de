import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from '../auth/me.fixtures';
import { PersonPage } from './PersonPage';
import { bochniaUnit, caseDictionaries, makePerson, PERSON_ID } from './persons.fixtures';

// The pages load their data through several requests: on a loaded machine allow them time.
configure({ asyncUtilTimeout: 5000 });

let fetchMock: ReturnType<typeof vi.fn>;
let current = makePerson();
let putResponses: (() => Response)[] = [];

const puts = () => fetchMock.mock.calls.filter(([, init]) => init?.method === 'PUT');
const bodyOf = (call: unknown[]) => JSON.parse(String((call[1] as RequestInit).body));

const conflict = {
  type: 'https://kooperacja.pl/problems/conflict',
  title: 'Konflikt wersji',
  status: 409,
  code: 'conflict',
  detail: 'Ktoś inny zmienił ten rekord w międzyczasie.',
};

beforeEach(() => {
  sessionStorage.clear();
  current = makePerson();
  putResponses = [];
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
    if (url.pathname === '/api/dictionaries/cases') return jsonResponse(caseDictionaries);
    if (url.pathname.startsWith('/api/territory/units/1201011')) return jsonResponse(bochniaUnit);
    if (url.pathname === `/api/persons/${PERSON_ID}`) {
      if (init?.method === 'PUT') return (putResponses.shift() ?? (() => jsonResponse(current)))();
      return jsonResponse(current);
    }
    return jsonResponse({ items: [], total: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/osoby/:id" element={<PersonPage />} />
    </Routes>,
    { route: `/osoby/${PERSON_ID}` },
  );
}

// Mantine forms render slowly in jsdom: allow for a loaded machine running files in parallel.
describe('person page', { timeout: 20_000 }, () => {
  it('shows the data, households and cases, and the actions the abilities allow', async () => {
    current = makePerson({
      households: [
        {
          householdId: '0190b000-0000-7000-8000-0000000000f1',
          name: 'Rodzina Kowalskich',
          relation: 'glowa',
          fromDate: '2020-01-01',
          toDate: null,
        },
      ],
      cases: [
        {
          id: '0190b000-0000-7000-8000-0000000000c1',
          number: 'MOPS/2025/0007',
          status: 'diagnoza',
          via: 'household',
        },
      ],
    });
    renderPage();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Jan Kowalski' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Osoba prowadząca gospodarstwo', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Rodzina Kowalskich' })).toHaveAttribute(
      'href',
      '/rodziny/0190b000-0000-7000-8000-0000000000f1',
    );
    expect(screen.getByRole('link', { name: 'MOPS/2025/0007' })).toHaveAttribute(
      'href',
      '/sprawy/0190b000-0000-7000-8000-0000000000c1',
    );
    expect(screen.getAllByRole('link', { name: 'Załóż sprawę' })[0]).toHaveAttribute(
      'href',
      `/sprawy/nowa?personId=${PERSON_ID}`,
    );
    // Not a supervisor, no sensitive scope.
    expect(screen.queryByRole('link', { name: 'Scal z innym rekordem' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Dane szczególnie chronione/ })).not.toBeInTheDocument();
  });

  it('shows the sensitive data card, marked, only with the ability', async () => {
    current = makePerson({
      abilities: { update: true, readSensitive: true, merge: true, openCase: true },
      sensitive: {
        disabilityLevel: 'umiarkowany',
        disabilityUntil: null,
        health: 'cukrzyca',
        addiction: null,
        version: 2,
      },
    });
    renderPage();
    const heading = await screen.findByRole(
      'heading',
      { name: /Dane szczególnie chronione/ },
      { timeout: 5000 },
    );
    expect(heading).toHaveTextContent('art. 9 RODO');
    expect(await screen.findByText('Stopień umiarkowany', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('cukrzyca')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Scal z innym rekordem' })).toHaveAttribute(
      'href',
      `/osoby/${PERSON_ID}/scal`,
    );
  });

  it('after a conflict lists the fields that differ and applies my changes to the new version', async () => {
    putResponses = [() => jsonResponse(conflict, 409)];
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Edytuj dane' }));
    const phone = await screen.findByRole('textbox', { name: 'Telefon' });
    await user.clear(phone);
    await user.click(phone);
    await user.paste('601 222 333');

    // Meanwhile someone else changed the last name and the phone.
    current = makePerson({ lastName: 'Kowalski-Nowak', phone: '602 000 000', version: 4 });
    await user.click(screen.getByRole('button', { name: 'Zapisz zmiany' }));

    const dialog = await screen.findByRole('dialog', { name: 'Ktoś inny zmienił dane tej osoby' });
    const table = await within(dialog).findByTestId('conflict-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Nazwisko', 'Telefon']);
    const phoneRow = rows[1] as HTMLElement;
    expect(phoneRow).toHaveTextContent('601 222 333');
    expect(phoneRow).toHaveTextContent('602 000 000');
    expect(phoneRow).toHaveTextContent('Zmieniliście to pole oboje — zostanie zapisana Twoja wersja.');
    expect(rows[0]).toHaveTextContent('Zmiana innej osoby — zostanie zachowana.');
    expect(within(table).getByRole('columnheader', { name: 'Twoja wersja' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Aktualna wersja' })).toBeInTheDocument();
    expect(bodyOf(puts()[0] as unknown[])).toMatchObject({ version: 3, person: { phone: '601 222 333' } });

    current = makePerson({ lastName: 'Kowalski', phone: '601 222 333', version: 5 });
    await user.click(within(dialog).getByRole('button', { name: 'Zachowaj moje zmiany' }));
    await waitFor(() => expect(puts()).toHaveLength(2));
    // My change on top of the current version: the other person's new last name stays.
    expect(bodyOf(puts()[1] as unknown[])).toMatchObject({
      version: 4,
      person: { phone: '601 222 333', lastName: 'Kowalski-Nowak' },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByRole('button', { name: 'Edytuj dane' })).toBeInTheDocument();
  });

  it('“Wczytaj aktualne” replaces my values with the current record', async () => {
    putResponses = [() => jsonResponse(conflict, 409)];
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Edytuj dane' }));
    const phone = await screen.findByRole('textbox', { name: 'Telefon' });
    await user.clear(phone);
    await user.click(phone);
    await user.paste('601 222 333');
    current = makePerson({ phone: '602 000 000', version: 4 });
    await user.click(screen.getByRole('button', { name: 'Zapisz zmiany' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByTestId('conflict-table');
    await user.click(within(dialog).getByRole('button', { name: 'Wczytaj aktualne' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Telefon' })).toHaveValue('602 000 000'));
    expect(puts()).toHaveLength(1);
  });
});
