import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/database.js';
import { DEMO_DOMAIN } from '../identity/demo.js';

/**
 * Demo of the worker dimension on ten open cases of MOPS Bochnia: referrals to the police, the
 * counselling centre and the labour office in every state (sent, accepted, in progress, overdue,
 * completed with an outcome that closed a plan action, rejected, withdrawn), case teams with the
 * school and the police (active on a provision, active on a consent with health data, invited,
 * ended, and one whose consent was withdrawn), team messages, two case-team meetings (one held with
 * the school, minutes and action items; one planned with the police) and one Niebieska Karta flag.
 */
export async function seedDemoSharing(tx: Tx): Promise<void> {
  const inst = async (shortName: string) => {
    const [r] = await queryRows<{ id: string }>(
      tx,
      sql`select id from institutions where short_name = ${shortName}`,
    );
    if (!r) throw new Error(`demo institution ${shortName} missing`);
    return r.id;
  };
  const user = async (local: string) => {
    const [r] = await queryRows<{ id: string }>(
      tx,
      sql`select id from users where email = ${`${local}@${DEMO_DOMAIN}`}`,
    );
    if (!r) throw new Error(`demo user ${local} missing`);
    return r.id;
  };
  const mops = await inst('MOPS Bochnia');
  const kpp = await inst('KPP Bochnia');
  const sp1 = await inst('SP 1 Bochnia');
  const ppp = await inst('PPP Bochnia');
  const pup = await inst('PUP Bochnia');
  const policja = await user('policja.bochnia');
  const pedagog = await user('pedagog.bochnia');

  const cases = await queryRows<{
    id: string;
    number: string;
    lead: string;
    personId: string | null;
    subjectPerson: string | null;
    actionId: string | null;
  }>(
    tx,
    sql`select c.id, c.number, c.lead_worker_id as lead, c.person_id as "personId",
          coalesce(c.person_id, (select hm.person_id from household_members hm where hm.household_id = c.household_id
                                 and hm.to_date is null order by case hm.relation when 'glowa' then 0 else 1 end limit 1))
            as "subjectPerson",
          (select pa.id from plan_actions pa join plans p on p.id = pa.plan_id
            where p.case_id = c.id and p.status = 'aktywny' and pa.status in ('zaplanowane', 'w_toku')
            order by pa.deadline nulls last limit 1) as "actionId"
        from cases c
        where c.institution_id = ${mops} and c.status <> 'zamknieta'
        order by exists (select 1 from plans p where p.case_id = c.id and p.status = 'aktywny') desc, c.number
        limit 10`,
  );
  if (cases.length < 10)
    throw new Error('demo:sharing needs ten open cases of MOPS Bochnia (run demo:cases first)');
  const c = (i: number) => cases[i] as (typeof cases)[number];
  const year = new Date().getFullYear();
  let n = 0;

  async function referral(
    i: number,
    o: {
      to: string;
      status: string;
      kind?: string;
      urgency?: string;
      expected: number | null;
      createdDaysAgo: number;
      reason: string;
      scopes?: string[];
      assigned?: string | null;
      outcome?: string;
      feedback?: string;
      rejection?: string;
      withdrawal?: string;
      linkAction?: boolean;
    },
  ) {
    n += 1;
    const number = `SKR/${year}/${String(n).padStart(4, '0')}`;
    const cs = c(i);
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into referrals (number, case_id, kind, from_institution_id, from_user_id, to_institution_id, plan_action_id,
            reason, urgency, expected_by, scopes, basis, legal_basis, status, assigned_user_id, responded_at,
            rejection_reason, completed_at, outcome, feedback, withdrawn_at, withdrawal_reason, created_at, updated_at)
          values (${number}, ${cs.id}, ${o.kind ?? 'skierowanie'}, ${mops}, ${cs.lead}, ${o.to},
            ${o.linkAction ? cs.actionId : null}, ${o.reason}, ${o.urgency ?? 'zwykla'},
            ${o.expected === null ? null : sql`(now() at time zone 'Europe/Warsaw')::date + ${o.expected}::int`},
            ${sql.param(o.scopes ?? ['podstawowe', 'plan'])}::text[], 'przepis', 'ups_art_110_8', ${o.status},
            ${o.assigned ?? null},
            ${['przyjete', 'w_realizacji', 'zakonczone', 'odrzucone'].includes(o.status) ? sql`now() - make_interval(days => ${o.createdDaysAgo - 1}::int)` : null},
            ${o.rejection ?? null}, ${o.status === 'zakonczone' ? sql`now() - interval '1 day'` : null},
            ${o.outcome ?? null}, ${o.feedback ?? null},
            ${o.status === 'wycofane' ? sql`now() - interval '2 days'` : null}, ${o.withdrawal ?? null},
            now() - make_interval(days => ${o.createdDaysAgo}::int), now())
          returning id`,
    );
    const id = row?.id as string;
    const steps: Array<[string, number, string | null, string | null]> = [
      ['wyslane', o.createdDaysAgo, cs.lead, null],
    ];
    if (['przyjete', 'w_realizacji', 'zakonczone'].includes(o.status))
      steps.push(['przyjete', o.createdDaysAgo - 1, o.assigned ?? null, null]);
    if (['w_realizacji', 'zakonczone'].includes(o.status))
      steps.push(['w_realizacji', o.createdDaysAgo - 2, o.assigned ?? null, null]);
    if (o.status === 'zakonczone') steps.push(['zakonczone', 1, o.assigned ?? null, o.outcome ?? null]);
    if (o.status === 'odrzucone') steps.push(['odrzucone', o.createdDaysAgo - 1, null, o.rejection ?? null]);
    if (o.status === 'wycofane') steps.push(['wycofane', 2, cs.lead, o.withdrawal ?? null]);
    for (const [status, daysAgo, actor, note] of steps)
      await tx.execute(
        sql`insert into referral_events (referral_id, status, note, actor_id, actor_institution_id, at)
            values (${id}, ${status}, ${note}, ${actor}, ${status === 'wyslane' || status === 'wycofane' ? mops : o.to},
                    now() - make_interval(days => ${Math.max(daysAgo, 0)}::int))`,
      );
    await tx.execute(
      sql`insert into timeline_entries (case_id, kind, occurred_at, title, body, author_id)
          values (${cs.id}, 'wspolpraca', now() - make_interval(days => ${o.createdDaysAgo}::int),
                  ${`Skierowanie ${number}`}, ${o.reason}, ${cs.lead})`,
    );
    if (o.status === 'zakonczone') {
      await tx.execute(
        sql`insert into timeline_entries (case_id, kind, occurred_at, title, body, author_id)
            values (${cs.id}, 'wspolpraca', now() - interval '1 day', ${`Wynik skierowania ${number}`}, ${o.outcome ?? null},
                    ${o.assigned ?? cs.lead})`,
      );
      if (o.linkAction && cs.actionId)
        await tx.execute(
          sql`update plan_actions set status = 'wykonane', completed_on = (now() at time zone 'Europe/Warsaw')::date - 1
              where id = ${cs.actionId}`,
        );
    }
    return id;
  }

  async function member(
    i: number,
    o: {
      institution: string;
      user: string | null;
      role: string;
      status: string;
      scopes: string[];
      consentId?: string;
      startedDaysAgo: number;
      endReason?: string;
    },
  ) {
    const cs = c(i);
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into case_team_members (case_id, institution_id, user_id, role, status, basis, legal_basis, consent_id, scopes,
            purpose, starts_on, ended_at, end_reason, invited_by, responded_by, responded_at)
          values (${cs.id}, ${o.institution}, ${o.user}, ${o.role}, ${o.status}, ${o.consentId ? 'zgoda' : 'przepis'},
            ${o.consentId ? null : 'ups_art_110_8'}, ${o.consentId ?? null}, ${sql.param(o.scopes)}::text[],
            'Wspólny plan pomocy rodzinie', (now() at time zone 'Europe/Warsaw')::date - ${o.startedDaysAgo}::int,
            ${o.status === 'zakonczony' ? sql`now() - interval '3 days'` : null}, ${o.endReason ?? null}, ${cs.lead},
            ${o.status === 'zaproszony' ? null : o.user}, ${o.status === 'zaproszony' ? null : sql`now() - make_interval(days => ${o.startedDaysAgo}::int)`})
          returning id`,
    );
    return row?.id as string;
  }

  async function consent(i: number, to: string, scopes: string[], withdrawn = false) {
    const cs = c(i);
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into consents (case_id, person_id, recipient_institution_id, scopes, purpose, given_on, withdrawn_on, withdrawn_by, created_by)
          values (${cs.id}, ${cs.subjectPerson}, ${to}, ${sql.param(scopes)}::text[], 'Wspólna praca zespołu nad sytuacją dziecka w szkole',
                  (now() at time zone 'Europe/Warsaw')::date - 30,
                  ${withdrawn ? sql`(now() at time zone 'Europe/Warsaw')::date - 2` : null}, ${withdrawn ? cs.lead : null}, ${cs.lead})
          returning id`,
    );
    return row?.id as string;
  }

  async function message(i: number, author: string, authorInst: string, body: string, hoursAgo: number) {
    await tx.execute(
      sql`insert into case_messages (case_id, author_id, author_institution_id, body, created_at)
          values (${c(i).id}, ${author}, ${authorInst}, ${body}, now() - make_interval(hours => ${hoursAgo}::int))`,
    );
  }

  /** A case-team meeting at 10:00 Warsaw time, `daysFromNow` away, with its attendees and action items. */
  async function meeting(
    i: number,
    o: {
      title: string;
      daysFromNow: number;
      status: 'zaplanowane' | 'odbyte';
      place: string;
      agenda: string;
      minutes?: string;
      decisions?: string;
      attendees: Array<{ institution: string | null; user: string | null; name: string; present?: boolean }>;
      items?: Array<{
        description: string;
        institution: string;
        user: string | null;
        dueIn: number;
        done?: boolean;
      }>;
    },
  ) {
    const cs = c(i);
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into meetings (case_id, title, starts_at, place, agenda, minutes, decisions, status, created_by)
          values (${cs.id}, ${o.title},
                  (((now() at time zone 'Europe/Warsaw')::date + ${o.daysFromNow}::int) + time '10:00') at time zone 'Europe/Warsaw',
                  ${o.place}, ${o.agenda}, ${o.minutes ?? null}, ${o.decisions ?? null}, ${o.status}, ${cs.lead})
          returning id`,
    );
    const meetingId = row?.id as string;
    for (const a of o.attendees)
      await tx.execute(
        sql`insert into meeting_attendees (meeting_id, institution_id, user_id, name, invited, present)
            values (${meetingId}, ${a.institution}, ${a.user}, ${a.name}, true,
                    ${o.status === 'odbyte' ? (a.present ?? true) : null})`,
      );
    for (const it of o.items ?? [])
      await tx.execute(
        sql`insert into meeting_action_items (meeting_id, description, owner_institution_id, owner_user_id, due_on, done_on, done_by)
            values (${meetingId}, ${it.description}, ${it.institution}, ${it.user},
                    (now() at time zone 'Europe/Warsaw')::date + ${it.dueIn}::int,
                    ${it.done ? sql`(now() at time zone 'Europe/Warsaw')::date - 1` : null}, ${it.done ? it.user : null})`,
      );
    await tx.execute(
      sql`insert into timeline_entries (case_id, kind, occurred_at, title, author_id)
          values (${cs.id}, 'wspolpraca', now() - make_interval(days => ${Math.max(-o.daysFromNow, 1)}::int),
                  ${`${o.status === 'odbyte' ? 'Spotkanie zespołu odbyło się' : 'Zaplanowano spotkanie zespołu'}: ${o.title}`},
                  ${cs.lead})`,
    );
  }
  const nameOf = async (table: 'users' | 'persons', id: string | null) => {
    const [r] = await queryRows<{ name: string }>(
      tx,
      sql`select first_name || ' ' || last_name as name from ${sql.raw(table)} where id = ${id}`,
    );
    return r?.name ?? '';
  };

  await referral(0, {
    to: kpp,
    status: 'wyslane',
    urgency: 'pilna',
    expected: 5,
    createdDaysAgo: 1,
    reason: 'Prośba o wizytę dzielnicowego: sąsiedzi zgłaszają głośne awantury wieczorami.',
  });
  await referral(1, {
    to: kpp,
    status: 'przyjete',
    expected: 10,
    createdDaysAgo: 4,
    assigned: policja,
    reason: 'Wspólna wizyta w miejscu zamieszkania z dzielnicowym w sprawie bezpieczeństwa dzieci.',
  });
  await member(1, {
    institution: kpp,
    user: policja,
    role: 'dzielnicowy',
    status: 'aktywny',
    scopes: ['podstawowe', 'plan'],
    startedDaysAgo: 4,
  });
  await referral(2, {
    to: kpp,
    status: 'w_realizacji',
    kind: 'informacja',
    expected: -3,
    createdDaysAgo: 12,
    assigned: policja,
    reason: 'Prośba o informację o interwencjach pod adresem rodziny w ostatnich 6 miesiącach.',
    scopes: ['podstawowe'],
  });
  await referral(3, {
    to: kpp,
    status: 'zakonczone',
    expected: -2,
    createdDaysAgo: 20,
    assigned: policja,
    linkAction: true,
    reason: 'Rozmowa dzielnicowego z ojcem rodziny o konsekwencjach nadużywania alkoholu.',
    outcome: 'Przeprowadzono rozmowę profilaktyczną; ojciec zadeklarował podjęcie terapii w poradni.',
    feedback: 'Proszę o informację, czy terapia została podjęta.',
  });
  await referral(4, {
    to: ppp,
    status: 'odrzucone',
    kind: 'konsultacja',
    expected: null,
    createdDaysAgo: 9,
    reason: 'Konsultacja psychologiczna dla 9-letniego syna.',
    rejection: 'Dziecko jest już objęte opieką poradni w Brzesku; prosimy o kontakt z tamtą poradnią.',
  });
  await referral(5, {
    to: pup,
    status: 'wycofane',
    expected: 14,
    createdDaysAgo: 6,
    reason: 'Skierowanie na doradztwo zawodowe dla matki.',
    withdrawal: 'Matka podjęła pracę od poniedziałku.',
  });
  const health = await consent(6, sp1, ['podstawowe', 'plan', 'zdrowie']);
  await member(6, {
    institution: sp1,
    user: pedagog,
    role: 'pedagog',
    status: 'aktywny',
    scopes: ['podstawowe', 'plan', 'zdrowie'],
    consentId: health,
    startedDaysAgo: 25,
  });
  const lead6 = c(6).lead;
  await message(6, lead6, mops, 'Dzień dobry, czy Kacper wrócił już na zajęcia po zwolnieniu?', 30);
  await message(
    6,
    pedagog,
    sp1,
    'Tak, od wtorku. Proponuję spotkanie z mamą w szkole w przyszłym tygodniu.',
    26,
  );
  await message(6, lead6, mops, 'Dobrze, umówię mamę na czwartek.', 20);
  await member(7, {
    institution: sp1,
    user: null,
    role: 'pedagog',
    status: 'zaproszony',
    scopes: ['podstawowe', 'plan'],
    startedDaysAgo: 0,
  });
  await member(8, {
    institution: kpp,
    user: policja,
    role: 'dzielnicowy',
    status: 'zakonczony',
    scopes: ['podstawowe'],
    startedDaysAgo: 60,
    endReason: 'Rodzina przeprowadziła się na inny rewir.',
  });
  const withdrawn = await consent(9, sp1, ['podstawowe', 'plan'], true);
  await member(9, {
    institution: sp1,
    user: pedagog,
    role: 'pedagog',
    status: 'aktywny',
    scopes: ['podstawowe', 'plan'],
    consentId: withdrawn,
    startedDaysAgo: 40,
  });
  await tx.execute(
    sql`update cases set blue_card_since = (now() at time zone 'Europe/Warsaw')::date - 45 where id = ${c(2).id}`,
  );

  await meeting(6, {
    title: 'Spotkanie zespołu w sprawie powrotu Kacpra do szkoły',
    daysFromNow: -7,
    status: 'odbyte',
    place: 'Szkoła Podstawowa nr 1 w Bochni, gabinet pedagoga',
    agenda: '1. Frekwencja po zwolnieniu lekarskim\n2. Wsparcie w nauce\n3. Podział zadań',
    minutes:
      'Pedagog przedstawiła frekwencję z ostatnich dwóch tygodni (bez nieobecności nieusprawiedliwionych). Mama potwierdziła, że syn chętnie chodzi na zajęcia świetlicowe.',
    decisions: 'Zajęcia wyrównawcze z matematyki dwa razy w tygodniu; kolejne spotkanie za miesiąc.',
    attendees: [
      { institution: mops, user: lead6, name: await nameOf('users', lead6) },
      { institution: sp1, user: pedagog, name: await nameOf('users', pedagog) },
      { institution: null, user: null, name: await nameOf('persons', c(6).subjectPerson) },
    ],
    items: [
      {
        description: 'Zapisać Kacpra na zajęcia wyrównawcze z matematyki',
        institution: sp1,
        user: pedagog,
        dueIn: 5,
      },
      {
        description: 'Umówić mamę na konsultację w poradni',
        institution: mops,
        user: lead6,
        dueIn: -2,
        done: true,
      },
    ],
  });
  await meeting(1, {
    title: 'Spotkanie zespołu: bezpieczeństwo dzieci',
    daysFromNow: 5,
    status: 'zaplanowane',
    place: 'MOPS Bochnia, sala 2',
    agenda: '1. Wnioski z wizyty dzielnicowego\n2. Plan dalszych działań',
    attendees: [
      { institution: mops, user: c(1).lead, name: await nameOf('users', c(1).lead) },
      { institution: kpp, user: policja, name: await nameOf('users', policja) },
    ],
  });
}
