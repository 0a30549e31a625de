import { SUPPRESSION_THRESHOLD, suppressSmallCount } from '@kooperacja/domain';

/**
 * Whether a powiat's count would give a suppressed gmina's count away by difference: the powiat's
 * count less its gminy that are shown leaves `rest` for the `k` suppressed ones (each 1–4). That is
 * a small count itself when below 5, and pins every one of them when it is `k` (each 1) or `4k`
 * (each 4) — then the powiat is suppressed too (complementary suppression, docs/region.md).
 */
export function revealsSuppressed(total: number, gminy: number[]): boolean {
  const hidden = gminy.filter((n) => suppressSmallCount(n) === null);
  if (!hidden.length) return false;
  const shown = gminy.reduce((sum, n) => sum + (suppressSmallCount(n) ?? 0), 0);
  const rest = total - shown;
  const k = hidden.length;
  return rest < SUPPRESSION_THRESHOLD || rest <= k || rest >= k * (SUPPRESSION_THRESHOLD - 1);
}
