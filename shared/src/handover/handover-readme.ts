// The package's own description, for people who open it years later without Kohtaamo: what is
// inside, how to open it, the counts, when and by whom, and what was left out and why. Pure.
import { formatDateTime } from '../i18n/format';
import { t, type Locale } from '../i18n/messages';
import { csvLine } from './csv';
import { handoverFiles, typeName } from './handover-files';
import { HSDS_PATH, HSDS_VERSION } from './hsds';
import type { LeftOut } from './read-workspace';

export interface ReadmeInput {
  workspaceName: string;
  workspaceId: string;
  exportedAt: string;
  exportedBy: string;
  /** Rows per CSV file in the package. */
  rows: ReadonlyMap<string, number>;
  leftOut: LeftOut;
}

export const README_PATH = 'README.txt';
export const DICTIONARY_PATH = 'data-dictionary.csv';
export const JSON_PATH = 'data/kohtaamo.jsonl';
export const WORKSPACE_PATH = 'workspace.json';
export const CHECKSUMS_PATH = 'SHA256SUMS.txt';
export const XLSX_PATH = 'kohtaamo.xlsx';

function fileList(rows: ReadonlyMap<string, number>, locale: Locale): string[] {
  return handoverFiles
    .filter((file) => rows.has(file.path))
    .map((file) => `  ${file.path.padEnd(22)} ${String(rows.get(file.path)).padStart(7)}  ${file[locale]}`);
}

/** The part of the README in one language: what is in the package, how to open it, what was left out. */
function readmeIn(locale: Locale, input: ReadmeInput): string[] {
  const { leftOut } = input;
  return [
    t(locale, 'handoverReadme.language'),
    '',
    t(locale, 'handoverReadme.intro'),
    '',
    ...fileList(input.rows, locale),
    '',
    t(locale, 'handoverReadme.dictionary', { dictionary: DICTIONARY_PATH, workspace: WORKSPACE_PATH }),
    '',
    t(locale, 'handoverReadme.opening', {
      xlsx: XLSX_PATH,
      json: JSON_PATH,
      hsds: HSDS_PATH,
      hsdsVersion: HSDS_VERSION,
      checksums: CHECKSUMS_PATH,
    }),
    '',
    t(locale, 'handoverReadme.leftOut'),
    leftOut.personsExcluded
      ? t(locale, 'handoverReadme.personsExcluded')
      : t(locale, 'handoverReadme.objectedPersons', { count: leftOut.objectedPersons }),
    t(locale, 'handoverReadme.erasedPersons', { count: leftOut.erasedPersons }),
    t(locale, 'handoverReadme.registrations'),
    t(locale, 'handoverReadme.users'),
  ];
}

export function handoverReadme(input: ReadmeInput): string {
  const both = (
    key:
      | 'handoverReadme.title'
      | 'handoverReadme.workspace'
      | 'handoverReadme.exported'
      | 'handoverReadme.exportedBy',
  ) => `${t('fi', key)} / ${t('en', key)}`;
  return [
    both('handoverReadme.title'),
    '',
    `${both('handoverReadme.workspace')}: ${input.workspaceName} (${input.workspaceId})`,
    `${both('handoverReadme.exported')}: ${formatDateTime(input.exportedAt, 'fi')} (Helsinki, ${input.exportedAt})`,
    `${both('handoverReadme.exportedBy')}: ${input.exportedBy}`,
    '',
    ...readmeIn('fi', input),
    '',
    ...readmeIn('en', input),
    '',
  ]
    .join('\n')
    .split('\n')
    .join('\r\n');
}

/** The data dictionary as CSV: one row per column of every file. */
export function dataDictionaryLines(includePersons: boolean): string[] {
  const header = csvLine([
    'file',
    'column',
    'type_fi',
    'type_en',
    'meaning_fi',
    'meaning_en',
    'allowed_values',
  ]);
  const rows = handoverFiles
    .filter((file) => includePersons || !file.personal)
    .flatMap((file) =>
      file.columns.map((column) =>
        csvLine([
          file.path,
          column.name,
          typeName(column.type).fi,
          typeName(column.type).en,
          column.fi,
          column.en,
          column.allowed?.join(', '),
        ]),
      ),
    );
  return [header, ...rows];
}
