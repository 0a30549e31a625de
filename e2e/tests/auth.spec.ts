import { expect, type Page, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  type DemoUser,
  demoEmail,
  expectNoAxeViolations,
  type Language,
  login,
  totpCode,
  useLanguage,
} from './support';

/** Entries of the main navigation every logged-in user sees. */
const EVERYONE = ['nav.home', 'nav.territory', 'nav.territoryMap'];

interface RoleCase {
  user: DemoUser;
  name: string;
  /** Navigation entries (translation keys, in order) beyond those everyone sees. */
  nav: string[];
}

/** One demo user per role (server/src/modules/identity/demo.ts) and what their role may see. */
const cases: RoleCase[] = [
  {
    user: 'admin',
    name: 'Adam Administracyjny',
    nav: [
      'services.nav',
      'partnerships.nav',
      'indicators.nav.library',
      'programmes.nav',
      'nav.training',
      'nav.admin',
    ],
  },
  {
    user: 'admin.bochnia',
    name: 'Beata Bocheńska',
    nav: ['services.nav', 'partnerships.nav', 'nav.training', 'nav.admin'],
  },
  {
    user: 'pracownik.bochnia',
    name: 'Paulina Pracowita',
    nav: [
      'nav.tasks',
      'nav.cases',
      'nav.persons',
      'services.nav',
      'partnerships.nav',
      'sharing.nav.inbox',
      'sharing.nav.shared',
      'nav.training',
    ],
  },
  {
    user: 'kierownik.bochnia',
    name: 'Krzysztof Kierowniczy',
    nav: [
      'nav.tasks',
      'nav.cases',
      'nav.persons',
      'services.nav',
      'partnerships.nav',
      'sharing.nav.inbox',
      'sharing.nav.shared',
      'nav.training',
    ],
  },
  {
    user: 'policja.bochnia',
    name: 'Piotr Posterunkowy',
    nav: [
      'nav.tasks',
      'nav.cases',
      'nav.persons',
      'services.nav',
      'partnerships.nav',
      'sharing.nav.inbox',
      'sharing.nav.shared',
      'nav.training',
    ],
  },
  {
    user: 'koordynator.andrychow',
    name: 'Karolina Koordynacka',
    nav: [
      'nav.persons',
      'services.nav',
      'partnerships.nav',
      'nav.projects',
      'indicators.nav.portfolio',
      'indicators.nav.library',
      'programmes.nav',
      'nav.training',
    ],
  },
  {
    user: 'animator.bochnia',
    name: 'Anna Animuszewska',
    nav: ['services.nav', 'partnerships.nav', 'nav.training'],
  },
  {
    user: 'analityk.kielce',
    name: 'Aleksander Analityczny',
    nav: [
      'services.nav',
      'partnerships.nav',
      'nav.projects',
      'indicators.nav.portfolio',
      'indicators.nav.library',
      'programmes.nav',
      'nav.monitoring',
      'nav.training',
    ],
  },
  { user: 'trener', name: 'Teresa Trenerska', nav: ['services.nav', 'partnerships.nav', 'nav.training'] },
  { user: 'audytor', name: 'Irena Inspektorska', nav: ['nav.training', 'nav.audit'] },
];

const mainNavigation = (page: Page) => page.getByRole('navigation', { name: 'Nawigacja główna' });

async function navigationKeys(page: Page) {
  return mainNavigation(page)
    .locator('li[data-nav]')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-nav')));
}

