import type { TFunction } from 'i18next';

/** "3 wolnych z 45 miejsc", "Brak wolnych miejsc (60 miejsc)" or null when the service states none. */
export function placesText(
  t: TFunction,
  s: { capacity: number | null; freePlaces: number | null },
): { text: string; full: boolean } | null {
  if (s.capacity === null) return null;
  if (s.freePlaces === null)
    return { text: t('services.card.capacityOnly', { capacity: s.capacity }), full: false };
  if (s.freePlaces === 0) return { text: t('services.card.full', { capacity: s.capacity }), full: true };
  return { text: t('services.card.places', { free: s.freePlaces, capacity: s.capacity }), full: false };
}
