import { type Breakdown, earlierDay, percentFrom } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/database.js';
import { addDays, warsawToday } from '../cases/tasks.js';
import { DEMO_DOMAIN } from '../identity/demo.js';
import { figureAsOf, loadIndicatorRows } from './queries.js';
import { freezePeriod, insertValue } from './values.js';

/**
 * Demo indicators on the demo projects (found by their numbers; a project that is not there is
 * skipped, so the step copes with a database without the projects demo):
 *
 * - FERS.04.13-IP.04-0001/23 (ROPS Kielce, seed 001): 688 employees supported (output) and 654 who
 *   raised their qualifications (result), computed from the training records (`staff.supported`,
 *   `staff.qualifications_raised`; measured by {@link measureDemoStaffIndicators} once demo:trainings
 *   has made the records), and 50 % of JST with an LPDI (result, numerator/denominator, by hand);
 * - RPMP.09.01.02-12-0142/17 (OPS Andrychów, seed 002): persons supported in three yearly cohorts,
 *   places in sheltered flats, social effectiveness ≥ 34 %;
 * - POWR.02.05.00-00-0201/18 (Liderzy kooperacji, seed 003): 350 entities;
 * - POWR.02.05.00-00-0202/18 (Kooperacje 3D, seed 004): 30 gminy, 20 powiaty, 150 persons/families
 *   (5 per gmina at least), one corrected value, the year 2021 frozen and two open periods;
 * - indicators computed from the records on a project of MOPS Bochnia, whose demo cases have
 *   multi-sector teams and referrals: an existing project with MOPS Bochnia as leader or partner,
 *   or else "Bocheńska Sieć Kooperacji" created here (leader MOPS Bochnia, partner ROPS Kraków,
 *   coordinated by koordynator.krakow), with monthly measurements over the last half-year.
 *
 * Manual values carry a source note and are entered a few days after the day they are for, so that
 * the "as of" view of a past day shows what was known then.
 */
export async function seedDemoIndicators(tx: Tx): Promise<void> {
  const today = warsawToday();
  const seed = new DemoSeeder(tx, today);
  await seed.kielce();
  await seed.andrychow();
  await seed.liderzy();
  await seed.kooperacje3d();
  await seed.bochnia();
}

/**
 * Measures the ROPS Kielce staff indicators from the training records and freezes the years 2024
 * and 2025 (called by demo:trainings, which runs after this step and makes the records).
 */
export async function measureDemoStaffIndicators(tx: Tx): Promise<void> {
  await new DemoSeeder(tx, warsawToday()).kielceStaffMeasurements();
}

interface ProjectRow {
  id: string;
  startsOn: string;
  endsOn: string;
  programmeNodeId: string;
  coordinatorId: string | null;
}

interface DefinitionSpec {
  name: string;
  definition: string;
  unit: 'osoby' | 'podmioty' | 'procent' | 'liczba';
  type: 'produkt' | 'rezultat';
  counting: 'osoby_unikalne' | 'podmioty_unikalne' | 'zdarzenia';
  breakdowns?: ('plec' | 'wiek')[];
  measurement: 'przy_wejsciu' | 'przy_wyjsciu' | 'do_4_tygodni' | '6_miesiecy' | 'na_dzien';
  /** Programme-specific (attached to the project's catalogue node) or the project's own. */
  scope: 'programowy' | 'projektowy';
}

interface ManualPoint {
  on: string;
  value?: number;
  numerator?: number;
  denominator?: number;
  breakdown?: Breakdown;
  note: string;
}

class DemoSeeder {
  constructor(
    private readonly tx: Tx,
    private readonly today: string,
  ) {}

  private async project(number: string): Promise<ProjectRow | null> {
    const [row] = await queryRows<ProjectRow>(
      this.tx,
      sql`select p.id, p.starts_on::text as "startsOn", p.ends_on::text as "endsOn",
            p.programme_node_id as "programmeNodeId",
            (select pt.user_id from project_team pt where pt.project_id = p.id and pt.role = 'koordynator'
             order by pt.created_at limit 1) as "coordinatorId"
          from projects p where p.number = ${number}`,
    );
    return row ?? null;
  }

