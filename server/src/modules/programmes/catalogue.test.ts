import { CatalogueDocument, countCatalogueNodes } from '@kooperacja/domain';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/problem.js';
import { shippedCatalogue } from './catalogue.data.js';
import { NodeIndex, type NodeRow, planCatalogue } from './catalogue.js';

const shipped = CatalogueDocument.parse(shippedCatalogue);

/** The rows a plan would leave in an empty database. */
function rowsOf(doc: CatalogueDocument): NodeRow[] {
  const plan = planCatalogue([], doc);
  return plan.changes.map((c) => ({
    id: c.id,
    parentId: c.after.parentId as string | null,
    kind: c.after.kind as NodeRow['kind'],
    code: c.after.code as string,
    name: c.after.name as string,
    description: c.after.description as string | null,
    rules: c.after.rules as NodeRow['rules'],
    period: c.after.period as string | null,
    sortOrder: c.after.sortOrder as number,
    active: c.after.active as boolean,
    version: 1,
  }));
}

describe('the shipped catalogue', () => {
  it('is a valid document whose codes are unique among siblings', () => {
    expect(CatalogueDocument.safeParse(shippedCatalogue).success).toBe(true);
  });

  it('plans every node for an empty database, then nothing once loaded', () => {
    const plan = planCatalogue([], shipped);
    expect(plan.created).toBe(countCatalogueNodes(shipped.programmes));
    const again = planCatalogue(rowsOf(shipped), shipped);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: plan.created });
  });

  it('codes the support types after their sub-action, in the order of the source', () => {
    const index = new NodeIndex(rowsOf(shipped));
    const sub = [...index.byId.values()].find((n) => n.code === '9.1.2');
    const types = index.childrenOf(sub?.id ?? null);
    expect(types.map((n) => n.code)).toEqual(
      Array.from({ length: 12 }, (_, i) => `9.1.2.${String(i + 1).padStart(2, '0')}`),
    );
    expect(index.label(types[0]?.id ?? '')).toMatch(
      /^RPO WM 2014-2020 › 9 › 9\.1 › 9\.1\.2 › 9\.1\.2\.01 usługi asystenckie/,
    );
  });
});

describe('planning an import', () => {
  it('puts a new programme after the existing ones and keeps their places', () => {
    const rows = rowsOf(shipped);
    const extra = CatalogueDocument.parse({
      format: 'kooperacja.programmes',
      formatVersion: 1,
      programmes: [{ kind: 'program', code: 'NOWY', name: 'Nowy program' }, shipped.programmes[1]],
    });
    const plan = planCatalogue(rows, extra);
    expect(plan.created).toBe(1);
    expect(plan.updated).toBe(0);
    expect(plan.changes[0]?.after.sortOrder).toBe(40);
  });

  it('refuses to change the kind of a node, naming its JSON path', () => {
    const rows = rowsOf(shipped);
    const doc = structuredClone(shipped);
    const axis = doc.programmes[1]?.children[0];
    if (!axis) throw new Error('fixture');
    axis.kind = 'dzialanie';
    try {
      planCatalogue(rows, doc);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).fields).toEqual([
        { field: 'programmes.1.children.0.kind', code: 'programme.kindChangeForbidden' },
      ]);
    }
  });
});
