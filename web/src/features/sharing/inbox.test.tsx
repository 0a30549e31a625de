import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { sentBodies, stubFetch } from '../cases/page/casePage.fixtures';
import { InboxPage } from './InboxPage';
import { ReferralPage } from './ReferralPage';
import { CASE_ID, makeInbox, makeReferral, OFFICER_ID, REFERRAL_ID } from './sharing.fixtures';

configure({ asyncUtilTimeout: 5000 });

type Handler = Parameters<typeof stubFetch>[0];
let fetchMock: ReturnType<typeof stubFetch>;
function stub(extra: Handler = () => undefined) {
  fetchMock = stubFetch((url, init) => {
    const own = extra?.(url, init);
    if (own) return own;
    if (url.pathname === '/api/referrals/inbox')
      return jsonResponse(makeInbox([{}, { id: CASE_ID, number: 'SKR/2026/0001', overdue: true }]));
    if (url.pathname === '/api/team-invitations') return jsonResponse({ items: [] });
    if (url.pathname === '/api/referrals/assignees')
      return jsonResponse({ items: [{ id: OFFICER_ID, name: 'Piotr Posterunkowy' }] });
    return undefined;
  });
}
const inboxCalls = () =>
  fetchMock.mock.calls
    .map(([input]) => new URL(String(input), 'http://localhost'))
    .filter((u) => u.pathname === '/api/referrals/inbox');

beforeEach(() => stub());
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the institution inbox', { timeout: 20_000 }, () => {
  it('lists referrals with an overdue badge in words, and the filters reach the request', async () => {
    const user = userEvent.setup();
    renderWithProviders(<InboxPage />, { route: '/skrzynka' });
    const table = await screen.findByTestId('inbox-table');
    const late = within(table).getByTestId('inbox-row-SKR/2026/0001');
    expect(within(late).getByText('po terminie')).toBeInTheDocument();
    const onTime = within(table).getByTestId('inbox-row-SKR/2026/0003');
    expect(within(onTime).queryByText('po terminie')).not.toBeInTheDocument();
    expect(within(onTime).getByRole('link', { name: 'SKR/2026/0003' })).toHaveAttribute(
      'href',
      `/skrzynka/${REFERRAL_ID}`,
    );
    expect(within(onTime).getByText('Anna Wiśniewska')).toBeInTheDocument();
    expect(within(onTime).getByText('Pilna')).toBeInTheDocument();
    expect(inboxCalls().at(-1)?.searchParams.get('status')).toBe('otwarte');

    await user.click(screen.getByRole('checkbox', { name: 'Tylko po terminie' }));
    await user.click(screen.getByRole('checkbox', { name: 'Tylko przydzielone mnie' }));
    await user.click(screen.getByRole('combobox', { name: 'Pilność' }));
    await user.click(await screen.findByRole('option', { name: 'Pilna' }));
    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Zakończone' }));
    await waitFor(() => {
      const q = inboxCalls().at(-1)?.searchParams;
      expect(q?.get('overdue')).toBe('true');
      expect(q?.get('mine')).toBe('true');
      expect(q?.get('urgency')).toBe('pilna');
      expect(q?.get('status')).toBe('zakonczone');
    });
  });
});

function renderReferral() {
  return renderWithProviders(
    <Routes>
      <Route path="/skrzynka/:id" element={<ReferralPage />} />
    </Routes>,
    { route: `/skrzynka/${REFERRAL_ID}` },
  );
}

