import { expect, request, test } from '@playwright/test';
import { DEMO_PASSWORD, demoEmail, expectNoAxeViolations, login } from './support';

/**
 * The training platform (docs/trainings.md) from a worker's side: a social worker of MOPS Bochnia
 * registers for the demo e-learning course of ROPS Kielce, completes its lessons, takes the final test,
 * downloads the certificate, and the public verification page — opened by someone not logged in —
 * confirms the certificate's code.
 */
const COURSE = 'Podstawy pracy w zespole interdyscyplinarnym';

/** The correct options of the course's questions, by question text, read as the organiser. */
async function answerKey(baseURL: string): Promise<Map<string, string[]>> {
  const api = await request.newContext({ baseURL });
  const loginRes = await api.post('/api/auth/login', {
    data: { email: demoEmail('trener'), password: DEMO_PASSWORD },
  });
  expect(loginRes.status()).toBe(200);
  const me = (await loginRes.json()) as {
    me: {
      session: { csrfToken: string };
      memberships: { institutionId: string; institutionName?: string }[];
    };
  };
  const list = await api.get(`/api/trainings?managed=true&q=${encodeURIComponent(COURSE)}`);
  let items = ((await list.json()) as { items: { id: string; title: string }[] }).items;
  if (!items.some((i) => i.title === COURSE)) {
    // The course is ROPS Kielce's: switch to the trainer's other institution and look again.
    for (const m of me.me.memberships) {
      await api.post('/api/auth/institution', {
        data: { institutionId: m.institutionId },
        headers: { 'x-csrf-token': me.me.session.csrfToken },
      });
      const again = await api.get(`/api/trainings?managed=true&q=${encodeURIComponent(COURSE)}`);
      items = ((await again.json()) as { items: { id: string; title: string }[] }).items;
      if (items.some((i) => i.title === COURSE)) break;
    }
  }
  const course = items.find((i) => i.title === COURSE);
  expect(course, 'the demo e-learning course').toBeTruthy();
  const questions = (await (await api.get(`/api/trainings/${course?.id}/questions`)).json()) as {
    items: { text: string; active: boolean; options: { text: string; correct: boolean }[] }[];
  };
  await api.dispose();
  return new Map(
    questions.items
      .filter((q) => q.active)
      .map((q) => [q.text, q.options.filter((o) => o.correct).map((o) => o.text)]),
  );
}

