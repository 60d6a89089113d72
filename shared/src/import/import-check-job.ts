// Reads an uploaded spreadsheet once, as a background job (in this process locally, in the jobs
// Lambda in AWS), within every limit of import-limits.ts: the rows are kept in the blob store
// beside the upload, the headers and examples on the import, so the import's pages only read. A
// file past a limit fails the job with a message that names the limit, which the page shows.
import { localised } from '../i18n/messages';
import { fileHash } from './import-spreadsheet';
import { NotFoundError, ValidationError } from '../errors';
import type { JobHandler } from '../jobs/run-job';
import { fileRefusals, MAX_IMPORT_BYTES, refuseFile } from './import-limits';
import { formatOf, getImportSession, recordImportCheck } from './import-session';
import { readTable } from './read-table';

const gone = () => new NotFoundError(localised('importJob.theFileToImportIs'));

export const runImportCheckJob: JobHandler<'import-check'> = async ({
  db,
  blobs,
  workspace,
  job,
  progress,
}) => {
  const session = await getImportSession(db, workspace.id, job.params.importId);
  if (!session) throw gone();
  await progress(0, 1);
  const bytes = await blobs.getBytes(session.blobKey, MAX_IMPORT_BYTES).catch((error: unknown) => {
    if (error instanceof ValidationError) throw refuseFile(fileRefusals.tooLarge());
    throw error;
  });
  if (!bytes) throw gone();
  const format = formatOf(bytes);
  const table = await readTable(bytes, `upload.${format}`);
  await recordImportCheck(db, blobs, workspace.id, {
    id: session.id,
    table,
    format,
    fileHash: fileHash(bytes),
  });
  return { result: { rows: table.rows.length }, progress: { done: 1, total: 1 } };
};
