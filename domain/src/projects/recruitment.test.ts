import { describe, expect, it } from 'vitest';
import {
  ApplicationInput,
  addMonths,
  CallInput,
  CohortInput,
  checkEligibility,
  DecisionInput,
  type EligibilityApplicant,
  type EligibilityRule,
  eligibilityReasonCodes,
  eligibilityRuleSchema,
  type RankCandidate,
  rankCohort,
  scoreApplication,
  scoringCriterionSchema,
} from './recruitment.js';

/** A valid PESEL for a birth date (1900–2099) and sex, with the check digit computed. */
function pesel(birthDate: string, sex: 'K' | 'M', serial = '012'): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  const month = Number(m) + (Number(y) >= 2000 ? 20 : 0);
  const body = `${y.slice(2)}${String(month).padStart(2, '0')}${d}${serial}${sex === 'M' ? 1 : 2}`;
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * (w[i] as number), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

const applicant = (over: Partial<EligibilityApplicant> = {}): EligibilityApplicant => ({
  birthDate: '1990-06-15',
  teryt: '1218012',
  labourStatus: 'bezrobotna_zarejestrowana',
  disability: 'tak',
  povertyGrounds: ['pomoc_spoleczna'],
  inInstitution: false,
  institutionLeftOn: null,
  ...over,
});
const ON = '2019-03-01';
const check = (rule: EligibilityRule, over: Partial<EligibilityApplicant> = {}, isParticipant = false) =>
  checkEligibility([rule], applicant(over), { onDate: ON, isParticipant }).reasons[0];

