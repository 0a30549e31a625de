import { z } from 'zod';

/**
 * The programme catalogue (katalog programów): one tree per EU programme — programme → priority axis
 * (oś priorytetowa / priorytet) → action (działanie) → sub-action (poddziałanie) → eligible support
 * type (typ wsparcia). A level may be skipped below an action: support types sit under a sub-action or
 * directly under an action without sub-actions (FERS 04.13). Projects are placed under an action or a
 * sub-action. Codes are unique among siblings; a node is identified across databases by its code
 * path ("RPO WM 2014-2020" › "9" › "9.1" › "9.1.2").
 */
export const programmeNodeKinds = {
  program: { pl: 'Program', en: 'Programme' },
  os: { pl: 'Oś priorytetowa / priorytet', en: 'Priority axis' },
  dzialanie: { pl: 'Działanie', en: 'Action' },
  poddzialanie: { pl: 'Poddziałanie', en: 'Sub-action' },
  typ_wsparcia: { pl: 'Typ wsparcia', en: 'Support type' },
} as const;
export type ProgrammeNodeKind = keyof typeof programmeNodeKinds;
export const programmeNodeKindKeys = Object.keys(programmeNodeKinds) as [
  ProgrammeNodeKind,
  ...ProgrammeNodeKind[],
];
export const ProgrammeNodeKindKey = z.enum(programmeNodeKindKeys);

/** Which kinds a node of each kind may have as children (a programme is always a root). */
export const childKindsOf: Record<ProgrammeNodeKind, readonly ProgrammeNodeKind[]> = {
  program: ['os'],
  os: ['dzialanie'],
  dzialanie: ['poddzialanie', 'typ_wsparcia'],
  poddzialanie: ['typ_wsparcia'],
  typ_wsparcia: [],
};

/** Whether a node of `kind` may sit under a parent of `parentKind` (null: at the root). */
export function kindFitsParent(kind: ProgrammeNodeKind, parentKind: ProgrammeNodeKind | null): boolean {
  if (parentKind === null) return kind === 'program';
  return childKindsOf[parentKind].includes(kind);
}

/** The kinds of node a project can be placed under. */
export const placementKinds: readonly ProgrammeNodeKind[] = ['dzialanie', 'poddzialanie'];

/** The separator of code paths shown to people ("RPO WM 2014-2020 › 9 › 9.1 › 9.1.2"). */
export const PATH_SEPARATOR = ' › ';

const line = (max: number) => z.string().trim().min(1).max(max);

/**
 * Rules of a support type — or of an action / sub-action, then they apply to every support type
 * under it: only in combination with another form of support; the time window in which the support
 * may be given (in words, and the months after leaving the facility when the source sets a limit);
 * the target groups.
 */
export const ProgrammeRules = z
  .object({
    onlyWithOther: z.boolean().optional(),
    timeWindow: line(500).optional(),
    monthsAfterLeaving: z.int().min(0).max(120).optional(),
    targetGroups: z.array(line(500)).max(30).optional(),
  })
  .strict();
export type ProgrammeRules = z.infer<typeof ProgrammeRules>;

/**
 * The rules that hold for a node, given the rules of its chain from the programme down to the node
 * itself: "only with other forms" is the node's own; a time window and target groups come from the
 * nearest node that sets them.
 */
export function effectiveRules(chain: readonly ProgrammeRules[]): ProgrammeRules {
  const own = chain.at(-1) ?? {};
  const out: ProgrammeRules = {};
  if (own.onlyWithOther) out.onlyWithOther = true;
  for (let i = chain.length - 1; i >= 0; i--) {
    const r = chain[i] ?? {};
    if (out.timeWindow === undefined && r.timeWindow !== undefined) {
      out.timeWindow = r.timeWindow;
      if (r.monthsAfterLeaving !== undefined) out.monthsAfterLeaving = r.monthsAfterLeaving;
    }
    if (out.targetGroups === undefined && r.targetGroups?.length) out.targetGroups = r.targetGroups;
  }
  return out;
}

/**
 * Which fields a node of `kind` may fill: rules belong to actions, sub-actions and support types
 * ("only with other forms" to support types alone); the programming period to programmes.
 * Answers the offending fields with message keys.
 */