describe('the referral page', { timeout: 20_000 }, () => {
  it('offers only the steps the server allows: a new referral is accepted with a worker', async () => {
    const referral = makeReferral({ can: { ...makeReferral().can, accept: true, reject: true } });
    let current = referral;
    stub((url, init) => {
      if (url.pathname === `/api/referrals/${REFERRAL_ID}/answer` && init?.method === 'POST') {
        current = {
          ...referral,
          status: 'przyjete',
          assignedUser: { id: OFFICER_ID, name: 'Piotr Posterunkowy' },
          version: 2,
          can: { ...referral.can, accept: false, reject: false, start: true, complete: true, openCase: true },
        };
        return jsonResponse(current);
      }
      if (url.pathname === `/api/referrals/${REFERRAL_ID}`) return jsonResponse(current);
      if (url.pathname === `/api/cases/${CASE_ID}/messages`) return jsonResponse({ items: [] });
      return undefined;
    });
    const user = userEvent.setup();
    renderReferral();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Skierowanie SKR/2026/0003' }),
    ).toBeInTheDocument();
    const actions = screen.getByTestId('referral-actions');
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Przyjmij', 'Odrzuć']);
    expect(screen.queryByRole('link', { name: 'Otwórz udostępnioną sprawę' })).not.toBeInTheDocument();

    await user.click(within(actions).getByRole('button', { name: 'Przyjmij' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('combobox', { name: /Pracownik prowadzący/ }));
    await user.click(await screen.findByRole('option', { name: 'Piotr Posterunkowy' }));
    await user.click(within(dialog).getByRole('button', { name: 'Przyjmij skierowanie' }));
    await waitFor(() =>
      expect(sentBodies(fetchMock, 'POST', '/answer')).toEqual([
        { action: 'accept', assignedUserId: OFFICER_ID, version: 1 },
      ]),
    );
    // The answer comes back with the next steps and the way into the shared case.
    expect(await screen.findByRole('link', { name: 'Otwórz udostępnioną sprawę' })).toHaveAttribute(
      'href',
      `/wspolpraca/${CASE_ID}`,
    );
    const next = screen.getByTestId('referral-actions');
    expect(within(next).getByRole('button', { name: 'Rozpocznij realizację' })).toBeInTheDocument();
    expect(within(next).getByRole('button', { name: 'Zakończ z wynikiem' })).toBeInTheDocument();
    expect(within(next).queryByRole('button', { name: 'Przyjmij' })).not.toBeInTheDocument();
  });

  it('records the outcome, and shows the server’s conflict with a way to reload', async () => {
    const referral = makeReferral({
      status: 'w_realizacji',
      version: 3,
      can: { ...makeReferral().can, complete: true, assign: true, openCase: true },
    });
    stub((url, init) => {
      if (url.pathname === `/api/referrals/${REFERRAL_ID}/answer` && init?.method === 'POST')
        return jsonResponse(
          {
            type: 'about:blank',
            title: 'Ktoś zmienił ten zapis w międzyczasie',
            detail: 'Wczytaj aktualną wersję i spróbuj ponownie.',
            status: 409,
            code: 'conflict',
          },
          409,
        );
      if (url.pathname === `/api/referrals/${REFERRAL_ID}`) return jsonResponse(referral);
      if (url.pathname === `/api/cases/${CASE_ID}/messages`) return jsonResponse({ items: [] });
      return undefined;
    });
    const user = userEvent.setup();
    renderReferral();
    const actions = await screen.findByTestId('referral-actions');
    expect(within(actions).queryByRole('button', { name: 'Przyjmij' })).not.toBeInTheDocument();
    expect(within(actions).getByRole('button', { name: 'Zmień pracownika' })).toBeInTheDocument();
    await user.click(within(actions).getByRole('button', { name: 'Zakończ z wynikiem' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(
      within(dialog).getByRole('textbox', { name: /^Wynik/ }),
      'Rozmowa odbyta; brak zagrożenia.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Zapisz wynik i zakończ' }));
    await waitFor(() =>
      expect(sentBodies(fetchMock, 'POST', '/answer')).toEqual([
        { action: 'complete', outcome: 'Rozmowa odbyta; brak zagrożenia.', feedback: null, version: 3 },
      ]),
    );
    expect(await within(dialog).findByText('Ktoś zmienił ten zapis w międzyczasie')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Wczytaj aktualne dane' })).toBeInTheDocument();
  });
});
