import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { CaseDataForm } from './CaseDataForm';
import { ConflictDialog } from './ConflictDialog';
import { CASE_ID, makeCase, sentBodies, stubFetch } from './casePage.fixtures';
import { type ConflictField, diffValues } from './conflict';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('diffValues', () => {
  interface V {
    name: string;
    tags: string[];
    note: string;
  }
  const fields: ConflictField<V>[] = [
    { key: 'name', label: 'Nazwa', format: (v) => v.name },
    { key: 'tags', label: 'Znaczniki', format: (v) => [...v.tags].sort().join(', ') },
    { key: 'note', label: 'Notatka', format: (v) => v.note },
  ];

  it('lists only the fields whose shown value differs, in order', () => {
    const mine = { name: 'A', tags: ['x', 'y'], note: 'moja ' };
    const current = { name: 'B', tags: ['y', 'x'], note: 'moja' };
    expect(diffValues(mine, current, fields)).toEqual([
      { key: 'name', label: 'Nazwa', mine: 'A', current: 'B' },
    ]);
  });
});

const conflict = {
  type: 'about:blank',
  title: 'Konflikt',
  status: 409,
  code: 'conflict',
  detail: 'Ktoś inny zmienił ten rekord w międzyczasie.',
};

// Mantine forms render slowly in jsdom: allow for a loaded machine running files in parallel.
describe('ConflictDialog', { timeout: 20_000 }, () => {
  it('shows each differing field with the user’s and the current value', async () => {
    const keep = vi.fn();
    const load = vi.fn();
    stubFetch();
    const user = userEvent.setup();
    renderWithProviders(
      <ConflictDialog
        opened
        onClose={() => {}}
        differences={[
          { key: 'summary', label: 'Opis sprawy', mine: 'Mój opis', current: 'Opis kierownika' },
          { key: 'sourceDetails', label: 'Szczegóły zgłoszenia', mine: '', current: 'Pismo 12/2026' },
        ]}
        onKeepMine={keep}
        onLoadCurrent={load}
      />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Ktoś zmienił ten rekord w międzyczasie' });
    const table = within(dialog).getByRole('table', { name: '2 pola się różnią' });
    expect(within(table).getByRole('columnheader', { name: 'Twoja wersja' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Aktualna wersja' })).toBeInTheDocument();
    const summary = within(table).getByRole('row', { name: /Opis sprawy/ });
    expect(summary).toHaveTextContent('Mój opis');
    expect(summary).toHaveTextContent('Opis kierownika');
    expect(within(table).getByRole('row', { name: /Szczegóły zgłoszenia/ })).toHaveTextContent('(puste)');

    await user.click(within(dialog).getByRole('button', { name: 'Zachowaj moje zmiany' }));
    expect(keep).toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Wczytaj aktualne' }));
    expect(load).toHaveBeenCalled();
  });

  it('after a 409 on the case data, compares with the current case and resubmits with its version', async () => {
    let put = 0;
    const fetchMock = stubFetch((url, init) => {
      if (url.pathname !== `/api/cases/${CASE_ID}`) return undefined;
      if (init?.method === 'PUT') {
        put += 1;
        return put === 1
          ? jsonResponse(conflict, 409)
          : jsonResponse(makeCase({ version: 6, summary: 'Mój opis' }));
      }
      return jsonResponse(makeCase({ version: 5, summary: 'Opis poprawiony przez kierownika' }));
    });
    const user = userEvent.setup();
    renderWithProviders(<CaseDataForm data={makeCase()} />);
    const summary = await screen.findByRole('textbox', { name: /Opis sprawy/ });
    await user.clear(summary);
    await user.click(summary);
    await user.paste('Mój opis');
    await user.click(screen.getByRole('button', { name: 'Zapisz zmiany' }));

    const dialog = await screen.findByRole('dialog', { name: 'Ktoś zmienił ten rekord w międzyczasie' });
    const row = await within(dialog).findByRole('row', { name: /Opis sprawy/ });
    expect(row).toHaveTextContent('Mój opis');
    expect(row).toHaveTextContent('Opis poprawiony przez kierownika');
    // Only the description differs: the other fields are the same in both versions.
    expect(within(dialog).getAllByRole('row')).toHaveLength(2);

    await user.click(within(dialog).getByRole('button', { name: 'Zachowaj moje zmiany' }));
    await waitFor(() => expect(sentBodies(fetchMock, 'PUT', `/cases/${CASE_ID}`)).toHaveLength(2));
    const bodies = sentBodies(fetchMock, 'PUT', `/cases/${CASE_ID}`) as {
      version: number;
      summary: string;
    }[];
    expect(bodies.map((b) => b.version)).toEqual([3, 5]);
    expect(bodies[1]).toMatchObject({
      summary: 'Mój opis',
      source: 'wniosek_wlasny',
      reasons: [
        { code: '4', main: true },
        { code: '1', main: false },
      ],
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
