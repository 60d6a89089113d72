// The web's mailer, made once from the configuration (mailer-from-config.ts), and the account
// flows' view of it, with the site address for links from the configuration, never from a local
// request's Host header (a forged Host would otherwise put an attacker's site in a reset mail).
import type { Config } from '@kohtaamo/shared/config';
import type { Mailer } from '@kohtaamo/shared/reminders/mailer';
import { mailerFromConfig } from '@kohtaamo/shared/reminders/mailer-from-config';
import { suppressingMailer } from '@kohtaamo/shared/mail/mail-suppression.store';
import type { AccountMail } from '@kohtaamo/shared/user/accounts';
import { serverContext } from './context.ts';

let mailer: { value: Mailer | undefined } | undefined;

/** The configured mailer (undefined when none is configured: mail-only flows then refuse). */
export function webMailer(): Mailer | undefined {
  if (!mailer) {
    const { config, db } = serverContext();
    const configured = mailerFromConfig(config);
    // Addresses that bounced or complained get nothing (mail-suppression.store.ts).
    mailer = { value: configured ? suppressingMailer(db, configured) : undefined };
  }
  return mailer.value;
}

/** Where links in e-mail point: the configured site or local origin, else this server locally, else (AWS) the request's origin. */
export function siteUrl(config: Config, url: URL): string {
  if (config.KOHTAAMO_SITE_URL) return config.KOHTAAMO_SITE_URL;
  if (config.KOHTAAMO_ORIGIN) return config.KOHTAAMO_ORIGIN;
  if (config.KOHTAAMO_DYNAMODB_ENDPOINT) {
    const host = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
    return `http://${host.includes(':') ? `[${host}]` : host}:${config.PORT}`;
  }
  return url.origin;
}

export function accountMail(url: URL): AccountMail {
  return { mailer: webMailer(), siteUrl: siteUrl(serverContext().config, url) };
}