describe('eligibility rules, each with its reason', () => {
  it('age: counted in full years on the day of application, both bounds inclusive', () => {
    const rule: EligibilityRule = { kind: 'wiek', min: 18, max: 64 };
    // 18th birthday exactly on the day of application: eligible.
    expect(check(rule, { birthDate: '2001-03-01' })).toEqual({
      rule: 'wiek',
      ok: true,
      code: 'wiek.spelnia',
      params: { age: 18, min: 18, max: 64 },
    });
    // One day short of 18.
    expect(check(rule, { birthDate: '2001-03-02' })).toMatchObject({
      ok: false,
      code: 'wiek.za_mlody',
      params: { age: 17, min: 18 },
    });
    expect(check(rule, { birthDate: '1954-03-01' })).toMatchObject({
      ok: false,
      code: 'wiek.za_stary',
      params: { age: 65, max: 64 },
    });
    expect(check(rule, { birthDate: '1954-03-02' })).toMatchObject({ ok: true, params: { age: 64 } });
    expect(check({ kind: 'wiek', min: 50 }, { birthDate: '1930-01-01' })).toMatchObject({ ok: true });
  });

  it('residence: a listed gmina, or any gmina of a listed powiat', () => {
    const rule: EligibilityRule = { kind: 'zamieszkanie', teryt: ['1218012', '1201'] };
    expect(check(rule, { teryt: '1218012' })).toMatchObject({ ok: true, code: 'zamieszkanie.spelnia' });
    expect(check(rule, { teryt: '1201043' })).toMatchObject({ ok: true, code: 'zamieszkanie.spelnia' });
    expect(check(rule, { teryt: '1218022' })).toEqual({
      rule: 'zamieszkanie',
      ok: false,
      code: 'zamieszkanie.poza_obszarem',
      params: { teryt: '1218022', allowed: ['1218012', '1201'] },
    });
    expect(check(rule, { teryt: null })).toMatchObject({ ok: false, code: 'zamieszkanie.brak_danych' });
  });

  it('labour-market status: one of the allowed statuses', () => {
    const rule: EligibilityRule = {
      kind: 'status_na_rynku_pracy',
      allowed: ['bezrobotna_zarejestrowana', 'bezrobotna_niezarejestrowana'],
    };
    expect(check(rule)).toMatchObject({
      ok: true,
      code: 'status_na_rynku_pracy.spelnia',
      params: { status: 'bezrobotna_zarejestrowana' },
    });
    expect(check(rule, { labourStatus: 'pracujaca' })).toMatchObject({
      ok: false,
      code: 'status_na_rynku_pracy.inny_status',
      params: { status: 'pracujaca' },
    });
    expect(check(rule, { labourStatus: null })).toMatchObject({
      ok: false,
      code: 'status_na_rynku_pracy.brak_danych',
    });
  });

  it('disability: only a declared "tak"; a refusal to answer cannot confirm it', () => {
    const rule: EligibilityRule = { kind: 'niepelnosprawnosc' };
    expect(check(rule)).toMatchObject({ ok: true, code: 'niepelnosprawnosc.spelnia' });
    expect(check(rule, { disability: 'nie' })).toMatchObject({
      ok: false,
      code: 'niepelnosprawnosc.nie_dotyczy',
    });
    expect(check(rule, { disability: 'odmowa' })).toMatchObject({
      ok: false,
      code: 'niepelnosprawnosc.odmowa',
    });
    expect(check(rule, { disability: null })).toMatchObject({
      ok: false,
      code: 'niepelnosprawnosc.brak_danych',
    });
  });

  it('risk of exclusion: any declared ground, or at least one of the listed grounds', () => {
    const any: EligibilityRule = { kind: 'zagrozenie_wykluczeniem' };
    expect(check(any)).toMatchObject({ ok: true, params: { grounds: ['pomoc_spoleczna'] } });
    expect(check(any, { povertyGrounds: [] })).toMatchObject({
      ok: false,
      code: 'zagrozenie_wykluczeniem.brak_przeslanek',
    });
    const listed: EligibilityRule = {
      kind: 'zagrozenie_wykluczeniem',
      grounds: ['niepelnosprawnosc', 'bezdomnosc'],
    };
    expect(check(listed, { povertyGrounds: ['pomoc_spoleczna', 'bezdomnosc'] })).toMatchObject({
      ok: true,
      params: { grounds: ['bezdomnosc'] },
    });
    expect(check(listed)).toEqual({
      rule: 'zagrozenie_wykluczeniem',
      ok: false,
      code: 'zagrozenie_wykluczeniem.inne_przeslanki',
      params: { grounds: ['pomoc_spoleczna'], required: ['niepelnosprawnosc', 'bezdomnosc'] },
    });
  });

  it('institution: staying now, or left at most N months before the application (9.1.3)', () => {
    const rule: EligibilityRule = { kind: 'instytucja', months: 12 };
    expect(check(rule, { inInstitution: true })).toMatchObject({ ok: true, code: 'instytucja.przebywa' });
    // Left exactly 12 months before: still within.
    expect(check(rule, { institutionLeftOn: '2018-03-01' })).toEqual({
      rule: 'instytucja',
      ok: true,
      code: 'instytucja.opuscil_w_terminie',
      params: { leftOn: '2018-03-01', months: 12, until: '2019-03-01' },
    });
    expect(check(rule, { institutionLeftOn: '2018-02-28' })).toMatchObject({
      ok: false,
      code: 'instytucja.opuscil_dawno',
      params: { until: '2019-02-28' },
    });
    // Planned to leave after the application: still staying.
    expect(check(rule, { inInstitution: true, institutionLeftOn: '2019-06-30' })).toMatchObject({
      code: 'instytucja.przebywa',
    });
    expect(check(rule)).toMatchObject({ ok: false, code: 'instytucja.nie_dotyczy' });
  });

  it('not already a participant of the project', () => {
    const rule: EligibilityRule = { kind: 'nie_uczestnik' };
    expect(check(rule, {}, false)).toMatchObject({ ok: true, code: 'nie_uczestnik.spelnia' });
    expect(check(rule, {}, true)).toMatchObject({ ok: false, code: 'nie_uczestnik.juz_uczestnik' });
  });

  it('is eligible only when every rule is met, and reports every rule', () => {
    const rules: EligibilityRule[] = [
      { kind: 'wiek', min: 18 },
      { kind: 'niepelnosprawnosc' },
      { kind: 'zamieszkanie', teryt: ['1218'] },
    ];
    const ok = checkEligibility(rules, applicant(), { onDate: ON, isParticipant: false });
    expect(ok.eligible).toBe(true);
    const bad = checkEligibility(rules, applicant({ disability: 'nie', teryt: '1261011' }), {
      onDate: ON,
      isParticipant: false,
    });
    expect(bad.eligible).toBe(false);
    expect(bad.reasons.map((r) => [r.rule, r.ok])).toEqual([
      ['wiek', true],
      ['niepelnosprawnosc', false],
      ['zamieszkanie', false],
    ]);
    expect(checkEligibility([], applicant(), { onDate: ON, isParticipant: true }).eligible).toBe(true);
  });

  it('gives only the reasons listed (each has its message), and every listed reason can happen', () => {
    const rules: EligibilityRule[] = [
      { kind: 'wiek', min: 18, max: 64 },
      { kind: 'zamieszkanie', teryt: ['1218'] },
      { kind: 'status_na_rynku_pracy', allowed: ['bierna_zawodowo'] },
      { kind: 'niepelnosprawnosc' },
      { kind: 'zagrozenie_wykluczeniem', grounds: ['bezdomnosc'] },
      { kind: 'instytucja', months: 6 },
      { kind: 'nie_uczestnik' },
    ];
    const variants: Partial<EligibilityApplicant>[] = [
      {},
      { birthDate: '2010-01-01', teryt: null, labourStatus: null, disability: null, povertyGrounds: [] },
      { birthDate: '1930-01-01', teryt: '1261011', labourStatus: 'bierna_zawodowo', disability: 'nie' },
      { disability: 'odmowa', povertyGrounds: ['bezdomnosc'], inInstitution: true },
      { institutionLeftOn: '2018-12-01' },
      { institutionLeftOn: '2010-01-01' },
    ];
    const seen = new Set<string>();
    for (const [i, v] of variants.entries())
      for (const r of checkEligibility(rules, applicant(v), { onDate: ON, isParticipant: i % 2 === 1 })
        .reasons)
        seen.add(r.code);
    expect([...seen].sort()).toEqual([...eligibilityReasonCodes].sort());
  });

  it('adds months the calendar way (end of a shorter month)', () => {
    expect(addMonths('2018-08-31', 6)).toBe('2019-02-28');
    expect(addMonths('2019-11-15', 3)).toBe('2020-02-15');
    expect(addMonths('2020-02-29', 12)).toBe('2021-02-28');
  });

  it('refuses rules that make no sense, field by field', () => {
    const age = eligibilityRuleSchema.safeParse({ kind: 'wiek' });
    expect(age.error?.issues.map((i) => i.message)).toEqual(['recruitment.rule.ageBound']);
    const order = eligibilityRuleSchema.safeParse({ kind: 'wiek', min: 30, max: 18 });
    expect(order.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['max', 'recruitment.rule.ageOrder'],
    ]);
    const teryt = eligibilityRuleSchema.safeParse({ kind: 'zamieszkanie', teryt: ['12180'] });
    expect(teryt.error?.issues[0]?.message).toBe('recruitment.rule.teryt');
    expect(eligibilityRuleSchema.safeParse({ kind: 'plec' }).success).toBe(false);
  });
});

