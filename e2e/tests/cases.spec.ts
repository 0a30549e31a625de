import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, login } from './support';

// The journey of issue 4 ("Persons, families and cases") as a social worker sees it: register a
// family of four, open a case, diagnose, agree a kontrakt socjalny, work it, close it. Every page
// passed on the way is checked with axe. The journey is cut into steps that run in order on one
// database (each step goes on from where the previous one left); the last step checks need-to-know
// on the case created.

// The steps depend on each other; a long one (four persons registered) gets more than the default
// minute when the machine is busy.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

/** A valid PESEL (checksum, month coded for the century) of a person born on `born`. */
function pesel(born: Date, serial: number, female: boolean): string {
  const y = born.getUTCFullYear();
  const month = born.getUTCMonth() + 1 + (y >= 2000 ? 20 : 0);
  const two = (n: number) => String(n).padStart(2, '0');
  const sexDigit = (serial % 5) * 2 + (female ? 0 : 1);
  const digits = `${two(y % 100)}${two(month)}${two(born.getUTCDate())}${String(serial % 1000).padStart(3, '0')}${sexDigit}`;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = weights.reduce((s, w, i) => s + w * Number(digits[i]), 0);
  return `${digits}${(10 - (sum % 10)) % 10}`;
}

const DAY = 86_400_000;
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);
/** 31.12.2026 as typed into a date field. */
const typed = (date: Date) =>
  `${String(date.getDate()).padStart(2, '0')}.${String(date.getMonth() + 1).padStart(2, '0')}.${date.getFullYear()}`;

// Birth dates and serial numbers from the clock: a rerun on the same database registers new
// PESELs (the registry refuses a PESEL twice) and no near-duplicate of the previous run.
const seed = Math.floor(Date.now() / 1000);
const offset = seed % 3650;
const serial = Math.floor(seed / 3650) % 1000;
const headBorn = addDays(new Date(Date.UTC(1980, 0, 1)), offset);
const family = {
  head: { first: 'Tomasz', last: 'Zawadzki', pesel: pesel(headBorn, serial, false) },
  spouse: { first: 'Anna', last: 'Zawadzka', pesel: pesel(addDays(headBorn, 400), serial, true) },
  son: {
    first: 'Kacper',
    last: 'Zawadzki',
    pesel: pesel(addDays(new Date(Date.UTC(2012, 0, 1)), offset % 1500), serial, false),
  },
  daughter: {
    first: 'Zuzanna',
    last: 'Zawadzka',
    pesel: pesel(addDays(new Date(Date.UTC(2015, 0, 1)), offset % 1500), serial, true),
  },
};
const FAMILY = 'Rodzina Zawadzkich';

/** What the steps pass on: the household's and the case's addresses, the case number. */
const journey = { householdPath: '', casePath: '', caseNumber: '' };

const goals = [
  {
    goal: 'Podjęcie zatrudnienia przez ojca',
    action: 'Rejestracja w urzędzie pracy i udział w szkoleniu zawodowym',
    institution: 'Urząd Pracy',
  },
  { goal: 'Spłata zaległości czynszowych', action: 'Comiesięczna spłata raty zadłużenia', client: true },
  { goal: 'Poprawa sytuacji materialnej', action: 'Przyznanie zasiłku celowego na opłaty' },
];

/** Picks `option` in the Mantine select labelled `label` inside `scope`. */
async function choose(page: Page, scope: Page | Locator, label: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

/** A text field (input or textarea) by its label, as a screen reader names it (no "*"). */
const text = (scope: Page | Locator, name: string) => scope.getByRole('textbox', { name, exact: true });

/** Types a date (DD.MM.RRRR) into a date field and leaves it. */
async function typeDate(field: Locator, date: Date) {
  await field.fill(typed(date));
  await field.press('Tab');
}

/** Fills the person form (page or dialog) with a name and a PESEL and submits it. */
async function registerPerson(scope: Page | Locator, person: { first: string; last: string; pesel: string }) {
  await text(scope, 'Imię (imiona)').fill(person.first);
  await text(scope, 'Nazwisko').fill(person.last);
  await text(scope, 'PESEL').fill(person.pesel);
  await expect(scope.getByText(/^PESEL poprawny/).first()).toBeVisible();
  await scope.getByRole('button', { name: 'Zarejestruj osobę' }).click();
}

/** Waits for the page's data (no skeleton) and runs axe; the journey then goes on in the page. */
async function checkA11y(page: Page, what: string) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.mantine-Skeleton-root')).toHaveCount(0);
  await expectNoAxeViolations(page, what);
}