async function fillLogin(page: Page, email: string, password: string) {
  await page.getByLabel('Adres e-mail').fill(email);
  await page.getByRole('textbox', { name: 'Hasło', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
}

/** The dashboard of each role: its name, its navigation and no axe violations. */
async function expectDashboardOf(page: Page, c: RoleCase) {
  await expect(page.getByRole('heading', { level: 1, name: 'Pulpit' })).toBeVisible();
  const header = page.getByRole('banner');
  await expect(header.getByTestId('user-name')).toHaveText(c.name);
  await expect(header.getByRole('link', { name: 'Moje konto' })).toBeVisible();
  expect(await navigationKeys(page), c.user).toEqual([...EVERYONE, ...c.nav]);
  const nav = mainNavigation(page);
  if (c.nav.includes('nav.admin')) {
    await expect(nav.getByRole('link', { name: 'Administracja' })).toHaveAttribute('href', '/admin');
  } else {
    await expect(nav.getByText('Administracja')).toHaveCount(0);
  }
  if (c.nav.includes('nav.audit')) {
    await expect(nav.getByRole('link', { name: 'Dziennik zdarzeń' })).toHaveAttribute('href', '/audyt');
  } else {
    await expect(nav.getByText('Dziennik zdarzeń')).toHaveCount(0);
  }
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expectNoAxeViolations(page, `the dashboard of ${c.user}`);
}

test.describe('logging in and out', () => {
  // Through the form, with the logout: a worker and a coordinator. Every role's navigation: below.
  for (const c of cases.filter((r) => r.user === 'pracownik.bochnia' || r.user === 'koordynator.andrychow')) {
    test(`${c.user} logs in with the form, sees the navigation of their role and logs out`, async ({
      page,
    }) => {
      await page.goto('/');
      await expect(page).toHaveURL(/\/logowanie$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Logowanie' })).toBeVisible();

      await fillLogin(page, demoEmail(c.user), DEMO_PASSWORD);
      await expect(page).toHaveURL(/\/$/);
      await expectDashboardOf(page, c);

      await page.getByRole('banner').getByRole('button', { name: 'Wyloguj' }).click();
      await expect(page).toHaveURL(/\/logowanie$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Logowanie' })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: 'Wylogowano' })).toBeVisible();

      // The session is gone on the server too.
      expect((await page.request.get('/api/auth/me')).status()).toBe(401);
      await page.goto('/terytoria');
      await expect(page).toHaveURL(/\/logowanie\?next=%2Fterytoria$/);
    });
  }

  test('every role sees the navigation of its role on an axe-clean dashboard', async ({ page }) => {
    test.setTimeout(180_000);
    for (const c of cases) {
      await login(page, c.user);
      await page.goto('/');
      await expectDashboardOf(page, c);
      await page.context().clearCookies();
    }
  });

  test('a wrong password shows the server’s error next to a still-usable form', async ({ page }) => {
    await page.goto('/logowanie');
    await fillLogin(page, demoEmail('pracownik.bochnia'), 'To-nie-jest-to-haslo');
    const alert = page.getByRole('alert').filter({ hasText: 'Nieprawidłowy e-mail lub hasło.' });
    await expect(alert).toBeVisible();
    await expect(page).toHaveURL(/\/logowanie$/);
    await expect(page.getByRole('button', { name: 'Zaloguj się' })).toBeEnabled();
    await expectNoAxeViolations(page, 'the login page with an error');
  });

  test('empty fields are marked next to the fields', async ({ page }) => {
    await page.goto('/logowanie');
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await expect(page.getByLabel('Adres e-mail')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Podaj adres e-mail.')).toBeVisible();
    await expect(page.getByText('Podaj hasło.')).toBeVisible();
  });

  for (const language of ['pl', 'en'] as Language[]) {
    test(`the login page in ${language === 'pl' ? 'Polish' : 'English'} passes axe`, async ({ page }) => {
      await useLanguage(page, language);
      await page.goto('/logowanie');
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(
        page.getByRole('heading', { level: 1, name: language === 'pl' ? 'Logowanie' : 'Log in' }),
      ).toBeVisible();
      // No main navigation, but the skip link and the language switch.
      await expect(page.getByRole('navigation')).toHaveCount(0);
      await expect(
        page.getByRole('link', { name: language === 'pl' ? 'Przejdź do treści' : 'Skip to content' }),
      ).toBeAttached();
      await expect(
        page.getByRole('combobox', { name: language === 'pl' ? 'Język interfejsu' : 'Interface language' }),
      ).toBeVisible();
      await expectNoAxeViolations(page, `/logowanie (${language})`);
    });
  }

  test('a page opened without a session comes back after logging in', async ({ page }) => {
    await page.goto('/terytoria/mapa?poziom=powiat');
    await expect(page).toHaveURL(/\/logowanie\?next=%2Fterytoria%2Fmapa%3Fpoziom%3Dpowiat$/);
    await fillLogin(page, demoEmail('analityk.kielce'), DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/terytoria\/mapa\?poziom=powiat$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Mapa Polski' })).toBeVisible();
  });

  test('a session ended elsewhere sends the user to the login page with a message', async ({ page }) => {
    const me = await login(page, 'kierownik.bochnia');
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Pulpit' })).toBeVisible();
    // "Log out on all devices" from another device.
    const ended = await page.request.post('/api/auth/logout-everywhere', {
      headers: { 'X-CSRF-Token': me.session.csrfToken },
    });
    expect(ended.status()).toBe(204);

    await page.getByRole('banner').getByRole('link', { name: 'Moje konto' }).click();
    await expect(page).toHaveURL(/\/logowanie\?next=%2Fkonto$/);
    await expect(page.getByRole('status').filter({ hasText: 'Twoja sesja wygasła' })).toBeVisible();
  });

  test('the forgotten-password page answers the same for any address', async ({ page }) => {
    await page.goto('/logowanie');
    await page.getByRole('link', { name: 'Nie pamiętasz hasła?' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nie pamiętasz hasła?' })).toBeFocused();
    await page.getByLabel('Adres e-mail').fill('nikt-taki@demo.kooperacja.pl');
    await page.getByRole('button', { name: 'Wyślij link' }).click();
    await expect(page.getByTestId('forgot-sent')).toContainText(
      'Jeśli konto o adresie nikt-taki@demo.kooperacja.pl istnieje',
    );
  });

  test('a multi-institution user switches the active institution', async ({ page }) => {
    await login(page, 'trener');
    await page.goto('/');
    const select = page.getByRole('banner').getByTestId('institution-switch');
    await expect(select).toBeVisible();
    const before = await select.inputValue();
    await select.click();
    const other = page.getByRole('listbox').getByRole('option').filter({ hasNotText: before });
    await expect(other).toHaveCount(1);
    const target = (await other.textContent()) ?? '';
    await other.click();
    await expect(select).toHaveValue(target);
    await expect(page.getByText(`Przełączono na: ${target}`)).toBeVisible();
    const me = await (await page.request.get('/api/auth/me')).json();
    const active = me.memberships.find(
      (m: { institutionId: string }) => m.institutionId === me.activeInstitutionId,
    );
    expect(active.institutionName).toBe(target);
  });
});

test.describe('account', () => {
  test('an invited user sets a password, turns on two-step verification and logs in with a recovery code', async ({
    page,
    request,
  }) => {
    // A whole journey with several password hashings: longer than one page's budget.
    test.setTimeout(180_000);
    // The system administrator invites a new trainer; the invitation waits in the e-mail outbox.
    const admin = await (
      await request.post('/api/auth/login', { data: { email: demoEmail('admin'), password: DEMO_PASSWORD } })
    ).json();
    const csrf = { 'X-CSRF-Token': admin.me.session.csrfToken as string };
    const email = `nowy.trener.${Date.now()}@demo.kooperacja.pl`;
    const created = await request.post('/api/admin/users', {
      headers: csrf,
      data: {
        email,
        firstName: 'Tomasz',
        lastName: 'Nowicjusz',
        membership: { institutionId: admin.me.activeInstitutionId, roles: ['trener'] },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const outbox = await (await request.get('/api/admin/outbox')).json();
    const invitation = outbox.items.find((m: { to: string }) => m.to === email);
    const link = /\/haslo\/ustaw\?token=[^\s]+/.exec(invitation?.body ?? '')?.[0];
    expect(link, JSON.stringify(invitation)).toBeTruthy();

    // Setting the password: the policy is explained, a short one is refused next to the field.
    await page.goto(link as string);
    await expect(page.getByRole('heading', { level: 1, name: 'Ustaw nowe hasło' })).toBeVisible();
    await expect(page.getByText(/co najmniej 12 znaków/)).toBeVisible();
    const newPassword = page.getByRole('textbox', { name: 'Nowe hasło', exact: true });
    await newPassword.fill('krotkie');
    await page.getByRole('textbox', { name: 'Powtórz nowe hasło', exact: true }).fill('krotkie');
    await page.getByRole('button', { name: 'Ustaw hasło' }).click();
    await expect(newPassword).toHaveAttribute('aria-invalid', 'true');
    const password = 'Zielony-rower-nad-Wisla-7';
    await newPassword.fill(password);
    await page.getByRole('textbox', { name: 'Powtórz nowe hasło', exact: true }).fill(password);
    await page.getByRole('button', { name: 'Ustaw hasło' }).click();
    await expect(page.getByText('Hasło zostało ustawione.')).toBeVisible();
    await page.getByRole('link', { name: 'Zaloguj się' }).click();

    await fillLogin(page, email, password);
    await expect(page.getByRole('heading', { level: 1, name: 'Pulpit' })).toBeVisible();
    expect(await navigationKeys(page)).toEqual([
      ...EVERYONE,
      'services.nav',
      'partnerships.nav',
      'nav.training',
    ]);

    // My account: name, institution and role.
    await page.getByRole('banner').getByRole('link', { name: 'Moje konto' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Moje konto' })).toBeFocused();
    await expect(page.getByTestId('account-name')).toHaveText('Tomasz Nowicjusz');
    await expect(page.getByTestId('account-email')).toHaveText(email);
    await expect(page.getByTestId('account-memberships')).toContainText('Trener');

    // Turning on the second factor: QR code as an image, the secret as text, then a code from the app.
    await page.getByRole('button', { name: 'Włącz weryfikację dwuetapową' }).click();
    const qr = page.getByRole('img', { name: /Kod QR/ });
    await expect(qr).toBeVisible();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;utf8,/);
    const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectNoAxeViolations(page, 'the account page while setting up the second factor');
    await page.getByLabel('Kod z aplikacji').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Potwierdź i włącz' }).click();
    const codes = page.getByTestId('recovery-codes').getByRole('listitem');
    await expect(codes).toHaveCount(10);
    const recoveryCode = ((await codes.first().textContent()) ?? '').trim();
    await expect(page.getByRole('heading', { name: 'Kody odzyskiwania' })).toBeFocused();
    await expectNoAxeViolations(page, 'the account page with the recovery codes');
    await page.getByRole('button', { name: 'Zapisałem kody' }).click();
    await expect(page.getByText('Weryfikacja dwuetapowa jest włączona')).toBeVisible();

    // Logging in again now takes the second step; a recovery code does instead of the app.
    await page.getByRole('banner').getByRole('button', { name: 'Wyloguj' }).click();
    await expect(page).toHaveURL(/\/logowanie$/);
    await fillLogin(page, email, password);
    await expect(page.getByRole('heading', { level: 1, name: 'Weryfikacja dwuetapowa' })).toBeVisible();
    await expectNoAxeViolations(page, 'the second-factor step');
    await page.getByRole('button', { name: 'Użyj kodu odzyskiwania' }).click();
    await page.getByLabel('Kod odzyskiwania').fill(recoveryCode);
    await page.getByRole('button', { name: 'Potwierdź' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Pulpit' })).toBeVisible();

    // Changing the password: a wrong current password is marked next to its field.
    await page.goto('/konto');
    const current = page.getByRole('textbox', { name: 'Obecne hasło', exact: true });
    await current.fill('nie-to-haslo');
    await page.getByRole('textbox', { name: 'Nowe hasło', exact: true }).fill('Niebieski-tramwaj-w-Bochni-3');
    await page
      .getByRole('textbox', { name: 'Powtórz nowe hasło', exact: true })
      .fill('Niebieski-tramwaj-w-Bochni-3');
    await page.getByRole('button', { name: 'Zmień hasło' }).click();
    await expect(current).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Obecne hasło jest nieprawidłowe.').first()).toBeVisible();
    await current.fill(password);
    await page.getByRole('button', { name: 'Zmień hasło' }).click();
    await expect(page.getByText('Hasło zostało zmienione.')).toBeVisible();

    // Log out on all devices.
    await page.getByRole('button', { name: 'Wyloguj na wszystkich urządzeniach' }).click();
    await expect(page).toHaveURL(/\/logowanie$/);
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);
  });
});