test('a social worker registers for an e-learning course, completes it, passes the final test and gets a verifiable certificate', async ({
  page,
  baseURL,
  browser,
}) => {
  test.setTimeout(120_000);
  const key = await answerKey(baseURL as string);
  await login(page, 'pracownik.bochnia');

  // The catalogue: find the course and open it.
  await page.goto('/szkolenia');
  await expect(page.getByRole('heading', { level: 1, name: 'Szkolenia' })).toBeVisible();
  await expectNoAxeViolations(page, 'training catalogue');
  await page.getByRole('link', { name: COURSE }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: COURSE })).toBeVisible();

  // Register: the dialog asks the gender for the ESF+ breakdown.
  await page
    .getByRole('button', { name: /^Zapisz się/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: 'Kobieta' }).check();
  await dialog.getByLabel('Stanowisko').fill('Starsza pracownica socjalna');
  await expectNoAxeViolations(page, 'registration dialog');
  await dialog.getByRole('button', { name: 'Zapisz się' }).click();
  await dialog
    .getByRole('link', { name: 'Przejdź do zgłoszenia' })
    .or(dialog.getByRole('button', { name: 'Przejdź do zgłoszenia' }))
    .click();

  // The lessons, one after another.
  await expect(page.getByRole('heading', { level: 1, name: COURSE })).toBeVisible();
  await expect(page.getByText('Potwierdzona').first()).toBeVisible();
  const progress = page.getByRole('progressbar', { name: 'Postęp w lekcjach' });
  await expect(progress).toHaveAttribute('aria-valuenow', '0');
  for (let i = 0; i < 10; i++) {
    const complete = page.getByRole('button', { name: 'Oznacz jako ukończoną' });
    await complete.click();
    await expect(page.getByText(/^Ukończono /)).toBeVisible();
    const next = page.getByRole('button', { name: /^Następna lekcja:/ });
    if (!(await next.isVisible())) break;
    await next.click();
  }
  await expect(progress).toHaveAttribute('aria-valuenow', '100');
  await expectNoAxeViolations(page, 'registration page with lessons');

  // The final test: the right answers for every question.
  await page.getByRole('link', { name: 'Rozwiąż test po szkoleniu' }).click();
  const form = page.getByRole('form', { name: 'Odpowiedzi na pytania testu' });
  await expect(form).toBeVisible();
  const groups = form.locator('fieldset:has(> legend)');
  const count = await groups.count();
  expect(count).toBe(key.size);
  for (let i = 0; i < count; i++) {
    const group = groups.nth(i);
    const legend = ((await group.locator('legend').textContent()) ?? '')
      .replace(/^Pytanie \d+ z \d+: /, '')
      .trim();
    const correct = key.get(legend);
    expect(correct, `answer key for "${legend}"`).toBeTruthy();
    for (const option of correct ?? []) await group.getByLabel(option, { exact: true }).check();
  }
  await expectNoAxeViolations(page, 'final test');
  await form.getByRole('button', { name: 'Wyślij odpowiedzi' }).click();
  await expect(page.getByText('Test zaliczony')).toBeVisible();
  await expect(page.getByText('Wystawiono certyfikat')).toBeVisible();

  // The certificate: a PDF download and its code.
  await page.getByRole('link', { name: 'Wróć do zgłoszenia', exact: true }).click();
  await expect(page.getByText('Podniesienie kwalifikacji zostało potwierdzone.')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Pobierz certyfikat (PDF)' }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^certyfikat-.*\.pdf$/);
  const code =
    (
      await page
        .getByText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
        .first()
        .textContent()
    )?.trim() ?? '';

  // Anyone can check the code, without logging in.
  const stranger = await browser.newContext({ baseURL });
  const publicPage = await stranger.newPage();
  await publicPage.goto('/weryfikacja');
  await publicPage.getByLabel('Kod weryfikacyjny').fill(code.toLowerCase().replace(/-/g, ' '));
  await publicPage.getByRole('button', { name: 'Sprawdź' }).click();
  await expect(publicPage.getByText('Certyfikat jest ważny')).toBeVisible();
  await expect(publicPage.getByText(COURSE)).toBeVisible();
  await expectNoAxeViolations(publicPage, 'certificate verification');
  await stranger.close();
});

test('the organiser reviews a workshop edition and its attendance, and a head approves an employee’s registration', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // The trainer works for ROPS Kielce (their active institution after logging in).
  await login(page, 'trener');
  await page.goto('/szkolenia?karta=prowadzone');
  await expect(page.getByRole('tab', { name: 'Prowadzone', selected: true })).toBeVisible();
  const workshop = 'Kooperacja w praktyce — warsztaty dwudniowe';
  await page.getByRole('link', { name: workshop }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: workshop })).toBeVisible();
  for (const tab of ['Edycje', 'Pytania testu', 'Lekcje', 'Statystyki']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab, selected: true })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expectNoAxeViolations(page, `training page, tab ${tab}`);
  }
  // Statistics count staff supported and raised, as the project's indicators do.
  await expect(page.getByText('Pracownicy objęci wsparciem').first()).toBeVisible();

  // An edition held in the past: its registrations with tests and certificates, the attendance grid.
  await page.getByRole('tab', { name: 'Edycje' }).click();
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('table', { name: 'Zgłoszenia na edycję' })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expectNoAxeViolations(page, 'edition page');

  // The head of MGOPS Chęciny decides the self-registrations of the centre's staff.
  await page.context().clearCookies();
  await login(page, 'kierownik.checiny');
  await page.goto('/szkolenia?karta=akceptacja');
  const table = page.getByRole('table', { name: 'Zgłoszenia do akceptacji' });
  await expect(table).toBeVisible();
  await expectNoAxeViolations(page, 'approvals');
  const before = await table.getByRole('row').count();
  await table
    .getByRole('button', { name: /^Akceptuj zgłoszenie:/ })
    .first()
    .click();
  await expect(page.getByText(/^Zaakceptowano zgłoszenie:/)).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(before - 1);
});
