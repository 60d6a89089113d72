// Builds a workspace's handover package (zip) in one pass over the data with flat memory: rows go
// to one temporary file per entry as they are read (hashed on the way), then the files are
// compressed one after another into the zip stream. Node only (files, streams).
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { Zip, ZipDeflate } from 'fflate';
import type { Db } from '../db/client';
import { csvLine, UTF8_BOM } from './csv';
import {
  associationsFile,
  auditFile,
  campaignRowsFile,
  campaignsFile,
  eventsFile,
  feedbackFile,
  followUpsFile,
  handoverFiles,
  interactionsFile,
  membershipsFile,
  openFollowUpsFile,
  peopleFile,
  registrationsFile,
  staffFile,
  stageHistoryFile,
  type HandoverFile,
} from './handover-files';
import {
  CHECKSUMS_PATH,
  DICTIONARY_PATH,
  handoverReadme,
  JSON_PATH,
  README_PATH,
  WORKSPACE_PATH,
  XLSX_PATH,
  dataDictionaryLines,
} from './handover-readme';
import { HSDS_PATH, hsdsOrganization, type HsdsContactInput } from './hsds';
import { readWorkspace, type LeftOut } from './read-workspace';
import { isPartner, partnerKindsOf } from '../association/organisation-kind';
import type { Association } from '../association/association.schema';
import type { Person } from '../person/person.schema';
import { getPerson } from '../person/person.store';
import { writeXlsx, xlsxRow } from './xlsx';

export const HANDOVER_FORMAT = 'kohtaamo-handover';
/** 2: the header's workspace carries the partner kinds, and associations their kind. */
export const HANDOVER_FORMAT_VERSION = 2;

export interface HandoverOptions {
  workspaceId: string;
  includePersons: boolean;
  /** Who exported it, as the README names them. */
  exportedBy: string;
  /** Called after each association with the count so far. */
  onProgress?: (associations: number) => void;
}

export interface HandoverSummary {
  exportedAt: string;
  files: { path: string; sha256: string; rows?: number }[];
  leftOut: LeftOut;
}

/** A file being written into the temporary directory. */
class Entry {
  readonly stream: WriteStream;
  rows = 0;

