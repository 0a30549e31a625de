import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { makeMe } from '../../auth/me.fixtures';
import { caseDictionaries, makePerson, PERSON_ID } from '../../persons/persons.fixtures';
import { CaseNewPage } from './CaseNewPage';

// The pages load their data through several requests: on a loaded machine allow them time.
configure({ asyncUtilTimeout: 5000 });

const CASE_ID = '0190b000-0000-7000-8000-0000000000c1';
let fetchMock: ReturnType<typeof vi.fn>;

const posts = () =>
  fetchMock.mock.calls.filter(
    ([u, init]) =>
      new URL(String(u), 'http://localhost').pathname === '/api/cases' && init?.method === 'POST',
  );

beforeEach(() => {
  sessionStorage.clear();
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
    if (url.pathname === '/api/dictionaries/cases') return jsonResponse(caseDictionaries);
    if (url.pathname === `/api/persons/${PERSON_ID}`) return jsonResponse(makePerson());
    if (url.pathname === '/api/cases/workers')
      return jsonResponse({ items: [{ id: makeMe().user.id, name: 'Anna Nowak' }] });
    if (url.pathname === '/api/cases' && init?.method === 'POST')
      return jsonResponse({ id: CASE_ID, number: 'MOPS/2025/0042' }, 201);
    return jsonResponse({ items: [], total: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function renderPage(route = `/sprawy/nowa?personId=${PERSON_ID}`) {
  return renderWithProviders(
    <Routes>
      <Route path="/sprawy/nowa" element={<CaseNewPage />} />
      <Route path="/sprawy/:id" element={<p>strona sprawy</p>} />
    </Routes>,
    { route },
  );
}

// Mantine forms render slowly in jsdom: allow for a loaded machine running files in parallel.
describe('opening a case', { timeout: 20_000 }, () => {
  it('requires exactly one main reason, then opens the case for the person from the address', async () => {
    const user = userEvent.setup();
    const { container } = renderPage();
    // The person from ?personId= is the subject; the lead worker is me and cannot be changed.
    await waitFor(
      () => expect(screen.getByRole('combobox', { name: /^Osoba/ })).toHaveValue('Jan Kowalski'),
      {
        timeout: 5000,
      },
    );
    const lead = screen.getByRole('combobox', { name: /Pracownik prowadzący/ });
    await waitFor(() => expect(lead).toHaveValue('Anna Nowak'), { timeout: 5000 });
    expect(lead).toHaveAttribute('readonly');

    await user.click(screen.getByRole('combobox', { name: /Źródło zgłoszenia/ }));
    await user.click(await screen.findByRole('option', { name: 'Wniosek własny' }));

    const reasons = screen.getByTestId('reasons-field');
    await user.click(within(reasons).getByRole('checkbox', { name: 'Ubóstwo' }));
    // The only reason checked becomes the main one; radios of unchecked reasons are disabled.
    expect(within(reasons).getByRole('radio', { name: 'Główny powód: Ubóstwo' })).toBeChecked();
    expect(within(reasons).getByRole('radio', { name: 'Główny powód: Bezrobocie' })).toBeDisabled();
    await user.click(within(reasons).getByRole('checkbox', { name: 'Bezrobocie' }));
    await user.click(within(reasons).getByRole('checkbox', { name: 'Niepełnosprawność' }));
    // Unchecking the main reason leaves two reasons and no main one.
    await user.click(within(reasons).getByRole('checkbox', { name: 'Ubóstwo' }));
    expect(within(reasons).getByRole('radio', { name: 'Główny powód: Bezrobocie' })).not.toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Załóż sprawę' }));
    expect(await within(reasons).findByRole('alert')).toHaveTextContent(
      'Zaznacz dokładnie jeden główny powód przyznania pomocy.',
    );
    expect(reasons).toHaveAccessibleDescription(/Zaznacz dokładnie jeden główny powód/);
    expect(posts()).toHaveLength(0);

    await user.click(within(reasons).getByRole('radio', { name: 'Główny powód: Bezrobocie' }));
    expect(within(reasons).queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Załóż sprawę' }));

    await waitFor(() => expect(container).toHaveTextContent('strona sprawy'));
    const body = JSON.parse(String(((posts()[0] as unknown[])[1] as RequestInit).body));
    expect(body).toEqual({
      personId: PERSON_ID,
      source: 'wniosek_wlasny',
      sourceDetails: null,
      reasons: [
        { code: '4', main: true },
        { code: '5', main: false },
      ],
      coWorkerIds: [],
      summary: null,
    });
  });

  it('asks for the subject and the reasons before sending anything', async () => {
    const user = userEvent.setup();
    renderPage('/sprawy/nowa');
    await user.click(await screen.findByRole('button', { name: 'Załóż sprawę' }));
    const person = screen.getByRole('combobox', { name: /^Osoba/ });
    await waitFor(() => expect(person).toHaveAttribute('aria-invalid', 'true'));
    expect(person).toHaveAccessibleDescription('Wskaż osobę albo rodzinę, której dotyczy sprawa.');
    expect(screen.getByRole('combobox', { name: /Źródło zgłoszenia/ })).toHaveAccessibleDescription(
      'Wybierz źródło zgłoszenia.',
    );
    expect(within(screen.getByTestId('reasons-field')).getByRole('alert')).toHaveTextContent(
      'Zaznacz co najmniej jeden powód przyznania pomocy.',
    );
    expect(posts()).toHaveLength(0);
  });
});
