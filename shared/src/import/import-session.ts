// A spreadsheet import in the web app, from upload to result: the uploaded file's key, the check
// job that reads the file once (its rows are kept beside the upload, its headers and a few examples
// here), the column mapping the user confirmed, their choice for each duplicate row, and the job
// that imports it. Edits are version-checked, so two admins working on one import never overwrite
// each other.
import { localised } from '../i18n/messages';
import { Readable } from 'node:stream';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { putIfAbsent } from '../db/operations';
import type { Db } from '../db/client';
import { isConditionalFailure, run } from '../db/operations';
import { keys, stripKeys } from '../db/table';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { idFromSeed } from '../ids';
import { createJob } from '../jobs/job.store';
import type { BlobStore } from '../storage/blob-store';
import { UPLOAD_PREFIX } from '../storage/retention';
import { parseExpectedVersion, parseId } from '../validation';
import { importFields, suggestMapping, type ImportField } from './column-mapping';
import { type DuplicateChoice } from './import-spreadsheet';
import { MAX_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, MAX_INFLATED_BYTES } from './import-limits';
import { readTable, type Table } from './read-table';

/** 2: read once by a check job (`checkJobId`, `checkedAt`, `examples`); 1 re-read the file on every view. */
export const IMPORT_SESSION_SCHEMA_VERSION = 2;

export interface ImportSession {
  sv: number;
  id: string;
  workspaceId: string;
  blobKey: string;
  /** Known once the file has been read. */
  format?: 'csv' | 'xlsx';
  /** The file's SHA-256 ('' until it has been read): row ids are made from it. */
  fileHash: string;
  /** The header row ([] until the file has been read). */
  headers: string[];
  /** Up to EXAMPLES short values of each column, for the column step. */
  examples?: string[][];
  rowCount?: number;
  /** The job that reads the file once; `checkedAt` is set when it has. */
  checkJobId?: string;
  checkedAt?: string;
  /** Column index → field, as pairs (DynamoDB maps need string keys). */
  mapping: [number, ImportField][];
  /** The user has confirmed the mapping (the check step follows). */
  mappingConfirmed: boolean;
  /** Spreadsheet row number → what to do with that duplicate row. */
  choices: Record<string, DuplicateChoice>;
  jobId?: string;
  version: number;
  createdAt: string;
  createdBy: string;
}

/** Where the browser uploads the file of import `id`. */
export const uploadKey = (workspaceId: string, id: string) => `${UPLOAD_PREFIX}${workspaceId}/${id}/upload`;

/** XLSX files are zip archives; anything else is read as CSV text. */
export const formatOf = (bytes: Buffer): 'csv' | 'xlsx' =>
  bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) ? 'xlsx' : 'csv';

export function readSessionTable(session: Pick<ImportSession, 'format'>, bytes: Buffer): Promise<Table> {
  return readTable(bytes, `upload.${session.format ?? formatOf(bytes)}`);
}

export const mappingOf = (session: Pick<ImportSession, 'mapping'>) => new Map(session.mapping);

/** Where the check job keeps the rows it read: beside the upload, so they expire and go with it. */
export const parsedRowsKey = (workspaceId: string, id: string) =>
  `${UPLOAD_PREFIX}${workspaceId}/${id}/rows.json`;

/** Every cell at its limit, escaped for JSON, is still far below this; the limits bound it anyway. */
const MAX_PARSED_BYTES = 4 * MAX_INFLATED_BYTES;
const EXAMPLES = 3;
const EXAMPLE_CHARS = 80;

const parsedTableSchema = z.object({
  headers: z.array(z.string().max(MAX_CELL_CHARS)).max(MAX_IMPORT_COLUMNS),
  rows: z.array(z.array(z.string().max(MAX_CELL_CHARS)).max(MAX_IMPORT_COLUMNS)).max(MAX_IMPORT_ROWS),
});

/** The rows the check job read, or undefined when they are gone (expired) or were never read. */
export async function readParsedTable(
  blobs: BlobStore,
  session: Pick<ImportSession, 'workspaceId' | 'id'>,
): Promise<Table | undefined> {
  const bytes = await blobs.getBytes(parsedRowsKey(session.workspaceId, session.id), MAX_PARSED_BYTES);
  return bytes ? parsedTableSchema.parse(JSON.parse(bytes.toString('utf8'))) : undefined;
}

