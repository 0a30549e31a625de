import fs from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, login, todayTyped } from './support';

// Regional monitoring (docs/region.md): the ROPS Kielce analyst and the Świętokrzyskie demo register
// (102 gminy and 14 powiaty, every one with an LPDI entry; server/src/modules/region/demo.ts).

test.describe.configure({ mode: 'serial' });

test('a ROPS analyst opens the map of the region, switches to powiaty and exports it as PNG, CSV and the report', async ({
  page,
}) => {
  await login(page, 'analityk.kielce');
  await page.goto('/region');
  await expect(page).toHaveURL(/\/region\/26/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Monitoring regionalny — świętokrzyskie' }),
  ).toBeVisible();

  const map = page.getByTestId('poland-map');
  await expect(map).toHaveAttribute('data-level', 'gmina');
  await expect(map.locator('path[data-teryt]')).toHaveCount(102);
  // Every gmina has an LPDI status on the map and in the table beside it.
  const table = page.getByRole('table', { name: /^Gminy: ludność i wartość miary „Status LPDI”/ });
  await expect(table.getByRole('row')).toHaveCount(103);
  await expect(page.getByText('JST z przyjętym LPDI')).toBeVisible();
  await expectNoAxeViolations(page, 'regional dashboard');

  await page.getByRole('radiogroup', { name: 'Poziom' }).getByText('Powiaty', { exact: true }).click();
  await expect(page).toHaveURL(/poziom=powiat/);
  await expect(map).toHaveAttribute('data-level', 'powiat');
  await expect(map.locator('path[data-teryt]')).toHaveCount(14);
  const powiaty = page.getByRole('table', { name: /^Powiaty: ludność i wartość miary/ });
  await expect(powiaty.getByRole('row')).toHaveCount(15);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Pobierz PNG' }).click();
  const png = await download;
  expect(png.suggestedFilename()).toMatch(/^mapa-26-lpdi-\d{4}-\d{2}-\d{2}\.png$/);
  const bytes = await fs.readFile((await png.path()) as string);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // A drawn map, not an empty canvas.
  expect(bytes.length).toBeGreaterThan(10_000);

  const csvHref = await page.getByRole('link', { name: 'Pobierz CSV' }).getAttribute('href');
  expect(csvHref).toMatch(/poziom=powiat|level=powiat/);
  const csv = await page.request.get(csvHref as string);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toMatch(/^TERYT;Jednostka;Ludność;/);
  expect(lines).toHaveLength(15);

  // The regional report of the day shown, as a PDF.
  const reportHref = await page.getByRole('link', { name: 'Raport PDF' }).getAttribute('href');
  const report = await page.request.get(reportHref as string);
  expect(report.status()).toBe(200);
  expect(report.headers()['content-type']).toBe('application/pdf');
  expect((await report.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('the analyst records that a gmina started preparing its LPDI; the history shows the change', async ({
  page,
}) => {
  await login(page, 'analityk.kielce');
  const list = await page.request.get('/api/region/26/jst');
  expect(list.status()).toBe(200);
  const { items } = (await list.json()) as {
    items: { teryt: string; name: string; level: string; lpdi: { status: string } | null }[];
  };
  const gmina = items.find((i) => i.level === 'gmina' && (!i.lpdi || i.lpdi.status === 'brak'));
  expect(gmina, 'a gmina without an LPDI in the demo').toBeTruthy();

  await page.goto(`/region/26/jst/${gmina?.teryt}`);
  const form = page.getByRole('form', { name: 'Wpis w rejestrze: LPDI i CUS' });
  await form.getByRole('radio', { name: 'W przygotowaniu' }).check({ force: true });
  // The rule is shown at the field before anything is sent.
  await form.getByRole('button', { name: 'Zapisz zmiany' }).click();
  await expect(page.getByText('Popraw zaznaczone pola.')).toBeVisible();
  const started = form.getByRole('textbox', { name: /Początek przygotowań/ });
  await started.fill(todayTyped());
  await started.press('Tab');
  await form.getByRole('button', { name: 'Zapisz zmiany' }).click();
  await expect(page.getByText('Zapisano zmiany.')).toBeVisible();
  await expect(page.getByText(/W przygotowaniu/).last()).toBeVisible();

  const entry = await page.request.get(`/api/region/26/jst/${gmina?.teryt}`);
  expect(((await entry.json()) as { lpdi: { status: string } }).lpdi.status).toBe('w_przygotowaniu');
  const history = await page.request.get(`/api/region/26/jst/${gmina?.teryt}/history`);
  const changes = (await history.json()) as { items: { after: { lpdi: { status: string } } }[] };
  expect(changes.items[0]?.after.lpdi.status).toBe('w_przygotowaniu');
});
