// The package's own description, for people who open it years later without Kohtaamo: what is
// inside, how to open it, the counts, when and by whom, and what was left out and why. Pure.
import { formatDateTime } from '../i18n/format';
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

function fileList(rows: ReadonlyMap<string, number>, locale: 'fi' | 'en'): string[] {
  return handoverFiles
    .filter((file) => rows.has(file.path))
    .map((file) => `  ${file.path.padEnd(22)} ${String(rows.get(file.path)).padStart(7)}  ${file[locale]}`);
}

export function handoverReadme(input: ReadmeInput): string {
  const { leftOut } = input;
  const leftOutFi = [
    leftOut.personsExcluded
      ? '- Yhteyshenkilöt jätettiin pois kokonaan (vienti ilman henkilötietoja): people.csv ja memberships.csv puuttuvat, eikä yhteydenotoissa ole henkilöitä.'
      : `- ${leftOut.objectedPersons} henkilöä, jotka ovat vastustaneet tietojensa käsittelyä (tietosuoja-asetus 21 art.), rooleineen; heidät on poistettu myös yhteydenottojen henkilöistä.`,
    `- ${leftOut.erasedPersons} aiemmin poistettua henkilöä: heistä ei ole jäljellä tietoja.`,
    '- Tapahtumiin ilmoittautuneista pois jätettyjen henkilöiden nimet, yhteystiedot ja tarpeet (rivillä on –); tapahtumien julkiset palautelinkit (vastaanottaja tekee omansa).',
    '- Käyttäjien sähköpostiosoitteet ja salasanatiedot (staff.csv sisältää vain nimet ja roolit).',
  ];
  const leftOutEn = [
    leftOut.personsExcluded
      ? '- Contact persons were left out entirely (export without personal data): people.csv and memberships.csv are missing, and contacts list no people.'
      : `- ${leftOut.objectedPersons} persons who objected to the processing of their data (GDPR Art. 21), with their roles; they are also removed from the people met in contacts.`,
    `- ${leftOut.erasedPersons} persons erased earlier: nothing of them remains.`,
    '- The names, contact details and needs of left-out people in event registrations (the row shows –); the public feedback links of events (the receiver makes its own).',
    '- Users’ e-mail addresses and password data (staff.csv holds names and roles only).',
  ];
  return [
    `KOHTAAMO – LUOVUTUSPAKETTI / HANDOVER PACKAGE`,
    '',
    `Työtila / Workspace: ${input.workspaceName} (${input.workspaceId})`,
    `Viety / Exported: ${formatDateTime(input.exportedAt, 'fi')} (Helsinki, ${input.exportedAt})`,
    `Vienyt / Exported by: ${input.exportedBy}`,
    '',
    'SUOMEKSI',
    '',
    'Tämä paketti sisältää työtilan kaikki tiedot yhdistyksistä, yhteyshenkilöistä, yhteydenotoista,',
    'jatkotoimenpiteistä ja tarjotin-vaiheista sekä tapahtumalokin. Tiedostot (rivimäärät):',
    '',
    ...fileList(input.rows, 'fi'),
    '',
    `Sarakkeiden merkitys, tyypit ja sallitut arvot: ${DICTIONARY_PATH}. Tarjotin-vaiheiden koodit ja nimet:`,
    `${WORKSPACE_PATH}. Tiedostot viittaavat toisiinsa tunnisteilla (esim. association_id → associations.csv id).`,
    '',
    'Avaaminen: CSV-tiedostot ovat UTF-8-muotoisia (BOM) ja kentät on eroteltu puolipisteellä, joten ne aukeavat',
    'suomenkieliseen Exceliin kaksoisnapsautuksella ääkköset oikein. Kaavalta näyttävien arvojen eteen on lisätty',
    "heittomerkki ('), jotta taulukko-ohjelma ei suorita niitä.",
    `${XLSX_PATH}: samat taulukot Excel-työkirjana, yksi välilehti tiedostoa kohden.`,
    `${JSON_PATH} sisältää samat tiedot JSON-riveinä (yksi tietue riviä kohden): sen voi tuoda toiseen Kohtaamoon.`,
    `${HSDS_PATH}: yhdistykset palveluhakemistoille Open Referral HSDS ${HSDS_VERSION} -muodossa (organization,`,
    'yhteystiedot, tunnisteet ja toimintakunnat locationeina; tunnisteet UUID-muodossa, samat bitit kuin ULID-tunnisteissa).',
    `${CHECKSUMS_PATH}: jokaisen tiedoston SHA-256-tarkiste (tarkistus: sha256sum -c ${CHECKSUMS_PATH}).`,
    '',
    'Pois jätetty:',
    ...leftOutFi,
    '',
    'IN ENGLISH',
    '',
    'This package holds all of the workspace’s data on associations, contact persons, contacts, follow-ups',
    'and tarjotin stages, and the audit trail. Files (row counts):',
    '',
    ...fileList(input.rows, 'en'),
    '',
    `What each column means, its type and allowed values: ${DICTIONARY_PATH}. Tarjotin stage codes and names:`,
    `${WORKSPACE_PATH}. Files refer to each other by id (e.g. association_id → id in associations.csv).`,
    '',
    'Opening: the CSV files are UTF-8 with a byte order mark and use semicolons between fields, so Excel in a',
    'Finnish locale opens them with a double click, åäö intact (elsewhere: Data → From Text/CSV, delimiter',
    "semicolon). Values that look like formulas start with an apostrophe (') so that no spreadsheet runs them.",
    `${XLSX_PATH}: the same tables as one Excel workbook, a sheet per file.`,
    `${JSON_PATH} holds the same data as JSON Lines (one record per line), for importing into another Kohtaamo.`,
    `${HSDS_PATH}: the associations for directory systems in Open Referral HSDS ${HSDS_VERSION} shape (organization,`,
    'contacts, identifiers and municipalities as locations; ids as UUIDs, the same bits as the ULIDs elsewhere).',
    `${CHECKSUMS_PATH}: the SHA-256 of every file (check with: sha256sum -c ${CHECKSUMS_PATH}).`,
    '',
    'Left out:',
    ...leftOutEn,
    '',
  ].join('\r\n');
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
