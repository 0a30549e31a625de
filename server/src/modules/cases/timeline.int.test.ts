import type { Attachment, Problem, TimelineEntry } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { type CaseFixture, insertAttachment, insertCase } from '../../../test/case-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';

let t: TestApp;
let worker: TestSession;
let coWorker: TestSession;
let supervisor: TestSession;
let outsider: TestSession;
let police: TestSession;
let fx: CaseFixture;
let otherCase: CaseFixture;

const PDF = Buffer.from(
  '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n',
  'latin1',
);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
]);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(120)]);

type Page = { items: TimelineEntry[]; nextBefore: string | null };

beforeAll(async () => {
  t = await createTestApp();
  [worker, coWorker, supervisor, outsider, police] = await Promise.all([
    login(t.app, 'pracownik.bochnia'),
    login(t.app, 'pracownik2.bochnia'),
    login(t.app, 'kierownik.bochnia'),
    login(t.app, 'pracownik.andrychow'),
    login(t.app, 'policja.bochnia'),
  ]);
  fx = await insertCase(t.database.db, {
    institution: 'MOPS Bochnia',
    lead: 'pracownik.bochnia',
    coWorkers: ['pracownik2.bochnia'],
    lastName: 'Żółkiewska',
  });
  otherCase = await insertCase(t.database.db, { institution: 'MOPS Bochnia', lead: 'pracownik2.bochnia' });
});

const base = () => `/api/cases/${fx.caseId}`;

