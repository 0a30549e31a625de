import { randomBytes } from 'node:crypto';
import {
  attendancePercent,
  certificateCodeFrom,
  certificateDue,
  type TrainingForm,
  trainingForms,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { createPdf, plDate } from '../../lib/pdf.js';
import { type AuditActor, writeAudit } from '../audit/index.js';

/**
 * Certificates of the training platform (docs/trainings.md, "Certificate"): issued automatically when
 * the final test is passed and the attendance (e-learning: every lesson) completes what the training
 * asks, or by the organiser's decision; revoked with a reason. One row per registration: issuing
 * again after a revocation gives the same row a new code, so an old printout no longer verifies.
 */
export interface CertificateRow {
  id: string;
  registrationId: string;
  code: string;
  issuedOn: string;
  revokedOn: string | null;
  revokedReason: string | null;
}

export interface IssuedCertificate extends CertificateRow {
  /** `new`: a first certificate; `reissued`: a revoked one issued again with a new code; `existing`: nothing changed. */
  outcome: 'new' | 'reissued' | 'existing';
}

const CERTIFICATE_COLUMNS = sql`id, registration_id as "registrationId", code, issued_on::text as "issuedOn",
  revoked_on::text as "revokedOn", revoked_reason as "revokedReason"`;

/** Attempts at a fresh code before giving up (55 random bits: a clash is already unheard of). */
const CODE_ATTEMPTS = 8;

const freshCode = () => certificateCodeFrom(randomBytes(11));

async function certificateOf(
  tx: DbOrTx,
  registrationId: string,
  lock = false,
): Promise<CertificateRow | undefined> {
  const [row] = await queryRows<CertificateRow>(
    tx,
    sql`select ${CERTIFICATE_COLUMNS} from training_certificates where registration_id = ${registrationId}
        ${lock ? sql`for update` : sql``}`,
  );
  return row;
}

/**
 * Issues the certificate of a registration with a fresh verification code. A valid certificate is
 * kept as it is; a revoked one is issued again (a new code, the revocation cleared). A code already
 * taken (the unique index `training_certificates_code_uq`) is drawn again — without aborting the
 * caller's transaction, as the statements skip a taken code instead of failing on it.
 */
export async function issueCertificate(
  tx: DbOrTx,
  registrationId: string,
  issuedBy: string | null,
  today: string,
): Promise<IssuedCertificate> {
  const existing = await certificateOf(tx, registrationId, true);
  if (existing && !existing.revokedOn) return { ...existing, outcome: 'existing' };
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const code = freshCode();
    if (existing) {
      const [row] = await queryRows<CertificateRow>(
        tx,
        sql`update training_certificates set code = ${code}, issued_on = ${today}, issued_by = ${issuedBy},
              revoked_on = null, revoked_reason = null, revoked_by = null
            where id = ${existing.id}
              and not exists (select 1 from training_certificates c where c.code = ${code})
            returning ${CERTIFICATE_COLUMNS}`,
      );
      if (row) return { ...row, outcome: 'reissued' };
      continue;
    }
    const [row] = await queryRows<CertificateRow>(
      tx,
      sql`insert into training_certificates (registration_id, code, issued_on, issued_by)
          values (${registrationId}, ${code}, ${today}, ${issuedBy})
          on conflict do nothing
          returning ${CERTIFICATE_COLUMNS}`,
    );
    if (row) return { ...row, outcome: 'new' };
    // Either the code was taken, or another transaction has just issued this registration's one.
    const concurrent = await certificateOf(tx, registrationId);
    if (concurrent) return { ...concurrent, outcome: 'existing' };
  }
  throw new Error(`no free certificate code after ${CODE_ATTEMPTS} attempts`);
}

/** What {@link certificateDue} needs about a registration, read in the caller's transaction. */
interface DueFacts {
  status: string;
  issuesCertificate: boolean;
  minAttendancePercent: number;
  sessions: number;
  present: number;
  finalTestPassed: boolean;
  lessonsTotal: number;
  lessonsCompleted: number;
}

/**
 * Issues the certificate when it is due (the final test passed, the attendance or — without sessions
 * — every lesson completed, a training that issues certificates, a confirmed registration) and
 * records it in the audit log. A registration whose certificate was revoked does not get one again
 * automatically: only the organiser re-issues it. Returns the valid certificate, or null.
 */
