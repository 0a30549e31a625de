import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, login, todayTyped } from './support';

// The journey of issue 7 ("Recruitment and participants") on the demonstration project "Aktywni w
// Andrychowie" (server/src/modules/participants/demo.ts), whose call AKT-<year> is open: an applicant
// sends the public form on a phone; the coordinator verifies the application, approves the ranking
// and enrols the applicant; records the attendance list of the workshop; ends the participation with
// a result; the project's indicator of participants moves; the SM EFS file carries the participant.
// The steps run in order on one database; every page passed is checked with axe.
test.describe.configure({ mode: 'serial', timeout: 150_000 });

const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric' }).format(
  new Date(),
);
const CALL = `AKT-${year}`;
const PROJECT = /^Aktywni w Andrychowie/;

/** A valid PESEL of a woman born on 14.03.1986 with a serial from the clock (reruns differ). */
function pesel(serial: number): string {
  const digits = `860314${String(serial % 1000).padStart(3, '0')}${(serial % 5) * 2}`;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = weights.reduce((s, w, i) => s + w * Number(digits[i]), 0);
  return `${digits}${(10 - (sum % 10)) % 10}`;
}
const applicant = { first: 'Halina', last: 'Jaworska', pesel: pesel(Math.floor(Date.now() / 1000)) };
const FULL = `${applicant.first} ${applicant.last}`;
const journey = { number: '', projectPath: '', participantPath: '' };