function upload(
  s: TestSession,
  data: Buffer,
  filename: string,
  contentType = 'application/pdf',
  caseId = fx.caseId,
) {
  return s.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/attachments?filename=${encodeURIComponent(filename)}`,
    headers: { 'content-type': contentType },
    payload: data,
  });
}

function addEntry(s: TestSession, payload: Record<string, unknown>, caseId = fx.caseId) {
  return s.inject({ method: 'POST', url: `/api/cases/${caseId}/timeline`, payload });
}

async function timeline(s: TestSession, query = '') {
  const res = await s.inject({ method: 'GET', url: `${base()}/timeline${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
}

describe('timeline and attachments', () => {
  let pdfId: string;
  let visitId: string;

  it('records a visit with a PDF attachment; it shows first in the timeline with its author and file', async () => {
    const up = await upload(worker, PDF, 'C:\\Skany\\Notatka z wizyty — Żółkiewska.pdf');
    expect(up.statusCode, up.body).toBe(201);
    const att = up.json() as Attachment;
    expect(att).toMatchObject({
      filename: 'Notatka z wizyty — Żółkiewska.pdf',
      mimeType: 'application/pdf',
      size: PDF.length,
    });
    pdfId = att.id;

    const note = await addEntry(worker, {
      kind: 'notatka',
      occurredAt: '2026-01-10T09:00:00+01:00',
      title: 'Notatka z rozmowy z pedagogiem',
    });
    expect(note.statusCode, note.body).toBe(201);
    const visit = await addEntry(worker, {
      kind: 'wizyta',
      occurredAt: '2026-01-12T10:30:00+01:00',
      title: 'Wizyta w miejscu zamieszkania',
      body: 'Rodzina w domu, mieszkanie ogrzane, dzieci w szkole.',
      attachmentIds: [pdfId],
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const created = visit.json() as TimelineEntry;
    visitId = created.id;
    expect(created).toMatchObject({
      kind: 'wizyta',
      occurredAt: '2026-01-12T09:30:00.000Z',
      sensitive: false,
      author: { id: worker.me.user.id },
      attachments: [{ id: pdfId, filename: 'Notatka z wizyty — Żółkiewska.pdf' }],
    });
    expect(created.author.name).toMatch(/\S+ \S+/);

    const page = await timeline(worker);
    expect(page.items.map((e) => e.title)).toEqual([
      'Wizyta w miejscu zamieszkania',
      'Notatka z rozmowy z pedagogiem',
    ]);
    expect(page.items[0]?.attachments.map((a) => a.id)).toEqual([pdfId]);
    expect(page.items[0]?.body).toBe('Rodzina w domu, mieszkanie ogrzane, dzieci w szkole.');
    expect(page.nextBefore).toBeNull();
  });

  it('logs the reading of the timeline, and the creation of an entry without the text of its body', async () => {
    const reads = await queryRows<{ user_id: string }>(
      t.database.db,
      sql`select user_id from audit_log where action = 'record.read' and record_type = 'case_timeline' and record_id = ${fx.caseId}`,
    );
    expect(reads.length).toBeGreaterThan(0);
    const [created] = await queryRows<{ changes: Record<string, { after: unknown }> }>(
      t.database.db,
      sql`select changes from audit_log where action = 'record.create' and record_type = 'timeline_entry' and record_id = ${visitId}`,
    );
    expect(created?.changes.title?.after).toBe('Wizyta w miejscu zamieszkania');
    expect(created?.changes.body?.after).toBe('[redacted]');
    expect(JSON.stringify(created)).not.toContain('ogrzane');
    const uploads = await queryRows(
      t.database.db,
      sql`select 1 from audit_log where action = 'record.create' and record_type = 'attachment' and record_id = ${pdfId}`,
    );
    expect(uploads).toHaveLength(1);
  });

  it('pages newest first with a cursor and filters by kind', async () => {
    const first = await timeline(worker, '?limit=1');
    expect(first.items.map((e) => e.id)).toEqual([visitId]);
    expect(first.nextBefore).toBeTruthy();
    const second = await timeline(
      worker,
      `?limit=1&before=${encodeURIComponent(first.nextBefore as string)}`,
    );
    expect(second.items.map((e) => e.title)).toEqual(['Notatka z rozmowy z pedagogiem']);
    const notes = await timeline(worker, '?kind=notatka');
    expect(notes.items.map((e) => e.kind)).toEqual(['notatka']);
    const bad = await worker.inject({ method: 'GET', url: `${base()}/timeline?before=wczoraj` });
    expect(bad.statusCode).toBe(400);
  });

  it('downloads the file with its bytes, its type, a safe disposition, and logs the download', async () => {
    const res = await coWorker.inject({ method: 'GET', url: `${base()}/attachments/${pdfId}` });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PDF)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Notatka z wizyty _ Zolkiewska.pdf"; filename*=UTF-8''${encodeURIComponent('Notatka z wizyty — Żółkiewska.pdf')}`,
    );
    const rows = await queryRows<{ user_id: string }>(
      t.database.db,
      sql`select user_id from audit_log where action = 'export.download' and record_type = 'attachment' and record_id = ${pdfId}`,
    );
    expect(rows.map((r) => r.user_id)).toEqual([coWorker.me.user.id]);
  });

  it('refuses a program renamed to .pdf by its content, and a file over 10 MB with the limit in the message', async () => {
    const exe = await upload(worker, EXE, 'zaswiadczenie.pdf');
    expect(exe.statusCode).toBe(400);
    const problem = exe.json() as Problem;
    expect(problem.errors?.[0]).toMatchObject({ field: 'file', code: 'attachment.type' });
    expect(problem.errors?.[0]?.message).toMatch(/PDF, PNG, JPEG i WebP/);

    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload(worker, big, 'duzy.pdf');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({
      code: 'payload_too_large',
      detail: 'Plik jest za duży (najwyżej 10 MB).',
    });
    const huge = await upload(worker, Buffer.concat([big, Buffer.alloc(1024 * 1024)]), 'duzy.pdf');
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({
      code: 'payload_too_large',
      detail: 'Plik jest za duży (najwyżej 10 MB).',
    });

    const count = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from attachments where case_id = ${fx.caseId}`,
    );
    expect(count[0]?.n).toBe(1);
  });

  it('accepts an image sent as application/octet-stream and stores the type found in its content', async () => {
    const res = await upload(worker, PNG, '../../etc/zdjęcie.jpg', 'application/octet-stream');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ mimeType: 'image/png', filename: 'zdjęcie.jpg.png' });
  });

  it('links only files of the same case and only user kinds of entries', async () => {
    const foreign = await insertAttachment(t.database.db, {
      caseId: otherCase.caseId,
      uploadedBy: coWorker.me.user.id,
      data: PDF,
    });
    const res = await addEntry(worker, {
      kind: 'dokument',
      occurredAt: '2026-01-13T10:00:00+01:00',
      title: 'Zaświadczenie',
      attachmentIds: [foreign],
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Problem).errors?.[0]).toMatchObject({
      field: 'attachmentIds',
      code: 'timeline.attachmentNotInCase',
    });
    const system = await addEntry(worker, {
      kind: 'status',
      occurredAt: '2026-01-13T10:00:00+01:00',
      title: 'Zmiana statusu',
    });
    expect(system.statusCode).toBe(400);
    expect((system.json() as Problem).errors?.[0]?.field).toBe('kind');
  });
});

describe('sensitive entries', () => {
  let sensitiveId: string;
  let scanId: string;

  beforeAll(async () => {
    const up = await upload(worker, PDF, 'opinia-psychologa.pdf');
    scanId = (up.json() as Attachment).id;
    const res = await addEntry(worker, {
      kind: 'rozmowa',
      occurredAt: '2026-01-14T12:00:00+01:00',
      title: 'Rozmowa o przemocy w rodzinie',
      body: 'Szczegóły rozmowy.',
      sensitive: true,
      attachmentIds: [scanId],
    });
    expect(res.statusCode, res.body).toBe(201);
    sensitiveId = (res.json() as TimelineEntry).id;
  });

  it('is visible to its author and to the supervisor', async () => {
    for (const s of [worker, supervisor]) {
      const page = await timeline(s);
      expect(page.items.find((e) => e.id === sensitiveId)).toMatchObject({ sensitive: true });
      const dl = await s.inject({ method: 'GET', url: `${base()}/attachments/${scanId}` });
      expect(dl.statusCode).toBe(200);
    }
  });

  it('is hidden from a co-worker, and so is a file attached only to it', async () => {
    const page = await timeline(coWorker);
    expect(page.items.map((e) => e.id)).not.toContain(sensitiveId);
    expect(page.items.length).toBeGreaterThan(0);
    const list = await coWorker.inject({ method: 'GET', url: `${base()}/attachments` });
    expect((list.json() as { items: Attachment[] }).items.map((a) => a.id)).not.toContain(scanId);
    const dl = await coWorker.inject({ method: 'GET', url: `${base()}/attachments/${scanId}` });
    expect(dl.statusCode).toBe(404);
    const link = await addEntry(coWorker, {
      kind: 'notatka',
      occurredAt: '2026-01-15T12:00:00+01:00',
      title: 'Próba dołączenia pliku',
      attachmentIds: [scanId],
    });
    expect(link.statusCode).toBe(400);
    const workerList = await worker.inject({ method: 'GET', url: `${base()}/attachments` });
    expect((workerList.json() as { items: Attachment[] }).items.map((a) => a.id)).toContain(scanId);
  });
});

describe('scope', () => {
  it('answers 404 to a worker of another institution and to a partner on every route, and logs it', async () => {
    const [att] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from attachments where case_id = ${fx.caseId} limit 1`,
    );
    for (const s of [outsider, police]) {
      const calls = [
        s.inject({ method: 'GET', url: `${base()}/timeline` }),
        s.inject({ method: 'GET', url: `${base()}/attachments` }),
        s.inject({ method: 'GET', url: `${base()}/attachments/${att?.id}` }),
      ];
      if (s === outsider)
        calls.push(
          addEntry(s, { kind: 'notatka', occurredAt: '2026-01-15T12:00:00+01:00', title: 'Notatka' }),
          upload(s, PDF, 'a.pdf'),
        );
      for (const res of await Promise.all(calls)) expect(res.statusCode, res.body).toBe(404);
    }
    const denied = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'access.denied' and record_type = 'case'
          and record_id = ${fx.caseId} and user_id = ${outsider.me.user.id}`,
    );
    expect(denied[0]?.n).toBe(5);
  });

  it('an upload without a session is 401 before its body is read', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `${base()}/attachments?filename=a.pdf`,
      headers: { 'content-type': 'application/pdf' },
      payload: Buffer.alloc(12 * 1024 * 1024),
    });
    expect(res.statusCode).toBe(401);
  });

  it('a partner without cases.write is refused the writes (403)', async () => {
    const res = await addEntry(police, {
      kind: 'notatka',
      occurredAt: '2026-01-15T12:00:00+01:00',
      title: 'Notatka',
    });
    expect(res.statusCode).toBe(403);
  });

  it('a worker who is not on the case does not see it; a closed case is read-only', async () => {
    const res = await coWorker.inject({ method: 'GET', url: `/api/cases/${otherCase.caseId}/timeline` });
    expect(res.statusCode).toBe(200);
    const notOnCase = await worker.inject({ method: 'GET', url: `/api/cases/${otherCase.caseId}/timeline` });
    expect(notOnCase.statusCode).toBe(404);
    const closed = await insertCase(t.database.db, {
      institution: 'MOPS Bochnia',
      lead: 'pracownik.bochnia',
      status: 'zamknieta',
    });
    const write = await addEntry(
      worker,
      { kind: 'notatka', occurredAt: '2026-01-15T12:00:00+01:00', title: 'Notatka' },
      closed.caseId,
    );
    expect(write.statusCode).toBe(409);
    const read = await worker.inject({ method: 'GET', url: `/api/cases/${closed.caseId}/timeline` });
    expect(read.statusCode).toBe(200);
  });
});
