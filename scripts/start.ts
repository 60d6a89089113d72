// `npm start`: dynalite in-process on the data directory, the table from table.ts, the default
// workspace, and the built SvelteKit app (adapter-node) on HOST:PORT.
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DataDirectoryBusyError,
  ensureTable,
  localClient,
  removeEndpointFile,
  startLocalDynamo,
  writeEndpointFile,
} from '../shared/src/db/local';
import { armFaultPoints, parseFaultPoints } from '../shared/src/db/fault-points';
import { prepareData } from '../shared/src/workspace/first-admin';
import { loadLocalConfig, localDb } from './local-runtime';
import { setupLinkFile, setupLinkKeeper, setupLinkLines } from './setup-link';
import { runStartupRepair } from './startup-repair';
import { createLogger } from '../shared/src/log/logger';

/** The local server's own lines (the app's request lines come from the web app's logger). */
const localLog = createLogger('kohtaamo-local');
import { createLocalServer, handlerFile, listen, loadSvelteKitHandler } from './web-server';

async function main(): Promise<void> {
  const config = await loadLocalConfig();
  if (!existsSync(handlerFile)) {
    throw new Error('The web app is not built yet. Run `npm start` (it builds first) or `npm run build`.');
  }

  // Claim the port first, so a taken port fails before the data directory is touched.
  // Until the app is ready, answer 503 rather than leave early requests hanging.
  const starting = (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' });
    res.end('Kohtaamo is starting / Kohtaamo käynnistyy');
  };
  const server = createLocalServer(starting);
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
  if (table !== 'unchanged') localLog.info('table', { table: config.KOHTAAMO_TABLE, change: table });
  await writeEndpointFile(config.KOHTAAMO_DATA_DIR, { endpoint: engine.endpoint, pid: process.pid });
  const db = localDb(config, engine.endpoint);
  const shownHost = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  const origin = config.KOHTAAMO_ORIGIN ?? `http://${shownHost}:${config.PORT}`;
  const linkFile = setupLinkFile(config.KOHTAAMO_DATA_DIR, config.KOHTAAMO_WORKSPACE);
  // Data written by an older version is brought up to the code's schema (a no-op when current).
  const { upgraded, setupToken } = await prepareData(
    db,
    config.KOHTAAMO_WORKSPACE,
    'Kohtaamo',
    setupLinkKeeper(linkFile, origin),
  );
  if (upgraded) localLog.info('stored items upgraded to the current schema', { upgraded });

  // The app reads its configuration from the environment once, when first used.
  process.env.KOHTAAMO_DYNAMODB_ENDPOINT = engine.endpoint;
  process.env.KOHTAAMO_CURSOR_SECRET = config.KOHTAAMO_CURSOR_SECRET;
  process.env.KOHTAAMO_DATA_DIR = config.KOHTAAMO_DATA_DIR;
  armFaultPoints(parseFaultPoints(config.KOHTAAMO_FAULT_POINTS));
  const app = await loadSvelteKitHandler();
  server.off('request', starting);
  server.on('request', app);
  if (config.KOHTAAMO_STARTUP_REPAIR === 'on') void runStartupRepair(db);

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

  console.log(
    `Kohtaamo is running at http://${shownHost}:${config.PORT}/  (data: ${config.KOHTAAMO_DATA_DIR})`,
  );
  if (setupToken) {
    console.log(
      [
        'No admin yet. Create the first admin account (the link works once, for 7 days from when it was made, and only while there is no admin):',
        ...setupLinkLines({ origin, token: setupToken, file: linkFile, interactive: process.stdout.isTTY }),
        'Or try the demo: npm run seed:demo -- --password <a long password>, then log in as admin@demo.invalid.',
      ].join('\n'),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
