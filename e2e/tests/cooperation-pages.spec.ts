import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, login } from './support';

// The pages of the cooperation capability, as the people who use them open them on the demo data:
// every page shows its content (not an error) and passes axe (WCAG 2.1 AA). Several axe runs per
// test: more than the default minute when the machine is busy.
test.describe.configure({ timeout: 150_000 });

test.describe('resource map', () => {
  test('a social worker searches services by need, as a list and on the map', async ({ page }) => {
    await login(page, 'pracownik.bochnia');
    await page.goto('/zasoby');
    await expect(page.getByRole('heading', { level: 1, name: 'Mapa zasobów' })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Potrzeba lub słowa' }).fill('terapia');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: /terap/i }).first()).toBeVisible();
    await expectNoAxeViolations(page, 'resource map — list');
    await page.getByRole('tab', { name: /map/i }).click();
    await expect(page.locator('svg path').first()).toBeVisible();
    await expectNoAxeViolations(page, 'resource map — map');
  });

  test('the institution administrator adds a service of the own institution', async ({ page }) => {
    await login(page, 'admin.bochnia');
    await page.goto('/zasoby/nowa');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page, 'new service form');
  });
});

test.describe('partnerships', () => {
  test('the animator opens the Bochnia partnership, its members, agreements, meetings and dashboard', async ({
    page,
  }) => {
    await login(page, 'animator.bochnia');
    await page.goto('/partnerstwa');
    await expect(page.getByRole('heading', { level: 1, name: 'Partnerstwa' })).toBeVisible();
    await expectNoAxeViolations(page, 'partnership list');
    await page
      .getByRole('link', { name: /Bochni/ })
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/Bochni/);
    for (const tab of ['Członkowie', 'Porozumienia', 'Spotkania', 'Pulpit']) {
      await page.getByRole('tab', { name: new RegExp(tab) }).click();
      await expect(page.getByRole('tabpanel')).toBeVisible();
      await expectNoAxeViolations(page, `partnership — ${tab}`);
    }
  });
});

test.describe('notifications', () => {
  test('the bell leads to the list, and preferences are reachable from the account page', async ({
    page,
  }) => {
    await login(page, 'pracownik.bochnia');
    await page.goto('/');
    await page
      .getByRole('link', { name: /Powiadomienia/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/powiadomienia$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Powiadomienia' })).toBeVisible();
    await expectNoAxeViolations(page, 'notifications');
    await page.goto('/konto');
    await page.getByRole('link', { name: 'Ustawienia powiadomień' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ustawienia powiadomień' })).toBeVisible();
    await expectNoAxeViolations(page, 'notification preferences');
  });
});

test.describe('case-team meetings', () => {
  test('the school pedagogue opens the team meeting of a shared case, reads its minutes and completes the school’s item', async ({
    page,
  }) => {
    await login(page, 'pedagog.bochnia');
    await page.goto('/wspolpraca');
    await page.getByRole('link', { name: /SPR\// }).first().click();
    const section = page
      .getByRole('region', { name: 'Spotkania zespołu' })
      .or(
        page
          .locator('section, article')
          .filter({ has: page.getByRole('heading', { name: 'Spotkania zespołu' }) }),
      );
    await expect(page.getByRole('heading', { name: 'Spotkania zespołu' })).toBeVisible();
    await section
      .first()
      .getByRole('button', { name: /Spotkanie zespołu/ })
      .first()
      .click();
    await expect(page.getByText('Protokół').first()).toBeVisible();
    await expect(page.getByText(/Zajęcia wyrównawcze z matematyki/).first()).toBeVisible();
    await expectNoAxeViolations(page, 'shared case — team meeting');
    const item = page.getByRole('checkbox', { name: /Wykonane: Zapisać Kacpra na zajęcia wyrównawcze/ });
    await expect(item).not.toBeChecked();
    await item.click();
    await expect(item).toBeChecked();
    await expect(page.getByText(/· wykonane \d/).first()).toBeVisible();
  });
});
