// The web app's spreadsheet import as a background job: the rows the check job read are planned
// again (so a resumed run sees what an earlier run already wrote), then imported row by
// row with the user's choice for each duplicate. Ids come from the file and the row, so a run
// that died half-way and is started again adds what is missing and nothing twice.
import { localised } from '../i18n/messages';
import { recordAudit } from '../audit/audit.store';
import { NotFoundError } from '../errors';
import type { JobHandler } from '../jobs/run-job';
import { applySpreadsheetImport, planSpreadsheetImport } from './import-spreadsheet';
import { getImportSession, mappingOf, readParsedTable, readSessionTable } from './import-session';
import { MAX_IMPORT_BYTES } from './import-limits';

export const runImportJob: JobHandler<'import'> = async ({ db, blobs, workspace, job, progress }) => {
  const session = await getImportSession(db, workspace.id, job.params.importId);
  // An import started before uploads were read by a check job has no rows kept: its file is read here.
  const legacy = async () => {
    const bytes = session ? await blobs.getBytes(session.blobKey, MAX_IMPORT_BYTES) : undefined;
    return session && bytes ? readSessionTable(session, bytes) : undefined;
  };
  const table = session ? ((await readParsedTable(blobs, session)) ?? (await legacy())) : undefined;
  if (!session || !table) {
    throw new NotFoundError(localised('importJob.theFileToImportIs'));
  }
  const plan = await planSpreadsheetImport(db, workspace.id, table, mappingOf(session), session.fileHash);
  const total = plan.rows.length;
  const result = await applySpreadsheetImport(db, workspace, plan, {
    by: job.createdBy,
    choices: new Map(Object.entries(session.choices).map(([row, choice]) => [Number(row), choice])),
    onRow: (_row, _outcome, index) => progress(index + 1, total),
  });
  await recordAudit(db, workspace.id, {
    actorId: job.createdBy,
    action: 'import',
    entityType: 'job',
    entityId: job.id,
  });
  return { result: { ...result, counts: plan.counts }, progress: { done: total, total } };
};
