// Regenerates the permission matrix in docs/security.md from domain/src/identity/roles.ts:
// npx tsx scripts/generate-security-doc.ts (a domain test fails when the document is stale).
import fs from 'node:fs';
import { permissionMatrixMarkdown } from '../domain/src/identity/roles.js';

const file = new URL('../docs/security.md', import.meta.url);
const doc = fs.readFileSync(file, 'utf8');
const start = '<!-- permission-matrix:start -->';
const end = '<!-- permission-matrix:end -->';
const before = doc.slice(0, doc.indexOf(start) + start.length);
const after = doc.slice(doc.indexOf(end));
fs.writeFileSync(file, `${before}\n${permissionMatrixMarkdown()}\n${after}`);
console.log('docs/security.md: permission matrix regenerated');
