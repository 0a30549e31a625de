import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from '../auth/me.fixtures';
import { draftKey } from '../cases/shared/useDraft';
import { PersonNewPage } from './PersonNewPage';
import { caseDictionaries, makePerson, makeSummary, OTHER_PERSON_ID, PERSON_ID } from './persons.fixtures';

// The pages load their data through several requests: on a loaded machine allow them time.
configure({ asyncUtilTimeout: 5000 });

let fetchMock: ReturnType<typeof vi.fn>;
let duplicates: unknown;
let createResponse: () => Response;

const calls = (path: string) =>
  fetchMock.mock.calls.filter(([u]) => new URL(String(u), 'http://localhost').pathname === path);
const bodyOf = (call: unknown[]) => JSON.parse(String((call[1] as RequestInit).body));

beforeEach(() => {
  sessionStorage.clear();
  duplicates = { candidates: [] };
  createResponse = () => jsonResponse(makePerson({ id: OTHER_PERSON_ID }), 201);
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
    if (url.pathname === '/api/dictionaries/cases') return jsonResponse(caseDictionaries);
    if (url.pathname === '/api/persons/check-duplicates') return jsonResponse(duplicates);
    if (url.pathname === '/api/persons' && init?.method === 'POST') return createResponse();
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
      <Route path="/osoby/nowa" element={<PersonNewPage />} />
      <Route path="/osoby/:id" element={<p>strona osoby</p>} />
    </Routes>,
    { route: '/osoby/nowa' },
  );
}

type User = ReturnType<typeof userEvent.setup>;

/** Pastes a value into a field (typing every key re-renders the whole form: slow in jsdom). */
async function fill(user: User, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.click(field);
  await user.paste(text);
}

async function fillName(user: User) {
  await fill(user, await screen.findByRole('textbox', { name: /Imię \(imiona\)/ }), 'Jan');
  await fill(user, screen.getByRole('textbox', { name: /Nazwisko/ }), 'Kowalski');
}

