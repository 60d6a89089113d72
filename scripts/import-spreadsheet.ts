// `npm run import -- FILE.csv|FILE.xlsx [--workspace ID] [--dry-run] [--map "Header=field;…"]`:
// imports associations (and a contact person per row) from a spreadsheet into a workspace of the
// local data. The dry run reports every row's problems and duplicates and writes nothing.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { importFields, overrideMapping, suggestMapping } from '../shared/src/import/column-mapping';
import {
  applySpreadsheetImport,
  duplicateChoices,
  fileHash,
  planSpreadsheetImport,
} from '../shared/src/import/import-spreadsheet';
import { readTable } from '../shared/src/import/read-table';
import { t } from '../shared/src/i18n/messages';
import { workspaceIdSchema } from '../shared/src/ids';
import { getWorkspace } from '../shared/src/workspace/workspace.store';
import { dataTargetOptions, dataTargetUsage, openDataTarget } from './data-target';
import { parseArgsOrExit, reportAppError } from './local-runtime';

const usage =
  'Usage: npm run import -- FILE.csv|FILE.xlsx [--workspace ID] [--dry-run] [--map "Header=field;Header=field"]\n' +
  "         [--duplicates skip|merge|new]   (default skip; merge fills the existing association's empty fields)\n" +
  `         ${dataTargetUsage}\n` +
  `  fields: ${importFields.join(', ')}`;
const file = process.argv[2];
if (!file || file.startsWith('--')) {
  console.error(`${usage}\n  the file is missing`);
  process.exit(2);
}
const args = parseArgsOrExit(
  z
    .object({
      workspace: workspaceIdSchema.optional(),
      'dry-run': z.literal(true).optional(),
      map: z.string().optional(),
      duplicates: z.enum(duplicateChoices).optional(),
      ...dataTargetOptions,
    })
    .strict(),
  usage,
);

const target = await openDataTarget(args);
try {
  const bytes = await readFile(resolve(process.cwd(), file));
  const table = await readTable(bytes, file);
  let mapping = suggestMapping(table.headers);
  try {
    mapping = overrideMapping(table.headers, mapping, args.map ? args.map.split(';') : []);
  } catch (error) {
    console.error(`${usage}\n  --map: ${(error as Error).message}`);
    process.exit(2);
  }
  console.log(
    `Columns: ${table.headers.map((h, i) => `${h} → ${mapping.get(i) ?? '(not imported)'}`).join(', ')}`,
  );
  const { db } = target;
  const workspace = await getWorkspace(db, args.workspace ?? target.defaultWorkspace);
  const plan = await planSpreadsheetImport(db, workspace.id, table, mapping, fileHash(bytes));
  for (const row of plan.rows) {
    for (const problem of row.problems) {
      console.log(`row ${problem.row} · ${problem.column}: ${problem.message.fi} / ${problem.message.en}`);
    }
    if (row.duplicateOf) {
      const where = row.duplicateOf.inFile ? 'an earlier row' : 'an existing association';
      const choice = { skip: 'skipped', merge: 'merged into it', new: 'added anyway' }[
        args.duplicates ?? 'skip'
      ];
      console.log(
        `row ${row.row} · duplicate of ${where} "${row.duplicateOf.name}" (${t('en', `import.matchBy.${row.duplicateOf.by}`)}): ${choice}`,
      );
    }
  }
  const { counts } = plan;
  console.log(
    `${counts.new} new, ${counts.imported} already imported, ` +
      `${counts.duplicate} duplicates ${{ skip: 'skipped', merge: 'to merge', new: 'to add anyway' }[args.duplicates ?? 'skip']}, ` +
      `${counts.invalid} with problems${counts.empty ? `, ${counts.empty} empty` : ''}`,
  );
  if (args['dry-run']) {
    console.log('Dry run: nothing was written.');
  } else {
    const choice = args.duplicates ?? 'skip';
    const result = await applySpreadsheetImport(db, workspace, plan, {
      by: 'import',
      choices: new Map(plan.rows.filter((r) => r.status === 'duplicate').map((r) => [r.row, choice])),
      onRow: (row, outcome) => {
        if (outcome !== 'skipped') console.log(`${outcome} row ${row}`);
      },
    });
    console.log(
      `Imported ${result.imported} associations into "${workspace.id}"` +
        (result.merged ? `; merged ${result.merged} rows into existing ones` : '') +
        '.',
    );
  }
} catch (error) {
  reportAppError(error);
} finally {
  await target.close();
}
