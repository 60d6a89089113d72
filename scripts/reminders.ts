// `npm run reminders -- [--dry-run]`: today's reminder digests, written to the outbox folder
// (<data dir>/outbox, one .eml file per message) instead of SES. Without --dry-run each digest is
// recorded as sent, as in AWS, so a second run the same day writes nothing new.
import { join } from 'node:path';
import { z } from 'zod';
import { outboxMailer } from '../shared/src/reminders/mailer';
import { sendReminders } from '../shared/src/reminders/send-reminders';
import { loadLocalConfig, localDb, openLocalEngine, parseArgsOrExit } from './local-runtime';

const args = parseArgsOrExit(
  z.object({ 'dry-run': z.literal(true).optional() }).strict(),
  'Usage: npm run reminders -- [--dry-run]',
);
const config = await loadLocalConfig();
const outbox = join(config.KOHTAAMO_DATA_DIR, 'outbox');
const from = process.env.KOHTAAMO_MAIL_FROM ?? 'kohtaamo@localhost';
const engine = await openLocalEngine(config);
try {
  const report = await sendReminders(localDb(config, engine.endpoint), outboxMailer(outbox, from), {
    siteUrl: process.env.KOHTAAMO_SITE_URL ?? `http://${config.HOST}:${config.PORT}`,
    dryRun: args['dry-run'] === true,
  });
  const written = report.dryRun ? report.digests : report.sent;
  console.log(
    `${report.date}: ${report.digests} digests in ${report.workspaces} workspaces; ${written} written to ${outbox}` +
      (report.alreadySent ? `; ${report.alreadySent} already sent today` : '') +
      (report.stuck ? `; ${report.stuck} left pending by an earlier run (not resent)` : '') +
      (report.dryRun ? ' (dry run: nothing recorded)' : ''),
  );
} finally {
  await engine.close();
}
