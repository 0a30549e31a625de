import type { TimelineKind } from '@kooperacja/domain';

/** A symbol per kind of entry, shown beside its label (decorative: the label says the same). */
export const kindIcons: Record<TimelineKind, string> = {
  wizyta: '⌂',
  rozmowa: '✆',
  telefon: '☎',
  notatka: '✎',
  dokument: '▤',
  status: '⇄',
  diagnoza: '◎',
  plan: '☰',
  wspolpraca: '⇆',
};

/** Human-readable size: 1 234 B, 12 KB, 3,4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}