describe('scoring', () => {
  it('adds the points of every criterion met, per ground when asked', () => {
    const criteria = [
      { kind: 'niepelnosprawnosc', points: 10 },
      { kind: 'zagrozenie_wykluczeniem', perGround: true, points: 3 },
      { kind: 'status_na_rynku_pracy', statuses: ['bierna_zawodowo'], points: 5 },
      { kind: 'wiek', min: 50, points: 4 },
      { kind: 'zamieszkanie', teryt: ['1218'], points: 2 },
      { kind: 'instytucja', months: 12, points: 6 },
      { kind: 'odpowiedz', question: 'rodzina_wielodzietna', value: true, points: 7 },
    ].map((c) => scoringCriterionSchema.parse(c));
    const result = scoreApplication(
      criteria,
      applicant({
        povertyGrounds: ['pomoc_spoleczna', 'bezdomnosc'],
        institutionLeftOn: '2018-09-01',
        answers: { rodzina_wielodzietna: true },
      }),
      { onDate: ON },
    );
    expect(result.items.map((i) => [i.kind, i.met, i.points])).toEqual([
      ['niepelnosprawnosc', true, 10],
      ['zagrozenie_wykluczeniem', true, 6],
      ['status_na_rynku_pracy', false, 0],
      ['wiek', false, 0],
      ['zamieszkanie', true, 2],
      ['instytucja', true, 6],
      ['odpowiedz', true, 7],
    ]);
    expect(result.total).toBe(31);
  });

  it('counts a listed ground once without perGround, and compares text answers without case', () => {
    const criteria = [
      { kind: 'zagrozenie_wykluczeniem', grounds: ['bezdomnosc', 'uzaleznienie'], points: 5 },
      { kind: 'odpowiedz', question: 'dzieci', value: 'Tak, troje', points: 1 },
    ].map((c) => scoringCriterionSchema.parse(c));
    const a = applicant({
      povertyGrounds: ['bezdomnosc', 'uzaleznienie'],
      answers: { dzieci: ' tak, TROJE ' },
    });
    expect(scoreApplication(criteria, a, { onDate: ON }).total).toBe(6);
    expect(scoreApplication(criteria, applicant(), { onDate: ON }).total).toBe(0);
  });
});