/** Moves the case one step through the status flow with the stepper's dialog. */
async function moveTo(page: Page, status: string) {
  await page.getByRole('button', { name: `Przejdź do etapu „${status}”` }).click();
  const dialog = page.getByRole('dialog', { name: `Przejście do etapu „${status}”` });
  await dialog.getByRole('button', { name: 'Zmień etap' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('listitem').and(page.locator('[aria-current="step"]'))).toContainText(status);
}

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

/** The plan on the "Plany i kontrakty" tab. */
const contract = (page: Page) => page.getByRole('article', { name: 'Kontrakt socjalny' });

test.describe('a family in the care of a social worker', () => {
  test.beforeEach(async ({ page }) => {
    await login(page, 'pracownik.bochnia');
  });

  test('registers a family of four', async ({ page }) => {
    // — The registry of persons: register the head of the family.
    await page.goto('/osoby');
    await expect(page.getByRole('heading', { level: 1, name: 'Osoby i rodziny' })).toBeVisible();
    await checkA11y(page, '/osoby');
    await page.getByRole('link', { name: 'Zarejestruj osobę' }).click();
    await expect(page).toHaveURL(/\/osoby\/nowa$/);
    await checkA11y(page, '/osoby/nowa');

    const form = page.getByRole('form', { name: 'Rejestracja osoby' });
    await text(form, 'Gmina').fill('Bochnia');
    await page.getByRole('option', { name: /^Bochnia \(gmina miejska, powiat bocheński/ }).click();
    await text(form, 'Ulica i numer domu / lokalu').fill('ul. Kazimierza Wielkiego 12/4');
    await text(form, 'Kod pocztowy').fill('32-700');
    await text(form, 'Miejscowość').fill('Bochnia');
    await text(form, 'Telefon').fill('600 100 200');
    await registerPerson(form, family.head);

    await expect(page.getByRole('heading', { level: 1, name: 'Tomasz Zawadzki' })).toBeVisible();
    await expect(page.getByText(`PESEL ${family.head.pesel}`)).toBeVisible();
    await checkA11y(page, 'person page');

    // — The household: the head, the spouse registered on the spot, then the two children.
    await page.getByRole('link', { name: 'Utwórz rodzinę z tą osobą jako prowadzącą' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Nowa rodzina (gospodarstwo domowe)' }),
    ).toBeVisible();
    await expect(text(page, 'Nazwa rodziny')).toHaveValue(FAMILY);
    await expect(page.getByRole('cell', { name: 'Tomasz Zawadzki', exact: true })).toBeVisible();
    await checkA11y(page, '/rodziny/nowa');

    await page.getByRole('button', { name: 'Zarejestruj nową osobę' }).click();
    const newPerson = page.getByRole('dialog', { name: 'Zarejestruj nową osobę' });
    await expect(text(newPerson, 'Nazwisko')).toHaveValue('Zawadzki');
    await expectNoAxeViolations(page, 'the dialog registering a family member');
    await registerPerson(newPerson, family.spouse);
    await expect(newPerson).toBeHidden();
    await choose(page, page, 'Relacja do osoby prowadzącej: Anna Zawadzka', 'Małżonek / małżonka');
    await page.getByRole('button', { name: 'Utwórz rodzinę' }).click();

    await expect(page.getByRole('heading', { level: 1, name: FAMILY })).toBeVisible();
    await expect(page).toHaveURL(/\/rodziny\/[^/]+$/);
    journey.householdPath = new URL(page.url()).pathname;
    const addMember = page.getByRole('form', { name: 'Dodaj członka' });
    for (const child of [family.son, family.daughter]) {
      await addMember.getByRole('button', { name: 'Zarejestruj nową osobę' }).click();
      const dialog = page.getByRole('dialog', { name: 'Zarejestruj nową osobę' });
      await registerPerson(dialog, child);
      await expect(dialog).toBeHidden();
      await choose(page, addMember, 'Relacja do osoby prowadzącej', 'Dziecko');
      await addMember.getByRole('button', { name: 'Dodaj', exact: true }).click();
      await expect(
        page.getByTestId('household-current').getByRole('link', { name: `${child.first} ${child.last}` }),
      ).toBeVisible();
    }
    await expect(page.getByTestId('household-current').getByRole('row')).toHaveCount(5);
    await checkA11y(page, '/rodziny/:id');
  });

  test('opens a case for the family and records the diagnosis', async ({ page }) => {
    expect(journey.householdPath).not.toBe('');
    await page.goto(journey.householdPath);

    // — The case for the family: source, reasons with a main one.
    await page.getByRole('link', { name: 'Załóż sprawę rodziny' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nowa sprawa' })).toBeVisible();
    await expect(page.getByTestId('chosen-household')).toHaveText(FAMILY);
    await checkA11y(page, '/sprawy/nowa');
    await choose(page, page, 'Źródło zgłoszenia', 'Wniosek własny');
    const reasons = page.getByTestId('reasons-field');
    await reasons.getByRole('checkbox', { name: 'Ubóstwo' }).check();
    await reasons.getByRole('checkbox', { name: 'Bezrobocie' }).check();
    await reasons.getByRole('radio', { name: 'Główny powód: Bezrobocie' }).check();
    await text(page, 'Opis sytuacji').fill(
      'Ojciec stracił pracę, rodzina ma zaległości w opłatach za mieszkanie.',
    );
    await page.getByRole('button', { name: 'Załóż sprawę' }).click();

    const title = page.getByRole('heading', {
      level: 1,
      name: new RegExp(`^Sprawa SPR/\\d{4}/\\d+ — ${FAMILY}$`),
    });
    await expect(title).toBeVisible();
    journey.casePath = new URL(page.url()).pathname;
    expect(journey.casePath).toMatch(/^\/sprawy\/[^/]+$/);
    journey.caseNumber = /SPR\/\d{4}\/\d+/.exec((await title.textContent()) ?? '')?.[0] ?? '';
    const summary = page.getByRole('region', { name: 'Kto i dlaczego' });
    await expect(summary).toContainText('Bezrobocie');
    await expect(summary).toContainText('Kacper Zawadzki — Dziecko');

    // — Diagnosis (the tab the case opens on) and its four areas.
    await expect(page.getByRole('tab', { name: 'Diagnoza' })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Zapisz pierwszą diagnozę' }).click();
    const diagnosis = page.getByRole('form', { name: 'Aktualizacja diagnozy' });
    await expect(diagnosis).toBeVisible();
    await checkA11y(page, 'case page, diagnosis form');
    const areas: Record<string, string> = {
      'Przyczyny i źródła trudnej sytuacji': 'Utrata pracy przez ojca po likwidacji zakładu.',
      'Mocne strony': 'Rodzina zgodna, rodzice zaangażowani w opiekę nad dziećmi.',
      'Słabe strony': 'Brak oszczędności, zadłużenie czynszowe.',
      Zasoby: 'Matka pracuje na pół etatu; wsparcie dziadków.',
      Deficyty: 'Ojciec bez aktualnych kwalifikacji zawodowych.',
      Oczekiwania: 'Pomoc w znalezieniu pracy i spłacie zadłużenia.',
      Potrzeby: 'Aktywizacja zawodowa ojca, doradztwo finansowe.',
    };
    for (const [label, value] of Object.entries(areas)) await text(diagnosis, label).fill(value);
    await diagnosis.getByRole('button', { name: 'Zapisz nową wersję' }).click();
    await expect(diagnosis).toBeHidden();
    await expect(page.getByText('Utrata pracy przez ojca po likwidacji zakładu.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Diagnoza' })).toContainText('Wersja 1');
    await expect(page.getByRole('region', { name: 'Historia wersji diagnozy' })).toBeVisible();
    await checkA11y(page, 'case page, diagnosis tab');

    // — zgłoszenie → diagnoza → plan.
    await moveTo(page, 'Diagnoza');
    await moveTo(page, 'Plan');
  });

  test('agrees a kontrakt socjalny with three goals, signs it and downloads the PDF', async ({ page }) => {
    expect(journey.casePath).not.toBe('');
    await page.goto(`${journey.casePath}?zakladka=plany`);
    await expect(page.getByRole('tab', { name: 'Plany i kontrakty' })).toHaveAttribute(
      'aria-selected',
      'true',
    );

    // — The kontrakt socjalny, variant A: three goals, each with an action.
    await page.getByRole('button', { name: 'Nowy plan' }).click();
    const editor = page.getByRole('form', { name: 'Nowy plan' });
    await expect(editor).toBeVisible();
    await checkA11y(page, 'case page, plan editor');
    await editor.getByRole('radio', { name: /^A — przezwyciężenie trudnej sytuacji życiowej/ }).check();
    await text(editor, 'Ocena sytuacji').fill(
      'Rodzina czteroosobowa w trudnej sytuacji po utracie pracy przez ojca.',
    );
    const today = new Date();
    for (const [i, g] of goals.entries()) {
      const n = i + 1;
      if (n > 1) await editor.getByRole('button', { name: 'Dodaj cel' }).click();
      const goal = editor.getByRole('listitem', { name: `Cel ${n}` });
      await text(goal, `Opis celu ${n}`).fill(g.goal);
      await goal.getByRole('button', { name: `Dodaj działanie do celu ${n}` }).click();
      const action = goal.getByRole('group', { name: `Działanie ${n}.1` });
      await text(action, 'Działanie').fill(g.action);
      if (g.client) {
        await choose(page, action, 'Kto realizuje', 'Osoba / rodzina (zobowiązanie klienta)');
        await expect(action.getByText('Zobowiązanie osoby lub rodziny')).toBeVisible();
      } else if (g.institution) {
        // Any institution of the registry, not only the case's owner.
        await action
          .getByRole('combobox', { name: 'Instytucja odpowiedzialna', exact: true })
          .fill(g.institution);
        await page.getByRole('option', { name: /^Powiatowy Urząd Pracy w Bochni/ }).click();
        await text(action, 'Osoba odpowiedzialna').fill('doradca zawodowy');
      }
      await typeDate(text(action, 'Termin'), addDays(today, 7 * n));
    }
    await choose(page, editor, 'Status planu', 'W realizacji');
    await typeDate(text(editor, 'Data podpisu pracownika'), today);
    await typeDate(text(editor, 'Data podpisu osoby / rodziny'), today);
    await editor.getByRole('button', { name: 'Utwórz plan' }).click();
    await expect(editor).toBeHidden();

    const plan = contract(page);
    await expect(plan).toContainText('W realizacji');
    await expect(plan).toContainText('Powiatowy Urząd Pracy w Bochni — doradca zawodowy');
    await expect(plan).toContainText('Osoba / rodzina (zobowiązanie klienta)');
    await expect(plan).toContainText('Wykonane działania: 0 z 3');
    await checkA11y(page, 'case page, plans tab with the contract');

    // — The contract as a PDF: downloaded, and a real PDF.
    const pdfLink = plan.getByRole('link', { name: 'Pobierz kontrakt socjalny (PDF)' });
    const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = await readFile(await download.path());
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await page.request.get((await pdfLink.getAttribute('href')) ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  test('sees the actions of the plan in "Moje zadania", on the home page and in the case list', async ({
    page,
  }) => {
    expect(journey.caseNumber).not.toBe('');
    await page.goto('/zadania');
    await expect(page.getByRole('heading', { level: 1, name: 'Moje zadania' })).toBeVisible();
    const ourTasks = page
      .getByRole('listitem')
      .filter({ hasText: `Sprawa ${journey.caseNumber} — ${FAMILY}` });
    await expect(ourTasks).toHaveCount(3);
    for (const g of goals) await expect(ourTasks.getByRole('link', { name: g.action })).toBeVisible();
    await checkA11y(page, '/zadania');

    await page.goto('/');
    const tasksCard = page.getByRole('region', { name: 'Moje zadania' });
    await expect(tasksCard.getByTestId('tasks-overdue')).toBeVisible();
    await expect(tasksCard.getByRole('link', { name: 'Otwórz moje zadania' })).toBeVisible();
    await checkA11y(page, 'home page with the tasks card');

    await page.goto('/sprawy');
    await expect(
      page.getByRole('row', { name: new RegExp(`^${journey.caseNumber} ${FAMILY}`) }),
    ).toContainText('Bezrobocie');
    await checkA11y(page, '/sprawy');
  });

  test('records a visit, completes the actions and closes the case', async ({ page }) => {
    expect(journey.casePath).not.toBe('');
    await page.goto(journey.casePath);

    // — plan → realizacja; a home visit in the timeline.
    await moveTo(page, 'Realizacja');
    await openTab(page, 'Przebieg sprawy');
    await page.getByRole('button', { name: 'Dodaj wpis' }).click();
    const entry = page.getByRole('form', { name: 'Nowy wpis w przebiegu sprawy' });
    await expect(entry.getByRole('combobox', { name: 'Rodzaj wpisu', exact: true })).toHaveValue(
      'Wizyta w miejscu zamieszkania',
    );
    await text(entry, 'Tytuł').fill('Wizyta u rodziny Zawadzkich');
    await text(entry, 'Treść').fill('Rodzina w komplecie; omówiono kontrakt i terminy działań.');
    await checkA11y(page, 'case page, timeline tab with the entry form');
    await entry.getByRole('button', { name: 'Zapisz wpis' }).click();
    await expect(entry).toBeHidden();
    const timeline = page.getByRole('list', { name: 'Wpisy, od najnowszego' });
    await expect(timeline.getByRole('listitem', { name: 'Wizyta u rodziny Zawadzkich' })).toBeVisible();

    // — The case data and team.
    await openTab(page, 'Dane i zespół');
    await expect(page.getByRole('region', { name: 'Zespół sprawy' })).toBeVisible();
    await checkA11y(page, 'case page, data and team tab');

    // — Every action done.
    await openTab(page, 'Plany i kontrakty');
    const plan = contract(page);
    for (const g of goals) {
      await plan.getByRole('button', { name: `Zmień status działania: ${g.action}` }).click();
      const dialog = page.getByRole('dialog', { name: 'Zmiana statusu działania' });
      await expect(dialog.getByRole('combobox', { name: 'Status działania', exact: true })).toHaveValue(
        'Wykonane',
      );
      await text(dialog, 'Notatka').fill('Wykonano zgodnie z kontraktem.');
      await dialog.getByRole('button', { name: 'Zapisz zmiany' }).click();
      await expect(dialog).toBeHidden();
    }
    await expect(plan).toContainText('Wykonane działania: 3 z 3');

    // — realizacja → monitorowanie → zamknięta.
    await moveTo(page, 'Monitorowanie');
    await page.getByRole('button', { name: 'Zamknij sprawę' }).click();
    const close = page.getByRole('dialog', { name: 'Zamknięcie sprawy' });
    await choose(page, close, 'Powód zamknięcia', 'Cel osiągnięty');
    await text(close, 'Podsumowanie efektów').fill('Ojciec podjął pracę, zaległości spłacone.');
    await close.getByRole('button', { name: 'Zamknij sprawę' }).click();
    await expect(close).toBeHidden();

    await expect(page.locator('li[aria-current="step"]')).toContainText('Zamknięta');
    const summary = page.getByRole('region', { name: 'Kto i dlaczego' });
    await expect(summary).toContainText('Cel osiągnięty');
    await expect(summary).toContainText('Ojciec podjął pracę, zaległości spłacone.');
    await openTab(page, 'Przebieg sprawy');
    await expect(page.getByRole('button', { name: 'Dodaj wpis' })).toHaveCount(0);
    for (const title of [
      'Założono sprawę',
      'Zapisano diagnozę',
      'Zmiana statusu: Zgłoszenie → Diagnoza',
      'Zmiana statusu: Diagnoza → Plan',
      'Utworzono plan: Kontrakt socjalny',
      'Plan podpisany i w realizacji: Kontrakt socjalny',
      'Zmiana statusu: Plan → Realizacja',
      'Wizyta u rodziny Zawadzkich',
      ...goals.map((g) => g.action),
      'Zmiana statusu: Realizacja → Monitorowanie',
      'Zamknięto sprawę: Monitorowanie → Zamknięta',
    ]) {
      await expect(timeline.getByRole('listitem', { name: title }).first()).toBeVisible();
    }
  });
});

test('need-to-know: another worker gets "not found" for the case, the supervisor sees it', async ({
  browser,
  baseURL,
}) => {
  expect(journey.casePath).not.toBe('');
  const contextOptions = { baseURL, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' };

  // Another worker of the same institution: for them the case does not exist.
  const colleague = await browser.newContext(contextOptions);
  const page = await colleague.newPage();
  await login(page, 'pracownik2.bochnia');
  const apiPath = journey.casePath.replace(/^\/sprawy\//, '/api/cases/');
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === apiPath);
  await page.goto(journey.casePath);
  expect((await answer).status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Sprawa' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(
    'Nie znaleziono rekordu albo nie masz do niego dostępu.',
  );
  await expect(page.getByText(FAMILY)).toHaveCount(0);
  await colleague.close();

  // The supervisor sees every case of the institution.
  const supervisor = await browser.newContext(contextOptions);
  const supervisorPage = await supervisor.newPage();
  await login(supervisorPage, 'kierownik.bochnia');
  await supervisorPage.goto(journey.casePath);
  await expect(
    supervisorPage.getByRole('heading', { level: 1, name: new RegExp(`— ${FAMILY}$`) }),
  ).toBeVisible();
  await expect(supervisorPage.locator('li[aria-current="step"]')).toContainText('Zamknięta');
  await supervisor.close();
});
