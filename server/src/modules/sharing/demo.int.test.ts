import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';

// What the demo promises to someone trying the cooperation features as the police officer, the
// school counsellor or the social worker.
let t: TestApp;
let policja: TestSession;
let pedagog: TestSession;
let kierownik: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  [policja, pedagog, kierownik] = await Promise.all([
    login(t.app, 'policja.bochnia'),
    login(t.app, 'pedagog.bochnia'),
    login(t.app, 'kierownik.bochnia'),
  ]);
});

describe('demo cooperation', () => {
  it('has referrals in every state, one of them overdue', async () => {
    const rows = await queryRows<{ status: string }>(
      t.database.db,
      sql`select distinct status from referrals`,
    );
    expect(rows.map((r) => r.status).sort()).toEqual(
      ['odrzucone', 'przyjete', 'w_realizacji', 'wyslane', 'wycofane', 'zakonczone'].sort(),
    );
    const inbox = (await policja.inject({ method: 'GET', url: '/api/referrals/inbox?overdue=true' })).json();
    expect(inbox.total).toBeGreaterThanOrEqual(1);
  });

  it('the police officer has a new urgent referral in the inbox and shared cases to work on', async () => {
    const inbox = (await policja.inject({ method: 'GET', url: '/api/referrals/inbox' })).json();
    expect(
      inbox.items.some(
        (i: { status: string; urgency: string }) => i.status === 'wyslane' && i.urgency === 'pilna',
      ),
    ).toBe(true);
    const shared = (await policja.inject({ method: 'GET', url: '/api/shared-cases' })).json();
    expect(shared.items.length).toBeGreaterThanOrEqual(2);
    for (const item of shared.items)
      expect((await policja.inject({ method: 'GET', url: `/api/shared-cases/${item.id}` })).statusCode).toBe(
        200,
      );
  });

  it('the school counsellor sees one family with health data, has one invitation, and lost the one whose consent was withdrawn', async () => {
    const shared = (await pedagog.inject({ method: 'GET', url: '/api/shared-cases' })).json();
    expect(shared.items).toHaveLength(1);
    const view = (
      await pedagog.inject({ method: 'GET', url: `/api/shared-cases/${shared.items[0].id}` })
    ).json();
    expect(view.scopes).toContain('zdrowie');
    expect(view.health).not.toBeNull();
    const invitations = (await pedagog.inject({ method: 'GET', url: '/api/team-invitations' })).json();
    expect(invitations.items).toHaveLength(1);
  });

  it('a completed referral closed its plan action, and one case carries the Niebieska Karta flag for its owner only', async () => {
    const [done] = await queryRows<{ status: string | null }>(
      t.database.db,
      sql`select pa.status from referrals r left join plan_actions pa on pa.id = r.plan_action_id where r.status = 'zakonczone'`,
    );
    expect(done?.status).toBe('wykonane');
    const [blue] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from cases where blue_card_since is not null`,
    );
    const own = await kierownik.inject({ method: 'GET', url: `/api/cases/${blue?.id}` });
    // The supervisor of the owner institution sees it; the police officer working on the same case never does.
    expect(own.json().blueCardSince).not.toBeNull();
    const shared = await policja.inject({ method: 'GET', url: `/api/shared-cases/${blue?.id}` });
    expect(shared.statusCode).toBe(200);
    expect(shared.body.toLowerCase()).not.toContain('blue');
  });

  it('the school counsellor finds the held team meeting with its minutes and her action item; the police a planned one', async () => {
    const [shared] = (await pedagog.inject({ method: 'GET', url: '/api/shared-cases' })).json().items;
    const list = (
      await pedagog.inject({ method: 'GET', url: `/api/shared-cases/${shared.id}/meetings` })
    ).json();
    const held = list.items.find((m: { status: string }) => m.status === 'odbyte');
    const meeting = (
      await pedagog.inject({ method: 'GET', url: `/api/shared-cases/${shared.id}/meetings/${held.id}` })
    ).json();
    expect(meeting.minutes).not.toBeNull();
    expect(
      meeting.actionItems.some(
        (i: { abilities: { complete: boolean }; doneOn: string | null }) => i.abilities.complete && !i.doneOn,
      ),
    ).toBe(true);
    const planned = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from meetings m join meeting_attendees a on a.meeting_id = m.id
            join users u on u.id = a.user_id
          where m.case_id is not null and m.status = 'zaplanowane' and u.email like 'policja.bochnia@%'`,
    );
    expect(planned[0]?.n).toBe(1);
  });
});