describe('ranking of a cohort', () => {
  const c = (id: string, score: number, over: Partial<RankCandidate> = {}): RankCandidate => ({
    id,
    eligible: true,
    score,
    submittedAt: '2019-03-01T10:00:00+01:00',
    birthDate: '1980-01-01',
    number: `AND-2019/${id.padStart(4, '0')}`,
    ...over,
  });

  it('puts more points first, cuts at the places, then the reserve list, then the rest', () => {
    const apps = [c('1', 10), c('2', 30), c('3', 20), c('4', 5), c('5', 40, { eligible: false }), c('6', 1)];
    const r = rankCohort(apps, 2, 2, 'kolejnosc_zgloszen');
    expect(r.ranking.map((e) => [e.id, e.position])).toEqual([
      ['2', 1],
      ['3', 2],
    ]);
    expect(r.reserve.map((e) => [e.id, e.position])).toEqual([
      ['1', 3],
      ['4', 4],
    ]);
    expect(r.rest).toEqual([
      { id: '6', reason: 'poza_lista', position: 5, score: 1 },
      { id: '5', reason: 'nie_spelnia_kryteriow', position: null, score: 40 },
    ]);
  });

  it('breaks ties by application time (earlier first)', () => {
    const apps = [
      c('1', 10, { submittedAt: '2019-03-02T09:00:00+01:00' }),
      c('2', 10, { submittedAt: '2019-03-01T12:00:00+01:00' }),
      // The same instant written in UTC: compared as time, not as text.
      c('3', 10, { submittedAt: '2019-03-01T10:30:00Z' }),
    ];
    const r = rankCohort(apps, 3, 0, 'kolejnosc_zgloszen');
    expect(r.ranking.map((e) => e.id)).toEqual(['3', '2', '1']);
    expect(r.ranking.every((e) => e.tied)).toBe(true);
  });

  it('breaks ties by the older applicant first', () => {
    const apps = [
      c('1', 10, { birthDate: '1990-05-05', submittedAt: '2019-03-01T08:00:00+01:00' }),
      c('2', 10, { birthDate: '1960-01-01', submittedAt: '2019-03-03T08:00:00+01:00' }),
      c('3', 12, { birthDate: '2000-01-01' }),
    ];
    const r = rankCohort(apps, 1, 5, 'starszy_wiek');
    expect([...r.ranking, ...r.reserve].map((e) => [e.id, e.tied])).toEqual([
      ['3', false],
      ['2', true],
      ['1', true],
    ]);
  });

  it('breaks ties by the younger applicant first, and by time when born the same day', () => {
    const apps = [
      c('1', 10, { birthDate: '1990-05-05', submittedAt: '2019-03-02T08:00:00+01:00' }),
      c('2', 10, { birthDate: '1960-01-01' }),
      c('3', 10, { birthDate: '1990-05-05', submittedAt: '2019-03-01T08:00:00+01:00' }),
    ];
    expect(rankCohort(apps, 3, 0, 'mlodszy_wiek').ranking.map((e) => e.id)).toEqual(['3', '1', '2']);
  });

  it('is deterministic: the same applications in any order give the same lists', () => {
    const apps = Array.from({ length: 30 }, (_, i) =>
      c(String(i + 1), i % 4, { birthDate: `19${50 + (i % 3)}-01-01`, eligible: i % 7 !== 0 }),
    );
    const first = rankCohort(apps, 8, 5, 'starszy_wiek');
    const shuffled = [...apps].sort(
      (a, b) => ((a.id.length * 7 + Number(a.id) * 13) % 11) - ((b.id.length * 7 + Number(b.id) * 13) % 11),
    );
    expect(rankCohort(shuffled, 8, 5, 'starszy_wiek')).toEqual(first);
    expect(rankCohort([...apps].reverse(), 8, 5, 'starszy_wiek')).toEqual(first);
  });

  it('gives no reserve list and no ranking when there are no places', () => {
    const r = rankCohort([c('1', 1)], 0, 0, 'kolejnosc_zgloszen');
    expect(r.ranking).toEqual([]);
    expect(r.reserve).toEqual([]);
    expect(r.rest).toHaveLength(1);
  });
});

