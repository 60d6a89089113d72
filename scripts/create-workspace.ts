// `npm run create-workspace -- --id pohjois-savo --name "Järjestötuki Pohjois-Savo" [--origin URL]`:
// creates a workspace and prints a one-time link for its first admin.
import { z } from 'zod';
import { ConflictError } from '../shared/src/errors';
import { workspaceIdSchema } from '../shared/src/ids';
import { createSetupLink } from '../shared/src/user/accounts';
import { createWorkspace } from '../shared/src/workspace/workspace.store';
import { defaultPipelineStages } from '../shared/src/pipeline/pipeline';
import { loadLocalConfig, localDb, openLocalEngine, parseArgsOrExit } from './local-runtime';

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
  const token = await createSetupLink(db, args.id);
  const origin =
    args.origin ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  console.log(
    `Created workspace "${args.id}". Its first admin opens (once, within 7 days):\n  ${origin}/setup/${token}`,
  );
} catch (error) {
  if (error instanceof ConflictError) {
    console.error(error.safe.en);
    process.exitCode = 1;
  } else throw error;
} finally {
  await engine.close();
}
