// `npm start`: dynalite in-process on the data directory, the table from table.ts, the default
// workspace, and the built SvelteKit app (adapter-node) on HOST:PORT.
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DataDirectoryBusyError,
  ensureTable,
  localClient,
  removeEndpointFile,
  startLocalDynamo,
  writeEndpointFile,
} from '../shared/src/db/local';
import { addWorkspaceStaff, ensureWorkspace } from '../shared/src/workspace/workspace.store';
import { loadLocalConfig, localDb, repoRoot } from './local-runtime';

async function listen(server: Server, port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function main(): Promise<void> {
  const config = await loadLocalConfig();
  const handlerFile = join(repoRoot, 'web', 'build', 'handler.js');
  if (!existsSync(handlerFile)) {
    throw new Error('The web app is not built yet. Run `npm start` (it builds first) or `npm run build`.');
  }

  // Claim the port first, so a taken port fails before the data directory is touched.
  const server = createServer();
  try {
    await listen(server, config.PORT, config.HOST);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(
        `Port ${config.PORT} on ${config.HOST} is already in use (is Kohtaamo already running?).\n` +
          `Stop the other program, or choose another port: PORT=3001 npm start`,
      );
      process.exit(1);
    }
    throw error;
  }

  let engine;
  try {
    engine = await startLocalDynamo({ dir: config.KOHTAAMO_DATA_DIR });
  } catch (error) {
    if (error instanceof DataDirectoryBusyError) {
      console.error(`${error.message}\nIs another \`npm start\` running on ${config.KOHTAAMO_DATA_DIR}?`);
      process.exit(1);
    }
    throw error;
  }
  const client = localClient(engine.endpoint);
  const table = await ensureTable(client, config.KOHTAAMO_TABLE);
  client.destroy();
  if (table !== 'unchanged') console.log(`Table ${config.KOHTAAMO_TABLE}: ${table}.`);
  await writeEndpointFile(config.KOHTAAMO_DATA_DIR, { endpoint: engine.endpoint, pid: process.pid });
  const db = localDb(config, engine.endpoint);
  await ensureWorkspace(db, config.KOHTAAMO_WORKSPACE, 'Kohtaamo');
  await addWorkspaceStaff(db, config.KOHTAAMO_WORKSPACE, [
    { id: config.KOHTAAMO_LOCAL_USER, name: config.KOHTAAMO_LOCAL_USER_NAME },
  ]);

  // The app reads its configuration from the environment once, when first used.
  process.env.KOHTAAMO_DYNAMODB_ENDPOINT = engine.endpoint;
  process.env.KOHTAAMO_CURSOR_SECRET = config.KOHTAAMO_CURSOR_SECRET;
  process.env.KOHTAAMO_DATA_DIR = config.KOHTAAMO_DATA_DIR;
  // adapter-node assumes https unless told which header carries the protocol; locally we serve
  // plain http, and without this every form POST would fail SvelteKit's CSRF origin check.
  process.env.PROTOCOL_HEADER = 'x-forwarded-proto';
  const { handler } = (await import(pathToFileURL(handlerFile).href)) as {
    handler: (req: IncomingMessage, res: ServerResponse) => void;
  };
  server.on('request', (req, res) => {
    req.headers['x-forwarded-proto'] = 'http';
    handler(req, res);
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await removeEndpointFile(config.KOHTAAMO_DATA_DIR);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await engine.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  const shownHost = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  console.log(
    `Kohtaamo is running at http://${shownHost}:${config.PORT}/  (data: ${config.KOHTAAMO_DATA_DIR})`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
