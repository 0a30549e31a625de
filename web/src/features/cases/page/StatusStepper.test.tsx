import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { CASE_ID, makeCase, sentBodies, stubFetch } from './casePage.fixtures';
import { StatusStepper } from './StatusStepper';

let fetchMock: ReturnType<typeof stubFetch>;

beforeEach(() => {
  fetchMock = stubFetch((url, init) => {
    if (url.pathname === `/api/cases/${CASE_ID}/transition` && init?.method === 'POST')
      return jsonResponse(makeCase({ status: 'zamknieta', version: 4, transitions: [] }));
    return undefined;
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

// Mantine forms render slowly in jsdom: allow for a loaded machine running files in parallel.
describe('StatusStepper', { timeout: 20_000 }, () => {
  it('marks the current stage and explains why a step is not possible', async () => {
    renderWithProviders(<StatusStepper data={makeCase()} />);
    const current = await screen.findByText('Diagnoza');
    expect(current.closest('li')).toHaveAttribute('aria-current', 'step');

    const toPlan = await screen.findByRole('button', { name: 'Przejdź do etapu „Plan”' });
    expect(toPlan).toBeDisabled();
    expect(toPlan).toHaveAccessibleDescription('Najpierw zapisz diagnozę — plan opiera się na diagnozie.');
    expect(screen.getByText('Najpierw zapisz diagnozę — plan opiera się na diagnozie.')).toBeVisible();
    // Allowed steps are buttons; steps that are simply not next in the flow are not shown.
    expect(screen.getByRole('button', { name: 'Wróć do etapu „Zgłoszenie”' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Zamknij sprawę' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: /Realizacja/ })).not.toBeInTheDocument();
  });

  it('shows no steps to a user who may not change the stage', async () => {
    renderWithProviders(
      <StatusStepper
        data={makeCase({
          abilities: { update: false, assignWorkers: false, transition: false, readSensitive: false },
        })}
      />,
    );
    expect(
      await screen.findByText('Twoje uprawnienia nie pozwalają zmieniać etapu tej sprawy.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Zamknij sprawę' })).not.toBeInTheDocument();
  });

  it('closing requires the closure reason and the outcome summary', async () => {
    const user = userEvent.setup();
    renderWithProviders(<StatusStepper data={makeCase()} />);
    await user.click(await screen.findByRole('button', { name: 'Zamknij sprawę' }));
    const dialog = await screen.findByRole('dialog', { name: 'Zamknięcie sprawy' });

    await user.click(within(dialog).getByRole('button', { name: 'Zamknij sprawę' }));
    const reason = within(dialog).getByRole('combobox', { name: /Powód zamknięcia/ });
    const outcome = within(dialog).getByRole('textbox', { name: /Podsumowanie efektów/ });
    await waitFor(() => expect(reason).toHaveAttribute('aria-invalid', 'true'));
    expect(reason).toHaveAccessibleDescription(/Wybierz powód zamknięcia/);
    expect(outcome).toHaveAttribute('aria-invalid', 'true');
    expect(outcome).toHaveAccessibleDescription(/Opisz efekty pracy/);
    expect(sentBodies(fetchMock, 'POST', '/transition')).toHaveLength(0);

    await user.click(reason);
    await user.click(await screen.findByRole('option', { name: 'Cel osiągnięty' }));
    await user.click(outcome);
    await user.paste('Ojciec pracuje od marca.');
    await user.click(within(dialog).getByRole('button', { name: 'Zamknij sprawę' }));

    await waitFor(() => expect(sentBodies(fetchMock, 'POST', '/transition')).toHaveLength(1));
    expect(sentBodies(fetchMock, 'POST', '/transition')[0]).toEqual({
      to: 'zamknieta',
      closureReason: 'cel_osiagniety',
      outcomeSummary: 'Ojciec pracuje od marca.',
      version: 3,
    });
  });

  it('a step back asks for the reason', async () => {
    const user = userEvent.setup();
    renderWithProviders(<StatusStepper data={makeCase()} />);
    await user.click(await screen.findByRole('button', { name: 'Wróć do etapu „Zgłoszenie”' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Zmień etap' }));
    const reason = within(dialog).getByRole('textbox', { name: /Powód/ });
    await waitFor(() => expect(reason).toHaveAttribute('aria-invalid', 'true'));
    await user.click(reason);
    await user.paste('Brak danych do diagnozy.');
    await user.click(within(dialog).getByRole('button', { name: 'Zmień etap' }));
    await waitFor(() =>
      expect(sentBodies(fetchMock, 'POST', '/transition')).toEqual([
        { to: 'zgloszenie', reason: 'Brak danych do diagnozy.', version: 3 },
      ]),
    );
  });
});
