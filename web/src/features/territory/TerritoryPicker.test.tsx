import { Button } from '@mantine/core';
import { useForm } from '@mantine/form';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { TerritoryPicker } from './TerritoryPicker';
import { malopolskie, tarnowski, zabno } from './territory.fixtures';

function mockApi() {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    const q = url.searchParams.get('q');
    const level = url.searchParams.get('level');
    if (url.pathname === '/api/territory/units' && !q && level === 'wojewodztwo')
      return jsonResponse({ items: [malopolskie], total: 1 });
    if (url.pathname === '/api/territory/units' && !q && level === 'powiat')
      return jsonResponse({ items: [tarnowski], total: 1 });
    if (url.pathname === '/api/territory/units' && q)
      return jsonResponse(
        q.toLowerCase().startsWith('zab') || q.startsWith('Żab')
          ? { items: [zabno], total: 1 }
          : { items: [], total: 0 },
      );
    if (url.pathname === '/api/territory/units/1216123')
      return jsonResponse({ unit: zabno, parents: [malopolskie, tarnowski], children: [] });
    return jsonResponse(
      { type: 'about:blank', title: 'Nie znaleziono', status: 404, code: 'not_found' },
      404,
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function FormHarness({ onSubmit }: { onSubmit: (values: { gmina: string | null }) => void }) {
  const form = useForm<{ gmina: string | null }>({
    initialValues: { gmina: null },
    validate: { gmina: (v) => (v ? null : 'Wybierz gminę') },
  });
  return (
    <form onSubmit={form.onSubmit(onSubmit)}>
      <TerritoryPicker label="Gmina zamieszkania" {...form.getInputProps('gmina')} />
      <Button type="submit">Zapisz</Button>
    </form>
  );
}

describe('TerritoryPicker', () => {
  let fetchMock: ReturnType<typeof mockApi>;
  beforeEach(() => {
    fetchMock = mockApi();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('searches gminy and returns the TERYT code of the chosen one', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithProviders(<TerritoryPicker label="Gmina" value={null} onChange={onChange} />);

    await user.type(screen.getByRole('textbox', { name: 'Gmina' }), 'zab');
    const option = await screen.findByRole('option', {
      name: 'Żabno (gmina miejsko-wiejska, powiat tarnowski, małopolskie)',
    });
    await user.click(option);

    expect(onChange).toHaveBeenCalledWith('1216123', zabno);
    const searchCall = fetchMock.mock.calls
      .map(([u]) => new URL(String(u), 'http://localhost'))
      .find((u) => u.searchParams.get('q') === 'zab');
    expect(searchCall?.searchParams.get('level')).toBe('gmina');
  });

  it('works with @mantine/form: shows the validation error, then submits the code', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithProviders(<FormHarness onSubmit={onSubmit} />);

    await user.click(screen.getByRole('button', { name: 'Zapisz' }));
    expect(await screen.findByText('Wybierz gminę')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();

    const input = screen.getByRole('textbox', { name: 'Gmina zamieszkania' });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await user.type(input, 'Żab');
    await user.click(await screen.findByRole('option', { name: /^Żabno/ }));
    await waitFor(() =>
      expect(input).toHaveValue('Żabno (gmina miejsko-wiejska, powiat tarnowski, małopolskie)'),
    );
    await user.click(screen.getByRole('button', { name: 'Zapisz' }));
    expect(onSubmit).toHaveBeenCalledWith({ gmina: '1216123' }, expect.anything());
  });

  it('shows the label of an initial value fetched by code', async () => {
    renderWithProviders(<TerritoryPicker label="Gmina" value="1216123" onChange={() => {}} />);
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Gmina' })).toHaveValue(
        'Żabno (gmina miejsko-wiejska, powiat tarnowski, małopolskie)',
      ),
    );
  });

  it('says when nothing is found', async () => {
    const user = userEvent.setup();
    renderWithProviders(<TerritoryPicker label="Gmina" value={null} onChange={() => {}} />);
    await user.type(screen.getByRole('textbox', { name: 'Gmina' }), 'xyz');
    expect(await screen.findByText('Nie znaleziono jednostki')).toBeInTheDocument();
  });
});
