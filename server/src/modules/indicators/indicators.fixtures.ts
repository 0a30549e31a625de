/**
 * Fixtures of the indicator tests, written straight to the database: a catalogue node, projects with
 * their institutions and team, institutions, persons and cases with case teams — so that a test
 * does not depend on the projects demo or on the routes that create these records.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';

async function one<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await queryRows<T>(db, query);
  if (!row) throw new Error('fixture query returned nothing');
  return row;
}

export async function programmeNode(db: DbOrTx): Promise<string> {
  const r = await one<{ id: string }>(
    db,
    sql`insert into programme_nodes (kind, code, name) values ('program', ${`TEST-${randomUUID().slice(0, 8)}`}, 'Program testowy')
        returning id`,
  );
  return r.id;
}

export async function institution(
  db: DbOrTx,
  o: { name: string; sector: string; type?: string; teryt?: string },
): Promise<string> {
  const r = await one<{ id: string }>(
    db,
    sql`insert into institutions (name, short_name, type, sector, teryt)
        values (${o.name}, ${o.name}, ${o.type ?? 'inna'}, ${o.sector}, ${o.teryt ?? '1201011'}) returning id`,
  );
  return r.id;
}

export async function project(
  db: DbOrTx,
  o: {
    node: string;
    leader: string;
    partners?: string[];
    team?: { userId: string; role: 'koordynator' | 'czlonek' }[];
    startsOn: string;
    endsOn: string;
    number?: string;
    status?: string;
  },
): Promise<string> {
  const r = await one<{ id: string }>(
    db,
    sql`insert into projects (number, title, programme_node_id, leader_institution_id, status, starts_on, ends_on,
          total_value, eligible_costs)
        values (${o.number ?? `TEST/${randomUUID().slice(0, 8)}`}, 'Projekt testowy', ${o.node}, ${o.leader},
          ${o.status ?? 'realizacja'}, ${o.startsOn}, ${o.endsOn}, 100000, 100000)
        returning id`,
  );
  for (const p of o.partners ?? [])
    await db.execute(sql`insert into project_partners (project_id, institution_id) values (${r.id}, ${p})`);
  for (const m of o.team ?? [])
    await db.execute(
      sql`insert into project_team (project_id, user_id, role) values (${r.id}, ${m.userId}, ${m.role})`,
    );
  return r.id;
}

export async function definition(
  db: DbOrTx,
  o: { unit?: string; breakdowns?: string[]; name?: string; projectId?: string } = {},
): Promise<string> {
  const r = await one<{ id: string }>(
    db,
    sql`insert into indicator_definitions (name, unit, type, counting, breakdowns, scope, project_id)
        values (${o.name ?? `Wskaźnik testowy ${randomUUID().slice(0, 6)}`}, ${o.unit ?? 'osoby'}, 'produkt',
          'osoby_unikalne', ${JSON.stringify(o.breakdowns ?? [])}::jsonb, ${o.projectId ? 'projektowy' : 'wspolny'},
          ${o.projectId ?? null})
        returning id`,
  );
  return r.id;
}

export async function projectIndicator(
  db: DbOrTx,
  o: {
    projectId: string;
    definitionId: string;
    target: string;
    baseline?: string;
    metric?: { key: string; params?: Record<string, unknown> };
  },
): Promise<string> {
  const r = await one<{ id: string }>(
    db,
    sql`insert into project_indicators (project_id, definition_id, baseline, target, source, metric_key, metric_params)
        values (${o.projectId}, ${o.definitionId}, ${o.baseline ?? '0'}, ${o.target},
          ${o.metric ? 'metric' : 'manual'}, ${o.metric?.key ?? null}, ${JSON.stringify(o.metric?.params ?? {})}::jsonb)
        returning id`,
  );
  return r.id;
}

export async function person(
  db: DbOrTx,
  o: { institution: string; createdBy: string; sex: 'K' | 'M'; birthDate: string; pesel?: string },
): Promise<string> {
  const r = await one<{ id: string }>(
    db,
    sql`insert into persons (institution_id, first_name, last_name, birth_date, sex, pesel, created_by)
        values (${o.institution}, 'Osoba', 'Testowa', ${o.birthDate}, ${o.sex}, ${o.pesel ?? null}, ${o.createdBy})
        returning id`,
  );
  return r.id;
}

export async function caseOf(
  db: DbOrTx,
  o: {
    institution: string;
    lead: string;
    personId?: string;
    householdId?: string;
    openedOn: string;
    closedOn?: string;
  },
): Promise<string> {
  const r = await one<{ id: string }>(
    db,
    sql`insert into cases (institution_id, number, person_id, household_id, lead_worker_id, source, status, opened_on,
          closed_on)
        values (${o.institution}, ${`T/${randomUUID().slice(0, 8)}`}, ${o.personId ?? null}, ${o.householdId ?? null},
          ${o.lead}, 'wniosek_wlasny', ${o.closedOn ? 'zamknieta' : 'realizacja'}, ${o.openedOn}, ${o.closedOn ?? null})
        returning id`,
  );
  return r.id;
}

export async function household(
  db: DbOrTx,
  o: { institution: string; members: { personId: string; from: string; to?: string }[] },
): Promise<string> {
  const r = await one<{ id: string }>(
    db,
    sql`insert into households (institution_id, name) values (${o.institution}, 'Rodzina testowa') returning id`,
  );
  for (const m of o.members)
    await db.execute(
      sql`insert into household_members (household_id, person_id, relation, from_date, to_date)
          values (${r.id}, ${m.personId}, 'inny', ${m.from}, ${m.to ?? null})`,
    );
  return r.id;
}

export async function teamMember(
  db: DbOrTx,
  o: {
    caseId: string;
    institution: string;
    invitedBy: string;
    status?: string;
    startsOn: string;
    endsOn?: string;
    endedAt?: string;
  },
): Promise<void> {
  await db.execute(
    sql`insert into case_team_members (case_id, institution_id, role, status, basis, legal_basis, scopes, starts_on,
          ends_on, ended_at, invited_by)
        values (${o.caseId}, ${o.institution}, 'czlonek', ${o.status ?? 'aktywny'}, 'przepis', 'ups_art_110_8',
          array['podstawowe']::text[], ${o.startsOn}, ${o.endsOn ?? null}, ${o.endedAt ?? null}::timestamptz,
          ${o.invitedBy})`,
  );
}

/** A minimal PDF (its first bytes are what the upload checks). */
export const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