export async function issueCertificateIfDue(
  tx: DbOrTx,
  registrationId: string,
  today: string,
  audit: AuditActor,
): Promise<CertificateRow | null> {
  const [facts] = await queryRows<DueFacts>(
    tx,
    sql`select r.status, t.issues_certificate as "issuesCertificate",
          t.min_attendance_percent as "minAttendancePercent",
          (select count(*)::int from training_sessions s where s.edition_id = e.id) as sessions,
          (select count(*)::int from training_attendance a join training_sessions s on s.id = a.session_id
            where a.registration_id = r.id and a.present and s.edition_id = e.id) as present,
          exists (select 1 from training_test_attempts ta
                  where ta.registration_id = r.id and ta.kind = 'koncowy' and ta.passed) as "finalTestPassed",
          (select count(*)::int from training_lessons ls where ls.training_id = t.id) as "lessonsTotal",
          (select count(*)::int from training_lesson_progress p join training_lessons ls on ls.id = p.lesson_id
            where ls.training_id = t.id and p.learner_id = r.learner_id and p.completed_at is not null) as "lessonsCompleted"
        from training_registrations r
        join training_editions e on e.id = r.edition_id
        join trainings t on t.id = e.training_id
        where r.id = ${registrationId}`,
  );
  if (facts?.status !== 'potwierdzona') return null;
  const existing = await certificateOf(tx, registrationId);
  if (existing) return existing.revokedOn ? null : existing;
  const due = certificateDue({
    issuesCertificate: facts.issuesCertificate,
    finalTestPassed: facts.finalTestPassed,
    attendancePercent: attendancePercent(facts.present, facts.sessions),
    minAttendancePercent: facts.minAttendancePercent,
    lessonsTotal: facts.lessonsTotal,
    lessonsCompleted: facts.lessonsCompleted,
    hasSessions: facts.sessions > 0,
  });
  if (!due) return null;
  const issued = await issueCertificate(tx, registrationId, audit.userId ?? null, today);
  if (issued.outcome !== 'existing')
    await writeAudit(tx, audit, {
      action: 'record.create',
      recordType: 'training_certificate',
      recordId: issued.id,
      before: null,
      after: { code: issued.code, issuedOn: issued.issuedOn },
      details: { registrationId, automatic: true },
    });
  const { outcome: _, ...certificate } = issued;
  return certificate;
}

// ————— What the certificate and its verification show —————

export interface CertificateDetails {
  id: string;
  registrationId: string;
  code: string;
  issuedOn: string;
  revokedOn: string | null;
  learnerName: string;
  trainingTitle: string;
  form: TrainingForm;
  topic: string;
  hours: number;
  trainers: string[];
  editionStartsOn: string;
  editionEndsOn: string;
  organiser: string;
  project: { number: string; title: string; programme: string | null } | null;
}

/** Certificates matching `where` (over `c` certificates, `r`, `e`, `t`, `l` learners, `i` organisers). */
export async function loadCertificateDetails(db: DbOrTx, where: SQL): Promise<CertificateDetails[]> {
  const rows = await queryRows<
    Omit<CertificateDetails, 'project' | 'hours'> & {
      hours: string;
      projectNumber: string | null;
      projectTitle: string | null;
      programme: string | null;
    }
  >(
    db,
    sql`select c.id, c.registration_id as "registrationId", c.code, c.issued_on::text as "issuedOn",
          c.revoked_on::text as "revokedOn",
          trim(l.first_name || ' ' || l.last_name) as "learnerName",
          t.title as "trainingTitle", t.form, t.topic, t.hours::text as hours, t.trainers,
          e.starts_on::text as "editionStartsOn", e.ends_on::text as "editionEndsOn",
          i.name as organiser,
          p.number as "projectNumber", p.title as "projectTitle",
          (with recursive up as (
             select n.id, n.parent_id, n.name, 0 as depth from programme_nodes n where n.id = p.programme_node_id
             union all
             select n.id, n.parent_id, n.name, up.depth + 1 from programme_nodes n join up on n.id = up.parent_id
           ) select name from up order by depth desc limit 1) as programme
        from training_certificates c
        join training_registrations r on r.id = c.registration_id
        join training_editions e on e.id = r.edition_id
        join trainings t on t.id = e.training_id
        join training_learners l on l.id = r.learner_id
        join institutions i on i.id = t.organiser_institution_id
        left join projects p on p.id = t.project_id
        where ${where}`,
  );
  return rows.map(({ projectNumber, projectTitle, programme, hours, ...r }) => ({
    ...r,
    hours: Number(hours),
    project: projectNumber && projectTitle ? { number: projectNumber, title: projectTitle, programme } : null,
  }));
}

/** The address printed on a certificate, where anyone can check its code. */
export const verificationUrl = (publicUrl: string, code: string) =>
  `${publicUrl.replace(/\/+$/, '')}/weryfikacja/${code}`;

/** A safe download name: `certyfikat-7KD2-M9QX-4TBW.pdf`. */
export const certificateFilename = (code: string) => `certyfikat-${code.replace(/[^A-Z0-9-]+/g, '')}.pdf`;

const hoursText = (h: number) => {
  const n = h.toLocaleString('pl-PL', { maximumFractionDigits: 1 });
  if (!Number.isInteger(h)) return `${n} godziny`;
  if (h === 1) return '1 godzina';
  const last = h % 10;
  const lastTwo = h % 100;
  return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? `${n} godziny` : `${n} godzin`;
};