/** Picks `option` in the Mantine select labelled `label`. */
async function choose(page: Page, scope: Page | Locator, label: string | RegExp, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}
const text = (scope: Page | Locator, name: string | RegExp) =>
  scope.getByRole('textbox', { name, exact: true });

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('an applicant sends the public application form without logging in', async ({ page }) => {
    await page.goto(`/nabor/${CALL}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Aktywni w Andrychowie');
    await expectNoAxeViolations(page, 'the public application form');

    await page.getByRole('radio', { name: 'Formularz zgłoszenia na formy wsparcia' }).check();
    await text(page, 'Imię').fill(applicant.first);
    await text(page, 'Nazwisko').fill(applicant.last);
    await text(page, 'PESEL').fill(applicant.pesel);
    await text(page, 'Gmina zamieszkania').fill('Andrychów');
    await page.getByRole('option', { name: /^Andrychów \(gmina miejsko-wiejska/ }).click();
    await text(page, 'Ulica i numer domu').fill('ul. Krakowska 5');
    await text(page, 'Kod pocztowy').fill('34-120');
    await text(page, 'Miejscowość').fill('Andrychów');
    await text(page, 'Telefon').fill('600700800');
    await choose(page, page, 'Wykształcenie', 'Ponadgimnazjalne (ISCED 3)');
    await page
      .getByRole('radiogroup', { name: /Czy jesteś osobą z niepełnosprawnościami/ })
      .getByRole('radio', { name: 'Nie', exact: true })
      .check();
    await page.getByRole('checkbox', { name: /^Korzystanie ze świadczeń pomocy społecznej/ }).check();
    await choose(page, page, /Jakiego wsparcia/, 'Warsztaty kompetencji społecznych');
    await page.getByRole('checkbox', { name: /Zapoznałam\/zapoznałem się: Klauzula informacyjna/ }).check();
    await page.getByRole('checkbox', { name: 'Oświadczenie o prawdziwości danych' }).check();
    await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();

    await expect(page.getByRole('heading', { name: 'Zgłoszenie zostało wysłane' })).toBeVisible();
    const number = await page
      .getByText(new RegExp(`^${CALL}/\\d{4}$`))
      .first()
      .textContent();
    journey.number = (number ?? '').trim();
    expect(journey.number).toMatch(new RegExp(`^${CALL}/\\d{4}$`));
    await expect(page.getByRole('link', { name: 'Pobierz kopię zgłoszenia (PDF)' })).toBeVisible();
    await expectNoAxeViolations(page, 'the confirmation of the public form');
  });
});

test.describe('the coordinator', () => {
  test.beforeEach(async ({ page }) => {
    await login(page, 'koordynator.andrychow');
  });

  test('verifies the application, approves the ranking and enrols the applicant', async ({ page }) => {
    expect(journey.number, 'the public form step ran first').not.toBe('');
    await page.goto('/projekty');
    await page.getByRole('link', { name: PROJECT }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Aktywni w Andrychowie');
    journey.projectPath = new URL(page.url()).pathname;

    await page.getByRole('tab', { name: 'Nabór' }).click();
    const applications = page.getByRole('table', { name: /^Zgłoszenia naboru/ });
    const row = applications.getByRole('row').filter({ hasText: journey.number });
    await expect(row).toBeVisible();
    await expect(row).toContainText(FULL);
    await row.getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(journey.number);
    await expect(page.getByText('Spełnia kryteria uczestnictwa.')).toBeVisible();
    await expectNoAxeViolations(page, 'the application page');

    // The ranking of the cohort: the application is on the list; approving qualifies it.
    await page.goto(`${journey.projectPath}?karta=nabor`);
    const ranking = page.getByRole('table', { name: /Lista rankingowa i rezerwowa grupy/ });
    await expect(ranking.getByRole('row').filter({ hasText: journey.number })).toContainText(
      'lista podstawowa',
    );
    await expectNoAxeViolations(page, 'the recruitment tab with the ranking');
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Zatwierdź listę rankingową' }).click();
    await expect(page.getByText(/^Zatwierdzono: zakwalifikowane/)).toBeVisible();

    await applications.getByRole('row').filter({ hasText: journey.number }).getByRole('link').first().click();
    await page.getByRole('link', { name: 'Przyjmij do projektu' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Zapisz uczestnika' })).toBeVisible();
    await expect(text(page, 'Nazwisko')).toHaveValue(applicant.last);

    const joinedOn = text(page, 'Data rozpoczęcia udziału w projekcie');
    if (!(await joinedOn.inputValue())) {
      await joinedOn.fill(todayTyped());
      await joinedOn.press('Tab');
    }
    // What the public form does not ask: DEGURBA (no table row for Andrychów yet) and the SM EFS characteristics.
    await choose(page, page, /Obszar według stopnia urbanizacji/, /^Małe miasta i przedmieścia/);
    await choose(
      page,
      page,
      'Status na rynku pracy w chwili przystąpienia do projektu',
      'Osoba bezrobotna zarejestrowana w ewidencji urzędów pracy',
    );
    await choose(page, page, 'W tym', 'Osoba długotrwale bezrobotna');
    for (const group of [
      'Osoba obcego pochodzenia',
      'Obywatel państwa trzeciego',
      /^Osoba należąca do mniejszości narodowej/,
      'Osoba bezdomna lub dotknięta wykluczeniem z dostępu do mieszkań',
    ])
      await page
        .getByRole('radiogroup', { name: group })
        .getByRole('radio', { name: 'Nie', exact: true })
        .check();
    await expectNoAxeViolations(page, 'the enrolment form');
    await page.getByRole('button', { name: 'Zapisz uczestnika' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toContainText(applicant.last);
    await expect(page.getByText(/^40 lat \(zablokowany\)$/)).toBeVisible();
    journey.participantPath = new URL(page.url()).pathname;
    await expectNoAxeViolations(page, 'the participant page');
  });

  test('records the attendance list of the workshop', async ({ page }) => {
    await page.goto(`${journey.projectPath}?karta=wsparcie`);
    await page.getByRole('link', { name: 'Warsztaty kompetencji społecznych' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Warsztaty kompetencji społecznych');
    // The latest session held has an empty list (demo): fill it in, one participant absent.
    await page
      .getByRole('button', { name: /^Lista obecności / })
      .first()
      .click();
    const boxes = page.getByRole('checkbox', { name: /^Obecność: / });
    await expect(boxes).toHaveCount(3);
    for (const box of await boxes.all()) await box.check();
    await boxes.nth(2).uncheck();
    await expectNoAxeViolations(page, 'the attendance list');
    await page.getByRole('button', { name: 'Zapisz listę obecności' }).click();
    await expect(page.getByText('Lista wypełniona: 2 osoby obecne').first()).toBeVisible();
  });

  test('ends the participation with a result, and the indicators and the SM EFS file follow', async ({
    page,
  }) => {
    await page.goto(journey.participantPath);
    const form = page.locator('form[aria-labelledby="participant-exit-form"]');
    const leftOn = form.getByRole('textbox', { name: 'Data zakończenia udziału w projekcie' });
    await leftOn.fill(todayTyped());
    await leftOn.press('Tab');
    await form.getByRole('checkbox', { name: 'Poszukuje pracy', exact: true }).check();
    await form
      .getByRole('radiogroup', { name: /Zakończenie udziału zgodnie z zaplanowaną ścieżką/ })
      .getByRole('radio', { name: 'Tak', exact: true })
      .check();
    await form.getByRole('checkbox', { name: 'Poszukuje pracy po opuszczeniu programu' }).check();
    await form.getByRole('button', { name: 'Zapisz zakończenie' }).click();
    await expect(form.getByText('Popraw dane zakończenia udziału')).toBeVisible();

    // The participants indicator (EECO01) counts the new participant once measured.
    await page.goto(`${journey.projectPath}?karta=wskazniki`);
    const eeco01 = page
      .getByRole('row')
      .filter({ hasText: /Liczba uczestników|EECO01/ })
      .first();
    await eeco01.getByRole('button').first().click();
    await page.getByRole('button', { name: 'Zapisz pomiar teraz' }).first().click();
    // The current value (fourth cell: type, baseline, target, current): 3 enrolled by the demo + 1.
    await expect(eeco01.getByRole('cell').nth(3).locator('p').first()).toHaveText('4');

    // SM EFS: the report and the file with the participant's row.
    await page.goto(`${journey.projectPath}/smefs`);
    await expect(page.getByRole('heading', { level: 1, name: 'Uczestnicy w SM EFS' })).toBeVisible();
    await expectNoAxeViolations(page, 'the SM EFS page');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('link', { name: 'Pobierz CSV' })
        .or(page.getByRole('button', { name: 'Pobierz CSV' }))
        .first()
        .click(),
    ]);
    const csv = await readFile((await download.path()) as string, 'utf8');
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header?.split(';').slice(0, 3)).toEqual(['Imię', 'Nazwisko', 'PESEL/Inny identyfikator']);
    const mine = rows.find((r) => r.includes(applicant.pesel));
    expect(mine).toContain(`${applicant.first};${applicant.last}`);
    expect(mine).toContain(journey.number);
  });
});
