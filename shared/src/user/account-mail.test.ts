import { describe, expect, it } from 'vitest';
import { invitationMode } from './accounts';
import { renderInviteMail, renderPasswordChangedMail, renderResetMail } from './account-mail';

describe('account e-mail', () => {
  it('an invitation names the workspace, the role and the account to sign in with, in both languages', () => {
    const mail = renderInviteMail({
      to: 'sanna@example.fi',
      workspaceName: 'Järjestötuki',
      role: 'staff',
      link: 'https://kohtaamo.example.fi/invite/abc',
      expiresAt: new Date('2026-12-09T10:00:00Z'),
    });
    expect(mail.to).toBe('sanna@example.fi');
    expect(mail.text).toContain('roolissa työntekijä');
    expect(mail.text).toContain('Sign in with your account sanna@example.fi');
    expect(mail.text).toContain('9.12.2026');
    expect(mail.text.match(/invite\/abc/g)).toHaveLength(2);
  });

  it('a reset says the sessions ended; the notice says whom to contact', () => {
    const reset = renderResetMail({ to: 'a@example.fi', workspaceName: 'W', link: 'https://x/reset/t' });
    expect(reset.text).toContain('All your sessions have ended.');
    expect(reset.text).toContain('https://x/reset/t');
    const notice = renderPasswordChangedMail({ to: 'a@example.fi', at: new Date('2026-12-02T07:00:00Z') });
    expect(notice.text).toContain('vaihdettiin 2.12.2026 klo 09.00 (Suomen aikaa)');
    expect(notice.text).toContain('was changed on 2 Dec 2026 at 09:00 (Finnish time)');
    expect(notice.text).toContain('contact an admin');
  });
});

describe('invitationMode', () => {
  it('offers a new account, joining, or signing in (as the right account)', () => {
    expect(invitationMode(undefined, undefined)).toBe('new');
    expect(invitationMode(undefined, 'u1')).toBe('new');
    expect(invitationMode('u1', undefined)).toBe('sign-in');
    expect(invitationMode('u1', 'u1')).toBe('join');
    expect(invitationMode('u1', 'u2')).toBe('wrong-account');
  });
});
