// The daily reminders run: for every workspace, each active admin or staff member with follow-ups
// overdue or due today gets one digest e-mail a day. Recorded per user per day before sending, so
// a retried or repeated run sends nothing twice. Reports counts only (no names, no addresses).
import type { Db } from '../db/client';
import { getAssociationNames } from '../association/association.store';
import { listTeamOpenFollowUpsDueBy } from '../follow-up/follow-up.store';
import { helsinkiDate } from '../time/helsinki';
import { assignableStaff, getUser, listMembers } from '../user/user.store';
import { getWorkspace, listWorkspaceIds } from '../workspace/workspace.store';
import { MailSuppressedError, suppressingMailer } from '../mail/mail-suppression.store';
import { claimDigest, markDigestFailed, markDigestSent, markDigestSuppressed } from './digest.store';
import { MailRejectedError, type Mailer } from './mailer';
import { buildDigests, renderDigest, type DigestRecipient, type ReminderDigest } from './reminder-digest';

export interface ReminderReport {
  date: string;
  workspaces: number;
  /** Digests due today (people with something overdue or due). */
  digests: number;
  sent: number;
  /** Sent earlier today by another run. */
  alreadySent: number;
  /** Sends whose outcome is unknown (left pending): never resent automatically. */
  stuck: number;
  /** Refused by the mail service: not sent, a later run tries again. */
  failed: number;
  /** Not sent: the address bounced or complained before (see mail-suppression.store.ts). */
  suppressed: number;
  dryRun: boolean;
}

export interface ReminderOptions {
  /** The site's address, for the link to My tasks. */
  siteUrl: string;
  /** Render and hand the messages to the mailer, but record nothing. */
  dryRun?: boolean;
}

async function digestsOfWorkspace(db: Db, workspaceId: string, date: string): Promise<ReminderDigest[]> {
  const followUps = await listTeamOpenFollowUpsDueBy(db, workspaceId, date);
  if (followUps.length === 0) return [];
  // A team task is for every staff member: then everyone with a role to act gets a digest.
  const forTeam = followUps.some((f) => f.assigneeId === undefined);
  const assignees = new Set(followUps.map((f) => f.assigneeId));
  const staff = assignableStaff(await listMembers(db, workspaceId)).filter(
    (s) => forTeam || assignees.has(s.id),
  );
  const recipients: DigestRecipient[] = [];
  for (const member of staff) {
    const user = await getUser(db, member.id);
    if (user) recipients.push({ userId: user.id, name: user.name, email: user.email });
  }
  const [workspace, associationNames] = await Promise.all([
    getWorkspace(db, workspaceId),
    getAssociationNames(
      db,
      workspaceId,
      followUps.map((f) => f.associationId),
    ),
  ]);
  return buildDigests({ date, workspaceName: workspace.name, followUps, recipients, associationNames });
}

export async function sendReminders(
  db: Db,
  serviceMailer: Mailer,
  options: ReminderOptions,
): Promise<ReminderReport> {
  const mailer = suppressingMailer(db, serviceMailer);
  const date = helsinkiDate(db.now());
  const dryRun = options.dryRun ?? false;
  const report: ReminderReport = {
    date,
    workspaces: 0,
    digests: 0,
    sent: 0,
    alreadySent: 0,
    stuck: 0,
    failed: 0,
    suppressed: 0,
    dryRun,
  };
  for (const workspaceId of await listWorkspaceIds(db)) {
    report.workspaces++;
    for (const digest of await digestsOfWorkspace(db, workspaceId, date)) {
      report.digests++;
      const message = renderDigest(digest, options.siteUrl);
      if (dryRun) {
        await mailer.send(message);
        continue;
      }
      const userId = digest.recipient.userId;
      const claim = await claimDigest(db, workspaceId, date, userId);
      if (claim === 'already-sent') {
        report.alreadySent++;
        continue;
      }
      if (claim === 'stuck-pending') {
        report.stuck++;
        continue;
      }
      try {
        await mailer.send(message);
      } catch (error) {
        if (error instanceof MailSuppressedError) {
          await markDigestSuppressed(db, workspaceId, date, userId);
          report.suppressed++;
          continue;
        }
        if (!(error instanceof MailRejectedError)) {
          // Timeout or crash: the message may or may not have gone out. Leave it pending.
          report.stuck++;
          continue;
        }
        await markDigestFailed(db, workspaceId, date, userId);
        report.failed++;
        continue;
      }
      await markDigestSent(db, workspaceId, date, userId);
      report.sent++;
    }
  }
  return report;
}