  private async definition(p: ProjectRow, spec: DefinitionSpec): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      this.tx,
      sql`insert into indicator_definitions (name, definition, unit, type, counting, breakdowns, measurement, scope,
            programme_node_id, project_id)
          values (${spec.name}, ${spec.definition}, ${spec.unit}, ${spec.type}, ${spec.counting},
            ${JSON.stringify(spec.breakdowns ?? [])}::jsonb, ${spec.measurement}, ${spec.scope},
            ${spec.scope === 'programowy' ? p.programmeNodeId : null}, ${spec.scope === 'projektowy' ? p.id : null})
          returning id`,
    );
    return row?.id as string;
  }

  private async indicator(
    p: ProjectRow,
    definitionId: string,
    o: {
      target: number;
      baseline?: number;
      targetBreakdown?: Breakdown;
      sortOrder: number;
      metric?: { key: string; params: Record<string, unknown> };
    },
  ): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      this.tx,
      sql`insert into project_indicators (project_id, definition_id, baseline, target, target_breakdown, source,
            metric_key, metric_params, sort_order)
          values (${p.id}, ${definitionId}, ${String(o.baseline ?? 0)}, ${String(o.target)},
            ${JSON.stringify(o.targetBreakdown ?? {})}::jsonb, ${o.metric ? 'metric' : 'manual'},
            ${o.metric?.key ?? null}, ${JSON.stringify(o.metric?.params ?? {})}::jsonb, ${o.sortOrder})
          returning id`,
    );
    return row?.id as string;
  }

  /** Manual values inside the project's period and not in the future, entered five days later. */
  private async values(
    p: ProjectRow,
    indicatorId: string,
    points: ManualPoint[],
  ): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const pt of points) {
      if (pt.on < p.startsOn || pt.on > this.today) continue;
      const percent = pt.numerator !== undefined && pt.denominator !== undefined;
      const entered = earlierDay(addDays(pt.on, 5), this.today);
      const id = await insertValue(this.tx, {
        indicatorId,
        measuredOn: pt.on,
        value: percent
          ? (percentFrom(pt.numerator as number, pt.denominator as number) as string)
          : String(pt.value),
        numerator: percent ? String(pt.numerator) : null,
        denominator: percent ? String(pt.denominator) : null,
        breakdown: pt.breakdown ?? {},
        origin: 'manual',
        sourceNote: pt.note,
        evidenceDocumentId: null,
        supersedesId: null,
        enteredBy: p.coordinatorId,
        enteredAt: `${entered}T09:00:00+01:00`,
      });
      ids.set(pt.on, id);
    }
    return ids;
  }

  private async period(p: ProjectRow, name: string, startsOn: string, endsOn: string): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      this.tx,
      sql`insert into reporting_periods (project_id, name, starts_on, ends_on)
          values (${p.id}, ${name}, ${startsOn}, ${endsOn}) returning id`,
    );
    return row?.id as string;
  }

  private async anyUser(): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      this.tx,
      sql`select id from users where email = ${`admin@${DEMO_DOMAIN}`}`,
    );
    return row?.id as string;
  }

  async kielce(): Promise<void> {
    const p = await this.project('FERS.04.13-IP.04-0001/23');
    if (!p) return;
    const supported = await this.definition(p, {
      name: 'Liczba pracowników zatrudnionych w instytucjach i podmiotach działających na rzecz włączenia społecznego objętych wsparciem ROPS',
      definition:
        'Pracownicy instytucji pomocy i integracji społecznej, wspierania rodziny i pieczy zastępczej oraz podmiotów ekonomii społecznej, którzy rozpoczęli udział we wsparciu ROPS (szkolenia, doradztwo, superwizja, sieciowanie); każda osoba liczona raz.',
      unit: 'osoby',
      type: 'produkt',
      counting: 'osoby_unikalne',
      breakdowns: ['plec'],
      measurement: 'przy_wejsciu',
      scope: 'programowy',
    });
    const raised = await this.definition(p, {
      name: 'Liczba pracowników zatrudnionych w instytucjach i podmiotach działających na rzecz włączenia społecznego, którzy podnieśli kwalifikacje',
      definition:
        'Pracownicy objęci wsparciem ROPS, którzy po zakończeniu udziału uzyskali kwalifikacje lub nabyli kompetencje potwierdzone pozytywnym wynikiem testu lub certyfikatem.',
      unit: 'osoby',
      type: 'rezultat',
      counting: 'osoby_unikalne',
      breakdowns: ['plec'],
      measurement: 'do_4_tygodni',
      scope: 'programowy',
    });
    const lpdi = await this.definition(p, {
      name: 'Odsetek jednostek samorządu terytorialnego, które opracowały i realizują lokalne lub regionalne plany deinstytucjonalizacji usług społecznych (LPDI)',
      definition:
        'Licznik: JST województwa, które przyjęły i realizują plan deinstytucjonalizacji; mianownik: wszystkie JST województwa (102 gminy, 13 powiatów, samorząd województwa).',
      unit: 'procent',
      type: 'rezultat',
      counting: 'podmioty_unikalne',
      measurement: 'na_dzien',
      scope: 'programowy',
    });
    // Computed from the training platform's records (demo:trainings); measured once they exist.
    await this.indicator(p, supported, {
      target: 688,
      targetBreakdown: { plec: { k: 585, m: 103 } },
      sortOrder: 1,
      metric: { key: 'staff.supported', params: { institutionType: 'wszystkie' } },
    });
    await this.indicator(p, raised, {
      target: 654,
      targetBreakdown: { plec: { k: 556, m: 98 } },
      sortOrder: 2,
      metric: { key: 'staff.qualifications_raised', params: { institutionType: 'wszystkie' } },
    });
    const l = await this.indicator(p, lpdi, { target: 50, sortOrder: 3 });
    const plans = 'Uchwały rad gmin i powiatów przyjmujące plany deinstytucjonalizacji (monitoring ROPS)';
    await this.values(p, l, [
      { on: '2024-12-31', numerator: 12, denominator: 116, note: plans },
      { on: '2025-06-30', numerator: 27, denominator: 116, note: plans },
      { on: '2025-12-31', numerator: 38, denominator: 116, note: plans },
      { on: '2026-06-30', numerator: 44, denominator: 116, note: plans },
    ]);
    await this.period(p, '2024', '2024-01-01', '2024-12-31');
    await this.period(p, '2025', '2025-01-01', '2025-12-31');
  }

  async andrychow(): Promise<void> {
    const p = await this.project('RPMP.09.01.02-12-0142/17');
    if (!p) return;
    const persons = await this.definition(p, {
      name: 'Liczba osób zagrożonych ubóstwem lub wykluczeniem społecznym objętych wsparciem w programie',
      definition:
        'Osoby, które rozpoczęły udział w projekcie „Wykorzystaj swoją szansę”: kohorta 2019 — osoby z niepełnosprawnościami, 2020 — osoby bezrobotne, 2021 — rodziny wieloproblemowe.',
      unit: 'osoby',
      type: 'produkt',
      counting: 'osoby_unikalne',
      breakdowns: ['plec'],
      measurement: 'przy_wejsciu',
      scope: 'projektowy',
    });
    const flats = await this.definition(p, {
      name: 'Liczba miejsc w utworzonych mieszkaniach chronionych',
      definition:
        'Miejsca w mieszkaniach chronionych w Andrychowie, gotowe do zamieszkania (protokół odbioru).',
      unit: 'liczba',
      type: 'produkt',
      counting: 'zdarzenia',
      measurement: 'na_dzien',
      scope: 'projektowy',
    });
    const effectiveness = await this.definition(p, {
      name: 'Efektywność społeczna',
      definition:
        'Odsetek uczestników, którzy po zakończeniu udziału osiągnęli postęp w procesie aktywizacji społecznej; licznik: osoby z udokumentowanym postępem, mianownik: osoby, które zakończyły udział. Minimum 34 %.',
      unit: 'procent',
      type: 'rezultat',
      counting: 'osoby_unikalne',
      measurement: 'do_4_tygodni',
      scope: 'projektowy',
    });
    // The same figures as the participants of the demo (participants/demo.ts): 20 a year, 12 women and 8 men.
    const a = await this.indicator(p, persons, {
      target: 60,
      targetBreakdown: { plec: { k: 36, m: 24 } },
      sortOrder: 1,
    });
    const f = await this.indicator(p, flats, { target: 4, sortOrder: 2 });
    const e = await this.indicator(p, effectiveness, { target: 34, sortOrder: 3 });
    await this.values(p, a, [
      {
        on: '2019-12-31',
        value: 20,
        breakdown: { plec: { k: 12, m: 8 } },
        note: 'Umowy uczestnictwa — kohorta 2019 (osoby z niepełnosprawnościami)',
      },
      {
        on: '2020-12-31',
        value: 40,
        breakdown: { plec: { k: 24, m: 16 } },
        note: 'Umowy uczestnictwa — kohorta 2020 (osoby bezrobotne)',
      },
      {
        on: '2021-12-31',
        value: 60,
        breakdown: { plec: { k: 36, m: 24 } },
        note: 'Umowy uczestnictwa — kohorta 2021 (rodziny wieloproblemowe)',
      },
    ]);
    await this.values(p, f, [
      {
        on: '2019-09-16',
        value: 4,
        note: 'Protokół odbioru mieszkania chronionego w Andrychowie (4 miejsca)',
      },
    ]);
    await this.values(p, e, [
      {
        on: '2020-01-31',
        numerator: 8,
        denominator: 20,
        note: 'Ścieżki reintegracji uczestników kohorty 2019',
      },
      { on: '2021-01-31', numerator: 17, denominator: 40, note: 'Ścieżki reintegracji — kohorty 2019–2020' },
      { on: '2022-01-31', numerator: 25, denominator: 60, note: 'Ścieżki reintegracji — wszystkie kohorty' },
    ]);
  }

  async liderzy(): Promise<void> {
    const p = await this.project('POWR.02.05.00-00-0201/18');
    if (!p) return;
    const entities = await this.definition(p, {
      name: 'Liczba podmiotów objętych wsparciem w zakresie kooperacji',
      definition:
        'Podmioty gminne, powiatowe i wojewódzkie z obszaru pomocy i integracji społecznej oraz polityk sektorowych na terenach wiejskich makroregionu I, które rozpoczęły udział w projekcie; każdy podmiot liczony raz.',
      unit: 'podmioty',
      type: 'produkt',
      counting: 'podmioty_unikalne',
      measurement: 'przy_wejsciu',
      scope: 'programowy',
    });
    const e = await this.indicator(p, entities, { target: 350, sortOrder: 1 });
    const note = 'Deklaracje udziału podmiotów w projekcie (rejestr partnerstwa)';
    await this.values(p, e, [
      { on: '2019-12-31', value: 64, note },
      { on: '2020-12-31', value: 141, note },
      { on: '2021-12-31', value: 236, note },
      { on: '2022-12-31', value: 318, note },
      { on: '2023-10-31', value: 352, note },
    ]);
  }

  async kooperacje3d(): Promise<void> {
    const p = await this.project('POWR.02.05.00-00-0202/18');
    if (!p) return;
    const gminy = await this.definition(p, {
      name: 'Liczba gmin, w których przetestowano model kooperacji',
      definition:
        'Gminy powyżej 20 tys. mieszkańców w województwach małopolskim, śląskim, opolskim i łódzkim, w których partnerski zespół kooperacyjny przetestował model (porozumienie i plan pracy zespołu).',
      unit: 'podmioty',
      type: 'produkt',
      counting: 'podmioty_unikalne',
      measurement: 'na_dzien',
      scope: 'projektowy',
    });
    const powiaty = await this.definition(p, {
      name: 'Liczba powiatów, w których przetestowano model kooperacji',
      definition: 'Powiaty, w których partnerski zespół kooperacyjny przetestował model kooperacji.',
      unit: 'podmioty',
      type: 'produkt',
      counting: 'podmioty_unikalne',
      measurement: 'na_dzien',
      scope: 'projektowy',
    });
    const persons = await this.definition(p, {
      name: 'Liczba osób i rodzin objętych wsparciem zgodnie z modelem kooperacji',
      definition:
        'Osoby i rodziny, którym pomagał zespół międzysektorowy zgodnie z modelem (od 5 do 10 w każdej gminie); rodzina liczona jako jedna pozycja, podział według płci osoby, z którą zawarto kontrakt.',
      unit: 'osoby',
      type: 'rezultat',
      counting: 'osoby_unikalne',
      breakdowns: ['plec'],
      measurement: 'na_dzien',
      scope: 'projektowy',
    });
    const g = await this.indicator(p, gminy, { target: 30, sortOrder: 1 });
    const pw = await this.indicator(p, powiaty, { target: 20, sortOrder: 2 });
    const o = await this.indicator(p, persons, {
      target: 150,
      targetBreakdown: { plec: { k: 90, m: 60 } },
      sortOrder: 3,
    });
    const agreements = 'Porozumienia o współpracy i plany pracy partnerskich zespołów kooperacyjnych';
    await this.values(p, g, [
      { on: '2019-12-31', value: 8, note: agreements },
      { on: '2020-12-31', value: 19, note: agreements },
      { on: '2021-12-31', value: 27, note: agreements },
      { on: '2022-12-31', value: 30, note: agreements },
    ]);
    await this.values(p, pw, [
      { on: '2019-12-31', value: 5, note: agreements },
      { on: '2020-12-31', value: 12, note: agreements },
      { on: '2021-12-31', value: 18, note: agreements },
      { on: '2022-12-31', value: 19, note: agreements },
      { on: '2023-06-30', value: 20, note: agreements },
    ]);
    const contracts =
      'Kontrakty socjalne i plany pomocy zespołów międzysektorowych (sprawozdania animatorów)';
    const ids = await this.values(p, o, [
      { on: '2020-06-30', value: 22, breakdown: { plec: { k: 14, m: 8 } }, note: contracts },
      { on: '2020-12-31', value: 61, breakdown: { plec: { k: 38, m: 23 } }, note: contracts },
      { on: '2021-06-30', value: 97, breakdown: { plec: { k: 60, m: 37 } }, note: contracts },
      { on: '2021-12-31', value: 128, breakdown: { plec: { k: 79, m: 49 } }, note: contracts },
      { on: '2022-06-30', value: 116, breakdown: { plec: { k: 71, m: 45 } }, note: contracts },
    ]);
    // A value found wrong (a family counted twice in two gminy) and corrected a month later.
    const wrong = ids.get('2022-06-30');
    if (wrong && '2022-08-05' <= this.today)
      await insertValue(this.tx, {
        indicatorId: o,
        measuredOn: '2022-06-30',
        value: '149',
        numerator: null,
        denominator: null,
        breakdown: { plec: { k: 91, m: 58 } },
        origin: 'manual',
        sourceNote: `${contracts} — korekta: wartość wpisana bez rodzin z gmin śląskich, po weryfikacji list`,
        evidenceDocumentId: null,
        supersedesId: wrong,
        enteredBy: p.coordinatorId,
        enteredAt: '2022-08-05T10:00:00+02:00',
      });
    await this.values(p, o, [
      { on: '2022-12-31', value: 171, breakdown: { plec: { k: 104, m: 67 } }, note: contracts },
    ]);
    const frozen = await this.period(p, '2021', '2021-01-01', '2021-12-31');
    await this.period(p, '2022', '2022-01-01', '2022-12-31');
    await this.period(
      p,
      '2023 (do końca projektu)',
      '2023-01-01',
      p.endsOn < '2023-01-01' ? '2023-01-01' : p.endsOn,
    );
    if (p.startsOn <= '2021-12-31')
      await freezePeriod(
        this.tx,
        { id: frozen, projectId: p.id, endsOn: '2021-12-31', projectEndsOn: p.endsOn },
        p.coordinatorId ?? (await this.anyUser()),
      );
  }

  /**
   * The staff indicators of the ROPS Kielce project measured from the training records: at the end
   * of every quarter since their first training and today; then the years 2024 and 2025 frozen once
   * they have ended (a frozen period stores the metric computed as of its last day).
   */
  async kielceStaffMeasurements(): Promise<void> {
    const p = await this.project('FERS.04.13-IP.04-0001/23');
    if (!p) return;
    const rows = (await loadIndicatorRows(this.tx, p.id)).filter(
      (r) => r.source === 'metric' && r.metricKey?.startsWith('staff.'),
    );
    if (!rows.length) return;
    const days: string[] = [];
    for (let year = 2024; ; year++) {
      const ends = ['03-31', '06-30', '09-30', '12-31'].map((md) => `${year}-${md}`);
      for (const d of ends) if (d >= p.startsOn && d < this.today && d <= p.endsOn) days.push(d);
      if (`${year}-12-31` >= this.today) break;
    }
    days.push(earlierDay(this.today, p.endsOn));
    for (const row of rows)
      for (const day of days) {
        const figure = await figureAsOf(this.tx, row, [], {
          asOf: day,
          recompute: true,
          projectEndsOn: p.endsOn,
        });
        if (!figure) continue;
        await insertValue(this.tx, {
          indicatorId: row.id,
          measuredOn: figure.measuredOn,
          value: figure.value,
          numerator: figure.numerator,
          denominator: figure.denominator,
          breakdown: figure.breakdown,
          origin: 'metric',
          sourceNote: null,
          evidenceDocumentId: null,
          supersedesId: null,
          enteredBy: null,
          // The daily measurement of a past day ran that night; today's runs now.
          enteredAt: day < this.today ? `${day}T22:00:00+01:00` : undefined,
        });
      }
    const periods = await queryRows<{ id: string; endsOn: string }>(
      this.tx,
      sql`select id, ends_on::text as "endsOn" from reporting_periods
          where project_id = ${p.id} and name in ('2024', '2025') and status = 'otwarty' and ends_on < ${this.today}::date
          order by starts_on`,
    );
    for (const period of periods)
      await freezePeriod(
        this.tx,
        { id: period.id, projectId: p.id, endsOn: period.endsOn, projectEndsOn: p.endsOn },
        p.coordinatorId ?? (await this.anyUser()),
      );
  }

  /** Indicators computed from the records, on a project of MOPS Bochnia (made here if none exists). */
  async bochnia(): Promise<void> {
    const [mops] = await queryRows<{ id: string }>(
      this.tx,
      sql`select id from institutions where short_name = 'MOPS Bochnia'`,
    );
    if (!mops) return;
    let p = await this.bochniaProject(mops.id);
    if (!p) p = await this.createBochniaProject(mops.id);
    if (!p) return;
    const specs: {
      def: DefinitionSpec;
      target: number;
      metric: { key: string; params: Record<string, unknown> };
    }[] = [
      {
        def: {
          name: 'Liczba spraw, w których pracował zespół międzysektorowy (ZZK)',
          definition:
            'Sprawy instytucji projektu z aktywnym członkiem zespołu z innej instytucji, od początku projektu.',
          unit: 'liczba',
          type: 'produkt',
          counting: 'zdarzenia',
          measurement: 'na_dzien',
          scope: 'projektowy',
        },
        target: 8,
        metric: { key: 'cases.multi_sector_team', params: { window: 'narastajaco', otherSector: false } },
      },
      {
        def: {
          name: 'Liczba osób objętych wsparciem zespołów międzysektorowych',
          definition:
            'Osoby unikalne w sprawach z zespołem międzysektorowym (osoba sprawy lub członkowie rodziny), od początku projektu; podział według płci i wieku w chwili objęcia wsparciem.',
          unit: 'osoby',
          type: 'produkt',
          counting: 'osoby_unikalne',
          breakdowns: ['plec', 'wiek'],
          measurement: 'przy_wejsciu',
          scope: 'projektowy',
        },
        target: 15,
        metric: {
          key: 'cases.persons_in_multi_sector_cases',
          params: { window: 'narastajaco', otherSector: false },
        },
      },
      {
        def: {
          name: 'Odsetek otwartych spraw prowadzonych z udziałem zespołu międzysektorowego',
          definition:
            'Licznik: otwarte sprawy z aktywnym członkiem zespołu z innej instytucji; mianownik: otwarte sprawy.',
          unit: 'procent',
          type: 'rezultat',
          counting: 'zdarzenia',
          measurement: 'na_dzien',
          scope: 'projektowy',
        },
        target: 30,
        metric: { key: 'cases.multi_sector_team_share', params: { otherSector: false } },
      },
      {
        def: {
          name: 'Liczba zrealizowanych skierowań do instytucji partnerskich',
          definition:
            'Skierowania wysłane przez instytucje projektu i zakończone przez instytucję przyjmującą.',
          unit: 'liczba',
          type: 'rezultat',
          counting: 'zdarzenia',
          measurement: 'na_dzien',
          scope: 'projektowy',
        },
        target: 10,
        metric: { key: 'referrals.completed', params: { direction: 'wyslane', kind: 'skierowanie' } },
      },
      {
        def: {
          name: 'Liczba podmiotów w partnerskim zespole kooperacyjnym',
          definition: 'Członkowie PZK prowadzonego przez instytucje projektu na dzień pomiaru, z liderem.',
          unit: 'podmioty',
          type: 'produkt',
          counting: 'podmioty_unikalne',
          measurement: 'na_dzien',
          scope: 'projektowy',
        },
        target: 12,
        metric: { key: 'partnerships.member_entities', params: { includeLeader: true } },
      },
      {
        def: {
          name: 'Liczba podpisanych porozumień o współpracy',
          definition:
            'Porozumienia o współpracy partnerstw prowadzonych przez instytucje projektu, podpisane w okresie projektu.',
          unit: 'liczba',
          type: 'produkt',
          counting: 'zdarzenia',
          measurement: 'na_dzien',
          scope: 'projektowy',
        },
        target: 2,
        metric: { key: 'agreements.signed', params: { sinceProjectStart: false, inForce: false } },
      },
    ];
    const days = [150, 120, 90, 60, 30, 0]
      .map((d) => addDays(this.today, -d))
      .filter((d) => d >= (p as ProjectRow).startsOn && d <= (p as ProjectRow).endsOn);
    let order = 0;
    for (const s of specs) {
      const definitionId = await this.definition(p, s.def);
      const id = await this.indicator(p, definitionId, {
        target: s.target,
        sortOrder: ++order,
        metric: s.metric,
      });
      const [row] = await loadIndicatorRows(this.tx, p.id, id);
      if (!row) continue;
      for (const day of days) {
        const figure = await figureAsOf(this.tx, row, [], {
          asOf: day,
          recompute: true,
          projectEndsOn: p.endsOn,
        });
        if (!figure) continue;
        await insertValue(this.tx, {
          indicatorId: id,
          measuredOn: figure.measuredOn,
          value: figure.value,
          numerator: figure.numerator,
          denominator: figure.denominator,
          breakdown: figure.breakdown,
          origin: 'metric',
          sourceNote: null,
          evidenceDocumentId: null,
          supersedesId: null,
          enteredBy: null,
          enteredAt: `${day}T22:00:00+01:00`,
        });
      }
    }
  }

  private async bochniaProject(mopsId: string): Promise<ProjectRow | null> {
    const [row] = await queryRows<{ number: string }>(
      this.tx,
      sql`select p.number from projects p
          where p.leader_institution_id = ${mopsId}
             or exists (select 1 from project_partners pp where pp.project_id = p.id and pp.institution_id = ${mopsId})
          order by (p.status = 'realizacja') desc, p.ends_on desc limit 1`,
    );
    return row ? this.project(row.number) : null;
  }

  /** "Bocheńska Sieć Kooperacji": the demo's own project, only when no demo project involves MOPS Bochnia. */
  private async createBochniaProject(mopsId: string): Promise<ProjectRow | null> {
    const [node] = await queryRows<{ id: string }>(
      this.tx,
      sql`select coalesce(
            (select programme_node_id from projects where number = 'POWR.02.05.00-00-0202/18'),
            (select id from programme_nodes where kind in ('dzialanie', 'poddzialanie') order by code limit 1)) as id`,
    );
    const [krakow] = await queryRows<{ id: string }>(
      this.tx,
      sql`select id from institutions where short_name = 'ROPS Kraków'`,
    );
    const [coordinator] = await queryRows<{ id: string }>(
      this.tx,
      sql`select id from users where email = ${`koordynator.krakow@${DEMO_DOMAIN}`}`,
    );
    if (!node?.id) return null;
    const year = Number(this.today.slice(0, 4));
    const number = `MOPS-BOCHNIA/PZK/${year - 1}`;
    const [project] = await queryRows<{ id: string }>(
      this.tx,
      sql`insert into projects (number, title, short_title, programme_node_id, leader_institution_id, status,
            starts_on, ends_on, goals, target_groups, total_value, eligible_costs, own_contribution, created_by)
          values (${number}, 'Bocheńska Sieć Kooperacji — wdrożenie modelu Kooperacje 3D w Bochni',
            'Bocheńska Sieć Kooperacji', ${node.id}, ${mopsId}, 'realizacja', ${`${year - 1}-01-01`},
            ${`${year + 1}-12-31`},
            'Utrwalenie współpracy instytucji w Partnerskim Zespole Kooperacyjnym i praca zespołów międzysektorowych z rodzinami.',
            ${JSON.stringify(['rodziny wieloproblemowe z Bochni', 'instytucje PZK w Bochni'])}::jsonb,
            48000000, 48000000, 48000000, ${coordinator?.id ?? null})
          returning id`,
    );
    if (!project) return null;
    if (krakow)
      await this.tx.execute(
        sql`insert into project_partners (project_id, institution_id, role, budget_share, description)
            values (${project.id}, ${krakow.id}, 'partner', 0, 'Wsparcie merytoryczne modelu Kooperacje 3D')`,
      );
    if (coordinator)
      await this.tx.execute(
        sql`insert into project_team (project_id, user_id, role) values (${project.id}, ${coordinator.id}, 'koordynator')`,
      );
    return this.project(number);
  }
}