describe('input schemas', () => {
  const base = {
    formKind: 'wsparcie',
    firstName: 'Anna',
    lastName: 'Nowak',
    phone: '600 100 200',
  };

  it('takes the birth date and sex from the PESEL and refuses a wrong one', () => {
    const ok = ApplicationInput.parse({ ...base, pesel: pesel('1985-03-12', 'K') });
    expect([ok.birthDate, ok.sex, ok.noPesel]).toEqual(['1985-03-12', 'K', false]);
    const bad = ApplicationInput.safeParse({ ...base, pesel: '85031212345' });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['pesel', 'pesel.invalid']]);
    const mismatch = ApplicationInput.safeParse({
      ...base,
      pesel: pesel('1985-03-12', 'K'),
      birthDate: '1985-03-13',
      sex: 'M',
    });
    expect(mismatch.error?.issues.map((i) => i.message)).toEqual([
      'pesel.birthDateMismatch',
      'pesel.sexMismatch',
    ]);
  });

  it('without a PESEL asks for "no PESEL", the birth date and sex, and for a way to contact', () => {
    const r = ApplicationInput.safeParse({ formKind: 'wsparcie', firstName: 'Jan', lastName: 'Kowalski' });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['pesel', 'recruitment.application.peselOrNone'],
      ['birthDate', 'person.birthDateRequired'],
      ['sex', 'person.sexRequired'],
      ['phone', 'recruitment.application.contact'],
    ]);
    const ok = ApplicationInput.parse({
      ...base,
      noPesel: true,
      birthDate: '1970-01-01',
      sex: 'M',
      email: '',
    });
    expect([ok.noPesel, ok.email, ok.pesel]).toEqual([true, null, null]);
  });

  it('checks a call: closing after opening, unique keys, a legal basis for each consent', () => {
    const r = CallInput.safeParse({
      code: 'and-2019',
      name: 'Nabór 2019',
      opensAt: '2019-03-01T00:00:00+01:00',
      closesAt: '2019-02-01T00:00:00+01:00',
      placesTotal: 20,
      formKinds: ['wsparcie'],
      questions: [
        { key: 'dzieci', label: 'Liczba dzieci', type: 'tekst', required: false },
        { key: 'dzieci', label: 'Wybór', type: 'wybor', required: true },
      ],
      clauses: [
        { key: 'zgoda', kind: 'zgoda', title: 'Zgoda', text: 'Treść', legalBases: [], required: true },
      ],
    });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['questions.1.options', 'recruitment.question.options'],
      ['clauses.0.legalBases', 'recruitment.clause.legalBasis'],
      ['closesAt', 'recruitment.call.dates'],
      ['questions.1.key', 'recruitment.keyTaken'],
    ]);
    const ok = CallInput.parse({
      code: 'and-2019',
      name: 'Nabór 2019',
      opensAt: '2019-03-01T00:00:00+01:00',
      closesAt: '2019-04-01T00:00:00+02:00',
      placesTotal: 20,
      formKinds: ['wsparcie'],
    });
    expect([ok.code, ok.status, ok.questions]).toEqual(['AND-2019', 'projekt', []]);
  });

  it('fills a cohort’s defaults and requires a reason for a rejection', () => {
    const cohort = CohortInput.parse({ name: '2019 — osoby z niepełnosprawnościami', places: 20 });
    expect([cohort.reservePlaces, cohort.tieBreak, cohort.eligibilityRules]).toEqual([
      0,
      'kolejnosc_zgloszen',
      [],
    ]);
    expect(DecisionInput.safeParse({ status: 'odrzucone', version: 1 }).error?.issues[0]?.message).toBe(
      'recruitment.decision.reasonRequired',
    );
    expect(DecisionInput.safeParse({ status: 'zakwalifikowane', version: 1 }).success).toBe(true);
  });
});
