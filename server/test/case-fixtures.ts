/**
 * Client-dimension fixtures written straight to the database (persons, cases, plans, attachments), so
 * a test does not depend on the routes that create them.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../src/db/database.js';

async function one<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await queryRows<T>(db, query);
  if (!row) throw new Error('fixture query returned nothing');
  return row;
}

/** A demo user's id by the part of the e-mail before @demo.kooperacja.pl. */
export async function userIdOf(db: DbOrTx, local: string): Promise<string> {
  const r = await one<{ id: string }>(
    db,
    sql`select id from users where email = ${`${local}@demo.kooperacja.pl`}`,
  );
  return r.id;
}

/** An institution's id by its short name ('MOPS Bochnia', 'OPS Andrychów'). */
export async function institutionIdOf(db: DbOrTx, shortName: string): Promise<string> {
  const r = await one<{ id: string }>(db, sql`select id from institutions where short_name = ${shortName}`);
  return r.id;
}

export interface CaseFixture {
  caseId: string;
  personId: string;
  number: string;
}

/** A person and a case for them, led by a demo worker, with co-workers. */
export async function insertCase(
  db: DbOrTx,
  opts: {
    institution: string;
    lead: string;
    coWorkers?: string[];
    status?: string;
    openedOn?: string;
    firstName?: string;
    lastName?: string;
  },
): Promise<CaseFixture> {
  const institutionId = await institutionIdOf(db, opts.institution);
  const leadId = await userIdOf(db, opts.lead);
  const person = await one<{ id: string }>(
    db,
    sql`insert into persons (institution_id, first_name, last_name, birth_date, sex, created_by)
        values (${institutionId}, ${opts.firstName ?? 'Anna'}, ${opts.lastName ?? 'Testowa'}, '1980-05-17', 'K', ${leadId})
        returning id`,
  );
  const number = `TEST/${randomUUID().slice(0, 8)}`;
  const c = await one<{ id: string }>(
    db,
    sql`insert into cases (institution_id, number, person_id, lead_worker_id, source, status, opened_on, created_by)
        values (${institutionId}, ${number}, ${person.id}, ${leadId}, 'wniosek_wlasny', ${opts.status ?? 'realizacja'},
                coalesce(${opts.openedOn ?? null}::date, current_date), ${leadId})
        returning id`,
  );
  await db.execute(sql`insert into case_reasons (case_id, code, main) values (${c.id}, '1', true)`);
  for (const local of opts.coWorkers ?? []) {
    await db.execute(
      sql`insert into case_workers (case_id, user_id) values (${c.id}, ${await userIdOf(db, local)})`,
    );
  }
  return { caseId: c.id, personId: person.id, number };
}

/** A stored file of a case (bytes written through hex, the same on both engines). */
export async function insertAttachment(
  db: DbOrTx,
  opts: { caseId: string; uploadedBy: string; data: Buffer; filename?: string; mimeType?: string },
): Promise<string> {
  const r = await one<{ id: string }>(
    db,
    sql`insert into attachments (case_id, filename, mime_type, size, sha256, data, uploaded_by)
        values (${opts.caseId}, ${opts.filename ?? 'plik.pdf'}, ${opts.mimeType ?? 'application/pdf'}, ${opts.data.length},
                encode(sha256(decode(${opts.data.toString('hex')}, 'hex')), 'hex'), decode(${opts.data.toString('hex')}, 'hex'),
                ${opts.uploadedBy})
        returning id`,
  );
  return r.id;
}

export interface ActionFixture {
  description?: string;
  deadline: string | null;
  status?: string;
  responsibleUserId?: string | null;
}

/** A plan with one goal and its actions. */
export async function insertPlan(
  db: DbOrTx,
  opts: {
    caseId: string;
    status?: string;
    type?: string;
    title?: string | null;
    reviewDates?: string[];
    actions?: ActionFixture[];
  },
): Promise<{ planId: string; actionIds: string[] }> {
  const plan = await one<{ id: string }>(
    db,
    sql`insert into plans (case_id, type, variant, title, start_date, end_date, review_dates, status)
        values (${opts.caseId}, ${opts.type ?? 'kontrakt_socjalny'}, 'A', ${opts.title ?? null}, current_date - 30,
                current_date + 180, ${sql.param(opts.reviewDates ?? [])}::date[], ${opts.status ?? 'aktywny'})
        returning id`,
  );
  const goal = await one<{ id: string }>(
    db,
    sql`insert into plan_goals (plan_id, position, description) values (${plan.id}, 1, 'Cel testowy') returning id`,
  );
  const actionIds: string[] = [];
  for (const [i, a] of (opts.actions ?? []).entries()) {
    const r = await one<{ id: string }>(
      db,
      sql`insert into plan_actions (plan_id, goal_id, position, description, party, responsible_user_id, deadline, status)
          values (${plan.id}, ${goal.id}, ${i + 1}, ${a.description ?? `Działanie ${i + 1}`}, 'klient',
                  ${a.responsibleUserId ?? null}, ${a.deadline}::date, ${a.status ?? 'zaplanowane'})
          returning id`,
    );
    actionIds.push(r.id);
  }
  return { planId: plan.id, actionIds };
}
