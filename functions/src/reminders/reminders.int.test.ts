// The daily reminders handler with a scheduled event, against dynalite (its own table, so other
// tests' workspaces stay out of the count) and SES answered by a fake HTTP handler under the real
// SDK client, so retries of throttled calls are the SDK's own.
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, type Db } from '@kohtaamo/shared/db/client';
import { ensureTable, localClient } from '@kohtaamo/shared/db/local';
import { putFollowUp } from '@kohtaamo/shared/follow-up/follow-up.store';
import { newId } from '@kohtaamo/shared/ids';
import { claimDigest, getDigestRecord } from '@kohtaamo/shared/reminders/digest.store';
import { createAccount } from '@kohtaamo/shared/user/accounts';
import { ensureWorkspace } from '@kohtaamo/shared/workspace/workspace.store';
import { addAssociation, testCursorSecret } from '../../../test/support/test-db';
import { createRemindersHandler } from './reminders-handler';
import { sesMailer } from '@kohtaamo/shared/reminders/ses-mailer';
import { createMailEventsHandler } from '../mail/mail-events-handler';
import { getSuppression } from '@kohtaamo/shared/mail/mail-suppression.store';
import { getUser } from '@kohtaamo/shared/user/user.store';
import { ValidationError } from '@kohtaamo/shared/errors';
import { lambdaContext } from '../../test-support/lambda-context';

/** An SNS delivery of SES notifications, as the mail-events function receives it. */
function snsEvent(...notifications: object[]) {
  return {
    Records: notifications.map((notification, i) => ({
      EventSource: 'aws:sns',
      EventVersion: '1.0',
      EventSubscriptionArn: 'arn:aws:sns:eu-north-1:123456789012:mail-events:sub',
      Sns: {
        Type: 'Notification',
        MessageId: `msg-${i}`,
        TopicArn: 'arn:aws:sns:eu-north-1:123456789012:mail-events',
        Subject: null,
        Message: JSON.stringify(notification),
        Timestamp: '2026-11-28T06:00:00.000Z',
        MessageAttributes: {},
      },
    })),
  };
}

const TABLE = 'kohtaamo-reminders-test';
const context = lambdaContext({ functionName: 'reminders', remainingMs: 60_000 });
const scheduled = { kind: 'daily-reminders' };

interface SentMail {
  to: string;
  subject: string;
  text: string;
}

/** SES over HTTP: answers each SendEmail with the next status from `statuses` (then 200). */
function fakeSes(statuses: number[] = []) {
  const sent: SentMail[] = [];
  let calls = 0;
  const client = new SESv2Client({
    region: 'eu-north-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    retryStrategy: new ConfiguredRetryStrategy(5, () => 5),
    requestHandler: {
      handle: async (request: { body?: unknown }) => {
        calls++;
        const status = statuses.shift() ?? 200;
        const json =
          status === 200
            ? JSON.stringify({ MessageId: `m-${calls}` })
            : JSON.stringify({ message: 'Maximum sending rate exceeded.' });
        if (status === 200) {
          const raw =
            request.body instanceof Uint8Array
              ? new TextDecoder().decode(request.body)
              : String(request.body);
          const body = JSON.parse(raw) as {
            Destination: { ToAddresses: string[] };
            Content: { Simple: { Subject: { Data: string }; Body: { Text: { Data: string } } } };
          };
          sent.push({
            to: body.Destination.ToAddresses[0] ?? '',
            subject: body.Content.Simple.Subject.Data,
            text: body.Content.Simple.Body.Text.Data,
          });
        }
        return {
          response: {
            statusCode: status,
            headers: {
              'content-type': 'application/json',
              ...(status === 429 ? { 'x-amzn-errortype': 'TooManyRequestsException' } : {}),
            },
            body: new TextEncoder().encode(json),
          },
        };
      },
    },
  });
  return { client, sent, calls: () => calls };
}

