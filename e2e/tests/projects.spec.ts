import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, login } from './support';

// Programmes, projects and indicators as a project coordinator uses them on the demo data: the
// coordinator of ROPS Kraków opens the Kooperacje 3D project (seed 004), sees its budget split and
// the progress of its indicators over time, enters a value with a scanned confirmation, and freezes
// the reporting period 2022. Several axe runs: more than the default minute on a busy machine.
test.describe.configure({ timeout: 150_000 });

const text = (scope: Page | Locator, name: string) => scope.getByRole('textbox', { name, exact: true });

/** A minimal PDF (the server checks the file by its bytes). */
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

test('a coordinator follows Kooperacje 3D: budget split, indicator progress, a value with evidence, a frozen period', async ({
  page,
}) => {
  await login(page, 'koordynator.krakow');
  await page.goto('/projekty');
  await expect(page.getByRole('heading', { level: 1, name: 'Projekty' })).toBeVisible();
  await expectNoAxeViolations(page, 'project portfolio list');
  await page.getByRole('link', { name: 'Kooperacje 3D' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kooperacje 3D');

  // The budget split to the grosz, with the co-financing rate computed (seed 004: 84,72 %).
  const money = page.getByRole('table', { name: /Źródła finansowania/ });
  await expect(money).toContainText('19 215 910,07 zł');
  await expect(money).toContainText('84,72 %');
  await expect(page.getByText('22 681 431,03 zł').first()).toBeVisible();
  await expectNoAxeViolations(page, 'project — overview');

  // Indicators: progress to target, and the value over time for one of them.
  await page.getByRole('tab', { name: 'Wskaźniki' }).click();
  const indicators = page.getByRole('table', { name: /Wskaźniki projektu z wartością/ });
  await expect(indicators).toBeVisible();
  const persons = indicators.getByRole('button', { name: /Liczba osób i rodzin objętych wsparciem/ });
  await persons.click();
  await expect(page.getByRole('heading', { name: 'Wartość w czasie' })).toBeVisible();
  await expect(page.getByRole('img', { name: /w czasie na tle celu/ })).toBeVisible();
  await expectNoAxeViolations(page, 'project — indicators with the chart');

  // A value at the end of the project with its evidence.
  await page.getByRole('button', { name: 'Wprowadź wartość' }).click();
  const form = page.getByRole('dialog');
  await text(form, 'Data pomiaru').fill('30.09.2023');
  await text(form, 'Data pomiaru').press('Tab');
  await form.getByRole('textbox', { name: /^Wartość/ }).fill('241');
  await text(form, 'Źródło danych').fill('Umowy uczestnictwa i listy obecności — stan na koniec projektu');
  await form.locator('input[type="file"]').setInputFiles({
    name: 'zestawienie-uczestnikow.pdf',
    mimeType: 'application/pdf',
    buffer: pdf,
  });
  await expectNoAxeViolations(page, 'project — value form');
  await form.getByRole('button', { name: 'Zapisz wartość' }).click();
  await expect(form).toBeHidden();
  const history = page
    .getByRole('table', { name: /Wartości wskaźnika .* w kolejnych pomiarach|Zapisane wartości/ })
    .last();
  await expect(page.getByText('zestawienie-uczestnikow.pdf').first()).toBeVisible();
  await expect(history).toBeVisible();
  await expect(indicators).toContainText('241');

  // Freezing the reporting period 2022: its figures are kept as reported.
  const period = page.getByRole('article', { name: /^2022 \(01\.01\.2022/ });
  await period.getByRole('button', { name: 'Zamroź okres' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('Tej operacji nie można cofnąć');
  await confirm.getByRole('button', { name: 'Zamroź', exact: true }).click();
  await expect(period).toContainText('Zamroził(a)');
  await expect(period.getByRole('button', { name: 'Zamroź okres' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'project — frozen period');
});

test('the portfolio, the indicator library and the programme catalogue open with their content', async ({
  page,
}) => {
  await login(page, 'analityk.kielce');
  await page.goto('/projekty/portfel');
  await expect(page.getByRole('heading', { level: 1, name: 'Portfel wskaźników' })).toBeVisible();
  await expect(page.getByText(/Koordynacja polityki społecznej/).first()).toBeVisible();
  await expectNoAxeViolations(page, 'indicator portfolio');
  await page.goto('/wskazniki');
  await expect(page.getByRole('heading', { level: 1, name: 'Biblioteka wskaźników' })).toBeVisible();
  await expect(page.getByText('EECO01').first()).toBeVisible();
  await expectNoAxeViolations(page, 'indicator library');
  await page.goto('/programy');
  await expect(page.getByRole('heading', { level: 1, name: 'Katalog programów' })).toBeVisible();
  await expectNoAxeViolations(page, 'programme catalogue');
});
