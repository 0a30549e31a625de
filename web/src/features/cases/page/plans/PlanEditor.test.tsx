import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../../test/render';
import {
  CASE_ID,
  INSTITUTION_ID,
  makeCase,
  makePlan,
  OTHER_INSTITUTION_ID,
  PLAN_ID,
  sentBodies,
  stubFetch,
} from '../casePage.fixtures';
import { PlanEditor } from './PlanEditor';
import { planInputOf, planValuesOf } from './planForm';

let fetchMock: ReturnType<typeof stubFetch>;
let putResponse: () => Response;

beforeEach(() => {
  sessionStorage.clear();
  putResponse = () => jsonResponse(makePlan({ version: 3 }));
  fetchMock = stubFetch((url, init) => {
    if (url.pathname === `/api/cases/${CASE_ID}/plans` && init?.method === 'POST')
      return jsonResponse(makePlan({ id: '0190b000-0000-7000-8000-000000000a02' }), 201);
    if (url.pathname === `/api/cases/${CASE_ID}/plans/${PLAN_ID}` && init?.method === 'PUT')
      return putResponse();
    if (url.pathname === `/api/cases/${CASE_ID}/plans`)
      return jsonResponse({ items: [makePlan({ version: 5, title: 'Plan zmieniony przez kierownika' })] });
    if (url.pathname === '/api/institutions')
      return jsonResponse({
        total: 1,
        items: [{ id: OTHER_INSTITUTION_ID, name: 'PUP Bochnia', unitName: 'Bochnia' }],
        abilities: { create: false },
      });
    return undefined;
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('planInputOf', () => {
  it('round-trips a stored plan to the same request body', () => {
    const plan = makePlan();
    const input = planInputOf(planValuesOf(plan));
    expect(input).toMatchObject({
      type: 'kontrakt_socjalny',
      variant: 'B',
      startDate: '2026-02-01',
      reviewDates: ['2026-04-30'],
      goals: [
        {
          id: plan.goals[0]?.id,
          actions: [
            { party: 'klient', responsibleInstitutionId: null, responsiblePerson: 'Jan Kowalski' },
            { party: 'instytucja', responsibleInstitutionId: OTHER_INSTITUTION_ID, status: 'zaplanowane' },
          ],
        },
      ],
    });
  });
});

/** Role queries walk the whole accessibility tree: on this large form, text queries are much faster. */
const button = (text: string) => {
  const el = screen.getByText(text).closest('button');
  if (!el) throw new Error(`No button ${text}`);
  return el;
};
const fieldset = async (legend: string) => {
  const el = (await screen.findByText(legend)).closest('fieldset');
  if (!el) throw new Error(`No fieldset ${legend}`);
  return el;
};

// Mantine forms render slowly in jsdom: allow for a loaded machine running files in parallel.
describe('PlanEditor', { timeout: 20_000 }, () => {
  it('adds three goals, moves one and sends the plan', async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    renderWithProviders(<PlanEditor caseData={makeCase()} plan={null} onDone={onDone} />);

    await user.click(await screen.findByLabelText(/^B — /));
    await user.click(screen.getByLabelText(/Opis celu 1/));
    await user.paste('Podjęcie zatrudnienia przez ojca');
    await user.click(button('Dodaj cel'));
    // The new goal's description takes the focus.
    await waitFor(() => expect(screen.getByLabelText(/Opis celu 2/)).toHaveFocus());
    await user.paste('Regularna nauka dzieci');
    await user.click(button('Dodaj cel'));
    await waitFor(() => expect(screen.getByLabelText(/Opis celu 3/)).toHaveFocus());
    await user.paste('Spłata zadłużenia czynszowego');
    // Move goal 3 above goal 2 with the keyboard-reachable buttons.
    await user.click(screen.getByLabelText('Przesuń cel 3 w górę'));

    await user.click(button('Utwórz plan'));
    await waitFor(() => expect(sentBodies(fetchMock, 'POST', '/plans')).toHaveLength(1));
    const body = sentBodies(fetchMock, 'POST', '/plans')[0] as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'kontrakt_socjalny',
      variant: 'B',
      status: 'projekt',
      title: null,
      reviewDates: [],
      workerSignedOn: null,
      clientSignedOn: null,
      goals: [
        { description: 'Podjęcie zatrudnienia przez ojca', actions: [] },
        { description: 'Spłata zadłużenia czynszowego', actions: [] },
        { description: 'Regularna nauka dzieci', actions: [] },
      ],
    });
    expect(body.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(String(body.endDate) > String(body.startDate)).toBe(true);
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });

  it('an action is carried out by an institution (the case’s own by default) or is the client’s commitment', async () => {
    const user = userEvent.setup();
    renderWithProviders(<PlanEditor caseData={makeCase()} plan={null} onDone={() => {}} />);
    await user.click(await screen.findByLabelText(/^A — /));
    await user.click(screen.getByLabelText(/Opis celu 1/));
    await user.paste('Podjęcie zatrudnienia przez ojca');

    await user.click(button('Dodaj działanie do celu 1'));
    const first = await fieldset('Działanie 1.1');
    await waitFor(() => expect(within(first).getByLabelText(/^Działanie/)).toHaveFocus());
    await user.paste('Rejestracja w PUP jako bezrobotny');
    await user.click(button('Dodaj działanie do celu 1'));
    const second = await fieldset('Działanie 1.2');
    await user.click(within(second).getByLabelText(/^Działanie/));
    await user.paste('Wpłaty 200 zł miesięcznie');
    const party = within(second).getByRole('combobox', { name: /Kto realizuje/ });
    await user.click(party);
    await waitFor(() =>
      expect(document.getElementById(party.getAttribute('aria-controls') ?? '')).not.toBeNull(),
    );
    const listbox = document.getElementById(party.getAttribute('aria-controls') ?? '') as HTMLElement;
    await user.click(within(listbox).getByText(/zobowiązanie klienta/));
    expect(within(second).getByText(/Zobowiązanie osoby lub rodziny/)).toBeInTheDocument();

    await user.click(button('Utwórz plan'));
    await waitFor(() => expect(sentBodies(fetchMock, 'POST', '/plans')).toHaveLength(1));
    expect(sentBodies(fetchMock, 'POST', '/plans')[0]).toMatchObject({
      variant: 'A',
      goals: [
        {
          actions: [
            {
              description: 'Rejestracja w PUP jako bezrobotny',
              party: 'instytucja',
              responsibleInstitutionId: INSTITUTION_ID,
              responsiblePerson: null,
              deadline: null,
              status: 'zaplanowane',
            },
            { description: 'Wpłaty 200 zł miesięcznie', party: 'klient', responsibleInstitutionId: null },
          ],
        },
      ],
    });
  });

  it('checks the variant and goal descriptions before sending', async () => {
    const user = userEvent.setup();
    renderWithProviders(<PlanEditor caseData={makeCase()} plan={null} onDone={() => {}} />);
    await user.click(await screen.findByRole('button', { name: 'Utwórz plan' }));
    expect(await screen.findByText('Wybierz wariant kontraktu socjalnego (A albo B).')).toBeInTheDocument();
    const goal = screen.getByRole('textbox', { name: /Opis celu 1/ });
    expect(goal).toHaveAttribute('aria-invalid', 'true');
    expect(goal).toHaveAccessibleDescription(/co najmniej 3 znaki/);
    expect(screen.getByRole('alert')).toHaveTextContent('Popraw 2 zaznaczone pola.');
    expect(sentBodies(fetchMock, 'POST', '/plans')).toHaveLength(0);
  });

  it('on a stale save lists what differs and can keep the user’s changes', async () => {
    putResponse = () =>
      jsonResponse(
        {
          type: 'about:blank',
          title: 'Konflikt',
          status: 409,
          code: 'conflict',
          detail: 'Rekord zmieniono.',
        },
        409,
      );
    const user = userEvent.setup();
    renderWithProviders(<PlanEditor caseData={makeCase()} plan={makePlan()} onDone={() => {}} />);
    const title = await screen.findByRole('textbox', { name: /Tytuł/ });
    await user.clear(title);
    await user.paste('Mój tytuł');
    await user.click(screen.getByRole('button', { name: 'Zapisz plan' }));

    const dialog = await screen.findByRole('dialog', { name: 'Ktoś zmienił ten rekord w międzyczasie' });
    const row = await within(dialog).findByRole('row', { name: /Tytuł/ });
    expect(row).toHaveTextContent('Mój tytuł');
    expect(row).toHaveTextContent('Plan zmieniony przez kierownika');
    expect(within(dialog).getAllByRole('row')).toHaveLength(2);

    putResponse = () => jsonResponse(makePlan({ version: 6, title: 'Mój tytuł' }));
    await user.click(within(dialog).getByRole('button', { name: 'Zachowaj moje zmiany' }));
    await waitFor(() => expect(sentBodies(fetchMock, 'PUT', `/plans/${PLAN_ID}`)).toHaveLength(2));
    const [first, second] = sentBodies(fetchMock, 'PUT', `/plans/${PLAN_ID}`) as {
      version: number;
      plan: { title: string };
    }[];
    expect(first?.version).toBe(2);
    expect(second).toMatchObject({ version: 5, plan: { title: 'Mój tytuł' } });
  });
});