let today = '2026-11-24';
const dbAt = (date: string): Db =>
  createDb({
    table: TABLE,
    region: 'local',
    endpoint: inject('dynamoEndpoint'),
    cursorSecret: testCursorSecret,
    now: () => new Date(`${date}T05:00:00.000Z`), // 07:00 in Helsinki
  });

function handlerWith(ses: ReturnType<typeof fakeSes>, date = today) {
  return createRemindersHandler({
    db: () => dbAt(date),
    mailer: () => sesMailer(ses.client, 'kohtaamo@example.invalid'),
    siteUrl: 'https://kohtaamo.example',
  });
}

let workspaceId: string;
let anna: string;
let ville: string;

describe('daily reminders handler', () => {
  beforeAll(async () => {
    const client = localClient(inject('dynamoEndpoint'));
    await ensureTable(client, TABLE);
    client.destroy();
    const db = dbAt(today);
    const workspace = await ensureWorkspace(
      db,
      `rem-${newId().toLowerCase().slice(-8)}`,
      'Pohjois-Savon tuki',
    );
    workspaceId = workspace.id;
    const account = (name: string, role: 'admin' | 'staff' | 'viewer') =>
      createAccount(db, {
        workspaceId,
        role,
        name,
        email: `${name.toLowerCase()}-${workspaceId}@example.invalid`,
        password: 'Kalliolle kukkulalle 2026!',
      });
    anna = (await account('Anna', 'admin')).user.id;
    ville = (await account('Ville', 'staff')).user.id;
    await account('Veera', 'viewer');
    const aanekoski = await addAssociation(db, workspace, { name: 'Äänekosken Ääniyhdistys ry' });
    const kuopio = await addAssociation(db, workspace, { name: 'Kuopion Kerho ry' });
    const followUp = (associationId: string, assigneeId: string, due: string, title: string) =>
      putFollowUp(db, workspaceId, { id: newId(), associationId, assigneeId, due, title }, assigneeId);
    await followUp(aanekoski.id, anna, '2026-11-20', 'Soita hallituksen kokouksen jälkeen');
    await followUp(kuopio.id, anna, '2026-11-24', 'Lähetä tarjotin-ohje');
    await followUp(kuopio.id, anna, '2026-12-01', 'Ensi viikon asia');
    await followUp(aanekoski.id, ville, '2026-11-24', 'Varmista työpajan päivä');
  });

  it('e-mails each staff member with something overdue or due today, once', async () => {
    const ses = fakeSes();
    const report = await handlerWith(ses)(scheduled, context);
    expect(report).toMatchObject({ date: today, digests: 2, sent: 2, stuck: 0, failed: 0 });
    expect(ses.sent.map((m) => m.to.split('-')[0]).sort()).toEqual(['anna', 'ville']);
    const toAnna = ses.sent.find((m) => m.to.startsWith('anna-'));
    expect(toAnna?.subject).toBe('Kohtaamo: 1 myöhässä, 1 tänään / 1 overdue, 1 today');
    expect(toAnna?.text).toContain(
      'Myöhässä (1)\n- 20.11.2026 Äänekosken Ääniyhdistys ry: Soita hallituksen',
    );
    expect(toAnna?.text).toContain('Tänään (1)\n- 24.11.2026 Kuopion Kerho ry: Lähetä tarjotin-ohje');
    expect(toAnna?.text).toContain('https://kohtaamo.example/tasks');
    expect(toAnna?.text).not.toContain('Ensi viikon asia');

    // The scheduler retries, or someone runs it again: nothing is sent twice.
    const again = fakeSes();
    const retry = await handlerWith(again)(scheduled, context);
    expect(retry).toMatchObject({ digests: 2, sent: 0, alreadySent: 2 });
    expect(again.calls()).toBe(0);
  });

  it('retries a throttled SES call and sends once', async () => {
    today = '2026-11-25';
    const ses = fakeSes([429, 429]);
    const report = await handlerWith(ses, today)(scheduled, context);
    expect(report).toMatchObject({ sent: 2, failed: 0 });
    expect(ses.calls()).toBe(4); // two throttled attempts, then one send for each person
    expect(ses.sent).toHaveLength(2);
  });

  it('reports a send still throttled after the retries, and sends it on the next run', async () => {
    today = '2026-11-26';
    const throttled = fakeSes(Array.from({ length: 10 }, () => 429));
    await expect(handlerWith(throttled, today)(scheduled, context)).rejects.toThrow(
      /refused by the mail service/,
    );
    expect(throttled.sent).toHaveLength(0);
    expect((await getDigestRecord(dbAt(today), workspaceId, today, anna))?.status).toBe('failed');

    const healthy = fakeSes();
    const report = await handlerWith(healthy, today)(scheduled, context);
    expect(report).toMatchObject({ sent: 2, failed: 0 });
    expect(healthy.sent).toHaveLength(2);
    expect((await getDigestRecord(dbAt(today), workspaceId, today, anna))?.attempts).toBe(2);
  });

  it('never resends a digest left pending by a crash, and reports it as stuck', async () => {
    today = '2026-11-27';
    await claimDigest(dbAt(today), workspaceId, today, ville); // a run that died mid-send
    const ses = fakeSes();
    const report = await handlerWith(ses, today)(scheduled, context);
    expect(report).toMatchObject({ sent: 1, stuck: 1 });
    expect(ses.sent.map((m) => m.to.split('-')[0])).toEqual(['anna']);
  });

  it('sends nothing to an address after SES reported it bounced, and does not retry it that day', async () => {
    today = '2026-11-28';
    const db = dbAt(today);
    const villeAddress = (await getUser(db, ville))?.email ?? '';
    const recorded = await createMailEventsHandler({ db: () => db })(
      snsEvent({
        eventType: 'Bounce',
        bounce: {
          bounceType: 'Permanent',
          bouncedRecipients: [{ emailAddress: villeAddress.toUpperCase(), status: '5.1.1' }],
        },
        mail: { destination: [villeAddress] },
      }),
      context,
    );
    expect(recorded).toEqual({ notifications: 1, bounces: 1, complaints: 0, ignored: 0 });
    expect((await getSuppression(db, villeAddress))?.reason).toBe('bounce');

    const ses = fakeSes();
    const report = await handlerWith(ses, today)(scheduled, context);
    expect(report).toMatchObject({ digests: 2, sent: 1, suppressed: 1, failed: 0 });
    expect(ses.sent.map((m) => m.to.split('-')[0])).toEqual(['anna']);
    expect((await getDigestRecord(db, workspaceId, today, ville))?.status).toBe('suppressed');

    const again = fakeSes();
    expect(await handlerWith(again, today)(scheduled, context)).toMatchObject({ sent: 0, alreadySent: 2 });
    expect(again.calls()).toBe(0);
  });

  it('records a complaint over an earlier bounce, and refuses an event that is not from SNS', async () => {
    const db = dbAt(today);
    const address = `complainer-${workspaceId}@example.invalid`;
    const handler = createMailEventsHandler({ db: () => db });
    const bounce = {
      eventType: 'Bounce',
      bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: address }] },
    };
    const complaint = {
      eventType: 'Complaint',
      complaint: { complainedRecipients: [{ emailAddress: address }] },
    };
    const transient = {
      eventType: 'Bounce',
      bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: 'x@y.invalid' }] },
    };
    expect(await handler(snsEvent(bounce, complaint, transient), context)).toEqual({
      notifications: 3,
      bounces: 1,
      complaints: 1,
      ignored: 1,
    });
    expect(await getSuppression(db, address)).toMatchObject({ reason: 'complaint', notices: 2 });
    expect(await getSuppression(db, 'x@y.invalid')).toBeUndefined();
    await expect(handler({ Records: 'nope' }, context)).rejects.toThrow(ValidationError);
  });

  it('refuses an event that is not the daily schedule', async () => {
    await expect(handlerWith(fakeSes())({ kind: 'something-else' }, context)).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
