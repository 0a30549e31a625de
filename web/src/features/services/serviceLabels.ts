import {
  type Sector,
  type ServiceArea,
  type ServiceType,
  sectorKeys,
  sectors,
  serviceAreaKeys,
  serviceAreas,
  serviceTypes,
  serviceTypesOfArea,
  type TargetGroup,
  targetGroupKeys,
  targetGroups,
} from '@kooperacja/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type Lang = 'pl' | 'en';

/**
 * Labels of the resource-map dictionaries in the UI language (they come with the shared domain
 * package, so no request is needed) and the options of the selects.
 */
export function useServiceLabels() {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language?.startsWith('en') ? 'en' : 'pl';
  return useMemo(() => {
    const type = (k: string) => serviceTypes[k as ServiceType]?.[lang] ?? k;
    const area = (k: string) => serviceAreas[k as ServiceArea]?.[lang] ?? k;
    const group = (k: string) => targetGroups[k as TargetGroup]?.[lang] ?? k;
    const sector = (k: string) => sectors[k as Sector]?.[lang] ?? k;
    /** Service types grouped under their area (Mantine grouped options); one area when given. */
    const typeOptions = (onlyArea?: string | null) =>
      serviceAreaKeys
        .filter((a) => !onlyArea || a === onlyArea)
        .map((a) => ({
          group: area(a),
          items: serviceTypesOfArea(a).map((k) => ({ value: k, label: type(k) })),
        }));
    return {
      lang,
      type,
      area,
      group,
      sector,
      typeOptions,
      areaOptions: serviceAreaKeys.map((k) => ({ value: k, label: area(k) })),
      groupOptions: targetGroupKeys.map((k) => ({ value: k, label: group(k) })),
      sectorOptions: sectorKeys.map((k) => ({ value: k, label: sector(k) })),
    };
  }, [lang]);
}

export type ServiceLabels = ReturnType<typeof useServiceLabels>;
