import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { goldenRecords } from './__fixtures__/smefs-records.js';
import {
  checkSmefsHeader,
  parseSmefsDate,
  parseSmefsRow,
  SMEFS_CSV_BOM,
  type SmefsRecord,
  smefsColumns,
  smefsCsvLine,
  smefsCsvRows,
  smefsCsvRowsFromPieces,
  smefsHeaders,
  toSmefsRow,
  validateSmefsRecord,
} from './smefs.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const golden = fs.readFileSync(path.join(here, '__fixtures__/smefs-golden.csv'), 'utf8');
const [anna, jan, olena] = goldenRecords as [SmefsRecord, SmefsRecord, SmefsRecord, SmefsRecord];
const codes = (r: SmefsRecord) => validateSmefsRecord(r).map((p) => `${p.column}:${p.code}`);
const cellOf = (r: SmefsRecord, header: string) => toSmefsRow(r)[smefsHeaders.indexOf(header)];

describe('the SM EFS file', () => {
  it('has the 35 columns of the monitoring system in their order', () => {
    expect(smefsHeaders).toHaveLength(35);
    expect(smefsHeaders.slice(0, 5)).toEqual([
      'Imię',
      'Nazwisko',
      'PESEL/Inny identyfikator',
      'brak PESEL',
      'Techniczny identyfikator uczestnika',
    ]);
    expect(smefsHeaders[15]).toBe('Obszar według stopnia urbanizacji (DEGURBA)');
    expect(smefsHeaders[19]).toBe('w tym');
    expect(smefsHeaders.slice(-3)).toEqual(['Numer projektu', 'Rodzaj uczestnika', 'Nazwa instytucji']);
  });

  it('writes the golden file byte for byte: BOM, semicolons, CRLF, quoting, labels, DD.MM.YYYY and "|"', () => {
    const text =
      SMEFS_CSV_BOM +
      smefsCsvLine(smefsHeaders) +
      goldenRecords.map((r) => smefsCsvLine(toSmefsRow(r))).join('');
    expect(text).toBe(golden);
    expect(golden.startsWith('\uFEFFImię;Nazwisko;')).toBe(true);
    expect(golden.split('\r\n')).toHaveLength(goldenRecords.length + 2);
  });

  it('formats every column of a participant as the monitoring system expects', () => {
    const row = Object.fromEntries(smefsHeaders.map((h, i) => [h, toSmefsRow(anna)[i]]));
    expect(row).toEqual({
      Imię: 'Anna',
      Nazwisko: 'Kowalska',
      'PESEL/Inny identyfikator': '85031212329',
      'brak PESEL': 'Nie',
      'Techniczny identyfikator uczestnika': 'WSS/2019/0001',
      Płeć: 'Kobieta',
      'Wiek w chwili przystąpienia do projektu': '34',
      Wykształcenie: 'Ponadgimnazjalne (ISCED 3)',
      Obywatelstwo: 'polskie',
      Kraj: 'Polska',
      Województwo: 'MAŁOPOLSKIE',
      Powiat: 'wadowicki',
      Gmina: 'Andrychów',
      Miejscowość: 'Andrychów',
      'Kod pocztowy': '34-120',
      'Obszar według stopnia urbanizacji (DEGURBA)': 'Małe miasta i przedmieścia (2)',
      'Telefon kontaktowy': '+48 600 100 200',
      'Adres e-mail': 'anna.kowalska@example.pl',
      'Status osoby na rynku pracy w chwili przystąpienia do projektu':
        'Osoba bezrobotna zarejestrowana w ewidencji urzędów pracy',
      'w tym': 'Osoba długotrwale bezrobotna',
      'Zakres wsparcia':
        'Wsparcie indywidualne (poradnictwo, terapia, usługi asystenckie)|Zajęcia grupowe (szkolenia, warsztaty)',
      'Rodzaj przyznanego wsparcia': 'Poradnictwo psychologiczne|Trening kompetencji społecznych',
      'Data rozpoczęcia udziału we wsparciu': '02.04.2019|15.04.2019',
      'Data rozpoczęcia udziału w projekcie': '01.04.2019',
      'Data zakończenia udziału w projekcie': '20.12.2019',
      'Sytuacja osoby w momencie zakończenia udziału w projekcie':
        'Poszukuje pracy|Kontynuuje kształcenie lub szkolenie',
      'Zakończenie udziału osoby w projekcie zgodnie z zaplanowaną dla niej ścieżką uczestnictwa': 'Tak',
      'Osoba z niepełnosprawnościami': 'Tak',
      'Osoba obcego pochodzenia': 'Nie',
      'Obywatel państwa trzeciego': 'Nie',
      'Osoba należąca do mniejszości narodowej lub etnicznej (w tym społeczności marginalizowane)':
        'Odmowa podania informacji',
      'Osoba bezdomna lub dotknięta wykluczeniem z dostępu do mieszkań': 'Nie',
      'Numer projektu': 'RPMP.09.01.02-12-0142/17',
      'Rodzaj uczestnika': 'Indywidualny',
      'Nazwa instytucji': '',
    });
    // Without PESEL the identifier column carries the other identifier.
    expect(cellOf(olena, 'PESEL/Inny identyfikator')).toBe('FX1234567');
    expect(cellOf(olena, 'brak PESEL')).toBe('Tak');
    expect(cellOf(jan, 'Płeć')).toBe('Mężczyzna');
    expect(cellOf(jan, 'Data zakończenia udziału w projekcie')).toBe('');
  });

  it('reads back exactly what it wrote: parse(toRow(x)) = x, for every golden participant', () => {
    for (const r of goldenRecords) {
      const parsed = parseSmefsRow(toSmefsRow(r));
      expect(parsed).toEqual({ ok: true, record: r });
    }
  });

  it('reads the golden file back into the same participants', () => {
    const rows = [...smefsCsvRows(golden)];
    expect(checkSmefsHeader(rows[0]?.cells ?? [])).toEqual([]);
    const records = rows.slice(1).map((r) => parseSmefsRow(r.cells));
    expect(records).toEqual(goldenRecords.map((record) => ({ ok: true, record })));
  });

  it('finds nothing to correct in the golden participants', () => {
    for (const r of goldenRecords) expect(validateSmefsRecord(r)).toEqual([]);
  });
});

