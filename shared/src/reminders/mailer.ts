// The port through which Kohtaamo sends e-mail. In AWS the adapter is SES (shared/src/
// reminders/ses-mailer.ts); on a laptop and in tests it is an outbox folder of .eml files, so
// every message can be opened and read without any mail service.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MailMessage } from './reminder-digest';

export interface Mailer {
  /** Sends one message; throws `MailRejectedError` when the service definitely did not send it. */
  send(message: MailMessage): Promise<void>;
}

/** The mail service refused the message (after its own retries): it was not sent. */
export class MailRejectedError extends Error {
  constructor(readonly reason: string) {
    super(`Mail not sent: ${reason}`);
    this.name = 'MailRejectedError';
  }
}

function encodeHeader(value: string): string {
  // RFC 2047 encoded-word for non-ASCII subjects (åäö).
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value).toString('base64')}?=`;
}

/** A message as an RFC 5322 text that mail programs open. */
export function toEml(message: MailMessage, from: string, date: Date): string {
  return [
    `From: ${from}`,
    `To: ${message.to}`,
    `Subject: ${encodeHeader(message.subject)}`,
    `Date: ${date.toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    message.text,
  ].join('\r\n');
}

/** Writes each message to `<dir>/<time>-<n>.eml` instead of sending it. */
export function outboxMailer(dir: string, from: string, now: () => Date = () => new Date()): Mailer {
  let count = 0;
  return {
    async send(message) {
      await mkdir(dir, { recursive: true });
      const at = now();
      count += 1;
      const name = `${at.toISOString().replace(/[:.]/g, '-')}-${process.pid}-${count}.eml`;
      await writeFile(join(dir, name), toEml(message, from, at), { mode: 0o600 });
    },
  };
}
