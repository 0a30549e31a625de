import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3292';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [name, width] of [['w900', 900], ['w1280', 1280], ['w390', 390]]) {
  const ctx = await browser.newContext({ viewport: { width, height: 700 }, baseURL: base });
  const page = await ctx.newPage();
  await page.request.post('/api/auth/login', { data: { email: 'trener@demo.kooperacja.pl', password: 'Kooperacja-Demo-2026' } });
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).waitFor();
  if (width < 500) await page.getByRole('button', { name: 'Pokaż lub ukryj menu' }).click();
  await page.waitForTimeout(700);
  await page.screenshot({ path: `/tmp/authhelper/${name}.png` });
  await ctx.close();
}
await browser.close();
