import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { permissionMatrixMarkdown, permissions, permissionsOf, roles } from './roles.js';

describe('roles and permissions', () => {
  it('gives the auditor the audit log and nothing else', () => {
    expect([...permissionsOf(['audytor'])]).toEqual(['audit.read']);
  });

  it('lets no role other than the auditor read the audit log', () => {
    const readers = Object.entries(roles)
      .filter(([, r]) => (r.permissions as readonly string[]).includes('audit.read'))
      .map(([name]) => name);
    expect(readers).toEqual(['audytor']);
  });

  it('gives a partner worker no right to create persons or lead cases', () => {
    const p = permissionsOf(['pracownik_partnera']);
    expect(p.has('persons.write')).toBe(false);
    expect(p.has('cases.write')).toBe(false);
  });

  it('combines the permissions of several roles', () => {
    const p = permissionsOf(['animator_partnerstwa', 'koordynator_projektu']);
    expect(p.has('partnerships.manage') && p.has('projects.manage')).toBe(true);
  });

  it('uses every permission in at least one role', () => {
    const used = new Set(Object.values(roles).flatMap((r) => r.permissions as readonly string[]));
    expect(Object.keys(permissions).filter((p) => !used.has(p))).toEqual([]);
  });

  it('docs/security.md holds the matrix generated from this data', () => {
    const doc = fs.readFileSync(
      path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/security.md'),
      'utf8',
    );
    // The formatter pads table cells; compare the tables cell by cell.
    const normalise = (md: string) =>
      md
        .split('\n')
        .map((line) =>
          line.trim().startsWith('|')
            ? line
                .split('|')
                .map((c) => c.trim().replace(/^(:?)-+(:?)$/, '$1-$2'))
                .join('|')
            : line,
        )
        .join('\n');
    expect(normalise(doc)).toContain(normalise(permissionMatrixMarkdown()));
  });
});
