// Importing associations (and one contact person per row) from a centre's own spreadsheet: a plan
// first (every row's problems with row number and column, duplicates of existing associations or
// of earlier rows), then the import of the valid, new rows. Each row's ids come from the file's
// hash and the row number, so running the same file again, after an interruption or not, adds
// what is missing and nothing twice.
import { createHash } from 'node:crypto';
import { associationInputSchema, type AssociationInput } from '../association/association.schema';
import { createAssociation, listDirectory } from '../association/association.store';
import {
  duplicateKeys as sharedDuplicateKeys,
  type DuplicateFacts,
  type DuplicateReason,
} from '../association/association-duplicates';
import type { Db } from '../db/client';
import { eachPage } from '../db/operations';
import { ValidationError, type FieldError } from '../errors';
import { localised, type Localised } from '../i18n/messages';
import { isPlausibleDate } from '../time/plausible-dates';
import {
  membershipRoles,
  personInputSchema,
  type MembershipRole,
  type PersonInput,
} from '../person/person.schema';
import { addMembership, createPerson } from '../person/person.store';
import { parseInput } from '../validation';
import { ASSOCIATION_KIND, kindFromText, partnerKindsOf } from '../association/organisation-kind';
import { getWorkspace } from '../workspace/workspace.store';
import { idFromSeed } from '../ids';
import type { Workspace } from '../workspace/workspace.schema';
import type { ImportField } from './column-mapping';
import { mergeRowIntoAssociation } from './merge-row';
import type { Table } from './read-table';

export interface RowProblem {
  row: number;
  column: string;
  message: Localised;
}

export type RowStatus = 'new' | 'imported' | 'duplicate' | 'invalid' | 'empty';

export interface PlannedRow {
  /** The spreadsheet row number (the header is row 1). */
  row: number;
  status: RowStatus;
  associationId: string;
  personId: string;
  association?: AssociationInput;
  person?: PersonInput & { role: MembershipRole; startDate?: string };
  duplicateOf?: {
    id: string;
    name: string;
    by: 'ytunnus' | 'registerNumber' | 'name and municipality';
    inFile: boolean;
  };
  problems: RowProblem[];
}

export interface ImportPlan {
  rows: PlannedRow[];
  counts: Record<RowStatus, number>;
}

export function fileHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const roleWords: Record<string, MembershipRole> = {
  puheenjohtaja: 'chair',
  pj: 'chair',
  varapuheenjohtaja: 'vice_chair',
  sihteeri: 'secretary',
  rahastonhoitaja: 'treasurer',
  'hallituksen jäsen': 'board_member',
  jäsen: 'board_member',
  työntekijä: 'employee',
  vapaaehtoinen: 'volunteer',
  yhteyshenkilö: 'contact',
};

function role(text: string): MembershipRole | undefined {
  const word = text.trim().toLowerCase();
  if (word === '') return 'contact';
  if ((membershipRoles as readonly string[]).includes(word)) return word as MembershipRole;
  return roleWords[word];
}

