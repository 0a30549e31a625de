import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  ageOn,
  checkSmefsHeader,
  decodePesel,
  followUpDueOn,
  type Language,
  SMEFS_IMPORT_MAX_ERRORS,
  type SmefsColumnKey,
  type SmefsImport,
  type SmefsImportStatus,
  type SmefsRecord,
  smefsHeaderOf,
  smefsMessage,
  smefsProblemMessages,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { type Db, type DbOrTx, queryRows, type Tx } from '../../db/database.js';
import { translate } from '../../http/messages.js';
import type { AuditActor } from '../audit/index.js';
import { writeAudit } from '../audit/index.js';
import {
  type CheckedRow,
  loadProjectState,
  RowChecker,
  type StoredProblem,
  toStored,
} from './import-check.js';
import { fileRows, type SmefsFileFormat, unpackPayload } from './import-file.js';
import { TerritoryNames } from './territory-names.js';

/**
 * SM EFS imports (docs/smefs.md). An upload is stored with its file and checked in the background:
 * every row parsed and validated, per-row problems kept, progress written as it goes. Nothing reaches
 * the participants until a coordinator confirms; saving then runs again through every row in ONE
 * transaction (the data may have changed since the check) and writes persons (matched by PESEL in
 * the leader's registry or created), participants, support activities (found or created by kind and
 * name) and episodes with `unnest` in chunks — all of it or nothing.
 */

export const CHUNK = 2000;
/** An import still "in progress" with no sign of life for this long was interrupted (e.g. a restart). */
export const STALE_MS = 10 * 60 * 1000;

/** Saving runs inside one transaction, invisible to other connections: its progress lives here. */
const savingProgress = new Map<string, number>();
/** Imports whose job runs in this process. */
const running = new Set<string>();
/** Jobs of this process, awaited when the server closes. */
export const pendingJobs = new Set<Promise<void>>();

export function startJob(id: string, log: FastifyBaseLogger, job: () => Promise<void>): void {
  running.add(id);
  const p = (async () => {
    // Let the request that started the job answer first.
    await yieldToEventLoop();
    await job();
  })()
    .catch((err) => log.error({ err, importId: id }, 'smefs import job failed'))
    .finally(() => {
      running.delete(id);
      savingProgress.delete(id);
      pendingJobs.delete(p);
    });
  pendingJobs.add(p);
}

/** Rows in a CSV (for the progress bar before the file is read): its line breaks. XLSX: unknown (0). */
export function estimateRows(data: Buffer, format: SmefsFileFormat): number {
  if (format !== 'csv') return 0;
  let n = 0;
  for (let i = data.indexOf(10); i >= 0; i = data.indexOf(10, i + 1)) n++;
  const endsWithBreak = data.length > 0 && data[data.length - 1] === 10;
  return Math.max(0, n + (endsWithBreak ? 0 : 1) - 1);
}

interface ImportRow {
  id: string;
  projectId: string;
  filename: string;
  format: SmefsFileFormat;
  status: SmefsImportStatus;
  rowCount: number;
  processed: number;
  errorRows: number;
  errors: StoredProblem[];
  result: {
    notices?: { code: string; params: Record<string, string> }[];
    saved?: NonNullable<SmefsImport['result']>;
    failure?: string;
  };
  version: number;
  createdAt: string;
  updatedAt: string;
}

export async function loadImport(db: DbOrTx, projectId: string, id: string): Promise<ImportRow | null> {
  const [row] = await queryRows<ImportRow>(
    db,
    sql`select id, project_id as "projectId", filename, format, status, row_count as "rowCount", processed,
          error_rows as "errorRows", errors, result, version,
          to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
          to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt"
        from smefs_imports where id = ${id} and project_id = ${projectId}`,
  );
  return row ?? null;
}

const inProgress = (s: SmefsImportStatus) => s === 'walidacja' || s === 'zapisywanie';

/** An import in progress that no process is working on any more. */
export function isStale(row: ImportRow, now = Date.now()): boolean {
  return inProgress(row.status) && !running.has(row.id) && now - Date.parse(row.updatedAt) > STALE_MS;
}