  constructor(
    readonly path: string,
    readonly file: string,
  ) {
    this.stream = createWriteStream(file);
  }

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/** Writes the package to `out` (ended when done). */
export async function writeHandoverPackage(
  db: Db,
  out: Writable,
  options: HandoverOptions,
): Promise<HandoverSummary> {
  const dir = await mkdtemp(join(tmpdir(), 'kohtaamo-handover-'));
  try {
    const exportedAt = db.now().toISOString();
    const reader = await readWorkspace(db, options.workspaceId, { includePersons: options.includePersons });
    const entries = new Map<string, Entry>();
    const open = async (path: string) => {
      const file = join(dir, path);
      await mkdir(dirname(file), { recursive: true });
      const entry = new Entry(path, file);
      entries.set(path, entry);
      return entry;
    };
    const csv = new Map<HandoverFile<never>, { entry: Entry; sheet: Entry }>();
    for (const file of handoverFiles) {
      if (file.personal && !options.includePersons) continue;
      const header = file.columns.map((c) => c.name);
      const entry = await open(file.path);
      await entry.write(UTF8_BOM + csvLine(header));
      // The same rows for the workbook, as sheet XML (not part of the package by themselves).
      const sheet = new Entry(sheetName(file.path), join(dir, `${file.path}.rows.xml`));
      await sheet.write(xlsxRow(header, 1));
      csv.set(file as HandoverFile<never>, { entry, sheet });
    }
    const addRow = async <T>(file: HandoverFile<T>, row: T) => {
      const target = csv.get(file as HandoverFile<never>);
      if (!target) return;
      const values = file.columns.map((column) => column.value(row));
      target.entry.rows++;
      await target.entry.write(csvLine(values));
      await target.sheet.write(xlsxRow(values, target.entry.rows + 1));
    };
    const json = await open(JSON_PATH);
    // The partner kinds are carried as they apply, the defaults included (organisation-kind.ts).
    const workspace = { ...reader.workspace, partnerKinds: partnerKindsOf(reader.workspace) };
    await json.write(
      `${JSON.stringify({ type: 'header', format: HANDOVER_FORMAT, formatVersion: HANDOVER_FORMAT_VERSION, exportedAt, includePersons: options.includePersons, workspace })}\n`,
    );

    // Organisations for directory systems (HSDS), one association at a time.
    const hsds = await open(HSDS_PATH);
    await hsds.write('[\n');
    let current: { association: Association; contacts: HsdsContactInput[] } | undefined;
    /** People read in the current association's records (others are read again when needed). */
    let peopleHere = new Map<string, Person>();
    const flushOrganization = async () => {
      // A merged duplicate is not an organisation of its own any more; partners are not in the
      // services directory (HSDS is for associations only).
      if (!current || current.association.mergedInto || isPartner(current.association)) return;
      await hsds.write(
        `${hsds.rows++ > 0 ? ',\n' : ''}${JSON.stringify(hsdsOrganization(current.association, current.contacts))}`,
      );
    };

    const staffNames = new Map<string, string>();
    let associationName = '';
    let associations = 0;
    for await (const record of reader.records) {
      await json.write(`${JSON.stringify(record)}\n`);
      switch (record.type) {
        case 'staff':
          staffNames.set(record.value.userId, record.value.name);
          await addRow(staffFile, record.value);
          break;
        case 'association':
          await flushOrganization();
          current = { association: record.value, contacts: [] };
          peopleHere = new Map();
          associationName = record.value.name;
          associations++;
          options.onProgress?.(associations);
          await addRow(associationsFile, record.value);
          break;
        case 'person':
          peopleHere.set(record.value.id, record.value);
          await addRow(peopleFile, record.value);
          break;
        case 'membership': {
          const person =
            peopleHere.get(record.value.personId) ??
            (await getPerson(db, options.workspaceId, record.value.personId));
          current?.contacts.push({ membership: record.value, person });
          await addRow(membershipsFile, record.value);
          break;
        }
        case 'interaction':
          await addRow(interactionsFile, record.value);
          break;
        case 'followUp':
          await addRow(followUpsFile, record.value);
          if (record.value.status === 'open') {
            await addRow(openFollowUpsFile, {
              ...record.value,
              associationName,
              assigneeName:
                record.value.assigneeId === undefined
                  ? 'Tiimi / Team'
                  : (staffNames.get(record.value.assigneeId) ?? record.value.assigneeId),
            });
          }
          break;
        case 'stageChange':
          await addRow(stageHistoryFile, record.value);
          break;
        case 'audit':
          await addRow(auditFile, record.value);
          break;
        case 'event':
          await addRow(eventsFile, record.value);
          break;
        case 'registration':
          await addRow(registrationsFile, record.value);
          break;
        case 'feedback':
          await addRow(feedbackFile, record.value);
          break;
        case 'campaign':
          await addRow(campaignsFile, record.value);
          break;
        case 'campaignRow':
          await addRow(campaignRowsFile, record.value);
          break;
      }
    }

    await flushOrganization();
    await hsds.write('\n]\n');

    const dictionary = await open(DICTIONARY_PATH);
    await dictionary.write(UTF8_BOM + dataDictionaryLines(options.includePersons).join(''));
    const settings = await open(WORKSPACE_PATH);
    await settings.write(
      `${JSON.stringify({ id: workspace.id, name: workspace.name, staleAfterDays: workspace.staleAfterDays, stages: workspace.stages, partnerKinds: workspace.partnerKinds }, null, 2)}\n`,
    );
    const rowCounts = new Map([...csv.values()].map(({ entry }) => [entry.path, entry.rows]));
    const readme = await open(README_PATH);
    await readme.write(
      handoverReadme({
        workspaceName: workspace.name,
        workspaceId: workspace.id,
        exportedAt,
        exportedBy: options.exportedBy,
        rows: rowCounts,
        leftOut: reader.leftOut,
      }),
    );

    for (const entry of entries.values()) await entry.close();
    const sheets = [...csv.values()].map(({ sheet }) => sheet);
    for (const sheet of sheets) await sheet.close();
    await writeXlsx(
      join(dir, XLSX_PATH),
      sheets.map((sheet) => ({ name: sheet.path, rowsFile: sheet.file })),
    );
    const files: HandoverSummary['files'] = [];
    for (const path of [...entries.keys(), XLSX_PATH]) {
      const rows = rowCounts.get(path);
      files.push({ path, sha256: await sha256Of(join(dir, path)), ...(rows === undefined ? {} : { rows }) });
    }
    const checksums = files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
    await writeFile(join(dir, CHECKSUMS_PATH), checksums);

    await zipFiles(
      out,
      [README_PATH, ...files.map((f) => f.path).filter((p) => p !== README_PATH), CHECKSUMS_PATH].map(
        (path) => ({
          path,
          file: join(dir, path),
        }),
      ),
    );
    return { exportedAt, files, leftOut: reader.leftOut };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A sheet's name: the file's name without `.csv` (all within Excel's 31 characters). */
function sheetName(path: string): string {
  return path.replace(/\.csv$/, '');
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Uint8Array);
  return hash.digest('hex');
}

/** Compresses the files into `out` one after another, waiting whenever `out` is full. */
async function zipFiles(out: Writable, files: { path: string; file: string }[]): Promise<void> {
  let failure: Error | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else out.write(chunk);
    if (final) out.end();
  });
  for (const { path, file } of files) {
    const entry = new ZipDeflate(path, { level: 6 });
    zip.add(entry);
    for await (const chunk of createReadStream(file)) {
      entry.push(chunk as Uint8Array);
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    entry.push(new Uint8Array(0), true);
  }
  zip.end();
  if (failure) throw failure;
  if (!out.writableFinished) await once(out, 'finish');
}
