import type { Tx } from '../../db/database.js';
import { runRemindersOnce } from '../../jobs/reminders.js';

/**
 * Demo notifications: the deadline reminders the job would send today for the demo cases' plan
 * actions (responsible users), so the bell is not empty on a fresh demo database.
 */
export async function seedDemoNotifications(tx: Tx, now = new Date()): Promise<void> {
  await runRemindersOnce(tx, now);
}
