import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from '../auth/me.fixtures';
import { ServiceForm } from './ServiceForm';
import { ServiceSearch } from './ServiceSearch';
import { ServicesPage } from './ServicesPage';
import { makeService } from './services.fixtures';

configure({ asyncUtilTimeout: 5000 });

const full = makeService({
  id: '0190c000-0000-7000-8000-000000000002',
  name: 'Usługi opiekuńcze',
  serviceType: 'uslugi_opiekuncze',
  capacity: 60,
  freePlaces: 0,
  targetGroups: ['seniorzy'],
});

let fetchMock: ReturnType<typeof vi.fn>;
const calls = (path: string) =>
  fetchMock.mock.calls
    .map(([u]) => new URL(String(u), 'http://localhost'))
    .filter((u) => u.pathname === path);

function withResponses(respond: (url: URL, init?: RequestInit) => Response | undefined) {
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const custom = respond(url, init);
    if (custom) return custom;
    if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
    if (url.pathname === '/api/services')
      return jsonResponse({ total: 2, items: [makeService(), full], abilities: { create: false } });
    return jsonResponse({ items: [], total: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
}

beforeEach(() => withResponses(() => undefined));
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('resource map', { timeout: 20_000 }, () => {
  it('lists services with their institution, free places, hours and how to refer', async () => {
    renderWithProviders(<ServicesPage />, { route: '/zasoby' });
    const cards = await screen.findAllByTestId('service-card');
    expect(cards).toHaveLength(2);
    const first = cards[0] as HTMLElement;
    expect(within(first).getByRole('link', { name: 'Asystent rodziny' })).toHaveAttribute(
      'href',
      '/zasoby/0190c000-0000-7000-8000-000000000001',
    );
    expect(within(first).getByText(/MOPS Bochnia/)).toBeInTheDocument();
    expect(within(first).getByText('3 wolnych z 45 miejsc')).toBeInTheDocument();
    expect(within(first).getByText('Wniosek pracownika socjalnego')).toBeInTheDocument();
    expect(within(cards[1] as HTMLElement).getByText('Brak wolnych miejsc (60 miejsc)')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Znaleziono 2 usługi');
    // A social worker reads the map but adds nothing.
    expect(screen.queryByRole('link', { name: 'Dodaj usługę' })).not.toBeInTheDocument();
  });

  it('sends the need and the filters to the search', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ServicesPage />, { route: '/zasoby' });
    await screen.findAllByTestId('service-card');
    await user.type(screen.getByRole('searchbox', { name: 'Potrzeba lub słowa' }), 'mieszkanie');
    await user.click(screen.getByRole('checkbox', { name: 'Tylko z wolnymi miejscami' }));
    await waitFor(
      () => {
        const last = calls('/api/services').at(-1);
        expect(last?.searchParams.get('q')).toBe('mieszkanie');
        expect(last?.searchParams.get('freeOnly')).toBe('true');
      },
      { timeout: 10_000 },
    );
  });

  it('offers "choose" on every result when embedded (e.g. in a referral form)', async () => {
    const user = userEvent.setup();
    const onPick = vi.fn();
    renderWithProviders(<ServiceSearch onPick={onPick} initialFilters={{ teryt: '1201' }} />, {
      route: '/',
    });
    await user.click(await screen.findByRole('button', { name: 'Wybierz usługę Usługi opiekuńcze' }));
    expect(onPick).toHaveBeenCalledWith(
      expect.objectContaining({ id: full.id, institution: full.institution }),
    );
    expect(calls('/api/services')[0]?.searchParams.get('teryt')).toBe('1201');
  });
});

describe('service form', { timeout: 20_000 }, () => {
  it('shows the server’s messages next to the fields', async () => {
    withResponses((url, init) =>
      url.pathname === '/api/services' && init?.method === 'POST'
        ? jsonResponse(
            {
              type: 'x',
              title: 'Nieprawidłowe dane',
              status: 400,
              code: 'validation_failed',
              errors: [
                {
                  field: 'freePlaces',
                  code: 'custom',
                  message: 'Wolnych miejsc nie może być więcej niż wszystkich miejsc.',
                },
              ],
            },
            400,
          )
        : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<ServiceForm defaultTeryt="1201011" />, { route: '/' });
    await user.type(screen.getByRole('textbox', { name: /Nazwa usługi/ }), 'Poradnictwo');
    await user.click(screen.getByRole('combobox', { name: 'Rodzaj usługi' }));
    await user.click(await screen.findByRole('option', { name: 'Poradnictwo rodzinne' }));
    await user.type(screen.getByRole('textbox', { name: 'Liczba miejsc' }), '2');
    await user.type(screen.getByRole('textbox', { name: 'Wolne miejsca' }), '5');
    await user.click(screen.getByRole('button', { name: 'Dodaj usługę' }));
    const field = screen.getByRole('textbox', { name: 'Wolne miejsca' });
    await waitFor(() => expect(field).toHaveAccessibleDescription(/Wolnych miejsc nie może być więcej/));
    const post = fetchMock.mock.calls.find(
      ([, init]) => (init as RequestInit | undefined)?.method === 'POST',
    );
    expect(JSON.parse(String((post?.[1] as RequestInit | undefined)?.body))).toMatchObject({
      name: 'Poradnictwo',
      serviceType: 'poradnictwo_rodzinne',
      capacity: 2,
      freePlaces: 5,
      teryt: '1201011',
      description: null,
    });
  });

  it('explains a concurrent change and offers to reload', async () => {
    withResponses((url, init) =>
      url.pathname.startsWith('/api/services/') && init?.method === 'PUT'
        ? jsonResponse({ type: 'x', title: 'Konflikt zmian', status: 409, code: 'conflict' }, 409)
        : undefined,
    );
    const user = userEvent.setup();
    const onReload = vi.fn();
    renderWithProviders(
      <ServiceForm service={makeService({ abilities: { update: true } })} onReload={onReload} />,
      { route: '/' },
    );
    await user.click(screen.getByRole('button', { name: 'Zapisz zmiany' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Ktoś inny zmienił tę usługę');
    const put = fetchMock.mock.calls.find(([, init]) => (init as RequestInit | undefined)?.method === 'PUT');
    expect(JSON.parse(String((put?.[1] as RequestInit | undefined)?.body))).toMatchObject({ version: 1 });
    await user.click(within(alert).getByRole('button', { name: 'Wczytaj aktualną wersję' }));
    expect(onReload).toHaveBeenCalled();
  });
});