/** A Finnish date d.m.yyyy (or yyyy-mm-dd) as yyyy-mm-dd; undefined when it is not one. */
export function finnishDate(text: string): string | undefined {
  const finnish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const [y, m, d] = finnish ? [finnish[3], finnish[2], finnish[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return undefined;
  const date = new Date(Date.UTC(2000, Number(m) - 1, Number(d)));
  date.setUTCFullYear(Number(y)); // Date.UTC reads years 0–99 as 1900–1999
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const split = (text: string | undefined) =>
  (text ?? '')
    .split(/[,;/]/)
    .map((part) => part.trim())
    .filter(Boolean);

/** Why a row looks like an association that exists: the rule that matched. */
export type DuplicateMatch = NonNullable<PlannedRow['duplicateOf']>['by'];

const matchedBy = {
  ytunnus: 'ytunnus',
  registerNumber: 'registerNumber',
  name: 'name and municipality',
} as const satisfies Record<DuplicateReason, NonNullable<PlannedRow['duplicateOf']>['by']>;

/** Duplicate keys of an association, strongest first: the rule of the new-association form. */
const duplicateKeys = (a: DuplicateFacts) =>
  sharedDuplicateKeys(a).map(({ reason, key }) => [matchedBy[reason], key] as const);

function problemsOf(error: unknown, row: number, headerOf: (field: string) => string): RowProblem[] {
  if (!(error instanceof ValidationError)) throw error;
  return error.fields.map((f: FieldError) => ({ row, column: headerOf(f.field), message: f.message }));
}

export async function planSpreadsheetImport(
  db: Db,
  workspaceId: string,
  table: Table,
  mapping: ReadonlyMap<number, ImportField>,
  hash: string,
): Promise<ImportPlan> {
  const columnOf = new Map([...mapping].map(([index, field]) => [field, index]));
  // An optional kind column names an association or one of the workspace's partner kinds.
  const partnerKinds = partnerKindsOf(await getWorkspace(db, workspaceId));
  const headerOf = (field: ImportField) => {
    const index = columnOf.get(field);
    return index === undefined ? field : (table.headers[index] ?? field);
  };
  const personFieldHeader = (field: string) =>
    headerOf(
      ({ name: 'personName', email: 'personEmail', phone: 'personPhone' } as const)[field as 'name'] ??
        'personName',
    );

  // Existing associations by their duplicate keys (and by id, for rows imported before).
  const known = new Map<string, { id: string; name: string; inFile: boolean }>();
  const existingIds = new Set<string>();
  for await (const associations of eachPage((page) => listDirectory(db, workspaceId, page))) {
    for (const association of associations) {
      existingIds.add(association.id);
      for (const [, key] of duplicateKeys(association)) {
        if (!known.has(key)) known.set(key, { id: association.id, name: association.name, inFile: false });
      }
    }
  }

  const rows: PlannedRow[] = table.rows.map((cells, i) => {
    const row = i + 2;
    const value = (field: ImportField) => {
      const index = columnOf.get(field);
      return index === undefined ? undefined : cells[index];
    };
    const planned: PlannedRow = {
      row,
      status: 'invalid',
      associationId: idFromSeed(`${hash}:${row}:association`),
      personId: idFromSeed(`${hash}:${row}:person`),
      problems: [],
    };
    if (cells.every((cell) => cell.trim() === '')) return { ...planned, status: 'empty' };
    const kind = kindFromText(partnerKinds, value('kind'));
    if (kind === undefined) {
      planned.problems.push({ row, column: headerOf('kind'), message: localised('msg:partnerKind.unknown') });
    }
    const partner = kind !== undefined && kind !== ASSOCIATION_KIND;
    try {
      planned.association = parseInput(associationInputSchema, {
        name: value('name') ?? '',
        kind: kind ?? ASSOCIATION_KIND,
        // A partner has no frame (organisation-kind.ts); an association's defaults to yhdistys.
        frame: partner ? undefined : (value('frame') || 'yhdistys').toLowerCase().replace('ryhmä', 'ryhma'),
        ytunnus: value('ytunnus'),
        registerNumber: value('registerNumber'),
        municipalities: split(value('municipalities')),
        targetGroups: split(value('targetGroups')),
        email: value('email'),
        phone: value('phone'),
        address: value('address'),
        website: value('website'),
        foundedYear: value('foundedYear'),
        notes: value('notes'),
      });
    } catch (error) {
      planned.problems.push(...problemsOf(error, row, (field) => headerOf(field as ImportField)));
    }
    const personName = value('personName')?.trim();
    if (personName) {
      const personRole = role(value('personRole') ?? '');
      if (!personRole) {
        planned.problems.push({
          row,
          column: headerOf('personRole'),
          message: localised('importSpreadsheet.unknownRole'),
        });
      }
      const start = value('personStartDate')?.trim();
      const date = start ? finnishDate(start) : undefined;
      // The one date rule the forms use too (plausible-dates.ts): a role starts from 1900 on.
      const startDate = date && isPlausibleDate('other', date, db.now()) ? date : undefined;
      if (date && !startDate) {
        planned.problems.push({
          row,
          column: headerOf('personStartDate'),
          message: localised('msg:date.range'),
        });
      } else if (start && !startDate) {
        planned.problems.push({
          row,
          column: headerOf('personStartDate'),
          message: localised('importSpreadsheet.aDateAsDM'),
        });
      }
      try {
        const person = parseInput(personInputSchema, {
          name: personName,
          email: value('personEmail'),
          phone: value('personPhone'),
        });
        if (personRole) planned.person = { ...person, role: personRole, ...(startDate ? { startDate } : {}) };
      } catch (error) {
        planned.problems.push(...problemsOf(error, row, personFieldHeader));
      }
    }
    if (planned.problems.length > 0 || !planned.association) return planned;
    if (existingIds.has(planned.associationId)) return { ...planned, status: 'imported' };
    for (const [by, key] of duplicateKeys(planned.association)) {
      const match = known.get(key);
      if (match) return { ...planned, status: 'duplicate', duplicateOf: { ...match, by } };
    }
    for (const [, key] of duplicateKeys(planned.association)) {
      known.set(key, { id: planned.associationId, name: planned.association.name, inFile: true });
    }
    return { ...planned, status: 'new' };
  });
  const counts: Record<RowStatus, number> = { new: 0, imported: 0, duplicate: 0, invalid: 0, empty: 0 };
  for (const row of rows) counts[row.status]++;
  return { rows, counts };
}

/** What to do with a row that duplicates an association: skip it, fill that one's gaps, or add it anyway. */
export const duplicateChoices = ['skip', 'merge', 'new'] as const;
export type DuplicateChoice = (typeof duplicateChoices)[number];

export interface ImportResult {
  imported: number;
  merged: number;
  skipped: number;
}

async function addContactPerson(db: Db, workspaceId: string, row: PlannedRow, associationId: string) {
  if (!row.person) return;
  const { role: personRole, startDate, ...person } = row.person;
  await createPerson(db, workspaceId, { id: row.personId, input: person });
  await addMembership(db, workspaceId, {
    // The row's one role period; its id is the row's person id, so a resumed import adds it once.
    id: row.personId,
    associationId,
    personId: row.personId,
    role: personRole,
    ...(startDate ? { startDate } : {}),
  });
}

/**
 * Imports the plan's new rows (and completes rows an interrupted run began). A duplicate row is
 * skipped unless `choices` says to merge it into the association it duplicates or add it anyway.
 */
export async function applySpreadsheetImport(
  db: Db,
  workspace: Workspace,
  plan: ImportPlan,
  options: {
    by: string;
    choices?: ReadonlyMap<number, DuplicateChoice>;
    /** After each row, with what happened to it. */
    onRow?: (row: number, outcome: keyof ImportResult, index: number) => void | Promise<void>;
  },
): Promise<ImportResult> {
  const result: ImportResult = { imported: 0, merged: 0, skipped: 0 };
  for (const [index, row] of plan.rows.entries()) {
    const choice = row.status === 'duplicate' ? (options.choices?.get(row.row) ?? 'skip') : undefined;
    let outcome: keyof ImportResult = 'imported';
    if (!row.association || row.status === 'invalid' || row.status === 'empty' || choice === 'skip') {
      outcome = 'skipped';
      if (row.status !== 'empty') result.skipped++;
    } else if (choice === 'merge' && row.duplicateOf) {
      outcome = 'merged';
      await mergeRowIntoAssociation(db, workspace.id, {
        associationId: row.duplicateOf.id,
        row: row.association,
        by: options.by,
      });
      await addContactPerson(db, workspace.id, row, row.duplicateOf.id);
      result.merged++;
    } else {
      await createAssociation(db, workspace, {
        id: row.associationId,
        input: row.association,
        by: options.by,
      });
      await addContactPerson(db, workspace.id, row, row.associationId);
      if (row.status !== 'imported') result.imported++;
    }
    await options.onRow?.(row.row, outcome, index);
  }
  return result;
}
