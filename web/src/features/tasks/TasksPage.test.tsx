import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { makeMe } from '../auth/me.fixtures';
import { CASE_ID, makeTask, PLAN_ID, stubFetch } from '../cases/page/casePage.fixtures';
import { MyTasksCard } from './MyTasksCard';
import { TasksPage } from './TasksPage';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('TasksPage', { timeout: 20_000 }, () => {
  it('shows the overdue tasks first, marked, then today, this week and later', async () => {
    stubFetch((url) =>
      url.pathname === '/api/tasks'
        ? jsonResponse({
            overdue: [makeTask({ key: 'a1', title: 'Szkolenie zawodowe', due: '2026-03-01', overdue: true })],
            today: [
              makeTask({
                key: 'd1',
                kind: 'diagnosis',
                title: 'Diagnoza rodziny',
                planId: null,
                actionId: null,
                caseNumber: 'MOPS-B/2026/0009',
                subjectName: 'Jan Nowak',
              }),
            ],
            week: [],
            later: [makeTask({ key: 'r1', kind: 'review', title: 'Przegląd kontraktu', due: '2026-04-30' })],
          })
        : undefined,
    );
    renderWithProviders(<TasksPage />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Moje zadania' })).toBeInTheDocument();
    const sections = await screen.findAllByRole('region');
    expect(sections.map((s) => s.getAttribute('data-group'))).toEqual(['overdue', 'today', 'week', 'later']);

    const overdue = screen.getByRole('region', { name: /Zaległe/ });
    const late = within(overdue).getByRole('listitem');
    expect(late).toHaveAttribute('data-overdue', 'true');
    expect(late).toHaveTextContent('01.03.2026');
    expect(late).toHaveTextContent('Po terminie');
    expect(within(late).getByRole('link', { name: 'Szkolenie zawodowe' })).toHaveAttribute(
      'href',
      `/sprawy/${CASE_ID}?zakladka=plany&plan=${PLAN_ID}`,
    );
    expect(
      within(late).getByRole('link', { name: 'Sprawa MOPS-B/2026/0007 — Rodzina Kowalskich' }),
    ).toHaveAttribute('href', `/sprawy/${CASE_ID}`);

    const today = screen.getByRole('region', { name: /Dziś/ });
    expect(within(today).getByRole('link', { name: 'Diagnoza rodziny' })).toHaveAttribute(
      'href',
      `/sprawy/${CASE_ID}?zakladka=diagnoza`,
    );
    expect(
      within(screen.getByRole('region', { name: /Ten tydzień/ })).getByText('Brak zadań na ten tydzień.'),
    ).toBeVisible();
    expect(
      within(screen.getByRole('region', { name: /Później/ })).getByText('Przegląd planu'),
    ).toBeInTheDocument();
  });
});

describe('MyTasksCard', () => {
  it('shows the counts of overdue and today’s tasks', async () => {
    stubFetch((url) =>
      url.pathname === '/api/tasks/summary' ? jsonResponse({ overdue: 2, today: 1 }) : undefined,
    );
    renderWithProviders(<MyTasksCard />);
    expect(await screen.findByTestId('tasks-overdue')).toHaveTextContent('2zaległe zadania');
    expect(screen.getByTestId('tasks-today')).toHaveTextContent('1zadanie na dziś');
    expect(screen.getByRole('link', { name: 'Otwórz moje zadania' })).toHaveAttribute('href', '/zadania');
  });

  it('is not shown to a user without access to cases', async () => {
    const fetchMock = stubFetch((url) =>
      url.pathname === '/api/auth/me'
        ? jsonResponse(makeMe({ permissions: ['institutions.read'] }))
        : undefined,
    );
    renderWithProviders(<MyTasksCard />);
    await vi.waitFor(() =>
      expect(fetchMock.mock.calls.some(([u]) => String(u).includes('/api/auth/me'))).toBe(true),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('heading', { name: 'Moje zadania' })).not.toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([u]) => String(u).includes('/tasks/summary'))).toBe(false);
  });
});