/** 12.03.2026 or 12–13.03.2026 or 28.02–01.03.2026. */
export function periodText(from: string, to: string): string {
  if (from === to) return plDate(from);
  if (from.slice(0, 7) === to.slice(0, 7)) return `${from.slice(8, 10)}–${plDate(to)}`;
  if (from.slice(0, 4) === to.slice(0, 4)) return `${plDate(from).slice(0, 5)}–${plDate(to)}`;
  return `${plDate(from)}–${plDate(to)}`;
}

/**
 * The certificate: an A4 landscape page in Polish with the learner, the training (form, hours, dates,
 * organiser), the financing project with the EU funding mention, the date of issue, the verification
 * code, the address of the verification page and its QR code.
 */
export function renderCertificatePdf(d: CertificateDetails & { verifyUrl: string }): Promise<Buffer> {
  const { doc, done } = createPdf({
    title: `Zaświadczenie ${d.code} — ${d.trainingTitle}`,
    author: d.organiser,
    subject: 'Zaświadczenie o ukończeniu szkolenia',
    layout: 'landscape',
    margins: { top: 48, bottom: 40, left: 64, right: 64 },
  });
  const W = doc.page.width;
  const H = doc.page.height;
  const left = doc.page.margins.left;
  const width = W - left - doc.page.margins.right;

  // A double frame.
  doc
    .lineWidth(2)
    .strokeColor('#1f4e79')
    .rect(24, 24, W - 48, H - 48)
    .stroke();
  doc
    .lineWidth(0.6)
    .rect(30, 30, W - 60, H - 60)
    .stroke();
  doc.strokeColor('black').fillColor('black');

  doc.y = 52;
  doc.font('regular').fontSize(11).text(d.organiser, left, doc.y, { width, align: 'center' });
  doc.moveDown(1.2);
  doc.font('bold').fontSize(30).fillColor('#1f4e79').text('ZAŚWIADCZENIE', { width, align: 'center' });
  doc.font('regular').fontSize(13).fillColor('black').text('CERTYFIKAT UKOŃCZENIA SZKOLENIA', {
    width,
    align: 'center',
    characterSpacing: 1,
  });
  doc.moveDown(1.2);
  doc.fontSize(12).text('Zaświadcza się, że', { width, align: 'center' });
  doc.moveDown(0.4);
  doc.font('bold').fontSize(24).text(d.learnerName, { width, align: 'center' });
  doc.moveDown(0.5);
  const form = trainingForms[d.form]?.pl ?? d.form;
  doc
    .font('regular')
    .fontSize(12)
    .text(
      `ukończył(a) w dniach ${periodText(d.editionStartsOn, d.editionEndsOn)} r. formę wsparcia: ${form.toLowerCase()}`,
      { width, align: 'center' },
    );
  doc.moveDown(0.3);
  doc.font('bold').fontSize(16).text(`„${d.trainingTitle}”`, { width, align: 'center' });
  doc.moveDown(0.3);
  doc
    .font('regular')
    .fontSize(11)
    .text(
      `w wymiarze ${hoursText(d.hours)} dydaktycznych, zorganizowaną przez ${d.organiser}.` +
        (d.trainers.length ? ` Prowadzenie: ${d.trainers.join(', ')}.` : ''),
      { width, align: 'center' },
    );
  if (d.project) {
    doc.moveDown(0.6);
    doc
      .fontSize(10)
      .text(
        `Szkolenie zrealizowano w ramach projektu „${d.project.title}” nr ${d.project.number}, ` +
          `współfinansowanego ze środków Unii Europejskiej${d.project.programme ? ` w ramach programu ${d.project.programme}` : ''}.`,
        { width, align: 'center' },
      );
  }

  // The foot: date of issue and signature on the left, the verification on the right.
  const qrSize = 88;
  const footY = H - 48 - qrSize - 14;
  const half = (width - qrSize - 16) / 2;
  doc.font('regular').fontSize(10);
  doc.text(`Data wydania: ${plDate(d.issuedOn)} r.`, left, footY, { width: half });
  doc.moveDown(2.2);
  doc.text('……………………………………………', left, doc.y, { width: half });
  doc.fontSize(8).text('podpis osoby upoważnionej przez organizatora', left, doc.y, { width: half });

  const vx = left + half;
  doc.fontSize(10).text('Kod weryfikacyjny:', vx, footY, { width: half, align: 'right' });
  doc.font('bold').fontSize(16).text(d.code, vx, doc.y, { width: half, align: 'right', characterSpacing: 1 });
  doc
    .font('regular')
    .fontSize(8.5)
    .text('Autentyczność zaświadczenia sprawdzisz pod adresem:', vx, doc.y + 2, {
      width: half,
      align: 'right',
    })
    .text(d.verifyUrl, vx, doc.y, { width: half, align: 'right', link: d.verifyUrl });

  // The QR code of the verification address, drawn as vector squares.
  const qr = QRCode.create(d.verifyUrl, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = qrSize / n;
  const qx = left + width - qrSize;
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c)) doc.rect(qx + c * cell, footY + r * cell, cell + 0.05, cell + 0.05);
  doc.fill('black');

  doc.end();
  return done;
}