describe('validation before the export', () => {
  it('a missing PESEL without "brak PESEL", and a PESEL together with it', () => {
    expect(codes({ ...anna, pesel: null })).toEqual(['identifier:smefs.pesel.missing']);
    expect(codes({ ...olena, pesel: '85031212329' })).toEqual(['identifier:smefs.pesel.unexpected']);
  });

  it('a PESEL with a wrong check digit, or not 11 digits', () => {
    expect(codes({ ...anna, pesel: '85031212328' })).toEqual(['identifier:smefs.pesel.checksum']);
    expect(codes({ ...anna, pesel: '8503121232' })).toEqual(['identifier:smefs.pesel.format']);
  });

  it('an age out of range, and an age that does not match the PESEL on the day of joining', () => {
    expect(codes({ ...olena, ageAtEntry: 121 })).toEqual(['ageAtEntry:smefs.age.range']);
    const [p] = validateSmefsRecord({ ...jan, ageAtEntry: 29 });
    expect(p?.code).toBe('smefs.age.pesel');
    expect(p?.message.pl).toContain('miała 28 lat');
    expect(p?.message.en).toContain('the person was 28');
  });

  it('the sex must match the PESEL', () => {
    expect(codes({ ...anna, sex: 'M' })).toEqual(['sex:smefs.pesel.sex']);
  });

  it('DEGURBA missing, named in both languages', () => {
    const problems = validateSmefsRecord({ ...anna, degurba: null });
    expect(problems).toEqual([
      {
        column: 'degurba',
        code: 'smefs.required',
        message: {
          pl: 'Brak wartości w kolumnie „Obszar według stopnia urbanizacji (DEGURBA)”.',
          en: 'The column “Obszar według stopnia urbanizacji (DEGURBA)” is empty.',
        },
      },
    ]);
  });

  it('no support, and a support that starts before joining or after leaving', () => {
    expect(codes({ ...anna, supports: [] })).toEqual(['supportKinds:smefs.support.none']);
    expect(codes({ ...anna, supports: [{ kind: 'staz', name: 'Staż', startsOn: '2019-03-31' }] })).toEqual([
      'supportStarts:smefs.support.beforeJoining',
    ]);
    expect(codes({ ...anna, supports: [{ kind: 'staz', name: 'Staż', startsOn: '2019-12-21' }] })).toEqual([
      'supportStarts:smefs.support.afterLeaving',
    ]);
    expect(codes({ ...anna, supports: [{ kind: 'staz', name: 'Staż|A', startsOn: '2019-04-01' }] })).toEqual([
      'supportNames:smefs.support.separator',
    ]);
  });

  it('exit data incomplete, exit data without the date, and leaving before joining', () => {
    expect(codes({ ...anna, exitSituation: [], completedPath: null })).toEqual([
      'exitSituation:smefs.exit.incomplete',
      'completedPath:smefs.exit.incomplete',
    ]);
    expect(codes({ ...jan, completedPath: true })).toEqual(['completedPath:smefs.exit.withoutDate']);
    expect(codes({ ...anna, leftOn: '2019-03-01', supports: [] })).toContain(
      'leftOn:smefs.exit.beforeJoining',
    );
  });

  it('a "w tym" that does not belong to the status, and a missing one', () => {
    expect(codes({ ...anna, labourStatusDetail: 'uczaca_sie' })).toEqual(['labourStatusDetail:smefs.detail']);
    expect(codes({ ...anna, labourStatusDetail: null })).toEqual(['labourStatusDetail:smefs.required']);
  });

  it('the address: a Polish postal code and the units are required in Poland, not abroad', () => {
    expect(codes({ ...anna, postalCode: '34120' })).toEqual(['postalCode:smefs.postalCode']);
    expect(codes({ ...anna, gmina: null })).toEqual(['gmina:smefs.required']);
    expect(
      codes({
        ...olena,
        country: 'Niemcy',
        voivodeship: null,
        powiat: null,
        gmina: null,
        postalCode: '10115',
      }),
    ).toEqual([]);
  });

  it('an employee of an institution needs its name; e-mail format; no formulas', () => {
    expect(codes({ ...olena, institutionName: null })).toEqual(['institutionName:smefs.institutionName']);
    expect(codes({ ...anna, email: 'anna@' })).toEqual(['email:smefs.email']);
    expect(codes({ ...anna, lastName: '=HYPERLINK("x")' })).toEqual(['lastName:smefs.formula']);
  });

  it('lists every empty required column of an empty row', () => {
    const parsed = parseSmefsRow(['', '', '', 'Nie']);
    expect(parsed.ok).toBe(true);
    const columns = validateSmefsRecord(parsed.record).map((p) => p.column);
    expect(columns).toEqual(
      expect.arrayContaining([
        'firstName',
        'identifier',
        'degurba',
        'supportKinds',
        'homeless',
        'participantType',
      ]),
    );
  });
});

