import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { stubFetch } from '../cases/page/casePage.fixtures';
import { SharedCasePage } from './SharedCasePage';
import { ACTION_ID, CASE_ID, makeSharedCase, OTHER_ACTION_ID, REFERRAL_ID } from './sharing.fixtures';

configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/wspolpraca/:caseId" element={<SharedCasePage />} />
    </Routes>,
    { route: `/wspolpraca/${CASE_ID}` },
  );
}

describe('<SharedCasePage>', { timeout: 20_000 }, () => {
  it('shows exactly the shared parts, and my institution marks its own action done', async () => {
    const fetchMock = stubFetch((url, init) => {
      if (url.pathname.endsWith('/complete') && init?.method === 'POST')
        return new Response(null, { status: 204 });
      if (url.pathname === `/api/shared-cases/${CASE_ID}`) return jsonResponse(makeSharedCase());
      return undefined;
    });
    const user = userEvent.setup();
    renderPage();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sprawa MOPS-B/2026/0007: Anna Wiśniewska' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Osoba / rodzina i kontakt' })).toBeInTheDocument();
    expect(screen.getByText('600 100 200')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Plan i zadania' })).toBeInTheDocument();
    // Not shared: no diagnosis, no health data, and no team thread (the share is a referral).
    expect(screen.queryByRole('heading', { name: 'Diagnoza' })).not.toBeInTheDocument();
    expect(screen.queryByText('Dane szczególnej kategorii')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Wiadomości zespołu' })).not.toBeInTheDocument();

    const theirs = screen.getByTestId(`shared-action-${OTHER_ACTION_ID}`);
    expect(within(theirs).queryByRole('button')).not.toBeInTheDocument();
    const ours = screen.getByTestId(`shared-action-${ACTION_ID}`);
    await user.click(
      within(ours).getByRole('button', { name: 'Oznacz jako wykonane: Rozmowa dzielnicowego z rodziną' }),
    );
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.some(
          ([u, init]) =>
            String(u).endsWith(`/shared-cases/${CASE_ID}/actions/${ACTION_ID}/complete`) &&
            init?.method === 'POST',
        ),
      ).toBe(true),
    );
  });

  it('marks health data as special-category data and shows the team thread to a member', async () => {
    stubFetch((url) => {
      if (url.pathname === `/api/shared-cases/${CASE_ID}`)
        return jsonResponse(
          makeSharedCase({
            scopes: ['podstawowe', 'zdrowie'],
            via: [{ kind: 'team', id: REFERRAL_ID, until: '2026-06-30' }],
            plans: null,
            health: [
              {
                name: 'Anna Wiśniewska',
                disabilityLevel: 'umiarkowany',
                health: 'Cukrzyca typu 2',
                addiction: null,
              },
            ],
          }),
        );
      if (url.pathname === `/api/cases/${CASE_ID}/messages`) return jsonResponse({ items: [] });
      return undefined;
    });
    renderPage();
    const health = await screen.findByRole('region', { name: 'Zdrowie, niepełnosprawność, uzależnienia' });
    expect(within(health).getByText('Dane szczególnej kategorii')).toBeInTheDocument();
    expect(within(health).getByText('Cukrzyca typu 2')).toBeInTheDocument();
    expect(within(health).getByText('Stopień umiarkowany')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Plan i zadania' })).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Wiadomości zespołu' })).toBeInTheDocument();
  });

  it('says plainly that the share ended on a 404', async () => {
    stubFetch((url) => {
      if (url.pathname === `/api/shared-cases/${CASE_ID}`)
        return jsonResponse(
          { type: 'about:blank', title: 'Nie znaleziono', status: 404, code: 'not_found' },
          404,
        );
      return undefined;
    });
    renderPage();
    expect(
      await screen.findByText('Udostępnienie zakończyło się albo sprawa nie jest dla Ciebie dostępna.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Sprawa niedostępna' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Wróć do spraw współdzielonych' })).toHaveAttribute(
      'href',
      '/wspolpraca',
    );
  });
});
