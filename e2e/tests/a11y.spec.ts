import { expect, type Page, test } from '@playwright/test';
import { type DemoUser, expectNoAxeViolations, type Language, login, useLanguage, ZABNO } from './support';

interface Screen {
  name: string;
  path: string;
  /** Who is logged in; none for the pages used without a session. */
  user?: DemoUser;
  /** Waits until the page shows its data (axe should see the real page, not a skeleton). */
  ready: (page: Page) => Promise<void>;
  /** Checked in Polish only: the English text changes nothing axe looks at on this page. */
  polishOnly?: boolean;
}

const screens: Screen[] = [
  {
    name: 'forgotten password page',
    path: '/haslo/przypomnij',
    ready: async (page) => {
      await expect(page.getByRole('textbox')).toBeVisible();
    },
  },
  {
    name: 'set password page',
    polishOnly: true,
    path: '/haslo/ustaw?token=nieprawidlowy-token-do-testu',
    ready: async (page) => {
      await expect(page.locator('input[type="password"]').first()).toBeVisible();
    },
  },
  {
    name: 'home',
    path: '/',
    user: 'pracownik.bochnia',
    ready: async (page) => {
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    },
  },
  {
    name: 'territory list',
    polishOnly: true,
    user: 'pracownik.bochnia',
    path: '/terytoria?q=tarn&poziom=wszystkie',
    ready: async (page) => {
      await expect(page.getByTestId('unit-table')).toBeVisible();
      await expect(page.getByTestId('units-without-geometry')).toBeVisible();
    },
  },
  {
    name: 'unit page',
    polishOnly: true,
    user: 'pracownik.bochnia',
    path: `/terytoria/${ZABNO}`,
    ready: async (page) => {
      await expect(page.getByTestId('unit-facts')).toBeVisible();
      await expect(page.getByTestId('poland-map')).toBeVisible();
    },
  },
  {
    name: 'map page',
    polishOnly: true,
    user: 'pracownik.bochnia',
    path: '/terytoria/mapa',
    ready: async (page) => {
      await expect(page.getByTestId('poland-map').locator('path[data-teryt]')).toHaveCount(2_477);
    },
  },
  {
    name: 'account page',
    path: '/konto',
    user: 'trener',
    ready: async (page) => {
      await expect(page.getByTestId('account-memberships')).toBeVisible();
      await expect(page.getByRole('banner').getByTestId('institution-switch')).toBeVisible();
    },
  },
];

const languages: Language[] = ['pl', 'en'];

test.describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
  for (const language of languages) {
    for (const screen of screens.filter((s) => language === 'pl' || !s.polishOnly)) {
      test(`${screen.name} in ${language === 'pl' ? 'Polish' : 'English'} has no violations`, async ({
        page,
      }) => {
        await useLanguage(page, language);
        if (screen.user) await login(page, screen.user);
        await page.goto(screen.path);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await screen.ready(page);

        await expectNoAxeViolations(page, `${screen.path} (${language})`);
      });
    }
  }
});
