// `npm run handover:import -- FILE.zip --workspace ID`: brings a Kohtaamo handover package into a
// new (or empty) workspace of the local data; run it again after an interruption to finish.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { z } from 'zod';
import { JSON_PATH } from '../shared/src/handover/handover-readme';
import { importHandover } from '../shared/src/handover/import-handover';
import { workspaceIdSchema } from '../shared/src/ids';
import { loadLocalConfig, localDb, openLocalEngine, parseArgsOrExit, reportAppError } from './local-runtime';

const usage = 'Usage: npm run handover:import -- FILE.zip --workspace ID';
const file = process.argv[2];
if (!file || file.startsWith('--')) {
  console.error(`${usage}\n  the package file is missing`);
  process.exit(2);
}
const args = parseArgsOrExit(z.object({ workspace: workspaceIdSchema }).strict(), usage);
const entries = unzipSync(new Uint8Array(await readFile(resolve(process.cwd(), file))), {
  filter: (entry) => entry.name === JSON_PATH,
});
const data = entries[JSON_PATH];
if (!data) {
  console.error(`${file} is not a Kohtaamo handover package (no ${JSON_PATH}).`);
  process.exit(1);
}
const config = await loadLocalConfig();
const engine = await openLocalEngine(config);
try {
  const report = await importHandover(localDb(config, engine.endpoint), strFromU8(data).split('\n'), {
    workspaceId: args.workspace,
    by: 'system',
  });
  const counts = Object.entries(report.records)
    .map(([type, count]) => `${count} ${type}`)
    .join(', ');
  console.log(
    `Imported into workspace "${report.workspaceId}": ${counts} (${report.written} items written).`,
  );
} catch (error) {
  reportAppError(error);
} finally {
  await engine.close();
}