// Mantine forms render slowly in jsdom: allow for a loaded machine running files in parallel.
describe('registering a person', { timeout: 20_000 }, () => {
  it('reads the birth date and sex from a valid PESEL and locks them; a wrong one shows the checksum error', async () => {
    const user = userEvent.setup();
    renderPage();
    const pesel = await screen.findByRole('textbox', { name: /PESEL/ });
    const birth = screen.getByRole('textbox', { name: /Data urodzenia/ });
    const sex = screen.getByRole('combobox', { name: /Płeć/ });

    await fill(user, pesel, '44051401358');
    expect(pesel).toHaveAttribute('aria-invalid', 'true');
    expect(pesel).toHaveAccessibleDescription(/Nieprawidłowy PESEL — sprawdź cyfry/);
    expect(birth).toHaveValue('');

    await fill(user, pesel, '44051401359');
    expect(pesel).not.toHaveAttribute('aria-invalid', 'true');
    expect(pesel).toHaveAccessibleDescription(/PESEL poprawny: urodzenie 14\.05\.1944, mężczyzna/);
    await waitFor(() => expect(birth).toHaveValue('14.05.1944'));
    expect(sex).toHaveValue('mężczyzna');
    expect(birth).toHaveAttribute('readonly');
    expect(sex).toHaveAttribute('readonly');
    expect(birth).toHaveAccessibleDescription('Odczytane z numeru PESEL.');
  });

  it('without a PESEL asks for another document, the birth date and the sex', async () => {
    const user = userEvent.setup();
    renderPage();
    await fillName(user);
    await user.click(screen.getByRole('switch', { name: /Brak numeru PESEL/ }));
    expect(screen.queryByRole('textbox', { name: /PESEL/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Zarejestruj osobę' }));
    const docType = await screen.findByRole('combobox', { name: /Rodzaj dokumentu tożsamości/ });
    await waitFor(() => expect(docType).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByRole('textbox', { name: /Data urodzenia/ })).toHaveAccessibleDescription(
      'Bez numeru PESEL podaj datę urodzenia.',
    );
    expect(screen.getByRole('textbox', { name: /Data urodzenia/ })).not.toHaveAttribute('readonly');
    expect(calls('/api/persons/check-duplicates')).toHaveLength(0);
  });

  it('warns about possible duplicates, hides out-of-scope ones and registers after “To inna osoba”', async () => {
    duplicates = {
      candidates: [
        { person: makeSummary({ pesel: null }), reason: 'name_birthdate', similarity: 0.9 },
        { person: null, reason: 'name_birthdate', similarity: 0.8 },
      ],
    };
    const user = userEvent.setup();
    const { container } = renderPage();
    await fillName(user);
    await fill(user, screen.getByRole('textbox', { name: /PESEL/ }), '44051401359');
    await user.click(screen.getByRole('button', { name: 'Zarejestruj osobę' }));

    const warning = await screen.findByTestId('duplicate-warning');
    expect(warning).toHaveTextContent('Ta osoba może już być w rejestrze');
    expect(within(warning).getByRole('link', { name: 'Otwórz rekord: Jan Kowalski' })).toHaveAttribute(
      'href',
      `/osoby/${PERSON_ID}`,
    );
    expect(warning).toHaveTextContent('podobne imię i nazwisko, ta sama data urodzenia');
    // The out-of-scope match says only that it exists.
    expect(warning).toHaveTextContent('do której sprawy nie masz dostępu');
    expect(within(warning).getAllByRole('link')).toHaveLength(1);
    expect(calls('/api/persons').filter(([, i]) => i?.method === 'POST')).toHaveLength(0);
    expect(bodyOf(calls('/api/persons/check-duplicates')[0] as unknown[])).toMatchObject({
      firstName: 'Jan',
      lastName: 'Kowalski',
      pesel: '44051401359',
      birthDate: '1944-05-14',
      sex: 'M',
    });

    await user.click(within(warning).getByRole('button', { name: 'To inna osoba — zarejestruj' }));
    await waitFor(() => expect(container).toHaveTextContent('strona osoby'));
    const post = calls('/api/persons').find(([, i]) => i?.method === 'POST') as unknown[];
    expect(bodyOf(post)).toMatchObject({ confirmNotDuplicate: true, person: { pesel: '44051401359' } });
    expect((post[1] as RequestInit).headers).toBeInstanceOf(Headers);
    expect(((post[1] as RequestInit).headers as Headers).get('X-CSRF-Token')).toBe('csrf-test-token');
  });

  it('does not offer “To inna osoba” when the PESEL is already registered', async () => {
    duplicates = { candidates: [{ person: makeSummary(), reason: 'pesel', similarity: 1 }] };
    const user = userEvent.setup();
    renderPage();
    await fillName(user);
    await fill(user, screen.getByRole('textbox', { name: /PESEL/ }), '44051401359');
    await user.click(screen.getByRole('button', { name: 'Zarejestruj osobę' }));
    const warning = await screen.findByTestId('duplicate-warning');
    expect(warning).toHaveTextContent('Osoba o tym numerze PESEL jest już w rejestrze');
    expect(within(warning).queryByRole('button', { name: /To inna osoba/ })).not.toBeInTheDocument();
    await user.click(within(warning).getByRole('button', { name: 'Wróć do formularza' }));
    expect(screen.getByRole('button', { name: 'Zarejestruj osobę' })).toBeInTheDocument();
  });

  it('shows the server’s messages on the fields they concern', async () => {
    createResponse = () =>
      jsonResponse(
        {
          type: 'https://kooperacja.pl/problems/validation-failed',
          title: 'Nieprawidłowe dane',
          status: 400,
          code: 'validation_failed',
          errors: [
            {
              field: 'person.pesel',
              code: 'person.peselExistsOutOfScope',
              message:
                'Osoba o tym numerze PESEL jest już w rejestrze instytucji, ale nie masz dostępu do jej sprawy.',
            },
          ],
        },
        400,
      );
    const user = userEvent.setup();
    renderPage();
    await fillName(user);
    const pesel = screen.getByRole('textbox', { name: /PESEL/ });
    await fill(user, pesel, '44051401359');
    await user.click(screen.getByRole('button', { name: 'Zarejestruj osobę' }));
    await waitFor(() => expect(pesel).toHaveAttribute('aria-invalid', 'true'));
    expect(pesel).toHaveAccessibleDescription(/nie masz dostępu do jej sprawy/);
    expect(screen.getByRole('alert')).toHaveTextContent('Nieprawidłowe dane');
  });

  it('keeps a draft while typing and restores it when the form opens again', async () => {
    const user = userEvent.setup();
    const first = renderPage();
    await fillName(user);
    first.unmount();
    const key = draftKey(makeMe().user.id, 'person', 'new');
    expect(JSON.parse(sessionStorage.getItem(key) ?? '{}').values).toMatchObject({ firstName: 'Jan' });

    renderPage();
    expect(await screen.findByText('Przywrócono niezapisany szkic')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Nazwisko/ })).toHaveValue('Kowalski'));
    await user.click(screen.getByRole('button', { name: 'Odrzuć szkic' }));
    expect(screen.getByRole('textbox', { name: /Nazwisko/ })).toHaveValue('');
    expect(sessionStorage.getItem(key)).toBeNull();
  });
});
