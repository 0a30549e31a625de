/** Messages of the indicators capability, pl and en. */
export const indicatorMessages = {
  'indicator.decimal': {
    pl: 'Wpisz liczbę nieujemną (najwyżej 12 cyfr przed przecinkiem i 4 po nim).',
    en: 'Enter a non-negative number (at most 12 digits before the decimal point and 4 after it).',
  },
  'indicator.breakdownDimension': {
    pl: 'Ten wskaźnik nie ma takiego podziału.',
    en: 'This indicator has no such breakdown.',
  },
  'indicator.breakdownCategory': {
    pl: 'Nieznana kategoria podziału.',
    en: 'Unknown breakdown category.',
  },
  'indicator.breakdownSum': {
    pl: (p: Record<string, unknown>) => `Suma w podziale nie może przekraczać wartości ogółem (${p.total}).`,
    en: (p: Record<string, unknown>) => `The breakdown cannot add up to more than the total (${p.total}).`,
  },
  'indicator.breakdownDuplicate': {
    pl: 'Każdy podział można wybrać tylko raz.',
    en: 'Each breakdown can be chosen once.',
  },
  'indicator.scopeMismatch': {
    pl: 'To pole nie pasuje do rodzaju wskaźnika (wspólny, programowy, projektowy).',
    en: 'This field does not fit the kind of indicator (common, programme, project).',
  },
  'indicator.definitionChoice': {
    pl: 'Wybierz wskaźnik z biblioteki albo opisz nowy wskaźnik projektowy — jedno z dwóch.',
    en: 'Choose an indicator from the library or describe a new project indicator — one of the two.',
  },
  'indicator.definitionUnavailable': {
    pl: 'Tego wskaźnika nie ma w bibliotece albo jest nieaktywny lub należy do innego projektu.',
    en: 'This indicator is not in the library, or it is inactive or belongs to another project.',
  },
  'indicator.alreadyOnProject': {
    pl: 'Ten wskaźnik jest już w projekcie.',
    en: 'This indicator is already in the project.',
  },
  'indicator.codeTaken': {
    pl: 'Wskaźnik o tym kodzie jest już w bibliotece.',
    en: 'An indicator with this code is already in the library.',
  },
  'indicator.programmeUnknown': {
    pl: 'Nie ma takiej pozycji katalogu programów.',
    en: 'No such entry in the programme catalogue.',
  },
  'indicator.projectUnknown': {
    pl: 'Nie ma takiego projektu albo nie masz do niego dostępu.',
    en: 'No such project, or you have no access to it.',
  },
  'indicator.definition.manageForbidden': {
    pl: 'Wskaźniki wspólne i programowe zmienia administrator systemu, a wskaźniki projektowe — koordynator projektu.',
    en: 'Common and programme indicators are changed by a system administrator, project indicators by the project’s coordinator.',
  },
  'indicator.metricUnknown': {
    pl: 'Nie ma takiej metryki w rejestrze.',
    en: 'No such metric in the registry.',
  },
  'indicator.metricParams': {
    pl: 'Nieprawidłowe parametry metryki.',
    en: 'Invalid metric parameters.',
  },
  'indicator.metricUnit': {
    pl: (p: Record<string, unknown>) =>
      `Metryka liczy w innej jednostce (${p.metricUnit}) niż wskaźnik (${p.unit}).`,
    en: (p: Record<string, unknown>) =>
      `The metric counts in another unit (${p.metricUnit}) than the indicator (${p.unit}).`,
  },
  'indicator.notManual': {
    pl: 'Wartości tego wskaźnika oblicza system z rejestrów — zapisz pomiar zamiast wpisywać wartość.',
    en: 'This indicator’s values are computed from the records — record a measurement instead.',
  },
  'indicator.notMetric': {
    pl: 'Ten wskaźnik jest wprowadzany ręcznie — nie ma czego mierzyć.',
    en: 'This indicator is entered by hand — there is nothing to measure.',
  },
  'indicator.alreadyCorrected': {
    pl: 'Ta wartość została już skorygowana — koryguj najnowszą wersję.',
    en: 'This value has already been corrected — correct its latest version.',
  },
  'indicator.hasReported': {
    pl: 'Wskaźnik ma wartości w zamrożonym okresie sprawozdawczym — nie można go usunąć.',
    en: 'The indicator has figures in a frozen reporting period — it cannot be removed.',
  },
  'indicator.evidenceUnknown': {
    pl: 'Nie ma takiego pliku potwierdzenia albo nie został przesłany przez Ciebie do tego projektu.',
    en: 'No such evidence file, or it was not uploaded by you for this project.',
  },
  'indicator.noEvidence': {
    pl: 'Ta wartość nie ma pliku potwierdzenia.',
    en: 'This value has no evidence file.',
  },
  'indicator.value.future': {
    pl: 'Data pomiaru nie może być z przyszłości.',
    en: 'The measurement date cannot be in the future.',
  },
  'indicator.value.beforeProject': {
    pl: 'Data pomiaru nie może być wcześniejsza niż początek projektu.',
    en: 'The measurement date cannot be before the project’s start.',
  },
  'indicator.value.frozen': {
    pl: (p: Record<string, unknown>) =>
      `Ten dzień należy do zamrożonego okresu sprawozdawczego „${p.period}” — wartości z tego okresu zostały zatwierdzone i nie można ich zmienić. Wpisz wartość z datą po zakończeniu okresu.`,
    en: (p: Record<string, unknown>) =>
      `This day belongs to the frozen reporting period “${p.period}” — its values were approved and cannot change. Enter the value with a date after the period.`,
  },
  'indicator.value.zeroDenominator': {
    pl: 'Mianownik musi być większy od zera.',
    en: 'The denominator must be greater than zero.',
  },
  'indicator.period.range': {
    pl: 'Koniec okresu nie może być przed jego początkiem.',
    en: 'The period cannot end before it begins.',
  },
  'indicator.period.overlap': {
    pl: (p: Record<string, unknown>) => `Okres nakłada się na okres „${p.period}”.`,
    en: (p: Record<string, unknown>) => `The period overlaps “${p.period}”.`,
  },
  'indicator.period.alreadyFrozen': {
    pl: 'Ten okres jest już zamrożony.',
    en: 'This period is already frozen.',
  },
  'indicator.period.notEnded': {
    pl: 'Okres można zamrozić dopiero po jego zakończeniu.',
    en: 'A period can be frozen only after it has ended.',
  },
  'indicator.period.frozenRemove': {
    pl: 'Zamrożonego okresu nie można usunąć — jego dane zostały zatwierdzone.',
    en: 'A frozen period cannot be removed — its figures were approved.',
  },
} as const;
