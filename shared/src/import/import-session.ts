// A spreadsheet import in the web app, from upload to result: the uploaded file's key, the column
// mapping the user confirmed, their choice for each duplicate row, and the job that imports it.
// Edits are version-checked, so two admins working on one import never overwrite each other.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { putIfAbsent } from '../association/association.store';
import type { Db } from '../db/client';
import { isConditionalFailure, run } from '../db/operations';
import { keys, stripKeys } from '../db/table';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { UPLOAD_PREFIX } from '../storage/retention';
import { parseExpectedVersion, parseId } from '../validation';
import { importFields, suggestMapping, type ImportField } from './column-mapping';
import { fileHash, type DuplicateChoice } from './import-spreadsheet';
import { readTable, type Table } from './read-table';

export const IMPORT_SESSION_SCHEMA_VERSION = 1;

export interface ImportSession {
  sv: number;
  id: string;
  workspaceId: string;
  blobKey: string;
  format: 'csv' | 'xlsx';
  fileHash: string;
  headers: string[];
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
  return readTable(bytes, `upload.${session.format}`);
}

export const mappingOf = (session: Pick<ImportSession, 'mapping'>) => new Map(session.mapping);

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

/**
 * The import of an uploaded file: made on the first visit after the upload, with the columns
 * suggested from the headers. The file is read (and refused with a clear message) here.
 */
export async function openImportSession(
  db: Db,
  workspaceId: string,
  request: { id: string; bytes: Buffer; by: string },
): Promise<{ session: ImportSession; table: Table }> {
  const existing = await getImportSession(db, workspaceId, request.id);
  const format = existing?.format ?? formatOf(request.bytes);
  const table = await readSessionTable({ format }, request.bytes);
  if (existing) return { session: existing, table };
  const session: ImportSession = {
    sv: IMPORT_SESSION_SCHEMA_VERSION,
    id: parseId(request.id),
    workspaceId,
    blobKey: uploadKey(workspaceId, request.id),
    format,
    fileHash: fileHash(request.bytes),
    headers: table.headers,
    mapping: [...suggestMapping(table.headers)],
    mappingConfirmed: false,
    choices: {},
    version: 1,
    createdAt: db.now().toISOString(),
    createdBy: request.by,
  };
  await putIfAbsent(db, {
    ...keys.importSession(workspaceId, session.id),
    type: 'importSession',
    ...session,
  });
  return { session: (await getImportSession(db, workspaceId, session.id)) ?? session, table };
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
      throw new NotFoundError({ fi: 'Tuontia ei löytynyt.', en: 'Import not found.' });
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
        message: {
          fi: 'Sama kenttä on valittu kahdelle sarakkeelle. Valitse kullekin kentälle yksi sarake.',
          en: 'The same field is chosen for two columns. Choose one column for each field.',
        },
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
    ' AND attribute_not_exists(jobId)',
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
    ' AND attribute_not_exists(jobId)',
  );
}