export function nodeFieldIssues(
  kind: ProgrammeNodeKind,
  node: { rules: ProgrammeRules; period: string | null },
): { field: string; code: string }[] {
  const issues: { field: string; code: string }[] = [];
  const r = normaliseRules(node.rules);
  if ((kind === 'program' || kind === 'os') && Object.keys(r).length)
    issues.push({ field: 'rules', code: 'programme.rulesNotAllowed' });
  else if (r.onlyWithOther && kind !== 'typ_wsparcia')
    issues.push({ field: 'rules.onlyWithOther', code: 'programme.onlyWithOtherSupportTypeOnly' });
  if (r.monthsAfterLeaving !== undefined && !r.timeWindow)
    issues.push({ field: 'rules.timeWindow', code: 'programme.timeWindowRequired' });
  if (node.period && kind !== 'program')
    issues.push({ field: 'period', code: 'programme.periodProgrammeOnly' });
  return issues;
}

/** Removes empty values so equal rules compare equal ({} and { targetGroups: [] } are the same). */
export function normaliseRules(rules: ProgrammeRules): ProgrammeRules {
  const out: ProgrammeRules = {};
  if (rules.onlyWithOther) out.onlyWithOther = true;
  if (rules.timeWindow) out.timeWindow = rules.timeWindow;
  if (rules.monthsAfterLeaving !== undefined) out.monthsAfterLeaving = rules.monthsAfterLeaving;
  if (rules.targetGroups?.length) out.targetGroups = [...rules.targetGroups];
  return out;
}

const NodeFields = {
  code: line(40),
  name: line(500),
  description: z.string().trim().max(5000).nullable().default(null),
  rules: ProgrammeRules.default({}),
  period: z.string().trim().max(40).nullable().default(null),
};

/** A new node: under `parentId` (null for a programme). */
export const ProgrammeNodeInput = z.object({
  parentId: z.uuid().nullable(),
  kind: ProgrammeNodeKindKey,
  ...NodeFields,
  sortOrder: z.int().min(0).max(100_000).optional(),
});
export type ProgrammeNodeInput = z.infer<typeof ProgrammeNodeInput>;

/** A change of a node's own fields (its kind and place in the tree stay) with the loaded version. */
export const ProgrammeNodeUpdate = z.object({
  node: z.object({ ...NodeFields, sortOrder: z.int().min(0).max(100_000) }),
  version: z.int().min(1),
});
export type ProgrammeNodeUpdate = z.infer<typeof ProgrammeNodeUpdate>;

export const ProgrammeNodeActiveChange = z.object({ active: z.boolean(), version: z.int().min(1) });
export const ProgrammeNodeDeleteQuery = z.object({ version: z.coerce.number().int().min(1) });

/** A node in the flat list of the whole tree (the client nests it by `parentId`). */
export const ProgrammeTreeItem = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: ProgrammeNodeKindKey,
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  sortOrder: z.int(),
});
export type ProgrammeTreeItem = z.infer<typeof ProgrammeTreeItem>;

export const ProgrammeTree = z.object({
  items: z.array(ProgrammeTreeItem),
  abilities: z.object({ manage: z.boolean() }),
});
export type ProgrammeTree = z.infer<typeof ProgrammeTree>;

const NodeRef = z.object({ id: z.uuid(), kind: ProgrammeNodeKindKey, code: z.string(), name: z.string() });

/** One node with its ancestors (programme first), children, rules and the projects under it. */
export const ProgrammeNodeDetail = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: ProgrammeNodeKindKey,
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  rules: ProgrammeRules,
  /** The rules in force for the node, its ancestors' included. */
  effectiveRules: ProgrammeRules,
  period: z.string().nullable(),
  sortOrder: z.int(),
  active: z.boolean(),
  version: z.int(),
  path: z.string(),
  ancestors: z.array(NodeRef),
  children: z.array(NodeRef.extend({ active: z.boolean() })),
  /** Projects placed under the node or any node below it. */
  projectCount: z.int(),
  abilities: z.object({
    update: z.boolean(),
    addChild: z.boolean(),
    /** Only a node without children and projects can be deleted; others are deactivated. */
    delete: z.boolean(),
  }),
  /** The kinds a child of this node may have. */
  childKinds: z.array(ProgrammeNodeKindKey),
});
export type ProgrammeNodeDetail = z.infer<typeof ProgrammeNodeDetail>;