function problemMessage(p: StoredProblem, lang: Language): string {
  if (Object.hasOwn(smefsProblemMessages, p.code)) {
    const params = { ...(p.params ?? {}), ...(p.column ? { column: p.column } : {}) };
    return smefsMessage(p.code as keyof typeof smefsProblemMessages, params)[lang];
  }
  return translate(p.code, lang, p.params ?? {}) ?? p.code;
}

/** The API view of an import; problems only once the file has been checked (progress carries no personal data). */
export function importView(
  row: ImportRow,
  lang: Language,
  opts: { errorsOffset: number; errorsLimit: number; manage: boolean },
): SmefsImport {
  const stale = isStale(row);
  const status: SmefsImportStatus = stale ? 'niepowodzenie' : row.status;
  const showErrors = !inProgress(status);
  const processed =
    row.status === 'zapisywanie' ? (savingProgress.get(row.id) ?? row.processed) : row.processed;
  const failure = stale ? 'smefs.failure.interrupted' : row.result.failure;
  return {
    id: row.id,
    projectId: row.projectId,
    filename: row.filename,
    format: row.format,
    status,
    rowCount: row.rowCount,
    processed,
    errorRows: row.errorRows,
    errorCount: showErrors ? row.errors.length : 0,
    errors: showErrors
      ? row.errors.slice(opts.errorsOffset, opts.errorsOffset + opts.errorsLimit).map((p) => ({
          row: p.row,
          column: p.column,
          header: p.column ? smefsHeaderOf(p.column as SmefsColumnKey) : null,
          code: p.code,
          message: problemMessage(p, lang),
        }))
      : [],
    notices: (row.result.notices ?? []).map((n) => translate(n.code, lang, n.params) ?? n.code),
    result: row.result.saved ?? null,
    failure: failure ? (translate(failure, lang) ?? failure) : null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    abilities: {
      confirm: opts.manage && status === 'gotowy',
      discard: opts.manage && !inProgress(status),
    },
  };
}

async function payloadOf(db: Db, id: string): Promise<{ data: Buffer; format: SmefsFileFormat } | null> {
  const [row] = await queryRows<{ payload: Uint8Array | null; format: SmefsFileFormat }>(
    db,
    sql`select payload, format from smefs_imports where id = ${id}`,
  );
  if (!row?.payload) return null;
  const p = row.payload;
  return {
    data: unpackPayload(Buffer.isBuffer(p) ? p : Buffer.from(p.buffer, p.byteOffset, p.byteLength)),
    format: row.format,
  };
}

/**
 * Goes through every row of the file; `onRow` gets the checked rows (header excluded) and
 * `onProgress` is called every 1,000 rows. Returns the file's problems and notices.
 */
async function checkFile(
  data: Buffer,
  format: SmefsFileFormat,
  checker: RowChecker,
  onRow: (row: CheckedRow) => Promise<void> | void,
  onProgress: (rows: number) => Promise<void> | void,
): Promise<{ rows: number; errorRows: number; errors: StoredProblem[] }> {
  const errors: StoredProblem[] = [];
  let rows = 0;
  let errorRows = 0;
  let header = true;
  const keep = (p: StoredProblem) => {
    if (errors.length < SMEFS_IMPORT_MAX_ERRORS) errors.push(p);
  };
  // Only reading the file may fail as "unreadable"; errors of `onRow` (the database) go up.
  const it = fileRows(data, format)[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<{ row: number; cells: string[] }>;
    try {
      next = await it.next();
    } catch {
      return { rows, errorRows: errorRows + 1, errors: [{ row: 0, column: null, code: 'smefs.unreadable' }] };
    }
    if (next.done) break;
    const { row, cells } = next.value;
    if (header) {
      header = false;
      const problems = checkSmefsHeader(cells);
      if (problems.length) {
        for (const p of problems) keep(toStored(row, p));
        await it.return?.(undefined);
        return { rows: 0, errorRows: 1, errors };
      }
      continue;
    }
    rows++;
    const checked = checker.check(row, cells);
    if (checked.problems.length) {
      errorRows++;
      for (const p of checked.problems) keep(toStored(row, p));
    }
    await onRow(checked);
    if (rows % 1000 === 0) await onProgress(rows);
  }
  if (rows === 0 && errors.length === 0) errors.push({ row: 0, column: null, code: 'smefs.empty' });
  return { rows, errorRows: rows === 0 ? Math.max(errorRows, 1) : errorRows, errors };
}

