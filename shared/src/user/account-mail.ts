// The e-mails of the account flows (an invitation or a reset link for an existing account, and
// the notice that a password was changed), Finnish first, then English. Pure: no sending here.
import type { MailMessage } from '../reminders/reminder-digest';
import { formatDate } from '../i18n/format';
import { helsinkiDate } from '../time/helsinki';
import type { Role } from './user.schema';

const roleNames: Record<Role, { fi: string; en: string }> = {
  admin: { fi: 'ylläpitäjä', en: 'admin' },
  staff: { fi: 'työntekijä', en: 'staff' },
  viewer: { fi: 'lukija', en: 'viewer' },
};

function both(fi: string[], en: string[]): string {
  return [...fi, '', '---', '', ...en, ''].join('\n');
}

/** An invitation for an address that already has an account: accepted while signed in as it. */
export function renderInviteMail(input: {
  to: string;
  workspaceName: string;
  role: Role;
  link: string;
  expiresAt: Date;
}): MailMessage {
  const fi = formatDate(helsinkiDate(input.expiresAt), 'fi');
  const en = formatDate(helsinkiDate(input.expiresAt), 'en');
  return {
    to: input.to,
    subject: `Kutsu työtilaan ${input.workspaceName} / Invitation to ${input.workspaceName}`,
    text: both(
      [
        'Hei,',
        '',
        `sinut on kutsuttu Kohtaamon työtilaan ${input.workspaceName} roolissa ${roleNames[input.role].fi}.`,
        `Kirjaudu sisään tunnuksellasi ${input.to} ja avaa sitten linkki (voimassa ${fi} asti, toimii kerran):`,
        input.link,
        '',
        'Jos et odottanut kutsua, voit jättää viestin huomiotta.',
      ],
      [
        'Hello,',
        '',
        `you have been invited to the Kohtaamo workspace ${input.workspaceName} as ${roleNames[input.role].en}.`,
        `Sign in with your account ${input.to}, then open the link (valid until ${en}, works once):`,
        input.link,
        '',
        'If you did not expect this invitation, you can ignore this message.',
      ],
    ),
  };
}

/** An admin's "reset access": the link to set a new password, sent to the account's own address. */
export function renderResetMail(input: { to: string; workspaceName: string; link: string }): MailMessage {
  return {
    to: input.to,
    subject: 'Kohtaamo: aseta uusi salasana / set a new password',
    text: both(
      [
        'Hei,',
        '',
        `työtilan ${input.workspaceName} ylläpitäjä nollasi pääsysi Kohtaamoon. Kaikki istuntosi päättyivät.`,
        'Aseta uusi salasana tällä linkillä (voimassa vuorokauden, toimii kerran):',
        input.link,
        '',
        'Jos et odottanut tätä, ota yhteyttä työtilasi ylläpitäjään.',
      ],
      [
        'Hello,',
        '',
        `an admin of the workspace ${input.workspaceName} reset your access to Kohtaamo. All your sessions have ended.`,
        'Set a new password with this link (valid for a day, works once):',
        input.link,
        '',
        'If you did not expect this, please contact an admin of your workspace.',
      ],
    ),
  };
}

/** Sent after a password was set through a reset link. */
export function renderPasswordChangedMail(input: { to: string; at: Date }): MailMessage {
  const at = input.at.toISOString().replace('T', ' ').slice(0, 16);
  return {
    to: input.to,
    subject: 'Kohtaamo: salasanasi vaihdettiin / your password was changed',
    text: both(
      [
        'Hei,',
        '',
        `Kohtaamo-tunnuksesi ${input.to} salasana vaihdettiin ${at} UTC. Kaikki aiemmat istunnot päättyivät.`,
        'Jos et itse vaihtanut salasanaa, ota heti yhteyttä työtilasi ylläpitäjään.',
      ],
      [
        'Hello,',
        '',
        `the password of your Kohtaamo account ${input.to} was changed at ${at} UTC. All earlier sessions have ended.`,
        'If you did not change it yourself, contact an admin of your workspace at once.',
      ],
    ),
  };
}
