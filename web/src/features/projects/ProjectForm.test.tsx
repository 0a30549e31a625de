import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { ProjectForm } from './ProjectForm';
import { makeProject, NODE_ID, PROJECT_ID } from './projects.fixtures';

configure({ asyncUtilTimeout: 5000 });

let fetchMock: ReturnType<typeof vi.fn>;
let answer: (url: URL, init?: RequestInit) => Response | undefined = () => undefined;
const sent = (path: string) =>
  fetchMock.mock.calls
    .filter(
      ([u, init]) => new URL(String(u), 'http://localhost').pathname === path && init?.method !== undefined,
    )
    .map(([, init]) => JSON.parse(String((init as RequestInit).body)));

beforeEach(() => {
  fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const custom = answer(url, init);
    if (custom) return custom;
    if (url.pathname === '/api/programmes/placements')
      return jsonResponse({
        items: [
          {
            id: NODE_ID,
            kind: 'poddzialanie',
            code: '9.1.2',
            name: 'Aktywna integracja',
            path: 'RPO WM 2014-2020 › 9 › 9.1 › 9.1.2 Aktywna integracja – projekty konkursowe',
          },
        ],
      });
    return jsonResponse({ items: [] });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  answer = () => undefined;
});

async function retype(user: ReturnType<typeof userEvent.setup>, label: RegExp, text: string) {
  const box = screen.getByRole('textbox', { name: label });
  await user.clear(box);
  if (text) await user.type(box, text);
}

describe('project form', { timeout: 20_000 }, () => {
  it('takes Polish amounts and sends whole grosze, showing the sum of the sources as typed', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    answer = (url, init) =>
      url.pathname === `/api/projects/${PROJECT_ID}` && init?.method === 'PUT'
        ? jsonResponse(makeProject())
        : undefined;
    renderWithProviders(<ProjectForm project={makeProject()} onSaved={onSaved} onCancel={() => {}} />);
    await retype(user, /^Wartość projektu/, '1216630.61 zł');
    await retype(user, /^Koszty kwalifikowalne/, '1 216 630,61');
    await retype(user, /^Środki UE/, '1.031.544,93');
    await retype(user, /^Wkład własny/, '185 085,67');
    expect(screen.getByTestId('sources-check')).toHaveTextContent(
      // (toHaveTextContent folds the non-breaking spaces into plain ones)
      'Źródła finansowania razem: 1 216 630,60 zł, koszty kwalifikowalne: 1 216 630,61 zł — różnica 0,01 zł.',
    );
    await retype(user, /^Wkład własny/, '185085,68');
    expect(screen.getByTestId('sources-check')).toHaveTextContent('równe kosztom kwalifikowalnym');
    // Leaving a field shows the amount in the standard form.
    await user.tab();
    expect(screen.getByRole('textbox', { name: /^Wkład własny/ })).toHaveValue('185\u00a0085,68');
    await user.click(screen.getByRole('button', { name: 'Zapisz zmiany' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const [body] = sent(`/api/projects/${PROJECT_ID}`);
    expect(body.version).toBe(3);
    expect(body.project).toMatchObject({
      totalValue: 121_663_061,
      eligibleCosts: 121_663_061,
      euFunding: 103_154_493,
      stateBudget: 0,
      ownContribution: 18_508_568,
      programmeNodeId: NODE_ID,
      targetGroups: ['Osoby z niepełnosprawnościami', 'Osoby bezrobotne'],
      callRank: 15,
      callTotal: 56,
    });
  });

  it('refuses an amount that is not one before sending anything', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ProjectForm project={makeProject()} onSaved={() => {}} onCancel={() => {}} />);
    await retype(user, /^Środki UE/, '1 031 544,935');
    await retype(user, /^Dotacja celowa/, 'dużo');
    await user.click(screen.getByRole('button', { name: 'Zapisz zmiany' }));
    expect(
      await screen.findByText('Kwota może mieć najwyżej dwa miejsca po przecinku (grosze).'),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Dotacja celowa/ })).toHaveAccessibleDescription(
      expect.stringContaining('Nieprawidłowa kwota'),
    );
    expect(sent(`/api/projects/${PROJECT_ID}`)).toEqual([]);
  });

  it('shows the server’s money errors, with the amounts, next to the fields', async () => {
    const user = userEvent.setup();
    const message =
      'Źródła finansowania muszą dać razem koszty kwalifikowalne: … = 1 216 630,60 zł, a koszty kwalifikowalne to 1 216 630,61 zł (brakuje 0,01 zł).';
    answer = (url, init) =>
      url.pathname === `/api/projects/${PROJECT_ID}` && init?.method === 'PUT'
        ? jsonResponse(
            {
              type: 'https://kooperacja.pl/problems/validation-failed',
              title: 'Nieprawidłowe dane',
              status: 400,
              code: 'validation_failed',
              detail: 'Popraw wskazane pole i spróbuj ponownie.',
              errors: [{ field: 'project.ownContribution', code: 'project.money.sourcesMismatch', message }],
            },
            400,
          )
        : undefined;
    renderWithProviders(<ProjectForm project={makeProject()} onSaved={() => {}} onCancel={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Zapisz zmiany' }));
    const own = screen.getByRole('textbox', { name: /^Wkład własny/ });
    await waitFor(() => expect(own).toHaveAccessibleDescription(expect.stringContaining('brakuje 0,01 zł')));
    expect(own).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Wkład własny');
  });
});
