import { expect, test } from '@playwright/test';
import { login, WITHOUT_GEOMETRY, ZABNO } from './support';

test.describe('territorial register', () => {
  test.beforeEach(async ({ page }) => {
    await login(page, 'pracownik.bochnia');
  });

  test('searching "zabno" without Polish letters finds Żabno with its TERYT code', async ({ page }) => {
    await page.goto('/terytoria');
    await expect(page.getByRole('heading', { level: 1, name: 'Rejestr terytorialny' })).toBeVisible();

    // What the page promises in its lead: "zabno" (no Polish letters) finds Żabno. The user only
    // types; the level filter keeps its default.
    await page.getByRole('searchbox', { name: 'Szukaj jednostki' }).fill('zabno');

    await expect(page).toHaveURL(/[?&]q=zabno/);
    const row = page.getByTestId('unit-table').locator(`tr[data-teryt="${ZABNO}"]`);
    await expect(row).toBeVisible();
    await expect(row.getByRole('link', { name: 'Żabno' })).toBeVisible();
    await expect(row).toContainText(ZABNO);
    await expect(row).toContainText('gmina miejsko-wiejska');
    await expect(page.getByRole('status').filter({ hasText: /Znaleziono/ })).toBeVisible();

    await row.getByRole('link', { name: 'Żabno' }).click();
    await expect(page).toHaveURL(new RegExp(`/terytoria/${ZABNO}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Żabno' })).toBeFocused();
  });

  test('the unit page of Żabno shows its powiat and województwo', async ({ page }) => {
    await page.goto(`/terytoria/${ZABNO}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Żabno' })).toBeVisible();
    await expect(page).toHaveTitle(/Żabno · Kooperacja/);

    const breadcrumbs = page.getByRole('navigation', { name: 'Ścieżka nawigacji' });
    await expect(breadcrumbs.getByRole('link', { name: /małopolskie/ })).toBeVisible();
    await expect(breadcrumbs.getByRole('link', { name: /powiat tarnowski/ })).toBeVisible();

    const facts = page.getByTestId('unit-facts');
    await expect(facts.getByRole('row', { name: /Kod TERYT/ })).toContainText(ZABNO);
    await expect(facts.getByRole('row', { name: /Rodzaj/ })).toContainText('gmina miejsko-wiejska');
    // The mini-map draws the gminy of małopolskie with Żabno highlighted.
    await expect(page.locator(`[data-highlight="${ZABNO}"]`)).toBeAttached();

    // Up the hierarchy: the powiat lists Żabno among its gminy.
    await breadcrumbs.getByRole('link', { name: /powiat tarnowski/ }).click();
    await expect(page).toHaveURL(/\/terytoria\/1216$/);
    await expect(page.getByRole('heading', { level: 1, name: 'tarnowski' })).toBeVisible();
    await expect(page.getByTestId('unit-children').getByRole('link', { name: 'Żabno' })).toBeVisible();
  });

  test('lists Szczawa and Grabówka as units without geometry', async ({ page }) => {
    await page.goto('/terytoria');
    const section = page.getByRole('region', { name: 'Jednostki bez geometrii' });
    const list = section.getByTestId('units-without-geometry');
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list).toContainText('Szczawa');
    await expect(list).toContainText(WITHOUT_GEOMETRY.szczawa);
    await expect(list).toContainText('Grabówka');
    await expect(list).toContainText(WITHOUT_GEOMETRY.grabowka);

    await list.getByRole('link', { name: /Szczawa/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Szczawa' })).toBeVisible();
    await expect(page.getByText('Ta jednostka nie ma poligonu w pliku granic')).toBeVisible();
  });

  test('an unknown TERYT code shows the server problem, not a blank page', async ({ page }) => {
    await page.goto('/terytoria/9999999');
    await expect(page.getByRole('heading', { level: 1, name: '9999999' })).toBeVisible();
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Wróć do wyszukiwarki' })).toBeVisible();
  });
});
