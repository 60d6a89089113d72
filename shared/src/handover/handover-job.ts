// The handover package as a background job: built while the data is read and streamed straight
// into the blob store (the export bucket in AWS), with progress per association. The page then
// offers a short-lived download link (AWS) or streams the stored file (locally).
import { PassThrough, Transform } from 'node:stream';
import { recordAudit } from '../audit/audit.store';
import { countAll } from '../db/operations';
import { keys } from '../db/table';
import type { JobHandler } from '../jobs/run-job';
import { helsinkiDate } from '../time/helsinki';
import { EXPORT_PREFIX } from '../storage/retention';
import { writeHandoverPackage } from './handover-package';

export function handoverFileName(workspaceId: string, date: string, includePersons: boolean): string {
  return `kohtaamo-${workspaceId}-${date}${includePersons ? '' : '-ilman-henkiloita'}.zip`;
}

export const runHandoverJob: JobHandler<'handover'> = async ({ db, blobs, workspace, job, progress }) => {
  const { includePersons, exportedBy } = job.params;
  const total = await countAll(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.directoryPartition(workspace.id) },
  });
  const fileName = handoverFileName(workspace.id, helsinkiDate(db.now()), includePersons);
  const key = `${EXPORT_PREFIX}${workspace.id}/${job.id}/${fileName}`;
  let bytes = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  const zip = new PassThrough();
  zip.pipe(counted);
  const stored = blobs.put(key, counted, 'application/zip');
  let pending: Promise<void> = Promise.resolve();
  let progressFailure: unknown;
  const summary = await writeHandoverPackage(db, zip, {
    workspaceId: workspace.id,
    includePersons,
    exportedBy,
    // Progress is written in order, and its failure (another run took over) ends this one.
    onProgress: (done) => {
      pending = pending
        .then(() => (progressFailure === undefined ? progress(Math.min(done, total), total) : undefined))
        .catch((error: unknown) => {
          progressFailure = error;
        });
    },
  }).catch((error: unknown) => {
    counted.destroy(error instanceof Error ? error : new Error('handover failed'));
    throw error;
  });
  await pending;
  await stored;
  if (progressFailure !== undefined) throw progressFailure;
  await recordAudit(db, workspace.id, {
    actorId: job.createdBy,
    action: 'export',
    entityType: 'workspace',
    entityId: workspace.id,
  });
  return {
    result: { key, fileName, bytes, leftOut: summary.leftOut },
    progress: { done: total, total },
  };
};
