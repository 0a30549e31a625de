import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { type Language, useLanguage, ZABNO } from './support';

interface Screen {
  name: string;
  path: string;
  /** Waits until the page shows its data (axe should see the real page, not a skeleton). */
  ready: (page: Page) => Promise<void>;
}

const screens: Screen[] = [
  {
    name: 'home',
    path: '/',
    ready: async (page) => {
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    },
  },
  {
    name: 'territory list',
    path: '/terytoria?q=tarn&poziom=wszystkie',
    ready: async (page) => {
      await expect(page.getByTestId('unit-table')).toBeVisible();
      await expect(page.getByTestId('units-without-geometry')).toBeVisible();
    },
  },
  {
    name: 'unit page',
    path: `/terytoria/${ZABNO}`,
    ready: async (page) => {
      await expect(page.getByTestId('unit-facts')).toBeVisible();
      await expect(page.getByTestId('poland-map')).toBeVisible();
    },
  },
  {
    name: 'map page',
    path: '/terytoria/mapa',
    ready: async (page) => {
      await expect(page.getByTestId('poland-map').locator('path[data-teryt]')).toHaveCount(2_477);
    },
  },
];

const languages: Language[] = ['pl', 'en'];

test.describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
  for (const language of languages) {
    for (const screen of screens) {
      test(`${screen.name} in ${language === 'pl' ? 'Polish' : 'English'} has no violations`, async ({
        page,
      }) => {
        await useLanguage(page, language);
        await page.goto(screen.path);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await screen.ready(page);

        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze();

        const report = results.violations
          .map((v) =>
            [
              `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
              ...v.nodes
                .slice(0, 5)
                .map(
                  (n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`,
                ),
              v.nodes.length > 5 ? `    … and ${v.nodes.length - 5} more` : '',
            ]
              .filter(Boolean)
              .join('\n'),
          )
          .join('\n');
        expect(results.violations, `axe violations on ${screen.path} (${language}):\n${report}`).toEqual([]);
      });
    }
  }
});