describe('reading a row of a file', () => {
  const row = (changes: Record<string, string>) => {
    const cells = toSmefsRow(anna);
    for (const [h, v] of Object.entries(changes)) cells[smefsHeaders.indexOf(h)] = v;
    return cells;
  };

  it('reports an unknown label, a bad date and a bad number per cell, naming the allowed values', () => {
    const r = parseSmefsRow(
      row({
        Płeć: 'kobieta ',
        Wykształcenie: 'Średnie',
        'Data rozpoczęcia udziału w projekcie': '2019-04-01',
        'Wiek w chwili przystąpienia do projektu': '34 lata',
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => `${p.column}:${p.code}`)).toEqual([
      'ageAtEntry:smefs.integer',
      'education:smefs.label',
      'joinedOn:smefs.date',
    ]);
    expect(r.problems[1]?.message.pl).toContain('Dozwolone: Brak (ISCED 0); Podstawowe (ISCED 1)');
    // Labels are matched ignoring case and spaces.
    expect(r.record.sex).toBe('K');
  });

  it('refuses support columns with different numbers of values and impossible dates', () => {
    const r = parseSmefsRow(row({ 'Data rozpoczęcia udziału we wsparciu': '02.04.2019' }));
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['smefs.support.count']);
    expect(parseSmefsDate('31.02.2020')).toBeNull();
    expect(parseSmefsDate('29.02.2020')).toBe('2020-02-29');
  });

  it('accepts DEGURBA as the label, the bare number, or a label starting with the number', () => {
    for (const v of ['Obszary wiejskie (3)', '3', '3 - Obszary wiejskie (o małej gęstości zaludnienia)'])
      expect(parseSmefsRow(row({ 'Obszar według stopnia urbanizacji (DEGURBA)': v })).record.degurba).toBe(3);
    expect(parseSmefsRow(row({ 'Obszar według stopnia urbanizacji (DEGURBA)': '4' })).ok).toBe(false);
  });

  it('tells which "Inne" is meant by the status beside it', () => {
    const r = parseSmefsRow(
      row({
        'Status osoby na rynku pracy w chwili przystąpienia do projektu': 'Osoba pracująca',
        'w tym': 'Inne',
      }),
    );
    expect(r.record.labourStatusDetail).toBe('inne_pracujaca');
  });

  it('a row with extra filled cells is refused; missing trailing cells are empty', () => {
    expect(parseSmefsRow([...toSmefsRow(anna), 'x']).ok).toBe(false);
    expect(parseSmefsRow(toSmefsRow(anna).slice(0, 34)).record.institutionName).toBeNull();
  });
});

