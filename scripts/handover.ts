// `npm run handover -- --out FILE.zip [--workspace ID] [--no-persons] [--by NAME] [--stage NAME]`:
// writes a workspace's handover package from the local data or a deployed stage's table (see the
// README for what is inside).
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { writeHandoverPackage } from '../shared/src/handover/handover-package';
import { workspaceIdSchema } from '../shared/src/ids';
import { dataTargetOptions, dataTargetUsage, openDataTarget } from './data-target';
import { parseArgsOrExit, reportAppError } from './local-runtime';

const args = parseArgsOrExit(
  z
    .object({
      out: z.string().regex(/\.zip$/i, 'the package is a .zip file'),
      workspace: workspaceIdSchema.optional(),
      'no-persons': z.literal(true).optional(),
      by: z.string().trim().min(1).max(100).optional(),
      ...dataTargetOptions,
    })
    .strict(),
  `Usage: npm run handover -- --out FILE.zip [--workspace ID] [--no-persons] [--by "Name"]\n         ${dataTargetUsage}`,
);
const target = await openDataTarget(args);
const file = resolve(process.cwd(), args.out);
// Written under a temporary name and renamed when complete: a failed run leaves no half package.
const partial = `${file}.partial`;
try {
  const workspaceId = args.workspace ?? target.defaultWorkspace;
  const summary = await writeHandoverPackage(target.db, createWriteStream(partial, { mode: 0o600 }), {
    workspaceId,
    includePersons: args['no-persons'] !== true,
    exportedBy: args.by ?? 'npm run handover',
    onProgress: (n) => {
      if (n % 100 === 0) process.stdout.write(`  ${n} associations…\r`);
    },
  });
  await rename(partial, file);
  const counts = summary.files
    .filter((f) => f.rows !== undefined)
    .map((f) => `${f.path} ${f.rows}`)
    .join(', ');
  console.log(`Wrote ${file} from the ${target.description}\n  ${counts}`);
  if (summary.leftOut.personsExcluded) console.log('  Contact persons left out (--no-persons).');
  else
    console.log(
      `  Left out: ${summary.leftOut.objectedPersons} persons who objected; ${summary.leftOut.erasedPersons} erased earlier.`,
    );
} catch (error) {
  reportAppError(error);
} finally {
  await rm(partial, { force: true });
  await target.close();
}
