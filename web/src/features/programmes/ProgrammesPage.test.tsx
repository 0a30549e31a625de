import type { ProgrammeNodeDetail, ProgrammeTreeItem } from '@kooperacja/domain';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { ProgrammePlacementSelect } from './ProgrammePlacementSelect';
import { ProgrammesPage } from './ProgrammesPage';

configure({ asyncUtilTimeout: 5000 });

const id = (n: number) => `0190c000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const item = (
  n: number,
  parent: number | null,
  kind: ProgrammeTreeItem['kind'],
  code: string,
  name: string,
) => ({
  id: id(n),
  parentId: parent === null ? null : id(parent),
  kind,
  code,
  name,
  active: true,
  sortOrder: n * 10,
});

const items: ProgrammeTreeItem[] = [
  item(1, null, 'program', 'RPO WM 2014-2020', 'Regionalny Program Operacyjny Województwa Małopolskiego'),
  item(2, 1, 'os', '9', 'Region Spójny Społecznie'),
  item(3, 2, 'dzialanie', '9.1', 'Aktywna integracja'),
  item(4, 3, 'poddzialanie', '9.1.2', 'Aktywna integracja – projekty konkursowe'),
  item(5, 3, 'poddzialanie', '9.1.3', 'Samodzielne życie'),
  item(6, 4, 'typ_wsparcia', '9.1.2.12', 'rozwój kompetencji partnerów społecznych'),
  { ...item(7, 2, 'dzialanie', '9.3', 'Wsparcie ekonomii społecznej'), active: false },
];

const detail113: ProgrammeNodeDetail = {
  id: id(5),
  parentId: id(3),
  kind: 'poddzialanie',
  code: '9.1.3',
  name: 'Samodzielne życie',
  description: 'Projekt na rzecz aktywizacji wychowanków MOW i MOS.',
  rules: {
    timeWindow: 'w trakcie przebywania w placówce i do 12 miesięcy po jej opuszczeniu',
    monthsAfterLeaving: 12,
  },
  effectiveRules: {
    timeWindow: 'w trakcie przebywania w placówce i do 12 miesięcy po jej opuszczeniu',
    monthsAfterLeaving: 12,
  },
  period: null,
  sortOrder: 50,
  active: true,
  version: 3,
  path: 'RPO WM 2014-2020 › 9 › 9.1 › 9.1.3 Samodzielne życie',
  ancestors: [
    { id: id(1), kind: 'program', code: 'RPO WM 2014-2020', name: 'RPO' },
    { id: id(2), kind: 'os', code: '9', name: 'Region Spójny Społecznie' },
    { id: id(3), kind: 'dzialanie', code: '9.1', name: 'Aktywna integracja' },
  ],
  children: [],
  projectCount: 2,
  abilities: { update: true, addChild: true, delete: false },
  childKinds: ['typ_wsparcia'],
};

let fetchMock: ReturnType<typeof vi.fn>;
let manage = false;
const requests = (path: string, method = 'GET') =>
  fetchMock.mock.calls
    .filter(([, init]) => ((init as RequestInit | undefined)?.method ?? 'GET') === method)
    .map(([u, init]) => ({ url: new URL(String(u), 'http://localhost'), init: init as RequestInit }))
    .filter((c) => c.url.pathname === path);

beforeEach(() => {
  manage = false;
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/programmes') return jsonResponse({ items, abilities: { manage } });
    if (url.pathname === `/api/programmes/${id(5)}`) return jsonResponse(detail113);
    if (url.pathname === '/api/programmes/import') {
      const dryRun = url.searchParams.get('dryRun') === 'true';
      return jsonResponse({ dryRun, created: 2, updated: 1, unchanged: 40 });
    }
    if (url.pathname === '/api/programmes/placements')
      return jsonResponse({
        items: [
          {
            id: id(4),
            kind: 'poddzialanie',
            code: '9.1.2',
            name: 'x',
            path: 'RPO WM 2014-2020 › 9 › 9.1 › 9.1.2 Aktywna integracja – projekty konkursowe',
          },
          {
            id: id(5),
            kind: 'poddzialanie',
            code: '9.1.3',
            name: 'x',
            path: 'RPO WM 2014-2020 › 9 › 9.1 › 9.1.3 Samodzielne życie',
          },
          {
            id: id(8),
            kind: 'dzialanie',
            code: '2.5',
            name: 'x',
            path: 'POWER 2014-2020 › II › 2.5 Skuteczna pomoc społeczna',
          },
        ],
      });
    void init;
    return jsonResponse({ items: [] });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('programme catalogue', { timeout: 20_000 }, () => {
  it('opens and closes branches of the tree and says which are deactivated', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ProgrammesPage />, { route: '/programy' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Katalog programów' })).toBeInTheDocument();
    // Programmes start open; their axes closed.
    const axis = await screen.findByRole('button', { name: 'Rozwiń: 9 Region Spójny Społecznie' });
    expect(axis).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText('Aktywna integracja')).not.toBeInTheDocument();
    await user.click(axis);
    expect(screen.getByRole('button', { name: 'Zwiń: 9 Region Spójny Społecznie' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    expect(screen.getByText('Aktywna integracja')).toBeInTheDocument();
    const inactive = screen.getByRole('button', { name: /9\.3 Wsparcie ekonomii społecznej/ });
    expect(inactive).toHaveTextContent('wyłączony');
    // A reader neither imports nor adds.
    expect(screen.queryByRole('button', { name: 'Importuj JSON' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Eksportuj katalog (JSON)' })).toHaveAttribute(
      'href',
      '/api/programmes/export',
    );
    // The tree's scroll box can take the keyboard's focus.
    expect(screen.getByRole('region', { name: 'Drzewo programów (przewijane)' })).toHaveAttribute(
      'tabindex',
      '0',
    );
  });

  it('filters by words without diacritics and shows the chosen node with its rules in words', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ProgrammesPage />, { route: '/programy' });
    await user.type(await screen.findByRole('searchbox', { name: 'Filtruj' }), 'samodzielne zycie');
    expect(await screen.findByRole('status')).toHaveTextContent('Pasuje 1 element');
    expect(screen.queryByText('Aktywna integracja – projekty konkursowe')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /9\.1\.3 Samodzielne życie/ }));

    const panel = await screen.findByRole('region', { name: '9.1.3 Samodzielne życie' });
    expect(
      within(panel).getByText(
        'Okres wsparcia: w trakcie przebywania w placówce i do 12 miesięcy po jej opuszczeniu (najpóźniej 12 miesięcy po opuszczeniu placówki).',
      ),
    ).toBeInTheDocument();
    expect(within(panel).getByRole('link', { name: '2 projekty — pokaż' })).toHaveAttribute(
      'href',
      `/projekty?programme=${id(5)}`,
    );
    expect(
      within(panel).getByText('RPO WM 2014-2020 › 9 › 9.1 › 9.1.3 Samodzielne życie'),
    ).toBeInTheDocument();
    // The node has projects: it can be deactivated, not deleted.
    expect(within(panel).getByRole('button', { name: 'Wyłącz' })).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Usuń' })).not.toBeInTheDocument();
  });

  it('lets the administrator check a JSON file by a dry run before importing it', async () => {
    manage = true;
    const user = userEvent.setup();
    renderWithProviders(<ProgrammesPage />, { route: '/programy' });
    await user.click(await screen.findByRole('button', { name: 'Importuj JSON' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import katalogu z pliku JSON' });
    const doc = { format: 'kooperacja.programmes', formatVersion: 1, programmes: [] };
    const file = new File([JSON.stringify(doc)], 'katalog.json', { type: 'application/json' });
    await user.upload(dialog.querySelector('input[type="file"]') as HTMLInputElement, file);

    expect(await within(dialog).findByText('Do dodania: 2 elementy')).toBeInTheDocument();
    expect(within(dialog).getByText('Do zmiany: 1 element')).toBeInTheDocument();
    expect(within(dialog).getByText('Bez zmian: 40 elementów')).toBeInTheDocument();
    const dry = requests('/api/programmes/import', 'POST');
    expect(dry).toHaveLength(1);
    expect(dry[0]?.url.searchParams.get('dryRun')).toBe('true');
    expect(JSON.parse(String(dry[0]?.init.body))).toEqual(doc);

    await user.click(within(dialog).getByRole('button', { name: 'Importuj' }));
    await waitFor(() => expect(requests('/api/programmes/import', 'POST')).toHaveLength(2));
    expect(requests('/api/programmes/import', 'POST')[1]?.url.searchParams.get('dryRun')).toBe('false');
  });

  it('refuses a file that is not JSON without calling the server', async () => {
    manage = true;
    const user = userEvent.setup();
    renderWithProviders(<ProgrammesPage />, { route: '/programy' });
    await user.click(await screen.findByRole('button', { name: 'Importuj JSON' }));
    const dialog = await screen.findByRole('dialog');
    const file = new File(['{ nie json'], 'zly.json', { type: 'application/json' });
    await user.upload(dialog.querySelector('input[type="file"]') as HTMLInputElement, file);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Ten plik nie jest poprawnym plikiem JSON.',
    );
    expect(requests('/api/programmes/import', 'POST')).toHaveLength(0);
    expect(within(dialog).getByRole('button', { name: 'Importuj' })).toBeDisabled();
  });
});

/** The select as a form holds it: the chosen id in state. */
function Harness({ onChange }: { onChange: (v: string | null) => void }) {
  const [value, setValue] = useState<string | null>(null);
  return (
    <ProgrammePlacementSelect
      value={value}
      required
      onChange={(v) => {
        setValue(v);
        onChange(v);
      }}
    />
  );
}

describe('placement select', { timeout: 20_000 }, () => {
  it('finds a placement by words of its path, diacritics ignored, and answers its id', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithProviders(<Harness onChange={onChange} />);
    const box = screen.getByRole('combobox', { name: /Miejsce w programie/ });
    await waitFor(() => expect(requests('/api/programmes/placements')).toHaveLength(1));
    await user.click(box);
    await user.type(box, 'pomoc spoleczna');
    expect(
      await screen.findByRole('option', { name: 'POWER 2014-2020 › II › 2.5 Skuteczna pomoc społeczna' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /9\.1\.2/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('option', { name: /2\.5 Skuteczna pomoc społeczna/ }));
    expect(onChange).toHaveBeenLastCalledWith(id(8));
  });
});
