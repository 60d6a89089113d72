// `npm run create-workspace -- --id pohjois-savo --name "Järjestötuki Pohjois-Savo" [--origin URL]`:
// creates a workspace and a one-time link for its first admin, kept in
// <data dir>/setup-link-<id>.txt (0600) and printed only to an interactive terminal.
import { z } from 'zod';
import { ConflictError } from '../shared/src/errors';
import { workspaceIdSchema } from '../shared/src/ids';
import { pendingSetupToken } from '../shared/src/workspace/first-admin';
import { createWorkspace } from '../shared/src/workspace/workspace.store';
import { defaultPipelineStages } from '../shared/src/pipeline/pipeline';
import { loadLocalConfig, localDb, openLocalEngine, parseArgsOrExit } from './local-runtime';
import { setupLinkFile, setupLinkKeeper, setupLinkLines } from './setup-link';

const argsSchema = z.object({
  id: workspaceIdSchema,
  name: z.string().trim().min(1).max(200),
  origin: z.url().optional(),
});

const args = parseArgsOrExit(
  argsSchema,
  'Usage: npm run create-workspace -- --id <slug> --name "<name>" [--origin https://kohtaamo.example.fi]',
);
const config = await loadLocalConfig();
const engine = await openLocalEngine(config);
try {
  const db = localDb(config, engine.endpoint);
  await createWorkspace(db, { id: args.id, name: args.name, stages: defaultPipelineStages });
  const origin =
    args.origin ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  const file = setupLinkFile(config.KOHTAAMO_DATA_DIR, args.id);
  const { setupToken } = await pendingSetupToken(db, args.id, setupLinkKeeper(file, origin));
  console.log(
    [
      `Created workspace "${args.id}". Its first admin opens (once, within 7 days, while it has no admin):`,
      ...(setupToken
        ? setupLinkLines({ origin, token: setupToken, file, interactive: process.stdout.isTTY })
        : []),
    ].join('\n'),
  );
} catch (error) {
  if (error instanceof ConflictError) {
    console.error(error.safe.en);
    process.exitCode = 1;
  } else throw error;
} finally {
  await engine.close();
}