/** A place a project can sit under (an active action or sub-action) with its code path. */
export const ProgrammePlacement = z.object({
  id: z.uuid(),
  kind: ProgrammeNodeKindKey,
  code: z.string(),
  name: z.string(),
  path: z.string(),
});
export type ProgrammePlacement = z.infer<typeof ProgrammePlacement>;
export const ProgrammePlacementList = z.object({ items: z.array(ProgrammePlacement) });
export type ProgrammePlacementList = z.infer<typeof ProgrammePlacementList>;

/** The label of a placement: the code path ending with the node's name. */
export function placementPath(codes: readonly string[], name: string): string {
  return `${codes.join(PATH_SEPARATOR)} ${name}`;
}

// ---- JSON import / export -------------------------------------------------------------------------

export const CATALOGUE_FORMAT = 'kooperacja.programmes';
export const CATALOGUE_FORMAT_VERSION = 1;

/** A node of the JSON document; children in the order they are shown. */
export interface CatalogueNode {
  kind: ProgrammeNodeKind;
  code: string;
  name: string;
  description: string | null;
  period: string | null;
  rules: ProgrammeRules;
  active: boolean;
  children: CatalogueNode[];
}

export const CatalogueNodeSchema: z.ZodType<CatalogueNode, unknown> = z.lazy(() =>
  z.object({
    kind: ProgrammeNodeKindKey,
    ...NodeFields,
    active: z.boolean().default(true),
    children: z.array(CatalogueNodeSchema).max(500).default([]),
  }),
);

function checkLevel(
  nodes: readonly CatalogueNode[],
  parentKind: ProgrammeNodeKind | null,
  path: (string | number)[],
  ctx: z.RefinementCtx,
) {
  const seen = new Set<string>();
  nodes.forEach((n, i) => {
    const here = [...path, i];
    if (!kindFitsParent(n.kind, parentKind)) {
      ctx.addIssue({
        code: 'custom',
        path: [...here, 'kind'],
        message: parentKind === null ? 'programme.rootMustBeProgramme' : 'programme.kindNotAllowed',
      });
    }
    for (const issue of nodeFieldIssues(n.kind, n)) {
      ctx.addIssue({ code: 'custom', path: [...here, ...issue.field.split('.')], message: issue.code });
    }
    if (seen.has(n.code)) {
      ctx.addIssue({
        code: 'custom',
        path: [...here, 'code'],
        message: 'programme.codeTaken',
      });
    }
    seen.add(n.code);
    checkLevel(n.children, n.kind, [...here, 'children'], ctx);
  });
}

/**
 * The exchange format: `{ format, formatVersion, exportedAt?, programmes: [...] }`. Beyond the shape,
 * every node's kind must fit its parent's and codes must be unique among siblings; the issues carry
 * the JSON path of the offending field ("programmes.0.children.1.kind").
 */
export const CatalogueDocument = z
  .object({
    format: z.literal(CATALOGUE_FORMAT),
    formatVersion: z.literal(CATALOGUE_FORMAT_VERSION),
    exportedAt: z.string().optional(),
    programmes: z.array(CatalogueNodeSchema).max(100),
  })
  .superRefine((doc, ctx) => checkLevel(doc.programmes, null, ['programmes'], ctx));
export type CatalogueDocument = z.infer<typeof CatalogueDocument>;

export const CatalogueImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false'),
});

export const CatalogueImportResult = z.object({
  dryRun: z.boolean(),
  created: z.int(),
  updated: z.int(),
  unchanged: z.int(),
});
export type CatalogueImportResult = z.infer<typeof CatalogueImportResult>;

export const CatalogueExportQuery = z.object({ programme: z.uuid().optional() });

/** Counts the nodes of a document (for a report before an import). */
export function countCatalogueNodes(nodes: readonly CatalogueNode[]): number {
  return nodes.reduce((n, c) => n + 1 + countCatalogueNodes(c.children), 0);
}
