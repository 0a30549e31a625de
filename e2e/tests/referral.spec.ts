import { type Browser, expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, login } from './support';

// The worker dimension in two browsers: Paulina, the social worker of MOPS Bochnia, refers a family
// to the police from the case page; Piotr, the community police officer of KPP Bochnia, finds it in
// his institution's inbox, accepts it, works on it and records the outcome; Paulina sees the outcome
// in the case and the plan action it was sent for is done.

test.describe.configure({ timeout: 180_000 });

interface PlanAction {
  id: string;
  description: string;
  status: string;
}

/**
 * A demo case Paulina leads, in progress, with an active plan and an action still to do: the oldest
 * first, so a case the cases journey is working on in the other worker is never picked.
 */
async function caseWithOpenAction(page: Page): Promise<{ caseId: string; action: PlanAction }> {
  const list = await page.request.get('/api/cases?scope=mine&status=realizacja&sort=opened_asc&limit=100');
  expect(list.status()).toBe(200);
  for (const c of (await list.json()).items as { id: string }[]) {
    const plans = await page.request.get(`/api/cases/${c.id}/plans`);
    for (const plan of (await plans.json()).items as {
      status: string;
      goals: { actions: PlanAction[] }[];
    }[]) {
      if (plan.status !== 'aktywny') continue;
      const action = plan.goals
        .flatMap((g) => g.actions)
        .find((a) => a.status === 'zaplanowane' || a.status === 'w_toku');
      if (action) return { caseId: c.id, action };
    }
  }
  throw new Error('no case of pracownik.bochnia with an open plan action in the demo data');
}

async function as(browser: Browser, user: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, user);
  return page;
}

test('a social worker refers a family to the police, who record the outcome; the plan action closes', async ({
  browser,
}) => {
  const paulina = await as(browser, 'pracownik.bochnia');
  const { caseId, action } = await caseWithOpenAction(paulina);

  // Paulina sends the referral from the case page.
  await paulina.goto(`/sprawy/${caseId}?zakladka=wspolpraca`);
  await expect(paulina.getByRole('tab', { name: 'Współpraca', selected: true })).toBeVisible();
  await paulina.getByTestId('referral-new').click();
  const form = paulina.getByTestId('referral-form');
  await form.getByRole('combobox', { name: 'Do instytucji' }).click();
  await form.getByRole('combobox', { name: 'Do instytucji' }).fill('KPP');
  await paulina
    .getByRole('option', { name: /^Komenda Powiatowa Policji w Bochni/ })
    .first()
    .click();
  // The plan's actions load with the form: type the action's words to pick it among many.
  const planAction = form.getByRole('combobox', { name: 'Zadanie planu' });
  await planAction.click();
  await planAction.fill(action.description.slice(0, 30));
  await paulina.getByRole('option', { name: action.description, exact: true }).first().click();
  await expect(planAction).toHaveValue(action.description);
  const reason = `Prośba o rozmowę dzielnicowego z rodziną (${Date.now()}).`;
  await form.getByRole('textbox', { name: 'Powód i opis potrzeby' }).fill(reason);
  await form.getByRole('combobox', { name: 'Przepis prawa' }).click();
  await paulina.getByRole('option', { name: /Art\. 110 ust\. 8/ }).click();
  await expectNoAxeViolations(paulina, 'new referral form');
  await paulina.getByTestId('referral-submit').click();

  const sent = await paulina.request.get(`/api/cases/${caseId}/referrals`);
  const referral = ((await sent.json()).items as { id: string; number: string; status: string }[])[0];
  expect(referral?.status).toBe('wyslane');
  const number = referral?.number as string;
  await expect(paulina.getByTestId(`case-referral-${number}`)).toBeVisible();

  // Piotr finds it in the inbox of KPP Bochnia.
  const piotr = await as(browser, 'policja.bochnia');
  await piotr.goto('/');
  await piotr.getByRole('link', { name: 'Skrzynka instytucji' }).click();
  const row = piotr.getByTestId(`inbox-row-${number}`);
  await expect(row).toBeVisible();
  await expectNoAxeViolations(piotr, 'institution inbox');
  await row.getByRole('link').first().click();
  await expect(piotr.getByText(reason)).toBeVisible();
  await expectNoAxeViolations(piotr, 'referral page (receiver)');

  await piotr.getByRole('button', { name: 'Przyjmij' }).click();
  const accept = piotr.getByRole('dialog', { name: 'Przyjmij' });
  await accept.getByTestId('referral-step-submit').click();
  await expect(accept).toBeHidden();
  await piotr.getByRole('button', { name: 'Rozpocznij realizację' }).click();
  await piotr.getByRole('button', { name: 'Zakończ z wynikiem' }).click();
  const complete = piotr.getByRole('dialog', { name: 'Zakończ z wynikiem' });
  const outcome = 'Dzielnicowy przeprowadził rozmowę z rodziną; brak oznak zagrożenia dzieci.';
  await complete.getByRole('textbox', { name: 'Wynik' }).fill(outcome);
  await complete.getByTestId('referral-step-submit').click();
  await expect(complete).toBeHidden();
  await expect(piotr.getByTestId('referral-status')).toContainText('Zakończone');

  // Paulina sees the outcome in the case; the plan action is done.
  await paulina.reload();
  await paulina.getByTestId(`case-referral-${number}`).getByRole('button').first().click();
  await expect(paulina.getByTestId('referral-outcome')).toContainText(outcome);
  await expectNoAxeViolations(paulina, 'case cooperation tab');
  const plans = await paulina.request.get(`/api/cases/${caseId}/plans`);
  const done = ((await plans.json()).items as { goals: { actions: PlanAction[] }[] }[])
    .flatMap((p) => p.goals.flatMap((g) => g.actions))
    .find((a) => a.id === action.id);
  expect(done?.status).toBe('wykonane');
  await paulina.getByRole('tab', { name: 'Plany' }).click();
  await expect(paulina.getByText(action.description).first()).toBeVisible();

  // Completed: the police keep the record of their work, not the family's case.
  const gone = await piotr.request.get(`/api/shared-cases/${caseId}`);
  expect(gone.status()).toBe(404);
});

test('the school counsellor sees the shared family with its health data, and the social worker the Niebieska Karta flag only', async ({
  browser,
}) => {
  const beata = await as(browser, 'pedagog.bochnia');
  await beata.goto('/');
  await beata.getByRole('link', { name: 'Sprawy współdzielone' }).click();
  await expect(beata.getByTestId('shared-cases-table')).toBeVisible();
  await expectNoAxeViolations(beata, 'shared cases');
  await beata.getByTestId('shared-cases-table').getByRole('link').first().click();
  await expect(beata.getByTestId('shared-case')).toBeVisible();
  await expect(beata.getByTestId('special-category')).toBeVisible();
  await expect(beata.getByTestId('blue-card')).toHaveCount(0);
  await expectNoAxeViolations(beata, 'shared case');
  await beata.goto('/skrzynka?karta=zaproszenia');
  await expect(beata.getByTestId('invitations')).toBeVisible();
  await expectNoAxeViolations(beata, 'team invitations');
});
