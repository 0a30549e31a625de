import { expect, test } from '@playwright/test';
import { LANGUAGE_KEY, login } from './support';

test.describe('application shell', () => {
  test.beforeEach(async ({ page }) => {
    await login(page, 'pracownik.bochnia');
  });

  test('renders in Polish by default, without CSP violations', async ({ page }) => {
    const cspErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        cspErrors.push(message.text());
      }
    });

    await page.goto('/');

    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
    await expect(page.getByRole('heading', { level: 1, name: 'Pulpit' })).toBeVisible();
    await expect(page).toHaveTitle(/Pulpit · Kooperacja/);
    const nav = page.getByRole('navigation', { name: 'Nawigacja główna' });
    await expect(nav.getByRole('link', { name: 'Pulpit' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Rejestr terytorialny' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Mapa Polski' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Język interfejsu' })).toHaveValue('pl');
    // The home page talks to the API: the system status card shows the database as working.
    await expect(page.getByText('Stan systemu')).toBeVisible();
    await expect(page.getByText('Działa').first()).toBeVisible();

    expect(cspErrors, cspErrors.join('\n')).toEqual([]);
  });

  test('the skip link is the first tab stop and moves focus to the main content', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Pulpit' })).toBeVisible();

    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Przejdź do treści' });
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeVisible();

    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
    // The next Tab continues inside the main content, not in the header or the navigation.
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => document.activeElement?.closest('#main') !== null);
    expect(inMain).toBe(true);
  });

  test('navigating moves focus to the new page heading', async ({ page }) => {
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Nawigacja główna' })
      .getByRole('link', { name: 'Rejestr terytorialny' })
      .click();
    await expect(page).toHaveURL(/\/terytoria$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Rejestr terytorialny' })).toBeFocused();
  });

  test('switching to English changes the interface and <html lang>, and survives a reload', async ({
    page,
  }) => {
    await page.goto('/terytoria');
    await expect(page.getByRole('heading', { level: 1, name: 'Rejestr terytorialny' })).toBeVisible();

    await page.getByRole('combobox', { name: 'Język interfejsu' }).selectOption('en');

    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Territorial register' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav.getByRole('link', { name: 'Dashboard' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeAttached();
    await expect(page).toHaveTitle(/Territorial register · Kooperacja/);

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Territorial register' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Interface language' })).toHaveValue('en');
    expect(await page.evaluate((key) => localStorage.getItem(key), LANGUAGE_KEY)).toBe('en');

    // And back to Polish.
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('pl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
    await expect(page.getByRole('heading', { level: 1, name: 'Rejestr terytorialny' })).toBeVisible();
  });

  test('an unknown address shows the not-found page inside the layout', async ({ page }) => {
    await page.goto('/nie-ma-takiej-strony');
    await expect(page.getByRole('heading', { level: 1, name: 'Nie znaleziono strony' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Nawigacja główna' })).toBeVisible();
  });
});
