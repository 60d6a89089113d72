// `npm run handover:import -- FILE.zip --workspace ID [--stage NAME]`: brings a Kohtaamo handover
// package into a new (or empty) workspace of the local data or a deployed stage; run it again
// after an interruption to finish.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { z } from 'zod';
import { JSON_PATH } from '../shared/src/handover/handover-readme';
import { importHandover } from '../shared/src/handover/import-handover';
import { workspaceIdSchema } from '../shared/src/ids';
import { dataTargetOptions, dataTargetUsage, openDataTarget } from './data-target';
import { parseArgsOrExit, reportAppError } from './local-runtime';

const usage = `Usage: npm run handover:import -- FILE.zip --workspace ID\n         ${dataTargetUsage}`;
const file = process.argv[2];
if (!file || file.startsWith('--')) {
  console.error(`${usage}\n  the package file is missing`);
  process.exit(2);
}
const args = parseArgsOrExit(
  z.object({ workspace: workspaceIdSchema, ...dataTargetOptions }).strict(),
  usage,
);
const entries = unzipSync(new Uint8Array(await readFile(resolve(process.cwd(), file))), {
  filter: (entry) => entry.name === JSON_PATH,
});
const data = entries[JSON_PATH];
if (!data) {
  console.error(`${file} is not a Kohtaamo handover package (no ${JSON_PATH}).`);
  process.exit(1);
}
const target = await openDataTarget(args);
try {
  const report = await importHandover(target.db, strFromU8(data).split('\n'), {
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
  await target.close();
}
