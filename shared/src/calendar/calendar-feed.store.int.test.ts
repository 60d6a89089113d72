// Calendar feed addresses against dynalite: pattern 39, the feed's content, and every way an
// address stops (a new one, turning it off, deactivation, password reset, log out everywhere).
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { addAssociation, freshWorkspace, testDb } from '../../../test/support/test-db';
import { createEvent } from '../event/event.store';
import { TooManyRequestsError } from '../errors';
import { putFollowUp } from '../follow-up/follow-up.store';
import { newId } from '../ids';
import { createAccount, createPasswordReset } from '../user/accounts';
import { outboxMailer } from '../reminders/mailer';
import { calendarFeedLimit } from '../user/throttle.store';
import { endAllSessions, getUser, updateMember, getMember } from '../user/user.store';
import {
  findCalendarFeed,
  getCalendarFeedOfUser,
  turnOffCalendarFeed,
  turnOnCalendarFeed,
} from './calendar-feed.store';
import { readCalendarFeed } from './read-calendar-feed';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let clock = new Date('2026-03-28T22:30:00.000Z');
const db = testDb({ now: () => clock });
const options = { origin: 'https://kohtaamo.example', locale: 'fi' as const };

async function member(role: 'admin' | 'staff' = 'staff') {
  const workspace = await freshWorkspace(db);
  const { user } = await createAccount(db, {
    workspaceId: workspace.id,
    role,
    name: 'Sanna Staff',
    email: `staff-${newId().toLowerCase().slice(-10)}@example.invalid`,
    password: 'vihreä-kettu-juoksee-42',
  });
  return { workspace, user };
}

async function freshUser(userId: string) {
  const user = await getUser(db, userId);
  if (!user) throw new Error('no user');
  return user;
}

describe('calendar feed addresses', () => {
  it('pattern 39: finds the live feed by its token hash, and the current feed of a user', async () => {
    // Prepare
    const { workspace, user } = await member();
    // Act
    const token = await turnOnCalendarFeed(db, workspace.id, user);
    // Assess
    expect(await findCalendarFeed(db, token)).toMatchObject({ workspaceId: workspace.id, userId: user.id });
    const feed = await getCalendarFeedOfUser(db, workspace.id, user);
    expect(feed?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(feed)).not.toContain(token);
    expect(await findCalendarFeed(db, 'x'.repeat(43))).toBeUndefined();
    expect(await findCalendarFeed(db, 'not a token')).toBeUndefined();
  });

  it('serves my open follow-ups in range and the workspace events, and no one else’s tasks', async () => {
    const { workspace, user } = await member();
    const other = await member();
    const association = await addAssociation(db, workspace, { name: 'Kallaveden kerho ry' });
    const mine = { associationId: association.id, assigneeId: user.id };
    await putFollowUp(db, workspace.id, { id: newId(), due: '2026-03-29', title: 'Soita', ...mine }, user.id);
    await putFollowUp(
      db,
      workspace.id,
      { id: newId(), due: '2026-02-20', title: 'Liian vanha', ...mine },
      user.id,
    );
    await putFollowUp(
      db,
      workspace.id,
      { id: newId(), due: '2027-04-01', title: 'Liian kaukana', ...mine },
      user.id,
    );
    await putFollowUp(
      db,
      workspace.id,
      {
        id: newId(),
        due: '2026-03-30',
        title: 'Toisen',
        associationId: association.id,
        assigneeId: other.user.id,
      },
      user.id,
    );
    await createEvent(db, workspace.id, {
      id: newId(),
      by: user.id,
      input: { name: 'Työpaja', kind: 'tyopaja', date: '2026-03-29', startTime: '02:30' },
    });
    const token = await turnOnCalendarFeed(db, workspace.id, user);

    const text = await readCalendarFeed(db, token, options);

    const calendar = new ICAL.Component(ICAL.parse(text ?? ''));
    const summaries = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).summary);
    expect(summaries.sort()).toEqual(['Soita – Kallaveden kerho ry', 'Työpaja']);
    expect(text).toContain('DTSTART;VALUE=DATE:20260329');
    expect(text).toContain('DTSTART;TZID=Europe/Helsinki:20260329T023000');
  });

  it('a new address stops the old one at once, and turning it off stops the new one', async () => {
    const { workspace, user } = await member();
    const first = await turnOnCalendarFeed(db, workspace.id, user);
    const second = await turnOnCalendarFeed(db, workspace.id, user);
    expect(await readCalendarFeed(db, first, options)).toBeUndefined();
    expect(await readCalendarFeed(db, second, options)).toContain('BEGIN:VCALENDAR');
    await turnOffCalendarFeed(db, workspace.id, user.id);
    expect(await readCalendarFeed(db, second, options)).toBeUndefined();
    expect(await getCalendarFeedOfUser(db, workspace.id, user)).toBeUndefined();
  });

  it('stops on deactivation, and stays stopped when the member is reactivated', async () => {
    const { workspace, user } = await member();
    const token = await turnOnCalendarFeed(db, workspace.id, user);
    const before = await getMember(db, workspace.id, user.id);
    await updateMember(db, {
      workspaceId: workspace.id,
      userId: user.id,
      expectedVersion: before!.version,
      active: false,
    });
    expect(await findCalendarFeed(db, token)).toBeUndefined();
    const after = await getMember(db, workspace.id, user.id);
    await updateMember(db, {
      workspaceId: workspace.id,
      userId: user.id,
      expectedVersion: after!.version,
      active: true,
    });
    expect(await findCalendarFeed(db, token)).toBeUndefined();
  });

  it('stops on "log out everywhere"', async () => {
    const { workspace, user } = await member();
    const token = await turnOnCalendarFeed(db, workspace.id, user);
    await endAllSessions(db, user.id);
    expect(await findCalendarFeed(db, token)).toBeUndefined();
    expect(await getCalendarFeedOfUser(db, workspace.id, await freshUser(user.id))).toBeUndefined();
  });

  it('stops when an admin resets the user’s access', async () => {
    const { workspace, user: admin } = await member('admin');
    const { user } = await createAccount(db, {
      workspaceId: workspace.id,
      role: 'staff',
      name: 'Pekka',
      email: `pekka-${newId().toLowerCase().slice(-10)}@example.invalid`,
      password: 'vihreä-kettu-juoksee-43',
    });
    const token = await turnOnCalendarFeed(db, workspace.id, user);
    const mail = {
      mailer: outboxMailer(mkdtempSync(join(tmpdir(), 'kohtaamo-outbox-')), 'kohtaamo@example.invalid'),
      siteUrl: 'http://127.0.0.1:3000',
    };
    await createPasswordReset(db, mail, { workspaceId: workspace.id, userId: user.id, by: admin.id });
    expect(await findCalendarFeed(db, token)).toBeUndefined();
  });

  it('is throttled per address: past the limit it refuses, another address still answers', async () => {
    const { workspace, user } = await member();
    const token = await turnOnCalendarFeed(db, workspace.id, user);
    const { workspace: otherWorkspace, user: other } = await member();
    const otherToken = await turnOnCalendarFeed(db, otherWorkspace.id, other);
    for (let i = 0; i < calendarFeedLimit.limit; i++) await readCalendarFeed(db, token, options);
    await expect(readCalendarFeed(db, token, options)).rejects.toBeInstanceOf(TooManyRequestsError);
    expect(await readCalendarFeed(db, otherToken, options)).toContain('BEGIN:VCALENDAR');
    clock = new Date(clock.getTime() + calendarFeedLimit.windowSeconds * 1000);
    expect(await readCalendarFeed(db, token, options)).toContain('BEGIN:VCALENDAR');
  });
});
