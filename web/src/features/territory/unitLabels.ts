import type { TerritorialUnit, UnitLevel } from '@kooperacja/domain';
import type { TFunction } from 'i18next';
import type { UnitIndex } from './useUnitIndex';

export const kindLabel = (t: TFunction, unit: Pick<TerritorialUnit, 'kind'>) =>
  t(`territory.kinds.${unit.kind}`);

export const levelLabel = (t: TFunction, level: UnitLevel) => t(`territory.levels.${level}`);

/** Name of the direct parent: "powiat tarnowski" for a gmina, "małopolskie" for a powiat. */
export function parentLabel(unit: TerritorialUnit, index: UnitIndex | undefined): string {
  if (!index || unit.level === 'wojewodztwo') return '';
  if (unit.level === 'gmina' && unit.powiatTeryt) {
    const powiat = index.get(unit.powiatTeryt);
    const woj = index.get(unit.wojTeryt);
    return [powiat?.nameFull, woj?.name].filter(Boolean).join(', ');
  }
  return index.get(unit.wojTeryt)?.name ?? '';
}

/**
 * The unambiguous label used by pickers: "Żabno (gmina miejsko-wiejska, powiat tarnowski,
 * małopolskie)", "Tarnów (miasto na prawach powiatu, małopolskie)", "małopolskie (województwo)".
 */
export function describeUnit(t: TFunction, unit: TerritorialUnit, index: UnitIndex | undefined): string {
  const woj = unit.level === 'wojewodztwo' ? undefined : index?.get(unit.wojTeryt)?.name;
  if (unit.level === 'powiat' && unit.kind === 'powiat') {
    return woj ? `${unit.nameFull} (${woj})` : unit.nameFull;
  }
  const powiat =
    unit.level === 'gmina' && unit.powiatTeryt ? index?.get(unit.powiatTeryt)?.nameFull : undefined;
  const details = [kindLabel(t, unit), powiat, woj].filter(Boolean).join(', ');
  return `${unit.name} (${details})`;
}
