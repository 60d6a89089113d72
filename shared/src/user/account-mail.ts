// The e-mails of the account flows (an invitation or a reset link for an existing account, and
// the notice that a password was changed), Finnish first, then English. Pure: no sending here.
import { formatDate, formatInstant } from '../i18n/format';
import { t, type Locale } from '../i18n/messages';
import type { MailMessage } from '../reminders/reminder-digest';
import { helsinkiDate } from '../time/helsinki';
import type { Role } from './user.schema';

/** One message in both languages, Finnish first: the recipient's language is not known. */
function both(write: (locale: Locale) => string): string {
  return [write('fi'), '', '---', '', write('en'), ''].join('\n');
}

/** An invitation for an address that already has an account: accepted while signed in as it. */
export function renderInviteMail(input: {
  to: string;
  workspaceName: string;
  role: Role;
  link: string;
  expiresAt: Date;
}): MailMessage {
  const workspace = input.workspaceName;
  return {
    to: input.to,
    subject: `${t('fi', 'mail.invite.subject', { workspace })} / ${t('en', 'mail.invite.subject', { workspace })}`,
    text: both((locale) =>
      t(locale, 'mail.invite.body', {
        workspace,
        role: t(locale, `mail.role.${input.role}`),
        account: input.to,
        until: formatDate(helsinkiDate(input.expiresAt), locale),
        link: input.link,
      }),
    ),
  };
}

/** An admin's "reset access": the link to set a new password, sent to the account's own address. */
export function renderResetMail(input: { to: string; workspaceName: string; link: string }): MailMessage {
  return {
    to: input.to,
    subject: `${t('fi', 'mail.reset.subject')} / ${t('en', 'mail.reset.subject')}`,
    text: both((locale) =>
      t(locale, 'mail.reset.body', { workspace: input.workspaceName, link: input.link }),
    ),
  };
}

/** Sent after a password was set through a reset link. */
export function renderPasswordChangedMail(input: { to: string; at: Date }): MailMessage {
  return {
    to: input.to,
    subject: `${t('fi', 'mail.passwordChanged.subject')} / ${t('en', 'mail.passwordChanged.subject')}`,
    text: both((locale) =>
      t(locale, 'mail.passwordChanged.body', { account: input.to, at: formatInstant(input.at, locale) }),
    ),
  };
}
