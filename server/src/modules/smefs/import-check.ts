import {
  parseSmefsRow,
  SMEFS_POLAND,
  type SmefsProblem,
  type SmefsRecord,
  smefsProblem,
  validateSmefsRecord,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { TerritoryNames } from './territory-names.js';

/** A problem of a row of the file, as stored with the import (messages are made when read). */
export interface StoredProblem {
  row: number;
  column: string | null;
  code: string;
  params?: Record<string, string | number>;
}

export interface CheckedRow {
  row: number;
  record: SmefsRecord;
  /** The gmina's TERYT code (null abroad). */
  teryt: string | null;
  problems: SmefsProblem[];
}

/** What the project already holds that a row must not repeat. */
export interface ProjectState {
  technicalIds: Set<string>;
  pesels: Set<string>;
}

export async function loadProjectState(db: DbOrTx, projectId: string): Promise<ProjectState> {
  const rows = await queryRows<{ technicalId: string; pesel: string | null }>(
    db,
    sql`select pa.technical_id as "technicalId", pe.pesel
          from participants pa join persons pe on pe.id = pa.person_id
         where pa.project_id = ${projectId}`,
  );
  return {
    technicalIds: new Set(rows.map((r) => r.technicalId)),
    pesels: new Set(rows.flatMap((r) => (r.pesel ? [r.pesel] : []))),
  };
}

const isPoland = (country: string | null) =>
  !country || country.trim().toLocaleLowerCase('pl') === SMEFS_POLAND.toLocaleLowerCase('pl');

/**
 * Checks the rows of one file, one at a time: what the cells say (`parseSmefsRow`), what the
 * monitoring system would refuse (`validateSmefsRecord`, except on cells that could not be read), the
 * territorial units by name, the same person or technical identifier twice in the file, and against
 * the project: a technical identifier it already uses, a person (PESEL) already its participant.
 */
export class RowChecker {
  private readonly technicalIdRow = new Map<string, number>();
  private readonly peselRow = new Map<string, number>();
  readonly projectNumbers = new Set<string>();

  constructor(
    private readonly territory: TerritoryNames,
    private readonly state: ProjectState,
  ) {}

  check(row: number, cells: string[]): CheckedRow {
    const parsed = parseSmefsRow(cells);
    const { record } = parsed;
    const problems: SmefsProblem[] = parsed.ok ? [] : [...parsed.problems];
    const unreadable = new Set(problems.map((p) => p.column));
    for (const p of validateSmefsRecord(record)) if (!unreadable.has(p.column)) problems.push(p);

    let teryt: string | null = null;
    if (isPoland(record.country) && record.voivodeship && record.powiat && record.gmina) {
      const r = this.territory.resolve(record);
      if ('teryt' in r) teryt = r.teryt;
      else problems.push(r.problem);
    }
    if (record.technicalId) {
      const first = this.technicalIdRow.get(record.technicalId);
      if (first !== undefined)
        problems.push(smefsProblem('technicalId', 'smefs.duplicateTechnicalId', { row: first }));
      else this.technicalIdRow.set(record.technicalId, row);
      if (this.state.technicalIds.has(record.technicalId))
        problems.push(smefsProblem('technicalId', 'smefs.technicalIdTaken'));
    }
    if (record.pesel && !record.noPesel) {
      const first = this.peselRow.get(record.pesel);
      if (first !== undefined)
        problems.push(smefsProblem('identifier', 'smefs.duplicatePesel', { row: first }));
      else this.peselRow.set(record.pesel, row);
      if (this.state.pesels.has(record.pesel))
        problems.push(smefsProblem('identifier', 'smefs.alreadyParticipant'));
    }
    if (record.projectNumber) this.projectNumbers.add(record.projectNumber);
    return { row, record, teryt, problems };
  }
}

export const toStored = (row: number, p: SmefsProblem): StoredProblem => ({
  row,
  column: p.column,
  code: p.code,
  ...(p.params ? { params: p.params } : {}),
});
