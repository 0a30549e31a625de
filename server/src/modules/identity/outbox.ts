import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import nodemailer from 'nodemailer';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { emailOutbox } from '../../db/schema/index.js';

export interface OutgoingEmail {
  to: string;
  subject: string;
  body: string;
}

/** Queues an e-mail in the caller's transaction: it is sent only if the change commits. */
export async function enqueueEmail(db: DbOrTx, email: OutgoingEmail): Promise<void> {
  await db.insert(emailOutbox).values({ toAddress: email.to, subject: email.subject, body: email.body });
}

const MAX_ATTEMPTS = 8;

/**
 * Sends queued e-mails through SMTP_URL. Each instance polls; `for update skip locked` hands every
 * message to exactly one of them. Without SMTP_URL nothing is sent and the outbox is the mailbox.
 */
export function startOutboxDispatcher(app: FastifyInstance, intervalMs = 5000): () => void {
  const url = app.config.SMTP_URL;
  if (!url) return () => undefined;
  const transport = nodemailer.createTransport(url);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await app.db.transaction(async (tx) => {
        const batch = await queryRows<{ id: string; to_address: string; subject: string; body: string }>(
          tx,
          sql`select id, to_address, subject, body from email_outbox
              where sent_at is null and attempts < ${MAX_ATTEMPTS}
              order by created_at limit 20 for update skip locked`,
        );
        for (const m of batch) {
          try {
            await transport.sendMail({
              from: app.config.MAIL_FROM,
              to: m.to_address,
              subject: m.subject,
              text: m.body,
            });
            await tx.execute(
              sql`update email_outbox set sent_at = now(), attempts = attempts + 1, last_error = null where id = ${m.id}`,
            );
          } catch (e) {
            await tx.execute(
              sql`update email_outbox set attempts = attempts + 1, last_error = ${String((e as Error).message).slice(0, 500)} where id = ${m.id}`,
            );
          }
        }
      });
    } catch (e) {
      app.log.error({ err: e }, 'outbox dispatch failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    transport.close();
  };
}

export { emailOutbox };
