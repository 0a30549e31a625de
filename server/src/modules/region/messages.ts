/** Messages of the regional monitoring (the JST register and the map), pl and en. */
export const regionMessages = {
  'region.lpdi.preparationRequired': {
    pl: 'Podaj, od kiedy plan jest przygotowywany.',
    en: 'Enter since when the plan has been prepared.',
  },
  'region.lpdi.resolutionRequired': {
    pl: 'Podaj numer uchwały przyjmującej plan (np. XLV/412/2024).',
    en: 'Enter the number of the resolution adopting the plan (e.g. XLV/412/2024).',
  },
  'region.lpdi.adoptedOnRequired': {
    pl: 'Podaj datę przyjęcia planu.',
    en: 'Enter the date the plan was adopted.',
  },
  'region.lpdi.periodRequired': {
    pl: 'Podaj okres, na który przyjęto plan (lata od–do).',
    en: 'Enter the period of the plan (years from–to).',
  },
  'region.lpdi.updatedOnRequired': {
    pl: 'Podaj datę uchwały aktualizującej plan.',
    en: 'Enter the date of the resolution updating the plan.',
  },
  'region.lpdi.updatedBeforeAdopted': {
    pl: 'Aktualizacja nie może być wcześniejsza niż przyjęcie planu.',
    en: 'The update cannot be before the plan was adopted.',
  },
  'region.lpdi.updatedOnOnlyWhenUpdated': {
    pl: 'Datę aktualizacji podaje się tylko dla planu ze statusem „Zaktualizowany”.',
    en: 'The update date is given only for a plan with the status “Updated”.',
  },
  'region.lpdi.noneHasNoDetails': {
    pl: 'Jednostka bez planu nie ma uchwały ani dat: usuń tę wartość albo zmień status.',
    en: 'A unit without a plan has no resolution nor dates: remove the value or change the status.',
  },
  'region.lpdi.adoptedBeforePreparation': {
    pl: 'Data przyjęcia planu nie może być wcześniejsza niż początek jego przygotowania.',
    en: 'The plan cannot be adopted before its preparation began.',
  },
  'region.lpdi.periodOrder': {
    pl: 'Rok końcowy okresu nie może być wcześniejszy niż początkowy.',
    en: 'The last year of the period cannot be before the first.',
  },
  'region.cus.modeRequired': {
    pl: 'Wybierz sposób utworzenia centrum usług społecznych.',
    en: 'Choose how the social services centre was created.',
  },
  'region.cus.createdOnRequired': {
    pl: 'Podaj datę utworzenia centrum usług społecznych.',
    en: 'Enter the date the social services centre was created.',
  },
  'region.cus.programmeBeforeCreated': {
    pl: 'Program usług społecznych nie może być przyjęty przed utworzeniem centrum.',
    en: 'The programme of social services cannot be adopted before the centre was created.',
  },
  'region.cus.noCusHasNoDetails': {
    pl: 'Gmina bez centrum usług społecznych nie ma jego danych: usuń tę wartość albo zaznacz, że CUS istnieje.',
    en: 'A gmina without a social services centre has no details of it: remove the value or mark that the CUS exists.',
  },
  'region.cus.powiatHasNoCus': {
    pl: 'Centrum usług społecznych tworzy gmina: dla powiatu nie podaje się danych CUS.',
    en: 'A social services centre is created by a gmina: a powiat has no CUS details.',
  },
  'region.editForbidden': {
    pl: 'Rejestr JST zmienia regionalny ośrodek polityki społecznej (ROPS) województwa.',
    en: 'The JST register is changed by the regional social policy centre (ROPS) of the województwo.',
  },
};
