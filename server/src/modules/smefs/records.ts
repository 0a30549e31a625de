import {
  type DegurbaLevel,
  degurbaLevels,
  type ExitSituation,
  exitSituations,
  type IscedGroup,
  iscedGroups,
  type LabourStatus,
  type LabourStatusDetail,
  labourStatusDetails,
  labourStatuses,
  type ParticipantType,
  participantTypes,
  type SmefsRecord,
  type SupportKind,
  supportKinds,
  type TriState,
  triState,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { TerritoryNames } from './territory-names.js';

/** A participant of the project as the SM EFS file carries it. */
export interface ParticipantRecord {
  participantId: string;
  record: SmefsRecord;
}

interface Row {
  id: string;
  technicalId: string;
  firstName: string;
  lastName: string;
  pesel: string | null;
  otherIdNumber: string | null;
  sex: string;
  ageAtEntry: number;
  education: string;
  citizenship: string;
  country: string;
  teryt: string | null;
  city: string | null;
  postalCode: string | null;
  degurba: number | null;
  phone: string | null;
  email: string | null;
  labourStatus: string;
  labourStatusDetail: string | null;
  joinedOn: string;
  leftOn: string | null;
  exitSituation: string[];
  completedPath: boolean | null;
  disability: string;
  foreignOrigin: string;
  thirdCountry: string;
  minority: string;
  homeless: string;
  participantType: string;
  institutionName: string | null;
  /** [kind, name, startsOn] in order; PGlite may hand JSON over as text. */
  supports: [string, string, string][] | string;
}

/** A dictionary key as stored, or null when the database holds something the dictionary lacks. */
const key = <K extends string>(dict: Record<K, unknown>, v: string | null | undefined): K | null =>
  v != null && Object.hasOwn(dict, v) ? (v as K) : null;
const blank = (v: string | null | undefined) => (v?.trim() ? v : null);

export const PAGE_SIZE = 100;

/**
 * The project's participants in pages of `pageSize`, in the order of their technical identifier
 * (keyset paging on the project's unique index: never the whole project in memory). Supports are
 * ordered by start date, kind and name; "Rodzaj przyznanego wsparcia" is the catalogue support
 * type's name, or the activity's name when it has none.
 */
export async function* participantPages(
  db: DbOrTx,
  projectId: string,
  projectNumber: string,
  territory: TerritoryNames,
  pageSize = PAGE_SIZE,
): AsyncGenerator<ParticipantRecord[]> {
  let after: string | null = null;
  for (;;) {
    // One query per page: the page of participants (keyset on the project's unique index), then its
    // supports aggregated per participant by a join (a sub-select per participant plans and runs worse).
    const rows: Row[] = await queryRows<Row>(
      db,
      sql`with page as (
            select pa.id, pa.technical_id as "technicalId", pe.first_name as "firstName", pe.last_name as "lastName",
              pe.pesel, pe.other_id_number as "otherIdNumber", pa.sex, pa.age_at_entry as "ageAtEntry", pa.education,
              pa.citizenship, pa.country, pa.teryt, pa.city, pa.postal_code as "postalCode", pa.degurba, pa.phone, pa.email,
              pa.labour_status as "labourStatus", pa.labour_status_detail as "labourStatusDetail",
              pa.joined_on::text as "joinedOn", pa.left_on::text as "leftOn", pa.exit_situation as "exitSituation",
              pa.completed_path as "completedPath", pa.disability, pa.foreign_origin as "foreignOrigin",
              pa.third_country as "thirdCountry", pa.minority, pa.homeless, pa.participant_type as "participantType",
              pa.institution_name as "institutionName"
            from participants pa
            join persons pe on pe.id = pa.person_id
           where pa.project_id = ${projectId} ${after === null ? sql`` : sql`and pa.technical_id > ${after}`}
           order by pa.technical_id
           limit ${pageSize}
          ), supports as (
            select e.participant_id,
                   json_agg(json_build_array(a.kind, coalesce(n.name, a.name), e.starts_on::text)
                            order by e.starts_on, a.kind, coalesce(n.name, a.name)) as list
              from page
              join support_episodes e on e.participant_id = page.id
              join support_activities a on a.id = e.activity_id
              left join programme_nodes n on n.id = a.support_type_id
             group by e.participant_id
          )
          select page.*, coalesce(supports.list, '[]'::json) as supports
            from page left join supports on supports.participant_id = page.id
           order by page."technicalId"`,
    );
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      participantId: r.id,
      record: toRecord(r, projectNumber, territory),
    }));
    if (rows.length < pageSize) return;
    after = (rows[rows.length - 1] as Row).technicalId;
  }
}

function toRecord(r: Row, projectNumber: string, territory: TerritoryNames): SmefsRecord {
  const supports = (typeof r.supports === 'string' ? JSON.parse(r.supports) : r.supports) as [
    string,
    string,
    string,
  ][];
  const names = territory.names(r.teryt);
  const noPesel = !r.pesel;
  return {
    firstName: blank(r.firstName),
    lastName: blank(r.lastName),
    pesel: r.pesel || null,
    noPesel,
    otherId: noPesel ? blank(r.otherIdNumber) : null,
    technicalId: blank(r.technicalId),
    sex: r.sex === 'K' || r.sex === 'M' ? r.sex : null,
    ageAtEntry: r.ageAtEntry,
    education: key<IscedGroup>(iscedGroups, r.education),
    citizenship: blank(r.citizenship),
    country: blank(r.country),
    voivodeship: names.voivodeship,
    powiat: names.powiat,
    gmina: names.gmina,
    city: blank(r.city),
    postalCode: blank(r.postalCode),
    degurba:
      r.degurba !== null && Object.hasOwn(degurbaLevels, r.degurba) ? (r.degurba as DegurbaLevel) : null,
    phone: blank(r.phone),
    email: blank(r.email),
    labourStatus: key<LabourStatus>(labourStatuses, r.labourStatus),
    labourStatusDetail: key<LabourStatusDetail>(labourStatusDetails, r.labourStatusDetail),
    supports: supports.flatMap(([kind, name, startsOn]) => {
      const k = key<SupportKind>(supportKinds, kind);
      return k ? [{ kind: k, name, startsOn }] : [];
    }),
    joinedOn: r.joinedOn,
    leftOn: r.leftOn,
    exitSituation: (r.exitSituation ?? []).filter((s): s is ExitSituation =>
      Object.hasOwn(exitSituations, s),
    ),
    completedPath: r.completedPath,
    disability: key<TriState>(triState, r.disability),
    foreignOrigin: key<TriState>(triState, r.foreignOrigin),
    thirdCountry: key<TriState>(triState, r.thirdCountry),
    minority: key<TriState>(triState, r.minority),
    homeless: key<TriState>(triState, r.homeless),
    projectNumber,
    participantType: key<ParticipantType>(participantTypes, r.participantType),
    institutionName: blank(r.institutionName),
  };
}
