// The daily reminder e-mail (muistutus): each staff member's overdue and today's follow-ups,
// built from plain data and rendered as a Finnish and English plain-text message. Pure: no I/O.
import type { FollowUp } from '../follow-up/follow-up.schema';
import { formatDate } from '../i18n/format';
import { t, type Locale } from '../i18n/messages';
import { compareFinnish } from '../text/finnish-collation';

export interface DigestRecipient {
  userId: string;
  name: string;
  email: string;
}

export interface DigestLine {
  due: string;
  associationName: string;
  title: string;
}

export interface ReminderDigest {
  recipient: DigestRecipient;
  date: string;
  workspaceName: string;
  overdue: DigestLine[];
  today: DigestLine[];
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Groups open follow-ups due on or before `date` by assignee; a team task (no assignee) is in every
 * recipient's digest. People with nothing due get none.
 */
export function buildDigests(input: {
  date: string;
  workspaceName: string;
  followUps: readonly Pick<FollowUp, 'due' | 'assigneeId' | 'associationId' | 'title' | 'status'>[];
  recipients: readonly DigestRecipient[];
  associationNames: ReadonlyMap<string, string>;
}): ReminderDigest[] {
  const digests: ReminderDigest[] = [];
  for (const recipient of input.recipients) {
    const mine = input.followUps
      .filter(
        (f) =>
          f.status === 'open' &&
          (f.assigneeId === recipient.userId || f.assigneeId === undefined) &&
          f.due <= input.date,
      )
      .map((f) => ({
        due: f.due,
        associationName: input.associationNames.get(f.associationId) ?? '–',
        title: f.title ?? '',
      }))
      .sort((a, b) => a.due.localeCompare(b.due) || compareFinnish(a.associationName, b.associationName));
    if (mine.length === 0) continue;
    digests.push({
      recipient,
      date: input.date,
      workspaceName: input.workspaceName,
      overdue: mine.filter((line) => line.due < input.date),
      today: mine.filter((line) => line.due === input.date),
    });
  }
  return digests;
}

function lines(items: readonly DigestLine[], locale: Locale): string[] {
  return items.map(
    (line) =>
      `- ${formatDate(line.due, locale)} ${line.associationName}${line.title ? `: ${line.title}` : ''}`,
  );
}

/** The e-mail of a digest: Finnish first, then English; a link to My tasks. */
export function renderDigest(digest: ReminderDigest, siteUrl: string): MailMessage {
  const { overdue, today } = digest;
  const link = new URL('/tasks', siteUrl).href;
  const inLanguage = (locale: Locale) => [
    t(locale, 'mail.digest.greeting', { name: digest.recipient.name }),
    '',
    t(locale, 'mail.digest.intro', {
      date: formatDate(digest.date, locale),
      workspace: digest.workspaceName,
    }),
    ...(overdue.length
      ? ['', t(locale, 'mail.digest.overdue', { count: overdue.length }), ...lines(overdue, locale)]
      : []),
    ...(today.length
      ? ['', t(locale, 'mail.digest.today', { count: today.length }), ...lines(today, locale)]
      : []),
    '',
    t(locale, 'mail.digest.tasks', { link }),
  ];
  const counts = { overdue: overdue.length, today: today.length };
  return {
    to: digest.recipient.email,
    subject: `${t('fi', 'mail.digest.subject', counts)} / ${t('en', 'mail.digest.subject', counts)}`,
    text: [...inLanguage('fi'), '', '—', '', ...inLanguage('en'), ''].join('\n'),
  };
}
