import { randomUUID } from 'node:crypto';
import {
  CATALOGUE_FORMAT,
  CATALOGUE_FORMAT_VERSION,
  type CatalogueDocument,
  type CatalogueNode,
  effectiveRules,
  normaliseRules,
  PATH_SEPARATOR,
  type ProgrammeNodeKind,
  type ProgrammePlacement,
  type ProgrammeRules,
  placementKinds,
  placementPath,
} from '@kooperacja/domain';
import { asc, eq, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { programmeNodes } from '../../db/schema/index.js';
import { AppError } from '../../http/problem.js';

/** A catalogue node as stored. */
export interface NodeRow {
  id: string;
  parentId: string | null;
  kind: ProgrammeNodeKind;
  code: string;
  name: string;
  description: string | null;
  rules: ProgrammeRules;
  period: string | null;
  sortOrder: number;
  active: boolean;
  version: number;
}

const nodeColumns = {
  id: programmeNodes.id,
  parentId: programmeNodes.parentId,
  kind: programmeNodes.kind,
  code: programmeNodes.code,
  name: programmeNodes.name,
  description: programmeNodes.description,
  rules: programmeNodes.rules,
  period: programmeNodes.period,
  sortOrder: programmeNodes.sortOrder,
  active: programmeNodes.active,
  version: programmeNodes.version,
};

/**
 * The whole catalogue, siblings in their order. The catalogue is small (a few hundred nodes across
 * all programmes), so paths and inheritance are worked out in memory from one read.
 */
export async function loadNodes(db: DbOrTx): Promise<NodeRow[]> {
  const rows = await db
    .select(nodeColumns)
    .from(programmeNodes)
    .orderBy(asc(programmeNodes.sortOrder), asc(programmeNodes.code));
  return rows as NodeRow[];
}

export async function getNode(db: DbOrTx, id: string): Promise<NodeRow | undefined> {
  const [row] = await db.select(nodeColumns).from(programmeNodes).where(eq(programmeNodes.id, id));
  return row as NodeRow | undefined;
}

/** The nodes of a catalogue indexed by id, with their children lists. */
export class NodeIndex {
  readonly byId = new Map<string, NodeRow>();
  readonly children = new Map<string | null, NodeRow[]>();

  constructor(rows: readonly NodeRow[]) {
    for (const r of rows) {
      this.byId.set(r.id, r);
      const list = this.children.get(r.parentId) ?? [];
      list.push(r);
      this.children.set(r.parentId, list);
    }
  }

  /** The chain from the programme down to the node itself. */
  chain(id: string): NodeRow[] {
    const out: NodeRow[] = [];
    let n = this.byId.get(id);
    while (n && out.length < 20) {
      out.unshift(n);
      n = n.parentId ? this.byId.get(n.parentId) : undefined;
    }
    return out;
  }

  childrenOf(id: string | null): NodeRow[] {
    return this.children.get(id) ?? [];
  }

  /** Active only when the node and every ancestor are active. */
  activeInChain(id: string): boolean {
    return this.chain(id).every((n) => n.active);
  }

  codePath(id: string): string[] {
    return this.chain(id).map((n) => n.code);
  }

  /** "RPO WM 2014-2020 › 9 › 9.1 › 9.1.2 Aktywna integracja – projekty konkursowe" */
  label(id: string): string {
    const n = this.byId.get(id);
    return n ? placementPath(this.codePath(id), n.name) : '';
  }

  effectiveRulesOf(id: string): ProgrammeRules {
    return effectiveRules(this.chain(id).map((n) => n.rules ?? {}));
  }
}

/** Every active node a project can be placed under, in catalogue order, with its code path. */
export async function listPlacements(db: DbOrTx): Promise<ProgrammePlacement[]> {
  const index = new NodeIndex(await loadNodes(db));
  const out: ProgrammePlacement[] = [];
  const walk = (parentId: string | null) => {
    for (const n of index.childrenOf(parentId)) {
      if (!n.active) continue;
      if (placementKinds.includes(n.kind)) {
        out.push({ id: n.id, kind: n.kind, code: n.code, name: n.name, path: index.label(n.id) });
      }
      walk(n.id);
    }
  };
  walk(null);
  return out;
}

/**
 * The id of the node at a code path, e.g. `['RPO WM 2014-2020', '9', '9.1', '9.1.2']`.
 * Throws when no node sits there.
 */
export async function findProgrammeNode(db: DbOrTx, codes: readonly string[]): Promise<string> {
  if (!codes.length) throw new Error('findProgrammeNode: empty code path');
  let parentId: string | null = null;
  for (const code of codes) {
    const rows: { id: string }[] = await db
      .select({ id: programmeNodes.id })
      .from(programmeNodes)
      .where(
        parentId === null
          ? sql`${programmeNodes.parentId} is null and ${programmeNodes.code} = ${code}`
          : sql`${programmeNodes.parentId} = ${parentId} and ${programmeNodes.code} = ${code}`,
      );
    const row = rows[0];
    if (!row) throw new Error(`No programme node at ${codes.join(PATH_SEPARATOR)}`);
    parentId = row.id;
  }
  return parentId as string;
}

export interface AllowedSupportType {
  id: string;
  code: string;
  name: string;
  /** The rules in force for the type (its own, and the time window / target groups inherited). */
  rules: ProgrammeRules;
}

/**
 * The support types a project placed under `nodeId` may deliver: the active support types directly
 * under the node and under each of its ancestors (a project under 9.1.2 may give 9.1.2's types; one
 * under an action without sub-actions, the action's types). Empty when the placement is inactive.
 */
export async function allowedSupportTypes(db: DbOrTx, nodeId: string): Promise<AllowedSupportType[]> {
  const index = new NodeIndex(await loadNodes(db));
  if (!index.byId.has(nodeId) || !index.activeInChain(nodeId)) return [];
  return index
    .chain(nodeId)
    .flatMap((n) => index.childrenOf(n.id))
    .filter((t) => t.kind === 'typ_wsparcia' && t.active)
    .map((t) => ({ id: t.id, code: t.code, name: t.name, rules: index.effectiveRulesOf(t.id) }));
}

/** Projects placed under the node or any node below it. */
export async function countProjectsUnder(db: DbOrTx, id: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with recursive sub as (
          select id from programme_nodes where id = ${id}
          union all
          select n.id from programme_nodes n join sub on n.parent_id = sub.id
        )
        select count(*)::int as n from projects where programme_node_id in (select id from sub)`,
  );
  return row?.n ?? 0;
}

// ---- export / import ------------------------------------------------------------------------------

function toDocumentNode(index: NodeIndex, n: NodeRow): CatalogueNode {
  return {
    kind: n.kind,
    code: n.code,
    name: n.name,
    description: n.description,
    period: n.period,
    rules: normaliseRules(n.rules ?? {}),
    active: n.active,
    children: index.childrenOf(n.id).map((c) => toDocumentNode(index, c)),
  };
}

/** The catalogue (or one programme of it) as an exchange document. */
export async function exportCatalogue(db: DbOrTx, programmeId?: string): Promise<CatalogueDocument> {
  const index = new NodeIndex(await loadNodes(db));
  const roots = index.childrenOf(null).filter((r) => !programmeId || r.id === programmeId);
  return {
    format: CATALOGUE_FORMAT,
    formatVersion: CATALOGUE_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    programmes: roots.map((r) => toDocumentNode(index, r)),
  };
}

/** The values a change compares and an audit entry records. */
export const auditable = (n: {
  kind: string;
  code: string;
  name: string;
  description: string | null;
  rules: ProgrammeRules;
  period: string | null;
  sortOrder: number;
  active: boolean;
}): Record<string, unknown> => ({
  kind: n.kind,
  code: n.code,
  name: n.name,
  description: n.description,
  rules: normaliseRules(n.rules ?? {}),
  period: n.period,
  sortOrder: n.sortOrder,
  active: n.active,
});

export interface CatalogueChange {
  action: 'record.create' | 'record.update';
  id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

export interface CataloguePlan {
  created: number;
  updated: number;
  unchanged: number;
  changes: CatalogueChange[];
}

/** The order a child of a document takes among its siblings (programmes: see `planCatalogue`). */
const sortOrderAt = (i: number) => (i + 1) * 10;

const sameValues = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Works out what importing a document would do: nodes are matched by code path; a node absent from
 * the database is created, a present one updated when any of its fields differ; nodes of the
 * database the document does not mention stay as they are. Children take the order of the document;
 * programmes keep their place, a new one goes last. A node may not change its kind (the field error
 * carries its JSON path).
 */
export function planCatalogue(existing: readonly NodeRow[], doc: CatalogueDocument): CataloguePlan {
  const index = new NodeIndex(existing);
  const plan: CataloguePlan = { created: 0, updated: 0, unchanged: 0, changes: [] };
  const errors: { field: string; code: string }[] = [];
  // Programmes keep their places; a new one goes after those there are.
  let nextRoot = Math.max(0, ...index.childrenOf(null).map((r) => r.sortOrder)) + 10;
  const walk = (nodes: readonly CatalogueNode[], parentId: string | null, isNew: boolean, path: string) => {
    const siblings = isNew ? [] : index.childrenOf(parentId);
    nodes.forEach((n, i) => {
      const here = `${path}.${i}`;
      const found = siblings.find((s) => s.code === n.code);
      let sortOrder = sortOrderAt(i);
      if (parentId === null) {
        sortOrder = found ? found.sortOrder : nextRoot;
        if (!found) nextRoot += 10;
      }
      const after = auditable({ ...n, sortOrder });
      let id: string;
      if (!found) {
        id = randomUUID();
        plan.created++;
        plan.changes.push({ action: 'record.create', id, before: null, after: { ...after, parentId } });
      } else {
        id = found.id;
        if (found.kind !== n.kind)
          errors.push({ field: `${here}.kind`, code: 'programme.kindChangeForbidden' });
        const before = auditable(found);
        if (sameValues(before, after)) plan.unchanged++;
        else {
          plan.updated++;
          plan.changes.push({ action: 'record.update', id, before, after });
        }
      }
      walk(n.children, id, !found, `${here}.children`);
    });
  };
  walk(doc.programmes, null, false, 'programmes');
  if (errors.length) {
    throw new AppError('validation_failed', 'validation.summary', { count: errors.length }, errors);
  }
  return plan;
}

/** Carries out a plan inside the caller's transaction (parents are created before their children). */
export async function applyCatalogue(tx: DbOrTx, plan: CataloguePlan): Promise<void> {
  const inserts = plan.changes.filter((c) => c.action === 'record.create');
  if (inserts.length) {
    await tx.insert(programmeNodes).values(
      inserts.map((c) => ({
        id: c.id,
        parentId: c.after.parentId as string | null,
        kind: c.after.kind as string,
        code: c.after.code as string,
        name: c.after.name as string,
        description: c.after.description as string | null,
        rules: c.after.rules as Record<string, unknown>,
        period: c.after.period as string | null,
        sortOrder: c.after.sortOrder as number,
        active: c.after.active as boolean,
      })),
    );
  }
  for (const c of plan.changes) {
    if (c.action !== 'record.update') continue;
    await tx
      .update(programmeNodes)
      .set({
        name: c.after.name as string,
        description: c.after.description as string | null,
        rules: c.after.rules as Record<string, unknown>,
        period: c.after.period as string | null,
        sortOrder: c.after.sortOrder as number,
        active: c.after.active as boolean,
        version: sql`${programmeNodes.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(programmeNodes.id, c.id));
  }
}
