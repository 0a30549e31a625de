import { describe, expect, it } from 'vitest';
import {
  CatalogueDocument,
  countCatalogueNodes,
  effectiveRules,
  kindFitsParent,
  nodeFieldIssues,
  normaliseRules,
  ProgrammeRules,
  placementPath,
} from './programmes.js';

const doc = (programmes: unknown[]) => ({ format: 'kooperacja.programmes', formatVersion: 1, programmes });

describe('the shape of the tree', () => {
  it('puts a programme at the root, then axis, action, sub-action, support type', () => {
    expect(kindFitsParent('program', null)).toBe(true);
    expect(kindFitsParent('os', null)).toBe(false);
    expect(kindFitsParent('os', 'program')).toBe(true);
    expect(kindFitsParent('dzialanie', 'os')).toBe(true);
    expect(kindFitsParent('poddzialanie', 'dzialanie')).toBe(true);
    expect(kindFitsParent('typ_wsparcia', 'poddzialanie')).toBe(true);
  });

  it('allows support types under an action without sub-actions, never under an axis or programme', () => {
    expect(kindFitsParent('typ_wsparcia', 'dzialanie')).toBe(true);
    expect(kindFitsParent('typ_wsparcia', 'os')).toBe(false);
    expect(kindFitsParent('typ_wsparcia', 'program')).toBe(false);
    expect(kindFitsParent('dzialanie', 'program')).toBe(false);
    expect(kindFitsParent('poddzialanie', 'typ_wsparcia')).toBe(false);
  });
});

describe('rules', () => {
  it('keeps "only with other forms" to the type itself and inherits window and target groups', () => {
    const subAction = {
      timeWindow: 'w trakcie przebywania w placówce i do 12 miesięcy po jej opuszczeniu',
      monthsAfterLeaving: 12,
      targetGroups: ['wychowankowie MOW i MOS'],
    };
    expect(effectiveRules([{}, {}, {}, subAction, {}])).toEqual(subAction);
    expect(effectiveRules([{}, { onlyWithOther: true }, {}])).toEqual({});
    expect(effectiveRules([{}, subAction, { onlyWithOther: true, targetGroups: ['inna grupa'] }])).toEqual({
      onlyWithOther: true,
      timeWindow: subAction.timeWindow,
      monthsAfterLeaving: 12,
      targetGroups: ['inna grupa'],
    });
  });

  it('treats empty values as absent', () => {
    expect(normaliseRules({ onlyWithOther: false, targetGroups: [] })).toEqual({});
  });

  it('refuses unknown rule fields', () => {
    expect(ProgrammeRules.safeParse({ onlyWithOthers: true }).success).toBe(false);
  });

  it('says which fields a kind may not fill', () => {
    expect(nodeFieldIssues('os', { rules: { targetGroups: ['x'] }, period: null })).toEqual([
      { field: 'rules', code: 'programme.rulesNotAllowed' },
    ]);
    expect(nodeFieldIssues('poddzialanie', { rules: { onlyWithOther: true }, period: null })).toEqual([
      { field: 'rules.onlyWithOther', code: 'programme.onlyWithOtherSupportTypeOnly' },
    ]);
    expect(
      nodeFieldIssues('typ_wsparcia', { rules: { monthsAfterLeaving: 12 }, period: '2014-2020' }),
    ).toEqual([
      { field: 'rules.timeWindow', code: 'programme.timeWindowRequired' },
      { field: 'period', code: 'programme.periodProgrammeOnly' },
    ]);
    expect(nodeFieldIssues('program', { rules: {}, period: '2021-2027' })).toEqual([]);
  });
});

describe('the JSON document', () => {
  it('fills defaults and counts nodes', () => {
    const parsed = CatalogueDocument.parse(
      doc([
        {
          kind: 'program',
          code: 'P',
          name: 'Program',
          children: [
            { kind: 'os', code: '1', name: 'Oś', children: [{ kind: 'dzialanie', code: '1.1', name: 'D' }] },
          ],
        },
      ]),
    );
    expect(parsed.programmes[0]).toMatchObject({ description: null, rules: {}, active: true, period: null });
    expect(countCatalogueNodes(parsed.programmes)).toBe(3);
  });

  it('reports misplaced kinds and repeated codes with their JSON paths', () => {
    const result = CatalogueDocument.safeParse(
      doc([
        {
          kind: 'program',
          code: 'P',
          name: 'Program',
          children: [
            {
              kind: 'os',
              code: '1',
              name: 'Oś',
              children: [{ kind: 'typ_wsparcia', code: '1.01', name: 'T' }],
            },
            { kind: 'os', code: '1', name: 'Oś bis' },
          ],
        },
        { kind: 'os', code: 'X', name: '' },
      ]),
    );
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((i) => `${i.path.join('.')} ${i.message}`) ?? [];
    expect(issues).toEqual(
      expect.arrayContaining([
        'programmes.0.children.0.children.0.kind programme.kindNotAllowed',
        'programmes.0.children.1.code programme.codeTaken',
      ]),
    );
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('programmes.1.name');
  });

  it('knows its format', () => {
    expect(CatalogueDocument.safeParse({ ...doc([]), format: 'inny' }).success).toBe(false);
  });
});

describe('placement labels', () => {
  it('joins the code path and ends with the name', () => {
    expect(
      placementPath(['RPO WM 2014-2020', '9', '9.1', '9.1.2'], 'Aktywna integracja – projekty konkursowe'),
    ).toBe('RPO WM 2014-2020 › 9 › 9.1 › 9.1.2 Aktywna integracja – projekty konkursowe');
  });
});