export async function getImportSession(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<ImportSession | undefined> {
  parseId(id);
  const result = await run(() =>
    db.doc.send(
      new GetCommand({ TableName: db.table, Key: keys.importSession(workspaceId, id), ConsistentRead: true }),
    ),
  );
  return result.Item ? stripKeys<ImportSession>(result.Item) : undefined;
}

/** The check job of import `id`: one per import, whoever asks and however often. */
export const checkJobIdOf = (workspaceId: string, id: string) =>
  idFromSeed(`import-check:${workspaceId}:${id}`);

/**
 * Asks for the uploaded file of import `id` to be read: makes the import (on the first request)
 * and its check job, both idempotent, and returns the job's id for the caller to launch. Whether
 * a file was uploaded is the job's to find out (it fails with a message when there is none).
 */
export async function requestImportCheck(
  db: Db,
  workspaceId: string,
  request: { id: string; by: string },
): Promise<string> {
  const id = parseId(request.id);
  const jobId = checkJobIdOf(workspaceId, id);
  const existing = await getImportSession(db, workspaceId, id);
  if (!existing) {
    const session: ImportSession = {
      sv: IMPORT_SESSION_SCHEMA_VERSION,
      id,
      workspaceId,
      blobKey: uploadKey(workspaceId, id),
      fileHash: '',
      headers: [],
      mapping: [],
      mappingConfirmed: false,
      choices: {},
      checkJobId: jobId,
      version: 1,
      createdAt: db.now().toISOString(),
      createdBy: request.by,
    };
    await putIfAbsent(db, { ...keys.importSession(workspaceId, id), type: 'importSession', ...session });
  } else if (!existing.checkJobId && !existing.checkedAt) {
    // An import made before the file was read by a job (schema 1): it gets its check job now.
    await updateSession(db, workspaceId, id, existing.version, { checkJobId: jobId }).catch((error) => {
      if (!(error instanceof ConflictError)) throw error;
    });
  }
  await createJob(db, workspaceId, {
    id: jobId,
    kind: 'import-check',
    params: { importId: id },
    by: request.by,
  });
  return jobId;
}

/**
 * What the check job read: the rows go to the blob store, the headers, a few examples and the
 * suggested mapping (unless one was confirmed before) to the import. Safe to repeat: an import
 * already recorded as read is left as it is.
 */
export async function recordImportCheck(
  db: Db,
  blobs: BlobStore,
  workspaceId: string,
  request: { id: string; table: Table; format: 'csv' | 'xlsx'; fileHash: string },
): Promise<void> {
  const { table } = request;
  await blobs.put(
    parsedRowsKey(workspaceId, request.id),
    Readable.from([Buffer.from(JSON.stringify(table))]),
    'application/json',
  );
  const examples = table.headers.map((_, index) =>
    table.rows
      .map((row) => row[index] ?? '')
      .filter((value) => value !== '')
      .slice(0, EXAMPLES)
      .map((value) => (value.length > EXAMPLE_CHARS ? `${value.slice(0, EXAMPLE_CHARS - 1)}…` : value)),
  );
  for (let attempt = 0; attempt < 3; attempt++) {
    const session = await getImportSession(db, workspaceId, request.id);
    if (!session) throw new NotFoundError(localised('importSession.importNotFound'));
    if (session.checkedAt) return;
    try {
      await updateSession(
        db,
        workspaceId,
        request.id,
        session.version,
        {
          format: request.format,
          fileHash: request.fileHash,
          headers: table.headers,
          examples,
          rowCount: table.rows.length,
          mapping: session.mappingConfirmed ? session.mapping : [...suggestMapping(table.headers)],
          checkedAt: db.now().toISOString(),
        },
        ' AND attribute_not_exists(checkedAt)',
      );
      return;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new ConflictError();
}

async function updateSession(
  db: Db,
  workspaceId: string,
  id: string,
  expectedVersion: number,
  set: Record<string, unknown>,
  extraCondition = '',
): Promise<void> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':expected': parseExpectedVersion(expectedVersion), ':one': 1 };
  const sets = Object.entries(set).map(([field, value]) => {
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    return `#${field} = :${field}`;
  });
  try {
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.importSession(workspaceId, id),
          UpdateExpression: `SET ${sets.join(', ')}, version = version + :one`,
          ConditionExpression: `attribute_exists(pk) AND version = :expected${extraCondition}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      ),
    );
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
    if (!(await getImportSession(db, workspaceId, id)))
      throw new NotFoundError(localised('importSession.importNotFound'));
    throw new ConflictError();
  }
}

/** Saves the confirmed column mapping (each field at most once; unknown fields refused). */
export function saveMapping(
  db: Db,
  workspaceId: string,
  request: { id: string; expectedVersion: number; mapping: ReadonlyMap<number, ImportField> },
): Promise<void> {
  const fields = [...request.mapping.values()];
  if (
    fields.some((f) => !(importFields as readonly string[]).includes(f)) ||
    new Set(fields).size !== fields.length
  )
    throw new ValidationError([
      {
        field: 'mapping',
        message: localised('importSession.theSameFieldIsChosen'),
      },
    ]);
  return updateSession(
    db,
    workspaceId,
    parseId(request.id),
    request.expectedVersion,
    {
      mapping: [...request.mapping],
      mappingConfirmed: true,
      choices: {},
    },
    ' AND attribute_not_exists(jobId) AND attribute_exists(checkedAt)',
  );
}

/** Starts the import: saves the duplicate choices and the job that carries it out. */
export function markImportStarted(
  db: Db,
  workspaceId: string,
  request: { id: string; expectedVersion: number; choices: Record<string, DuplicateChoice>; jobId: string },
): Promise<void> {
  return updateSession(
    db,
    workspaceId,
    parseId(request.id),
    request.expectedVersion,
    {
      choices: request.choices,
      jobId: request.jobId,
    },
    ' AND attribute_not_exists(jobId) AND attribute_exists(checkedAt)',
  );
}
