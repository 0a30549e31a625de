import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { CasePage } from './CasePage';
import { CASE_ID, makeCase, makeDiagnosis, makePlan, makeTask, stubFetch } from './casePage.fixtures';

beforeEach(() => {
  sessionStorage.clear();
  stubFetch((url) => {
    const base = `/api/cases/${CASE_ID}`;
    if (url.pathname === base) return jsonResponse(makeCase({ status: 'realizacja', diagnosisDue: null }));
    if (url.pathname === '/api/tasks' && url.searchParams.get('caseId') === CASE_ID)
      return jsonResponse({
        overdue: [makeTask({ overdue: true })],
        today: [],
        week: [makeTask({ key: 'review:x', kind: 'review', title: 'Przegląd kontraktu', due: '2026-04-30' })],
        later: [],
      });
    if (url.pathname === `${base}/plans`) return jsonResponse({ items: [makePlan()] });
    if (url.pathname === `${base}/timeline`)
      return jsonResponse({
        items: [
          {
            id: '0190b000-0000-7000-8000-000000000101',
            kind: 'telefon',
            occurredAt: '2026-02-20T12:00:00.000Z',
            title: 'Telefon od pedagoga szkolnego',
            body: null,
            sensitive: false,
            author: { id: '0190a000-0000-7000-8000-0000000000aa', name: 'Anna Nowak' },
            attachments: [],
            createdAt: '2026-02-20T12:00:00.000Z',
          },
        ],
        nextBefore: null,
      });
    if (url.pathname === `${base}/diagnosis`) return jsonResponse({ current: makeDiagnosis(), versions: [] });
    return undefined;
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function renderPage(search = '') {
  return renderWithProviders(
    <Routes>
      <Route path="/sprawy/:id" element={<CasePage />} />
    </Routes>,
    { route: `/sprawy/${CASE_ID}${search}` },
  );
}

describe('CasePage', { timeout: 20_000 }, () => {
  it('tells who, why, what is overdue, what happened last and how far the plan is', async () => {
    renderPage();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sprawa MOPS-B/2026/0007 — Rodzina Kowalskich' }),
    ).toBeInTheDocument();
    const who = screen.getByRole('region', { name: 'Kto i dlaczego' });
    expect(await within(who).findByText('Bezrobocie')).toBeInTheDocument();
    expect(within(who).getByText('Ubóstwo')).toBeInTheDocument();
    expect(within(who).getByRole('list', { name: 'Członkowie rodziny' })).toHaveTextContent(
      'Jan Kowalski — Osoba prowadząca gospodarstwo, ur. 02.03.1984',
    );
    expect(within(who).getByText('Anna Nowak')).toBeInTheDocument();

    const now = screen.getByRole('region', { name: 'Na teraz' });
    const overdue = await within(now).findByRole('list', { name: /Zaległe \(1 zadanie\)/ });
    expect(within(overdue).getByRole('listitem')).toHaveAttribute('data-overdue', 'true');
    expect(within(now).getByRole('list', { name: 'Najbliższe terminy' })).toHaveTextContent(
      'Przegląd kontraktu',
    );
    expect(await within(now).findByText('Telefon od pedagoga szkolnego')).toBeInTheDocument();
    expect(await within(now).findByText('Wykonane działania: 1 z 2')).toBeInTheDocument();
    expect(within(now).getByRole('progressbar', { name: /1 z 2 działań wykonanych/ })).toBeInTheDocument();

    // A case in "realizacja" opens on its plans; the overdue action is marked there too.
    expect(screen.getByRole('tab', { name: 'Plany i kontrakty' })).toHaveAttribute('aria-selected', 'true');
    const plan = await screen.findByRole('article', { name: 'Kontrakt socjalny: Powrót na rynek pracy' });
    const row = within(plan).getByRole('row', { name: /Szkolenie zawodowe/ });
    expect(row).toHaveAttribute('data-overdue', 'true');
    expect(row).toHaveTextContent('Po terminie');
    expect(within(plan).getByRole('link', { name: 'Pobierz kontrakt socjalny (PDF)' })).toHaveAttribute(
      'href',
      `/api/cases/${CASE_ID}/plans/${makePlan().id}/pdf`,
    );
  });

  it('switches tabs with the keyboard-reachable tab list', async () => {
    const user = userEvent.setup();
    renderPage('?zakladka=przebieg');
    expect(await screen.findByRole('tab', { name: 'Przebieg sprawy' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await user.click(screen.getByRole('tab', { name: 'Diagnoza' }));
    expect(await screen.findByRole('button', { name: 'Aktualizuj diagnozę' })).toBeInTheDocument();
  });
});
