// The public feedback link against dynalite: posts are counted before anything is stored, so 200
// parallel posts from one address store at most the limit, and a stamp stores at most one
// feedback. No clock is waited for: the stamp's fill time is checked by the route (checkStamp).
import { describe, expect, it } from 'vitest';
import { freshWorkspace, testCursorSecret, testDb } from '../../../test/support/test-db';
import { TooManyRequestsError, ValidationError } from '../errors';
import { newId } from '../ids';
import { likertField } from './event-feedback';
import { submitPublicFeedback } from './event-feedback.store';
import { createEvent, getEventWithDetails } from './event.store';
import { issueStamp } from './feedback-stamp';
import { feedbackLimits } from '../user/throttle.store';

const clock = new Date('2026-10-05T12:00:00.000Z');
const db = testDb({ now: () => clock });

async function setUp() {
  const workspace = await freshWorkspace(db);
  const event = await createEvent(db, workspace.id, {
    id: newId(),
    by: 'anna',
    input: { name: 'Palauteilta', kind: 'pienmarkkinat', date: '2026-10-03', municipality: 'Iisalmi' },
  });
  const stamp = () => issueStamp(testCursorSecret, event.feedbackToken, clock);
  const post = (stampValue: string, id = newId(), from = '203.0.113.7', answer = '3') =>
    submitPublicFeedback(db, workspace.id, event, {
      id,
      stamp: stampValue,
      values: { [likertField('useful')]: answer },
      clientAddress: from,
    });
  const stored = async () => (await getEventWithDetails(db, workspace.id, event.id)).feedback.length;
  return { post, stamp, stored };
}

async function tally(posts: Promise<unknown>[]) {
  const settled = await Promise.allSettled(posts);
  const kinds = settled.map((s) =>
    s.status === 'fulfilled'
      ? 'ok'
      : s.reason instanceof TooManyRequestsError
        ? '429'
        : s.reason instanceof ValidationError
          ? '400'
          : String(s.reason),
  );
  const count = (kind: string) => kinds.filter((k) => k === kind).length;
  expect(count('ok') + count('429') + count('400')).toBe(posts.length);
  return { ok: count('ok'), tooMany: count('429'), refused: count('400') };
}

describe('public feedback', () => {
  it('200 parallel posts from one address, each with its own stamp, store at most the limit', async () => {
    const { post, stamp, stored } = await setUp();
    const result = await tally(Array.from({ length: 200 }, () => post(stamp())));
    expect(result).toEqual({ ok: feedbackLimits.perAddress.limit, tooMany: 190, refused: 0 });
    expect(await stored()).toBe(feedbackLimits.perAddress.limit);
    // Another address at the same event is not held back by the first one.
    await post(stamp(), newId(), '203.0.113.99');
    expect(await stored()).toBe(feedbackLimits.perAddress.limit + 1);
  }, 60_000);

  it('one stamp stores one feedback: 200 parallel posts with it, and a later reuse, are refused', async () => {
    const { post, stamp, stored } = await setUp();
    const one = stamp();
    const result = await tally(
      Array.from({ length: 200 }, (_, i) => post(one, newId(), `203.0.113.${i % 100}`)),
    );
    expect(result.ok).toBe(1);
    expect(await stored()).toBe(1);
    const reuse = await post(one, newId(), '203.0.113.200').catch((caught: unknown) => caught);
    expect(reuse).toBeInstanceOf(ValidationError);
    expect((reuse as ValidationError).safe.en).toContain('sent already');
  }, 60_000);

  it('the same form sent twice answers success and stores it once', async () => {
    const { post, stamp, stored } = await setUp();
    const form = { stamp: stamp(), id: newId() };
    await post(form.stamp, form.id);
    await post(form.stamp, form.id);
    expect(await stored()).toBe(1);
  });

  it('refused answers neither count nor use the stamp up', async () => {
    const { post, stamp, stored } = await setUp();
    const one = stamp();
    for (let i = 0; i < feedbackLimits.perAddress.limit + 2; i++) {
      await expect(post(one, newId(), '203.0.113.5', '7')).rejects.toBeInstanceOf(ValidationError);
    }
    await post(one, newId(), '203.0.113.5');
    expect(await stored()).toBe(1);
  });
});