describe('the CSV reader and header', () => {
  it('reads quoted cells with semicolons, quotes and line breaks; CRLF or LF; skips the BOM and blank lines', () => {
    const text = '\uFEFFa;"b;c";"d ""e"""\r\n\r\n1;"two\r\nlines";3\n4;5;\n';
    expect([...smefsCsvRows(text)]).toEqual([
      { line: 1, cells: ['a', 'b;c', 'd "e"'] },
      { line: 3, cells: ['1', 'two\r\nlines', '3'] },
      { line: 5, cells: ['4', '5', ''] },
    ]);
  });

  it('accepts the header ignoring case and spaces, and names the first wrong column', () => {
    expect(checkSmefsHeader(smefsHeaders.map((h) => ` ${h.toUpperCase()} `))).toEqual([]);
    const wrong = [...smefsHeaders];
    wrong[5] = 'Plec';
    const [p] = checkSmefsHeader(wrong);
    expect(p?.code).toBe('smefs.header');
    expect(p?.message.pl).toContain('w kolumnie 6 oczekiwano „Płeć”, jest „Plec”');
    expect(smefsColumns).toHaveLength(35);
  });
});

describe('reading a big CSV in pieces', () => {
  it('yields the same rows whatever the cuts, even inside quoted line breaks and escaped quotes', () => {
    const text = `${golden}Ala;"ma\r\n""kota"";"\r\n\r\nx;y\r\n`;
    const whole = [...smefsCsvRows(text)];
    for (const size of [1, 2, 3, 7, 64, 1000, text.length]) {
      const pieces: string[] = [];
      for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
      expect([...smefsCsvRowsFromPieces(pieces)]).toEqual(whole);
    }
  });
});
