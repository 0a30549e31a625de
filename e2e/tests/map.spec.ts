import { expect, test } from '@playwright/test';
import { login, WITHOUT_GEOMETRY } from './support';

test.describe('map of Poland', () => {
  test.beforeEach(async ({ page }) => {
    await login(page, 'pracownik.bochnia');
  });

  test('draws 2,477 gminy coloured by kind, and switches to powiaty and województwa', async ({ page }) => {
    await page.goto('/terytoria/mapa');
    await expect(page.getByRole('heading', { level: 1, name: 'Mapa Polski' })).toBeVisible();

    const map = page.getByTestId('poland-map');
    await expect(map).toHaveAttribute('data-level', 'gmina');
    const units = map.locator('path[data-teryt]');
    // 2,479 gminy in TERC 2026 minus the two without a polygon.
    await expect(units).toHaveCount(2_477);
    for (const teryt of Object.values(WITHOUT_GEOMETRY)) {
      await expect(map.locator(`path[data-teryt="${teryt}"]`)).toHaveCount(0);
    }
    // Gminy are coloured by kind: three fills, explained by the legend.
    const fills = await units.evaluateAll((paths) => new Set(paths.map((p) => p.getAttribute('fill'))).size);
    expect(fills).toBe(3);
    const figure = page.locator('figure', { has: map });
    await expect(figure.getByText('Rodzaj gminy')).toBeVisible();
    const legend = figure.locator('figcaption ul li');
    await expect(legend).toHaveCount(3);
    await expect(legend.nth(0)).toContainText('gmina miejska');
    await expect(legend.nth(1)).toContainText('gmina wiejska');
    await expect(legend.nth(2)).toContainText('gmina miejsko-wiejska');
    await expect(figure).toContainText(/2\s?477 jednostek na mapie/);

    await page.getByText('Powiaty', { exact: true }).click();
    await expect(page).toHaveURL(/poziom=powiat/);
    await expect(map).toHaveAttribute('data-level', 'powiat');
    await expect(units).toHaveCount(380);

    await page.getByText('Województwa', { exact: true }).click();
    await expect(map).toHaveAttribute('data-level', 'wojewodztwo');
    await expect(units).toHaveCount(16);
  });

  test('clicking a unit opens its page', async ({ page }) => {
    await page.goto('/terytoria/mapa?poziom=wojewodztwo');
    const map = page.getByTestId('poland-map');
    await expect(map.locator('path[data-teryt]')).toHaveCount(16);
    // Małopolskie (12): click the centre of its bounding box, which lies inside it.
    await map.locator('path[data-teryt="12"]').click();
    await expect(page).toHaveURL(/\/terytoria\/12$/);
    await expect(page.getByRole('heading', { level: 1, name: 'małopolskie' })).toBeVisible();
  });
});
