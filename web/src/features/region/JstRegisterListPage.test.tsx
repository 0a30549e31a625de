import type { JstRegisterList } from '@kooperacja/domain';
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { JstRegisterListPage } from './JstRegisterListPage';
import { makeEntry, scopeOf, swietokrzyskie, WOJ } from './region.fixtures';

configure({ asyncUtilTimeout: 5000 });

const { abilities: _, ...gmina } = makeEntry({
  lpdi: {
    status: 'przyjety',
    preparationStartedOn: null,
    resolutionNumber: 'XII/87/2024',
    adoptedOn: '2024-05-15',
    updatedOn: null,
    periodFrom: 2024,
    periodTo: 2030,
    plannedServices: [],
  },
});
const { abilities: __, ...powiat } = makeEntry({
  teryt: '2604',
  name: 'kielecki',
  level: 'powiat',
  kind: 'powiat',
  powiatTeryt: null,
  lpdi: null,
  cus: null,
  partnerships: { active: 0, models: [] },
  updatedAt: null,
  updatedBy: null,
});
const list: JstRegisterList = {
  woj: { teryt: WOJ, name: 'świętokrzyskie' },
  items: [gmina, powiat],
  abilities: { edit: true },
};

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://localhost');
      if (url.pathname === '/api/region') return jsonResponse(scopeOf(swietokrzyskie));
      if (url.pathname === `/api/region/${WOJ}/jst`) return jsonResponse(list);
      return jsonResponse(
        { type: 'about:blank', title: 'Nie znaleziono', status: 404, code: 'not_found' },
        404,
      );
    }),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('JST register list', { timeout: 30_000 }, () => {
  it('lists every JST with its plan, CUS and partnerships, and filters by level and name', async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <Routes>
        <Route path="/region/:woj/jst" element={<JstRegisterListPage />} />
      </Routes>,
      { route: `/region/${WOJ}/jst` },
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Rejestr JST — świętokrzyskie' }),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: /^Rejestr JST: jednostka/ });
    const bieliny = within(table).getByRole('row', { name: /Bieliny/ });
    expect(bieliny).toHaveTextContent('Przyjęty');
    expect(bieliny).toHaveTextContent('XII/87/2024, 15.05.2024');
    expect(bieliny).toHaveTextContent('brak CUS');
    expect(within(bieliny).getByRole('link', { name: 'Bieliny' })).toHaveAttribute(
      'href',
      `/region/${WOJ}/jst/2604011`,
    );
    const kielecki = within(table).getByRole('row', { name: /kielecki/ });
    expect(kielecki).toHaveTextContent('Brak');
    expect(kielecki).toHaveTextContent('nie dotyczy');

    await user.click(screen.getByRole('radio', { name: 'Powiaty' }));
    expect(within(table).queryByRole('row', { name: /Bieliny/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Wszystkie' }));
    await user.type(screen.getByRole('textbox', { name: 'Szukaj jednostki' }), 'bielin');
    expect(within(table).getByRole('row', { name: /Bieliny/ })).toBeInTheDocument();
    expect(within(table).queryByRole('row', { name: /kielecki/ })).not.toBeInTheDocument();
  });
});
