// `npm run seed:demo -- [--scale 1] [--seed 2026] [--workspace default] [--now ISO] [--force]
// [--password P]`: fills a workspace with reproducible demo data and three demo users
// (admin@demo.invalid, staff@demo.invalid, viewer@demo.invalid), through the running server's
// engine if any. Without --password a random one is printed.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ValidationError } from '../shared/src/errors';
import { WORKSPACE_ID_PATTERN } from '../shared/src/ids';
import { seedWorkspace, WorkspaceNotEmptyError } from '../shared/src/seed/seed-workspace';
import { createAccount } from '../shared/src/user/accounts';
import type { Role } from '../shared/src/user/user.schema';
import { ensureWorkspace } from '../shared/src/workspace/workspace.store';

import { loadLocalConfig, localDb, openLocalEngine, parseArgs } from './local-runtime';

const demoUsers: { id: string; name: string; email: string; role: Role }[] = [
  { id: 'demo-anna', name: 'Anna Heiskanen', email: 'admin@demo.invalid', role: 'admin' },
  { id: 'demo-ville', name: 'Ville Korhonen', email: 'staff@demo.invalid', role: 'staff' },
  { id: 'demo-veera', name: 'Veera Laitinen', email: 'viewer@demo.invalid', role: 'viewer' },
];

const argsSchema = z.object({
  scale: z.coerce.number().positive().max(50).default(1),
  seed: z.coerce.number().int().nonnegative().default(2026),
  workspace: z.string().regex(WORKSPACE_ID_PATTERN).optional(),
  now: z.iso.datetime().optional(),
  force: z.literal(true).optional(),
  password: z.string().min(1).optional(),
});

async function main(): Promise<void> {
  const parsed = argsSchema.safeParse(parseArgs(process.argv.slice(2)));
  if (!parsed.success) {
    console.error(
      `Invalid arguments: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
    process.exit(2);
  }
  const args = parsed.data;
  const config = await loadLocalConfig();
  const engine = await openLocalEngine(config);
  try {
    const db = localDb(config, engine.endpoint);
    const workspaceId = args.workspace ?? config.KOHTAAMO_WORKSPACE;
    const workspace = await ensureWorkspace(db, workspaceId, 'Kohtaamo');
    const password = args.password ?? randomBytes(15).toString('base64url');
    for (const user of demoUsers) {
      // In another workspace the same demo people are other accounts (e-mail addresses are global).
      const email =
        workspaceId === config.KOHTAAMO_WORKSPACE ? user.email : user.email.replace('@', `+${workspaceId}@`);
      const id = workspaceId === config.KOHTAAMO_WORKSPACE ? user.id : `${user.id}-${workspaceId}`;
      await createAccount(db, { workspaceId, role: user.role, name: user.name, email, password, userId: id });
    }
    const started = performance.now();
    const report = await seedWorkspace(db, workspace, {
      scale: args.scale,
      seed: args.seed,
      now: args.now ? new Date(args.now) : new Date(),
      staffIds: demoUsers
        .filter((u) => u.role !== 'viewer')
        .map((u) => (workspaceId === config.KOHTAAMO_WORKSPACE ? u.id : `${u.id}-${workspaceId}`)),
      force: args.force === true,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Seeded workspace "${workspace.id}" ${engine.shared ? 'through the running server' : 'directly'} in ${seconds} s: ` +
        `${report.associations} associations, ${report.people} people, ${report.interactions} interactions, ` +
        `${report.followUps} follow-ups, ${report.stageChanges} stage changes, ${report.events} events with ${report.registrations} registrations.`,
    );
    console.log(
      `Demo users: ${demoUsers.map((u) => `${u.email} (${u.role})`).join(', ')}` +
        (args.password ? ' with the password you gave.' : `\nPassword: ${password}`),
    );
  } catch (error) {
    if (error instanceof WorkspaceNotEmptyError) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    if (error instanceof ValidationError) {
      console.error(error.safe.en);
      process.exitCode = 2;
      return;
    }
    throw error;
  } finally {
    await engine.close();
  }
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