/** The background check of an uploaded file: per-row problems, progress, then `gotowy` or `bledy`. */
export async function validateImport(
  db: Db,
  id: string,
  project: { id: string; number: string },
): Promise<void> {
  const file = await payloadOf(db, id);
  if (!file) return;
  const territory = await TerritoryNames.load(db);
  const checker = new RowChecker(territory, await loadProjectState(db, project.id));
  let last = Date.now();
  const outcome = await checkFile(
    file.data,
    file.format,
    checker,
    () => undefined,
    async (rows) => {
      if (Date.now() - last < 500) return yieldToEventLoop().then(() => undefined);
      last = Date.now();
      await db.execute(
        sql`update smefs_imports set processed = ${rows}, updated_at = now() where id = ${id}`,
      );
    },
  );
  const notices = [...checker.projectNumbers]
    .filter((n) => n !== project.number)
    .slice(0, 5)
    .map((n) => ({ code: 'smefs.notice.projectNumber', params: { file: n, project: project.number } }));
  const status: SmefsImportStatus = outcome.errors.length ? 'bledy' : 'gotowy';
  await db.execute(
    sql`update smefs_imports set status = ${status}, row_count = ${outcome.rows}, processed = ${outcome.rows},
          error_rows = ${outcome.errorRows}, errors = ${JSON.stringify(outcome.errors)}::jsonb,
          result = ${JSON.stringify({ notices })}::jsonb, version = version + 1, updated_at = now()
        where id = ${id} and status = 'walidacja'`,
  );
}

class RowsRefused extends Error {
  constructor(
    readonly errors: StoredProblem[],
    readonly errorRows: number,
  ) {
    super('rows refused');
  }
}

