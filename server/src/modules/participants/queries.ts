import {
  followUpStateOf,
  type Participant,
  type ParticipantCounts,
  type ParticipantListQuery,
  type ParticipantSummary,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { matchesWords } from '../identity/scope.js';

/** The columns of a participant's card: the participant row, the person of the registry, the names of the places. */
const cardColumns = sql`pa.id, pa.project_id as "projectId", pa.technical_id as "technicalId",
  json_build_object('id', pe.id, 'firstName', pe.first_name, 'lastName', pe.last_name, 'pesel', pe.pesel,
    'otherIdType', pe.other_id_type, 'otherIdNumber', pe.other_id_number, 'birthDate', pe.birth_date::text,
    'street', pe.street) as person,
  pa.application_id as "applicationId", ap.number as "applicationNumber",
  pa.cohort_id as "cohortId", co.name as "cohortName",
  pa.participant_type as "participantType", pa.institution_name as "institutionName",
  pa.joined_on::text as "joinedOn", pa.age_at_entry as "ageAtEntry", pa.sex, pa.education, pa.citizenship, pa.country,
  pa.teryt, g.name as "gminaName", pw.name as "powiatName", wo.name as "wojewodztwoName",
  pa.city, pa.postal_code as "postalCode", pa.degurba, pa.phone, pa.email,
  pa.labour_status as "labourStatus", pa.labour_status_detail as "labourStatusDetail",
  pa.disability, pa.foreign_origin as "foreignOrigin", pa.third_country as "thirdCountry", pa.minority, pa.homeless,
  pa.status, pa.left_on::text as "leftOn", pa.exit_situation as "exitSituation", pa.completed_path as "completedPath",
  pa.exit_results as "exitResults", pa.follow_up_due_on::text as "followUpDueOn", pa.follow_up_on::text as "followUpOn",
  pa.follow_up_result as "followUpResult", pa.version, pa.created_at as "createdAt"`;

const cardJoins = sql`join persons pe on pe.id = pa.person_id
  left join applications ap on ap.id = pa.application_id
  left join recruitment_cohorts co on co.id = pa.cohort_id
  left join territorial_units g on g.teryt = pa.teryt
  left join territorial_units pw on pw.teryt = g.powiat_teryt
  left join territorial_units wo on wo.teryt = g.woj_teryt`;

type CardRow = Omit<Participant, 'createdAt' | 'followUp' | 'abilities'> & { createdAt: Date | string };

/** One participant of the project (null when not there), as the card shows it. */
export async function loadParticipant(
  db: DbOrTx,
  projectId: string,
  participantId: string,
  today: string,
  manage: boolean,
): Promise<Participant | null> {
  const [row] = await queryRows<CardRow>(
    db,
    sql`select ${cardColumns} from participants pa ${cardJoins}
        where pa.id = ${participantId} and pa.project_id = ${projectId}`,
  );
  if (!row) return null;
  return {
    ...row,
    createdAt: new Date(row.createdAt).toISOString(),
    followUp: followUpStateOf(row, today),
    abilities: { manage },
  };
}

/** Counts of the whole project by status and sex: what any reader of the project may see. */
export async function participantCounts(db: DbOrTx, projectId: string): Promise<ParticipantCounts> {
  const rows = await queryRows<{ status: string; sex: string; n: number }>(
    db,
    sql`select status, sex, count(*)::int as n from participants where project_id = ${projectId} group by status, sex`,
  );
  const counts: ParticipantCounts = {
    total: 0,
    byStatus: { aktywny: 0, zakonczony: 0, przerwany: 0 },
    bySex: { K: 0, M: 0 },
  };
  for (const r of rows) {
    counts.total += r.n;
    const s = r.status as keyof ParticipantCounts['byStatus'];
    counts.byStatus[s] = (counts.byStatus[s] ?? 0) + r.n;
    const x = r.sex as keyof ParticipantCounts['bySex'];
    counts.bySex[x] = (counts.bySex[x] ?? 0) + r.n;
  }
  return counts;
}

/** A follow-up still to do whose day has come or comes within the notice period. */
export const followUpToDo = (today: string, noticeDays: number): SQL =>
  sql`pa.left_on is not null and pa.follow_up_on is null and pa.follow_up_due_on <= ${today}::date + ${noticeDays}::int`;

/** One page of the project's participants with the filters, ordered by technical id. */
export async function listParticipants(
  db: DbOrTx,
  projectId: string,
  q: z.output<typeof ParticipantListQuery>,
  today: string,
  noticeDays: number,
): Promise<{ total: number; items: ParticipantSummary[] }> {
  const where: SQL[] = [sql`pa.project_id = ${projectId}`];
  if (q.status) where.push(sql`pa.status = ${q.status}`);
  if (q.cohortId) where.push(sql`pa.cohort_id = ${q.cohortId}`);
  if (q.followUp) where.push(followUpToDo(today, noticeDays));
  if (q.q) {
    const term = q.q.trim();
    where.push(
      sql`(pe.pesel = ${term} or lower(pa.technical_id) = lower(${term})
           or (${matchesWords(sql`pe.name_search`, term)}))`,
    );
  }
  const cond = sql.join(where, sql` and `);
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from participants pa join persons pe on pe.id = pa.person_id where ${cond}`,
  );
  const rows = await queryRows<Omit<ParticipantSummary, 'followUp'>>(
    db,
    sql`select pa.id, pa.technical_id as "technicalId", pe.first_name as "firstName", pe.last_name as "lastName",
          pa.sex, pa.age_at_entry as "ageAtEntry", pa.joined_on::text as "joinedOn", pa.left_on::text as "leftOn",
          pa.status, pa.cohort_id as "cohortId", co.name as "cohortName",
          pa.follow_up_due_on::text as "followUpDueOn", pa.follow_up_on::text as "followUpOn"
        from participants pa join persons pe on pe.id = pa.person_id
          left join recruitment_cohorts co on co.id = pa.cohort_id
        where ${cond}
        order by pa.technical_id, pa.id
        limit ${q.limit} offset ${q.offset}`,
  );
  return {
    total: count?.n ?? 0,
    items: rows.map((r) => ({ ...r, followUp: followUpStateOf(r, today) })),
  };
}

/** The cohorts of the project's calls (for the filter and the enrolment form). */
export async function projectCohorts(db: DbOrTx, projectId: string): Promise<{ id: string; name: string }[]> {
  return queryRows(
    db,
    sql`select co.id, case when co.year is null then co.name else co.name || ' (' || co.year || ')' end as name
        from recruitment_cohorts co join recruitment_calls rc on rc.id = co.call_id
        where rc.project_id = ${projectId}
        order by rc.opens_at, co.sort_order, co.name`,
  );
}
