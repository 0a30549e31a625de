import type { Page } from '@playwright/test';

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
