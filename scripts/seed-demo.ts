// `npm run seed:demo -- [--scale 1] [--seed 2026] [--workspace default] [--now ISO] [--force]`:
// fills a workspace with reproducible demo data, through the running server's engine if any.
import { z } from 'zod';
import { WORKSPACE_ID_PATTERN } from '../shared/src/ids';
import { seedWorkspace, WorkspaceNotEmptyError } from '../shared/src/seed/seed-workspace';
import { addWorkspaceStaff, ensureWorkspace } from '../shared/src/workspace/workspace.store';

import { loadLocalConfig, localDb, openLocalEngine, parseArgs } from './local-runtime';

const demoStaff = [
  { id: 'demo-anna', name: 'Anna Heiskanen' },
  { id: 'demo-ville', name: 'Ville Korhonen' },
];

const argsSchema = z.object({
  scale: z.coerce.number().positive().max(50).default(1),
  seed: z.coerce.number().int().nonnegative().default(2026),
  workspace: z.string().regex(WORKSPACE_ID_PATTERN).optional(),
  now: z.iso.datetime().optional(),
  force: z.literal(true).optional(),
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
    await ensureWorkspace(db, workspaceId, 'Kohtaamo');
    const workspace = await addWorkspaceStaff(db, workspaceId, [
      { id: config.KOHTAAMO_LOCAL_USER, name: config.KOHTAAMO_LOCAL_USER_NAME },
      ...demoStaff,
    ]);
    const started = performance.now();
    const report = await seedWorkspace(db, workspace, {
      scale: args.scale,
      seed: args.seed,
      now: args.now ? new Date(args.now) : new Date(),
      staffIds: [config.KOHTAAMO_LOCAL_USER, ...demoStaff.map((member) => member.id)],
      force: args.force === true,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Seeded workspace "${workspace.id}" ${engine.shared ? 'through the running server' : 'directly'} in ${seconds} s: ` +
        `${report.associations} associations, ${report.people} people, ${report.interactions} interactions, ` +
        `${report.followUps} follow-ups, ${report.stageChanges} stage changes.`,
    );
  } catch (error) {
    if (error instanceof WorkspaceNotEmptyError) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  } finally {
    await engine.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
