import type {
  BreakdownDimension,
  CountingUnit,
  IndicatorType,
  IndicatorUnit,
  MeasurementMoment,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';

interface LibraryEntry {
  code: string;
  name: string;
  definition: string;
  unit: IndicatorUnit;
  type: IndicatorType;
  counting: CountingUnit;
  breakdowns: BreakdownDimension[];
  measurement: MeasurementMoment;
}

const participant = (
  code: string,
  name: string,
  definition: string,
  breakdowns: BreakdownDimension[] = ['plec'],
): LibraryEntry => ({
  code,
  name,
  definition,
  unit: 'osoby',
  type: 'produkt',
  counting: 'osoby_unikalne',
  breakdowns,
  measurement: 'przy_wejsciu',
});

const result = (
  code: string,
  name: string,
  definition: string,
  measurement: MeasurementMoment,
): LibraryEntry => ({
  code,
  name,
  definition,
  unit: 'osoby',
  type: 'rezultat',
  counting: 'osoby_unikalne',
  breakdowns: ['plec'],
  measurement,
});

const AT_ENTRY =
  'Status mierzony w chwili przystąpienia osoby do projektu (rozpoczęcia udziału we wsparciu).';

/**
 * The common ESF+ indicators (Regulation (EU) 2021/1057, Annex I; codes as in the ESF+ common
 * indicator list, names after the Polish list of key indicators WLWK 2021–2027). Participant
 * indicators count distinct persons with the gender breakdown women / men / non-binary; the total
 * also by the ESF+ age groups. DOMAIN.md §4 asks to verify codes 03–19 against Annex I: the order
 * here follows the Annex (employment status, age, education, other characteristics, entities).
 */
export const commonIndicators: readonly LibraryEntry[] = [
  participant(
    'EECO01',
    'Całkowita liczba osób objętych wsparciem',
    'Wszystkie osoby, które rozpoczęły udział we wsparciu w ramach projektu, liczone raz niezależnie od liczby form wsparcia. Suma osób według statusu na rynku pracy (EECO02, EECO04, EECO05).',
    ['plec', 'wiek'],
  ),
  participant(
    'EECO02',
    'Liczba osób bezrobotnych, w tym długotrwale bezrobotnych, objętych wsparciem w programie',
    `Osoby pozostające bez pracy, gotowe do jej podjęcia i aktywnie jej poszukujące, zarejestrowane w urzędzie pracy albo niezarejestrowane. ${AT_ENTRY}`,
  ),
  participant(
    'EECO03',
    'Liczba osób długotrwale bezrobotnych objętych wsparciem w programie',
    `Osoby bezrobotne nieprzerwanie dłużej niż 12 miesięcy (młodzież poniżej 25 lat — dłużej niż 6 miesięcy). ${AT_ENTRY}`,
  ),
  participant(
    'EECO04',
    'Liczba osób biernych zawodowo objętych wsparciem w programie',
    `Osoby, które nie pracują i nie są bezrobotne (nie poszukują pracy lub nie są gotowe do jej podjęcia), np. uczące się, opiekujące się dziećmi lub osobami zależnymi. ${AT_ENTRY}`,
  ),
  participant(
    'EECO05',
    'Liczba osób pracujących, łącznie z prowadzącymi działalność na własny rachunek, objętych wsparciem w programie',
    `Osoby wykonujące pracę przynoszącą zarobek lub dochód, także prowadzące działalność gospodarczą albo gospodarstwo rolne. ${AT_ENTRY}`,
  ),
  participant(
    'EECO06',
    'Liczba dzieci poniżej 18 lat objętych wsparciem w programie',
    'Osoby, które w dniu przystąpienia do projektu nie ukończyły 18 lat (wiek liczony z daty urodzenia).',
  ),
  participant(
    'EECO07',
    'Liczba osób w wieku 18–29 lat objętych wsparciem w programie',
    'Osoby, które w dniu przystąpienia do projektu ukończyły 18 lat, a nie ukończyły 30 lat.',
  ),
  participant(
    'EECO08',
    'Liczba osób w wieku 55 lat lub powyżej objętych wsparciem w programie',
    'Osoby, które w dniu przystąpienia do projektu ukończyły 55 lat.',
  ),
  participant(
    'EECO09',
    'Liczba osób z wykształceniem co najwyżej średnim I stopnia (ISCED 0–2) objętych wsparciem w programie',
    `Osoby z wykształceniem przedszkolnym, podstawowym lub gimnazjalnym (ISCED 0–2). ${AT_ENTRY}`,
  ),
  participant(
    'EECO10',
    'Liczba osób z wykształceniem ponadgimnazjalnym (ISCED 3) lub policealnym (ISCED 4) objętych wsparciem w programie',
    `Osoby z wykształceniem ponadgimnazjalnym lub ponadpodstawowym (ISCED 3) albo policealnym (ISCED 4). ${AT_ENTRY}`,
  ),
  participant(
    'EECO11',
    'Liczba osób z wykształceniem wyższym (ISCED 5–8) objętych wsparciem w programie',
    `Osoby z wykształceniem wyższym: krótkim cyklem, licencjackim, magisterskim lub doktoranckim (ISCED 5–8). ${AT_ENTRY}`,
  ),
  participant(
    'EECO12',
    'Liczba osób z niepełnosprawnościami objętych wsparciem w programie',
    `Osoby z orzeczeniem o niepełnosprawności lub stopniu niepełnosprawności albo z innym dokumentem potwierdzającym stan zdrowia; dana szczególnej kategorii (RODO art. 9), osoba może odmówić jej podania. ${AT_ENTRY}`,
  ),
  participant(
    'EECO13',
    'Liczba obywateli państw trzecich objętych wsparciem w programie',
    `Osoby bez obywatelstwa państwa członkowskiego Unii Europejskiej (także bezpaństwowcy). ${AT_ENTRY}`,
  ),
  participant(
    'EECO14',
    'Liczba osób obcego pochodzenia objętych wsparciem w programie',
    `Cudzoziemcy oraz osoby z obywatelstwem polskim, których co najmniej jedno z rodziców urodziło się poza terytorium Polski. ${AT_ENTRY}`,
  ),
  participant(
    'EECO15',
    'Liczba osób należących do mniejszości, w tym społeczności marginalizowanych takich jak Romowie, objętych wsparciem w programie',
    `Osoby należące do mniejszości narodowych lub etnicznych (w tym społeczności marginalizowanych); dana szczególnej kategorii, osoba może odmówić jej podania. ${AT_ENTRY}`,
  ),
  participant(
    'EECO16',
    'Liczba osób w kryzysie bezdomności lub dotkniętych wykluczeniem z dostępu do mieszkań objętych wsparciem w programie',
    `Osoby bez dachu nad głową, bez mieszkania, w niezabezpieczonym lub nieodpowiednim mieszkaniu (typologia ETHOS). ${AT_ENTRY}`,
  ),
  participant(
    'EECO17',
    'Liczba osób z obszarów wiejskich objętych wsparciem w programie',
    `Osoby zamieszkałe na obszarach słabo zaludnionych według stopnia urbanizacji (DEGURBA kategoria 3). ${AT_ENTRY}`,
  ),
  {
    code: 'EECO18',
    name: 'Liczba objętych wsparciem podmiotów administracji publicznej lub służb publicznych na szczeblu krajowym, regionalnym lub lokalnym',
    definition:
      'Instytucje administracji publicznej i służb publicznych (w tym jednostki samorządu terytorialnego i ich jednostki organizacyjne, np. OPS, PCPR), które otrzymały wsparcie w projekcie; każdy podmiot liczony raz.',
    unit: 'podmioty',
    type: 'produkt',
    counting: 'podmioty_unikalne',
    breakdowns: [],
    measurement: 'przy_wejsciu',
  },
  {
    code: 'EECO19',
    name: 'Liczba objętych wsparciem mikro-, małych i średnich przedsiębiorstw (w tym przedsiębiorstw spółdzielczych i przedsiębiorstw społecznych)',
    definition:
      'Mikro-, małe i średnie przedsiębiorstwa, w tym spółdzielnie i przedsiębiorstwa społeczne, które otrzymały wsparcie w projekcie; każde liczone raz.',
    unit: 'podmioty',
    type: 'produkt',
    counting: 'podmioty_unikalne',
    breakdowns: [],
    measurement: 'przy_wejsciu',
  },
  result(
    'EECR01',
    'Liczba osób poszukujących pracy po opuszczeniu programu',
    'Osoby bierne zawodowo w chwili przystąpienia, które po zakończeniu udziału w projekcie poszukują pracy (np. zarejestrowały się w urzędzie pracy). Pomiar do 4 tygodni od zakończenia udziału.',
    'do_4_tygodni',
  ),
  result(
    'EECR02',
    'Liczba osób, które po opuszczeniu programu podjęły kształcenie lub szkolenie',
    'Osoby, które po zakończeniu udziału w projekcie podjęły naukę lub szkolenie (kształcenie formalne, kursy, staże, przygotowanie zawodowe). Pomiar do 4 tygodni od zakończenia udziału.',
    'do_4_tygodni',
  ),
  result(
    'EECR03',
    'Liczba osób, które uzyskały kwalifikacje po opuszczeniu programu',
    'Osoby, które w wyniku udziału w projekcie uzyskały kwalifikacje potwierdzone dokumentem wydanym po walidacji i certyfikacji. Pomiar do 4 tygodni od zakończenia udziału.',
    'do_4_tygodni',
  ),
  result(
    'EECR04',
    'Liczba osób pracujących, łącznie z prowadzącymi działalność na własny rachunek, po opuszczeniu programu',
    'Osoby, które po zakończeniu udziału w projekcie pracują (także na własny rachunek), a nie pracowały w chwili przystąpienia. Pomiar do 4 tygodni od zakończenia udziału.',
    'do_4_tygodni',
  ),
  result(
    'EECR05',
    'Liczba osób pracujących, łącznie z prowadzącymi działalność na własny rachunek, sześć miesięcy po opuszczeniu programu',
    'Osoby pracujące (także na własny rachunek) w ciągu sześciu miesięcy od zakończenia udziału w projekcie; pomiar na próbie lub z rejestrów.',
    '6_miesiecy',
  ),
  result(
    'EECR06',
    'Liczba osób, których sytuacja na rynku pracy poprawiła się w ciągu sześciu miesięcy po opuszczeniu programu',
    'Osoby pracujące w chwili przystąpienia, których sytuacja na rynku pracy poprawiła się w ciągu sześciu miesięcy od zakończenia udziału (np. umowa na czas nieokreślony, pełny etat, awans, wyższe wynagrodzenie).',
    '6_miesiecy',
  ),
];

/**
 * Loads the library of common ESF+ indicator definitions (reference data; idempotent): a code
 * missing from the library is added; a changed name, definition, unit or breakdown is updated (and
 * the definition's version bumped, so an open form notices). Definitions added by users stay.
 */
export async function loadIndicatorLibrary(tx: Tx): Promise<void> {
  for (const e of commonIndicators) {
    await tx.execute(
      sql`insert into indicator_definitions (code, name, definition, unit, type, counting, breakdowns, measurement, scope)
          values (${e.code}, ${e.name}, ${e.definition}, ${e.unit}, ${e.type}, ${e.counting},
                  ${JSON.stringify(e.breakdowns)}::jsonb, ${e.measurement}, 'wspolny')
          on conflict (code) where code is not null and project_id is null do update set
            name = excluded.name, definition = excluded.definition, unit = excluded.unit, type = excluded.type,
            counting = excluded.counting, breakdowns = excluded.breakdowns, measurement = excluded.measurement,
            scope = 'wspolny', version = indicator_definitions.version + 1, updated_at = now()
          where (indicator_definitions.name, indicator_definitions.definition, indicator_definitions.unit,
                 indicator_definitions.type, indicator_definitions.counting, indicator_definitions.breakdowns,
                 indicator_definitions.measurement)
            is distinct from (excluded.name, excluded.definition, excluded.unit, excluded.type, excluded.counting,
                              excluded.breakdowns, excluded.measurement)`,
    );
  }
}