/** The birth date of a person without PESEL: the day of joining, `age` years earlier (29 Feb → 28 Feb). */
export function estimatedBirthDate(joinedOn: string, age: number): string {
  const [y, m, d] = joinedOn.split('-').map(Number) as [number, number, number];
  const year = y - age;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const date = `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  return ageOn(date, joinedOn) === age ? date : joinedOn;
}

/** From the PESEL; without one, estimated from the age at joining (the person's notes say so). */
const birthDateOf = (r: SmefsRecord): string =>
  (r.pesel ? decodePesel(r.pesel)?.birthDate : null) ??
  estimatedBirthDate(r.joinedOn as string, r.ageAtEntry as number);

const arr = (xs: unknown[]) => sql.param(xs);
const norm = (s: string | null) => (s ?? '').trim().toLocaleLowerCase('pl');

interface SaveContext {
  tx: Tx;
  importId: string;
  projectId: string;
  leaderInstitutionId: string;
  actor: AuditActor;
  /** `${kind}|${label}` → activity id */
  activities: Map<string, string>;
  createdActivities: string[];
  counts: NonNullable<SmefsImport['result']>;
}

async function auditCreated(c: SaveContext, recordType: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const a = c.actor;
  const details = JSON.stringify({ projectId: c.projectId, importId: c.importId, source: 'smefs_import' });
  await c.tx.execute(
    sql`insert into audit_log (action, outcome, user_id, institution_id, role, ip, user_agent, request_id, record_type, record_id, details)
        select 'record.create', 'success', ${a.userId ?? null}, ${a.institutionId ?? null}, ${a.role ?? null},
               ${a.ip ?? null}::inet, ${a.userAgent ?? null}, ${a.requestId ?? null}, ${recordType}, t.id, ${details}::jsonb
          from unnest(${arr(ids)}::text[]) as t(id)`,
  );
}

/** Writes one chunk of checked rows: persons, support activities, participants, episodes, audit. */
async function saveChunk(c: SaveContext, rows: CheckedRow[]): Promise<void> {
  const { tx } = c;
  const records = rows.map((r) => r.record);

  // Persons: by PESEL in the leader's registry; without PESEL by the other identifier and the name.
  const pesels = records.flatMap((r) => (r.pesel ? [r.pesel] : []));
  const byPesel = new Map<string, string>();
  if (pesels.length)
    for (const p of await queryRows<{ id: string; pesel: string }>(
      tx,
      sql`select id, pesel from persons where institution_id = ${c.leaderInstitutionId} and merged_into is null
            and pesel = any(${arr(pesels)}::text[])`,
    ))
      byPesel.set(p.pesel, p.id);
  const otherIds = records.flatMap((r) => (!r.pesel && r.otherId ? [r.otherId] : []));
  const byOtherId = new Map<string, string>();
  if (otherIds.length)
    for (const p of await queryRows<{ id: string; otherId: string; firstName: string; lastName: string }>(
      tx,
      sql`select id, other_id_number as "otherId", first_name as "firstName", last_name as "lastName" from persons
           where institution_id = ${c.leaderInstitutionId} and merged_into is null and pesel is null
             and other_id_number = any(${arr(otherIds)}::text[]) order by created_at`,
    )) {
      const k = `${p.otherId}|${norm(p.firstName)}|${norm(p.lastName)}`;
      if (!byOtherId.has(k)) byOtherId.set(k, p.id);
    }

  const newPersons: { id: string; r: SmefsRecord; teryt: string | null }[] = [];
  const personIds = rows.map(({ record: r, teryt }) => {
    const found = r.pesel
      ? byPesel.get(r.pesel)
      : r.otherId
        ? byOtherId.get(`${r.otherId}|${norm(r.firstName)}|${norm(r.lastName)}`)
        : undefined;
    if (found) {
      c.counts.personsMatched++;
      return found;
    }
    const id = randomUUID();
    newPersons.push({ id, r, teryt });
    return id;
  });
  if (newPersons.length) {
    const col = <T>(f: (p: (typeof newPersons)[number]) => T) => arr(newPersons.map(f));
    await tx.execute(
      sql`insert into persons (id, institution_id, first_name, last_name, pesel, other_id_type, other_id_number,
            birth_date, sex, citizenship, teryt, postal_code, city, phone, email, notes, created_by)
          select t.id, ${c.leaderInstitutionId}, t.first_name, t.last_name, t.pesel, t.other_id_type, t.other_id_number,
                 t.birth_date, t.sex, t.citizenship, t.teryt, t.postal_code, t.city, t.phone, t.email, t.notes, ${c.actor.userId ?? null}
            from unnest(${col((p) => p.id)}::uuid[], ${col((p) => p.r.firstName)}::text[], ${col((p) => p.r.lastName)}::text[],
                        ${col((p) => p.r.pesel)}::text[], ${col((p) => (p.r.pesel ? null : p.r.otherId ? null : 'brak'))}::text[],
                        ${col((p) => (p.r.pesel ? null : p.r.otherId))}::text[],
                        ${col((p) => birthDateOf(p.r))}::date[],
                        ${col((p) => p.r.sex)}::text[], ${col((p) => p.r.citizenship)}::text[], ${col((p) => p.teryt)}::text[],
                        ${col((p) => p.r.postalCode)}::text[], ${col((p) => p.r.city)}::text[], ${col((p) => p.r.phone)}::text[],
                        ${col((p) => p.r.email)}::text[],
                        ${col((p) => (p.r.pesel ? null : 'Data urodzenia przybliżona z wieku w dniu przystąpienia do projektu (import SM EFS).'))}::text[])
              as t(id, first_name, last_name, pesel, other_id_type, other_id_number, birth_date, sex, citizenship, teryt,
                   postal_code, city, phone, email, notes)`,
    );
    c.counts.personsCreated += newPersons.length;
    await auditCreated(
      c,
      'person',
      newPersons.map((p) => p.id),
    );
  }

  // Support activities, found or created by (kind, name); created ones start on their first episode.
  const newActivities: { id: string; kind: string; name: string; startsOn: string }[] = [];
  for (const r of records)
    for (const s of r.supports) {
      const k = `${s.kind}|${s.name}`;
      if (c.activities.has(k)) {
        const created = newActivities.find((a) => a.id === c.activities.get(k));
        if (created && s.startsOn < created.startsOn) created.startsOn = s.startsOn;
        continue;
      }
      const id = randomUUID();
      c.activities.set(k, id);
      newActivities.push({ id, kind: s.kind, name: s.name, startsOn: s.startsOn });
    }
  if (newActivities.length) {
    await tx.execute(
      sql`insert into support_activities (id, project_id, kind, name, starts_on)
          select t.id, ${c.projectId}, t.kind, t.name, t.starts_on
            from unnest(${arr(newActivities.map((a) => a.id))}::uuid[], ${arr(newActivities.map((a) => a.kind))}::text[],
                        ${arr(newActivities.map((a) => a.name))}::text[], ${arr(newActivities.map((a) => a.startsOn))}::date[])
              as t(id, kind, name, starts_on)`,
    );
    c.createdActivities.push(...newActivities.map((a) => a.id));
    c.counts.activitiesCreated += newActivities.length;
  }

  // Participants.
  const ids = rows.map(() => randomUUID());
  const col = <T>(f: (r: SmefsRecord, i: number) => T) => arr(records.map(f));
  await tx.execute(
    sql`insert into participants (id, project_id, person_id, technical_id, participant_type, institution_name, joined_on,
          age_at_entry, sex, education, citizenship, country, teryt, city, postal_code, degurba, phone, email,
          labour_status, labour_status_detail, disability, foreign_origin, third_country, minority, homeless, status,
          left_on, exit_situation, completed_path, follow_up_due_on, created_by)
        select t.id, ${c.projectId}, t.person_id, t.technical_id, t.participant_type, t.institution_name, t.joined_on,
               t.age_at_entry, t.sex, t.education, t.citizenship, t.country, t.teryt, t.city, t.postal_code, t.degurba,
               t.phone, t.email, t.labour_status, t.labour_status_detail, t.disability, t.foreign_origin, t.third_country,
               t.minority, t.homeless, t.status, t.left_on, t.exit_situation::jsonb, t.completed_path, t.follow_up_due_on,
               ${c.actor.userId ?? null}
          from unnest(${arr(ids)}::uuid[], ${arr(personIds)}::uuid[], ${col((r) => r.technicalId)}::text[],
                      ${col((r) => r.participantType)}::text[], ${col((r) => r.institutionName)}::text[],
                      ${col((r) => r.joinedOn)}::date[], ${col((r) => r.ageAtEntry)}::int[], ${col((r) => r.sex)}::text[],
                      ${col((r) => r.education)}::text[], ${col((r) => r.citizenship)}::text[], ${col((r) => r.country)}::text[],
                      ${arr(rows.map((r) => r.teryt))}::text[], ${col((r) => r.city)}::text[], ${col((r) => r.postalCode)}::text[],
                      ${col((r) => r.degurba)}::int[], ${col((r) => r.phone)}::text[], ${col((r) => r.email)}::text[],
                      ${col((r) => r.labourStatus)}::text[], ${col((r) => r.labourStatusDetail)}::text[],
                      ${col((r) => r.disability)}::text[], ${col((r) => r.foreignOrigin)}::text[], ${col((r) => r.thirdCountry)}::text[],
                      ${col((r) => r.minority)}::text[], ${col((r) => r.homeless)}::text[],
                      ${col((r) => (r.leftOn ? (r.completedPath === false ? 'przerwany' : 'zakonczony') : 'aktywny'))}::text[],
                      ${col((r) => r.leftOn)}::date[], ${col((r) => JSON.stringify(r.exitSituation))}::text[],
                      ${col((r) => r.completedPath)}::boolean[], ${col((r) => (r.leftOn ? followUpDueOn(r.leftOn) : null))}::date[])
            as t(id, person_id, technical_id, participant_type, institution_name, joined_on, age_at_entry, sex, education,
                 citizenship, country, teryt, city, postal_code, degurba, phone, email, labour_status, labour_status_detail,
                 disability, foreign_origin, third_country, minority, homeless, status, left_on, exit_situation,
                 completed_path, follow_up_due_on)`,
  );
  c.counts.participants += ids.length;
  await auditCreated(c, 'participant', ids);

  // Episodes, one per support of a row.
  const episodes = records.flatMap((r, i) =>
    r.supports.map((s) => ({
      activityId: c.activities.get(`${s.kind}|${s.name}`) as string,
      participantId: ids[i] as string,
      startsOn: s.startsOn,
    })),
  );
  if (episodes.length) {
    await tx.execute(
      sql`insert into support_episodes (activity_id, participant_id, starts_on)
          select t.activity_id, t.participant_id, t.starts_on
            from unnest(${arr(episodes.map((e) => e.activityId))}::uuid[], ${arr(episodes.map((e) => e.participantId))}::uuid[],
                        ${arr(episodes.map((e) => e.startsOn))}::date[]) as t(activity_id, participant_id, starts_on)`,
    );
    c.counts.episodes += episodes.length;
  }
}

/**
 * Saves a checked import in one transaction (the import is already `zapisywanie`). Any row that no
 * longer passes (a participant added meanwhile, a unit renamed…) or any database error rolls the
 * whole import back; the import then says `niepowodzenie` with the rows' problems.
 */
export async function saveImport(
  db: Db,
  log: FastifyBaseLogger,
  id: string,
  project: { id: string; number: string; leaderInstitutionId: string },
  actor: AuditActor,
): Promise<void> {
  const file = await payloadOf(db, id);
  const territory = await TerritoryNames.load(db);
  try {
    if (!file) throw new Error('import without its file');
    await db.transaction(async (tx) => {
      const activities = new Map<string, string>();
      for (const a of await queryRows<{ id: string; kind: string; label: string }>(
        tx,
        sql`select a.id, a.kind, coalesce(n.name, a.name) as label from support_activities a
              left join programme_nodes n on n.id = a.support_type_id
             where a.project_id = ${project.id} order by a.created_at, a.id`,
      ))
        if (!activities.has(`${a.kind}|${a.label}`)) activities.set(`${a.kind}|${a.label}`, a.id);
      const c: SaveContext = {
        tx,
        importId: id,
        projectId: project.id,
        leaderInstitutionId: project.leaderInstitutionId,
        actor,
        activities,
        createdActivities: [],
        counts: { participants: 0, personsCreated: 0, personsMatched: 0, activitiesCreated: 0, episodes: 0 },
      };
      const checker = new RowChecker(territory, await loadProjectState(tx, project.id));
      let chunk: CheckedRow[] = [];
      let refused = false;
      const outcome = await checkFile(
        file.data,
        file.format,
        checker,
        async (row) => {
          if (row.problems.length) refused = true;
          if (refused) return;
          chunk.push(row);
          if (chunk.length >= CHUNK) {
            await saveChunk(c, chunk);
            chunk = [];
          }
        },
        (rows) => {
          savingProgress.set(id, rows);
        },
      );
      if (outcome.errors.length) throw new RowsRefused(outcome.errors, outcome.errorRows);
      if (chunk.length) await saveChunk(c, chunk);
      if (c.createdActivities.length)
        await tx.execute(
          sql`update support_activities a set starts_on = (select min(e.starts_on) from support_episodes e where e.activity_id = a.id)
               where a.id = any(${arr(c.createdActivities)}::uuid[])
                 and exists (select 1 from support_episodes e where e.activity_id = a.id)`,
        );
      await tx.execute(
        sql`update smefs_imports set status = 'zapisany', processed = ${outcome.rows}, row_count = ${outcome.rows},
              payload = null, errors = '[]'::jsonb,
              result = result || ${JSON.stringify({ saved: c.counts })}::jsonb, version = version + 1, updated_at = now()
            where id = ${id}`,
      );
      await writeAudit(tx, actor, {
        action: 'record.update',
        recordType: 'smefs_import',
        recordId: id,
        before: { status: 'zapisywanie' },
        after: { status: 'zapisany' },
        details: { projectId: project.id, ...c.counts },
      });
    });
  } catch (err) {
    const refused = err instanceof RowsRefused ? err : null;
    if (!refused) log.error({ err, importId: id }, 'smefs import could not be saved');
    await db.execute(
      sql`update smefs_imports set status = 'niepowodzenie',
            errors = ${JSON.stringify(refused?.errors ?? [])}::jsonb, error_rows = ${refused?.errorRows ?? 0},
            result = result || ${JSON.stringify({ failure: refused ? 'smefs.failure.rows' : 'smefs.failure.unexpected' })}::jsonb,
            version = version + 1, updated_at = now()
          where id = ${id}`,
    );
  }
}
