// The spreadsheet importer's plan against dynalite: text cleaned as a form's would be, dates
// checked by the one rule of plausible-dates.ts.
import { describe, expect, it } from 'vitest';
import { freshWorkspace, testDb } from '../../../test/support/test-db';
import type { ImportField } from './column-mapping';
import { applySpreadsheetImport, planSpreadsheetImport } from './import-spreadsheet';
import { getAssociation } from '../association/association.store';
import { readTable } from './read-table';

const db = testDb({ now: () => new Date('2026-11-24T08:00:00.000Z') });

const mapping = new Map<number, ImportField>([
  [0, 'name'],
  [1, 'municipalities'],
  [2, 'notes'],
  [3, 'personName'],
  [4, 'personRole'],
  [5, 'personStartDate'],
]);

describe('planning a spreadsheet import', () => {
  it('cleans control and bidi characters from the cells and refuses a role starting in 0001 or 2099', async () => {
    const workspace = await freshWorkspace(db);
    const csv = [
      'Nimi;Kunta;Muistiinpanot;Yhteyshenkilö;Rooli;Alkaen',
      'Kuopion\u0001 Kerho\u202E ry;Kuopio;"rivi\u0000\r\ntoinen";Matti \u202Eexe.txt;sihteeri;1.3.2024',
      'Iisalmen Ilo ry;Iisalmi;;Aino Aaltonen;sihteeri;1.1.0001',
      'Varkauden Veto ry;Varkaus;;Veikko Virta;sihteeri;1.1.2099',
    ].join('\r\n');
    const table = await readTable(Buffer.from(csv, 'utf8'), 'upload.csv');
    const plan = await planSpreadsheetImport(db, workspace.id, table, mapping, 'hash-hygiene');
    const [first, early, late] = plan.rows;
    expect(first).toMatchObject({
      status: 'new',
      association: { name: 'Kuopion Kerho ry', notes: 'rivi\ntoinen' },
    });
    expect(first?.person).toMatchObject({ name: 'Matti exe.txt', startDate: '2024-03-01' });
    for (const row of [early, late]) {
      expect(row?.status).toBe('invalid');
      expect(row?.problems).toEqual([expect.objectContaining({ column: 'Alkaen' })]);
    }
    expect(late?.problems[0]?.message.en).toContain('1900');
  });

  it('reads an optional kind column: partners by their kind’s code or name, without a frame or stage', async () => {
    const workspace = await freshWorkspace(db);
    const csv = [
      'Nimi;Laji;Muoto;Kunta',
      'Kuopion Kerho ry;;kerho;Kuopio',
      'Kuopion vanhusneuvosto;Vanhus- tai vammaisneuvosto;yhdistys;Kuopio',
      'Siilinjärven kunta;kunta;;Siilinjärvi',
      'Tuntematon;seurakunta;;Kuopio',
    ].join('\r\n');
    const table = await readTable(Buffer.from(csv, 'utf8'), 'upload.csv');
    const kinds = new Map<number, ImportField>([
      [0, 'name'],
      [1, 'kind'],
      [2, 'frame'],
      [3, 'municipalities'],
    ]);
    const plan = await planSpreadsheetImport(db, workspace.id, table, kinds, 'hash-kinds');
    const [club, council, municipality, unknown] = plan.rows;
    expect(club?.association).toMatchObject({ kind: 'association', frame: 'kerho' });
    expect(council?.association).toMatchObject({ kind: 'neuvosto' });
    expect(council?.association?.frame).toBeUndefined();
    expect(municipality?.association).toMatchObject({ kind: 'kunta' });
    expect(unknown?.status).toBe('invalid');
    expect(unknown?.problems).toEqual([expect.objectContaining({ column: 'Laji' })]);
    await applySpreadsheetImport(db, workspace, plan, { by: 'anna' });
    const imported = await getAssociation(db, workspace.id, council?.associationId ?? '');
    expect(imported).toMatchObject({ kind: 'neuvosto' });
    expect(imported.stage).toBeUndefined();
  });
});
