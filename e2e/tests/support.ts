import { createHmac } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The key under which the web app remembers the chosen language (web/src/i18n/index.ts). */
export const LANGUAGE_KEY = 'kooperacja.language';

export type Language = 'pl' | 'en';

/** Makes the next page loads start in `language`, as if the user had chosen it before. */
export async function useLanguage(page: Page, language: Language) {
  await page.addInitScript(
    ([key, lng]) => {
      window.localStorage.setItem(key as string, lng as string);
    },
    [LANGUAGE_KEY, language],
  );
}

/** Żabno: a gmina miejsko-wiejska in powiat tarnowski, województwo małopolskie (TERC 2026). */
export const ZABNO = '1216153';
/** Two gminy created on 2025-01-01 that the boundaries file has no polygon for. */
export const WITHOUT_GEOMETRY = { szczawa: '1207132', grabowka: '2002162' } as const;

/** Password of every demo user (server DEMO_PASSWORD default). */
export const DEMO_PASSWORD = 'Kooperacja-Demo-2026';
export const DEMO_DOMAIN = 'demo.kooperacja.pl';

/** The demo users, by the local part of their e-mail (server/src/modules/identity/demo.ts). */
export type DemoUser =
  | 'admin'
  | 'admin.bochnia'
  | 'pracownik.bochnia'
  | 'pracownik2.bochnia'
  | 'pracownik.andrychow'
  | 'kierownik.bochnia'
  | 'policja.bochnia'
  | 'pedagog.bochnia'
  | 'koordynator.andrychow'
  | 'animator.bochnia'
  | 'analityk.kielce'
  | 'trener'
  | 'audytor';

/** Today in Warsaw as typed into a date field (DD.MM.RRRR). */
export function todayTyped(): string {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' })
    .format(new Date())
    .split('-');
  return `${d}.${m}.${y}`;
}

export const demoEmail = (local: string) => `${local}@${DEMO_DOMAIN}`;

/**
 * Logs the page's browser context in as a demo user through the API (the session cookie is shared
 * by `page.request` and the browser). Tests of the login form itself use the form.
 */
export async function login(page: Page, emailLocalPart: DemoUser | string, password = DEMO_PASSWORD) {
  const response = await page.request.post('/api/auth/login', {
    data: { email: demoEmail(emailLocalPart), password },
  });
  if (response.status() !== 200) {
    throw new Error(`login as ${emailLocalPart} failed: ${response.status()} ${await response.text()}`);
  }
  const body = (await response.json()) as { status: string; me?: { session: { csrfToken: string } } };
  if (body.status !== 'ok' || !body.me) throw new Error(`login as ${emailLocalPart}: ${body.status}`);
  return body.me;
}

/** RFC 4648 base32 (the TOTP secret's encoding) to bytes. */
function base32Decode(input: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = input.toUpperCase().replace(/[^A-Z2-7]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    value = (value << 5) | alphabet.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The RFC 6238 code (SHA-1, 6 digits, 30 s) of a base32 secret, as an authenticator app shows it. */
export function totpCode(secret: string, at = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const hmac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = (hmac[hmac.length - 1] ?? 0) & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

/**
 * Runs axe (WCAG 2.1 A and AA) on the page and fails with a readable report of any violation.
 * Legacy mode runs axe in the page itself: the default opens a blank page in the same browser
 * context to put the results together, which is slower and can leave the tested page without
 * animation frames (clicks then wait forever for it to be stable). The app has no cross-origin
 * frames, the one thing legacy mode does not test.
 */
export async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode(true)
    .analyze();
  const report = results.violations
    .map((v) =>
      [
        `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
        ...v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`),
        v.nodes.length > 5 ? `    … and ${v.nodes.length - 5} more` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n');
  expect(results.violations, `axe violations on ${what}:\n${report}`).toEqual([]);
}
