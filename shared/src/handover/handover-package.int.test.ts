// A handover package of a small workspace, opened the way its receiver would: unzip, check the
// checksums, read the CSVs as a spreadsheet would (BOM, semicolons, åäö, no formulas), and see
// that people who objected or were erased are not in it.
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { unzipSync, strFromU8 } from 'fflate';
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { updatePipelineSettings } from '../workspace/pipeline-settings';
import { updatePartnerKinds } from '../workspace/partner-kind-settings';
import { defaultPartnerKinds, partnerKindsOf } from '../association/organisation-kind';
import { getWorkspace } from '../workspace/workspace.store';
import { listMembers } from '../user/user.store';
import { createPerson, addMembership } from '../person/person.store';
import { endMembership } from '../person/membership-edits';
import { cancelFollowUp, createTask } from '../follow-up/follow-up-actions';
import { logContact } from '../interaction/log-contact';
import { moveAssociationStage } from '../pipeline/pipeline.store';
import { recordAudit } from '../audit/audit.store';
import { erasePerson } from '../privacy/erase-person';
import { newId } from '../ids';
import type { Workspace } from '../workspace/workspace.schema';
import { addAssociation, freshWorkspace, staffedWorkspace, testDb } from '../../../test/support/test-db';
import { writeHandoverPackage, type HandoverSummary } from './handover-package';
import { importHandover } from './import-handover';
import { searchDirectory } from '../association/directory-search';
import { getAssociation } from '../association/association.store';
import { createCampaign } from '../campaign/campaign.store';
import { recordFeedback } from '../event/event-feedback.store';
import { addRegistration, createEvent, findFeedbackLink, listEvents } from '../event/event.store';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@cfworker/json-schema';
import { ulidToUuid } from './hsds';

/** The vendored HSDS 3.0 schemas, each under a URI where the others' `$ref`s find it. */
function hsdsValidator(): Validator {
  const dir = join(import.meta.dirname, '..', '..', '..', 'vendor', 'hsds-3.0');
  const load = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
  const base = 'https://hsds.invalid/schema/';
  const validator = new Validator(
    { ...load('organization.json'), $id: `${base}organization.json` },
    '7',
    false,
  );
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'organization.json')) {
    validator.addSchema(load(file), `${base}${file}`);
  }
  return validator;
}

const db = testDb({ now: () => new Date('2026-11-24T10:00:00.000Z') });
let workspace: Workspace;
let objectedId: string;
let keptId: string;

async function exportPackage(includePersons: boolean) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const progress: number[] = [];
  const summary: HandoverSummary = await writeHandoverPackage(db, out, {
    workspaceId: workspace.id,
    includePersons,
    exportedBy: 'Anna Admin',
    onProgress: (n) => progress.push(n),
  });
  return { files: unzipSync(new Uint8Array(Buffer.concat(chunks))), summary, progress };
}

const text = (files: Record<string, Uint8Array>, path: string) => strFromU8(files[path] as Uint8Array);
const rows = (files: Record<string, Uint8Array>, path: string) =>
  parse(text(files, path), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];

describe('handover package', () => {
  beforeAll(async () => {
    workspace = await staffedWorkspace(db);
    // Thresholds other than the defaults, so a handover that dropped them would show it.
    workspace = await updatePipelineSettings(db, workspace.id, {
      expectedVersion: workspace.version,
      stages: workspace.stages.map((s) => (s.code === 'contacted' ? { ...s, staleAfterDays: 9 } : s)),
      staleAfterDays: 45,
    });
    // Partner kinds other than the defaults, and a partner (no stage, no frame, not in HSDS).
    workspace = await updatePartnerKinds(db, workspace.id, {
      expectedVersion: workspace.version,
      partnerKinds: [
        ...defaultPartnerKinds,
        { code: 'seurakunta', label: { fi: 'Seurakunta', en: 'Parish' } },
      ],
    });
    await addAssociation(db, workspace, {
      name: 'Kuopion vanhusneuvosto',
      kind: 'neuvosto',
      municipalities: ['Kuopio'],
    });
    const aanekoski = await addAssociation(db, workspace, {
      name: 'Äänekosken Ääniyhdistys ry',
      notes: '=HYPERLINK("http://evil.example")',
      phone: '+358 40 123 4567',
    });
    const kuopio = await addAssociation(db, workspace, {
      name: 'Kuopion Kerho ry',
      municipalities: ['Kuopio', 'Siilinjärvi'],
      ytunnus: '1234567-1',
      registerNumber: '123.456',
      email: 'kerho@example.fi',
      website: 'https://kerho.example.fi/',
      ownerId: 'ville',
    });
    const person = (name: string, objected = false) =>
      createPerson(db, workspace.id, { id: newId(), input: { name, objected } });
    const kept = await person('Kerttu Väisänen');
    const objected = await person('Olli Vastustaja', true);
    const erased = await person('Eero Poistettu');
    keptId = kept.id;
    objectedId = objected.id;
    for (const p of [kept, objected, erased]) {
      await addMembership(db, workspace.id, {
        id: newId(),
        associationId: aanekoski.id,
        personId: p.id,
        role: 'board_member',
      });
    }
    // Role periods: Kerttu was the secretary until spring and is the chair since (two roles, one ended).
    const secretary = await addMembership(db, workspace.id, {
      id: newId(),
      associationId: aanekoski.id,
      personId: kept.id,
      role: 'secretary',
      startDate: '2019-03-01',
    });
    await endMembership(db, workspace.id, {
      associationId: aanekoski.id,
      personId: kept.id,
      roleId: secretary.id,
      seenRole: 'secretary',
      endDate: '2026-04-30',
    });
    await addMembership(db, workspace.id, {
      id: newId(),
      associationId: aanekoski.id,
      personId: kept.id,
      role: 'chair',
      startDate: '2026-05-01',
    });
    // Tasks without a contact: Ville's own, the team's, and a mistaken one cancelled.
    await createTask(
      db,
      workspace.id,
      {
        id: newId(),
        associationId: kuopio.id,
        title: 'Lähetä tarjotinohjeet',
        due: '2026-11-27',
        assigneeId: 'ville',
      },
      'anna',
    );
    await createTask(
      db,
      workspace.id,
      { id: newId(), associationId: kuopio.id, title: 'Tiimin tehtävä', due: '2026-12-01', assigneeId: '' },
      'anna',
    );
    const mistaken = await createTask(
      db,
      workspace.id,
      {
        id: newId(),
        associationId: kuopio.id,
        title: 'Väärä tehtävä',
        due: '2026-12-02',
        assigneeId: 'anna',
      },
      'anna',
    );
    await cancelFollowUp(
      db,
      workspace.id,
      { associationId: kuopio.id, id: mistaken.id, expectedVersion: mistaken.version },
      'anna',
    );
    await logContact(db, workspace.id, {
      staffId: 'anna',
      input: {
        interaction: {
          id: newId(),
          associationId: aanekoski.id,
          kind: 'visit',
          occurredAt: '2026-11-20T10:00:00.000Z',
          personIds: [kept.id, objected.id],
          notes: 'Hallituksen kokous; käytiin läpi tarjotin',
        },
        nextFollowUp: { due: '2026-12-15', assigneeId: 'anna', title: 'Soita perään' },
      },
    });
    await moveAssociationStage(db, workspace, {
      associationId: kuopio.id,
      input: { to: 'contacted' },
      by: 'anna',
    });
    await recordAudit(db, workspace.id, {
      actorId: 'anna',
      action: 'association.update',
      entityType: 'association',
      entityId: kuopio.id,
    });
    // An event (the objected person registered: left out of it too) and a campaign.
    const event = await createEvent(db, workspace.id, {
      id: newId(),
      by: 'anna',
      input: { name: 'Pienmarkkinat', kind: 'pienmarkkinat', date: '2026-10-03', municipality: 'Kuopio' },
    });
    for (const input of [
      { personId: kept.id, associationId: aanekoski.id, dietary: 'gluteeniton' },
      { personId: objected.id, associationId: aanekoski.id, dietary: 'laktoositon' },
      { name: 'Vieras Väinö', associationId: kuopio.id },
    ]) {
      await addRegistration(db, workspace.id, { eventId: event.id, id: newId(), by: 'anna', input });
    }
    await recordFeedback(db, workspace.id, event, {
      id: newId(),
      values: { 'q-useful': '4', 'o-best': 'Kahvi' },
      source: 'public',
    });
    await createCampaign(db, workspace, {
      id: newId(),
      by: 'anna',
      input: { name: 'Syyskirje', mailingSubject: 'Tervehdys', mailingDate: '2026-11-01', filter: {} },
    });
    await erasePerson(db, workspace.id, { personId: erased.id, by: 'anna' });
  });

  it('holds every file, each with a checksum that verifies', async () => {
    const { files, summary } = await exportPackage(true);
    expect(Object.keys(files).sort()).toEqual(
      [
        'README.txt',
        'SHA256SUMS.txt',
        'associations.csv',
        'audit-log.csv',
        'data-dictionary.csv',
        'data/kohtaamo.jsonl',
        'follow-ups.csv',
        'events.csv',
        'registrations.csv',
        'feedback.csv',
        'campaigns.csv',
        'campaign-rows.csv',
        'hsds/organizations.json',
        'interactions.csv',
        'kohtaamo.xlsx',
        'memberships.csv',
        'open-follow-ups.csv',
        'people.csv',
        'stage-history.csv',
        'staff.csv',
        'workspace.json',
      ].sort(),
    );
    const sums = text(files, 'SHA256SUMS.txt').trim().split('\n');
    expect(sums).toHaveLength(Object.keys(files).length - 1);
    for (const line of sums) {
      const [hash, path] = line.split('  ') as [string, string];
      expect(
        createHash('sha256')
          .update(files[path] as Uint8Array)
          .digest('hex'),
        path,
      ).toBe(hash);
    }
    expect(summary.files.find((f) => f.path === 'associations.csv')?.rows).toBe(3);
    // The header names the format version and carries the partner kinds.
    const header = JSON.parse(text(files, 'data/kohtaamo.jsonl').split('\n')[0] ?? '{}') as {
      formatVersion: number;
      workspace: { partnerKinds: { code: string }[] };
    };
    expect(header.formatVersion).toBe(2);
    expect(header.workspace.partnerKinds.map((k) => k.code)).toContain('seurakunta');
    expect(JSON.parse(text(files, 'workspace.json'))).toMatchObject({
      partnerKinds: expect.arrayContaining([expect.objectContaining({ code: 'seurakunta' })]),
    });
  });

  it('writes CSV that a spreadsheet opens with åäö and without running formulas', async () => {
    const { files } = await exportPackage(true);
    const raw = files['associations.csv'] as Uint8Array;
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const associations = rows(files, 'associations.csv');
    expect(associations.map((a) => a.name)).toEqual([
      'Kuopion Kerho ry',
      'Kuopion vanhusneuvosto',
      'Äänekosken Ääniyhdistys ry',
    ]);
    expect(associations.map((a) => [a.kind, a.frame, a.stage])).toEqual([
      ['association', 'yhdistys', 'contacted'],
      ['neuvosto', '', ''],
      ['association', 'yhdistys', 'not_contacted'],
    ]);
    const aanekoski = associations[2];
    expect(aanekoski?.notes).toBe('\'=HYPERLINK("http://evil.example")');
    expect(aanekoski?.phone).toBe("'+358 40 123 4567");
    expect(rows(files, 'interactions.csv')[0]?.notes).toBe('Hallituksen kokous; käytiin läpi tarjotin');
    const dictionary = rows(files, 'data-dictionary.csv');
    for (const file of ['associations.csv', 'people.csv', 'interactions.csv']) {
      const header = Object.keys(rows(files, file)[0] ?? {});
      expect(dictionary.filter((d) => d.file === file).map((d) => d.column)).toEqual(header);
    }
    expect(
      dictionary.find((d) => d.file === 'interactions.csv' && d.column === 'kind')?.allowed_values,
    ).toContain('workshop');
  });

  it('writes the same tables to an Excel workbook, a sheet per file, formulas neutralised', async () => {
    const { files } = await exportPackage(true);
    const workbook = await readXlsxFile(Buffer.from(files['kohtaamo.xlsx'] as Uint8Array));
    expect(workbook.map((sheet) => sheet.sheet)).toEqual([
      'associations',
      'people',
      'memberships',
      'interactions',
      'follow-ups',
      'open-follow-ups',
      'stage-history',
      'events',
      'registrations',
      'feedback',
      'campaigns',
      'campaign-rows',
      'staff',
      'audit-log',
    ]);
    for (const sheet of workbook) {
      const csvRows = rows(files, `${sheet.sheet}.csv`);
      expect(sheet.data.length - 1, sheet.sheet).toBe(csvRows.length);
    }
    const associations = workbook.find((sheet) => sheet.sheet === 'associations')?.data ?? [];
    const header = associations[0] as string[];
    const aanekoski = associations.find(
      (row) => row[header.indexOf('name')] === 'Äänekosken Ääniyhdistys ry',
    );
    expect(aanekoski?.[header.indexOf('notes')]).toBe('\'=HYPERLINK("http://evil.example")');
    expect(aanekoski?.[header.indexOf('phone')]).toBe("'+358 40 123 4567");
    expect(aanekoski?.[header.indexOf('municipalities')]).toBe('Kuopio');
  });

  it('links the files by id and lists the open follow-ups and the stage history', async () => {
    const { files } = await exportPackage(true);
    const associationIds = new Set(rows(files, 'associations.csv').map((a) => a.id));
    for (const file of ['interactions.csv', 'follow-ups.csv', 'memberships.csv', 'stage-history.csv']) {
      for (const row of rows(files, file)) expect(associationIds.has(row.association_id ?? '')).toBe(true);
    }
    // Ville's own task, the team's and Anna's follow-up; the cancelled task is not open.
    expect(rows(files, 'open-follow-ups.csv')).toEqual([
      expect.objectContaining({
        due: '2026-11-27',
        assignee: 'Ville Korhonen',
        title: 'Lähetä tarjotinohjeet',
      }),
      expect.objectContaining({ due: '2026-12-01', assignee: 'Tiimi / Team', title: 'Tiimin tehtävä' }),
      expect.objectContaining({
        due: '2026-12-15',
        association: 'Äänekosken Ääniyhdistys ry',
        title: 'Soita perään',
      }),
    ]);
    expect(rows(files, 'follow-ups.csv').find((f) => f.title === 'Väärä tehtävä')).toMatchObject({
      status: 'cancelled',
    });
    expect(rows(files, 'stage-history.csv').map((s) => s.to_stage)).toContain('contacted');
    expect(rows(files, 'audit-log.csv').map((a) => a.action)).toContain('association.update');
    const lines = text(files, 'data/kohtaamo.jsonl')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string });
    expect(lines[0]).toMatchObject({ type: 'header', format: 'kohtaamo-handover', formatVersion: 2 });
    expect(lines.filter((l) => l.type === 'association')).toHaveLength(3);
  });

  it('leaves out people who objected or were erased, and says so', async () => {
    const { files, summary } = await exportPackage(true);
    expect(rows(files, 'people.csv').map((p) => p.name)).toEqual(['Kerttu Väisänen']);
    // Kerttu's three role periods (board member, secretary until April, chair since May); no one else's.
    expect(
      rows(files, 'memberships.csv').map((m) => [m.person_id, m.role, m.start_date, m.end_date]),
    ).toEqual(
      expect.arrayContaining([
        [keptId, 'board_member', '', ''],
        [keptId, 'secretary', '2019-03-01', '2026-04-30'],
        [keptId, 'chair', '2026-05-01', ''],
      ]),
    );
    expect(rows(files, 'memberships.csv')).toHaveLength(3);
    expect(rows(files, 'interactions.csv')[0]?.person_ids).toBe(keptId);
    const everything = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    expect(everything).not.toContain('Olli Vastustaja');
    expect(everything).not.toContain(objectedId);
    expect(everything).not.toContain('Eero Poistettu');
    expect(summary.leftOut).toEqual({ objectedPersons: 1, erasedPersons: 1, personsExcluded: false });
    const readme = text(files, 'README.txt');
    expect(readme).toContain('1 henkilö, joka on vastustanut');
    expect(readme).toContain('1 person erased earlier');
    expect(readme).toContain('Exported by: Anna Admin');
  });

  it('writes the associations as HSDS 3.0 organizations that validate against the schemas', async () => {
    const { files } = await exportPackage(true);
    const organizations = JSON.parse(text(files, 'hsds/organizations.json')) as Record<string, unknown>[];
    expect(organizations).toHaveLength(2);
    const validator = hsdsValidator();
    for (const organization of organizations) {
      const result = validator.validate(organization);
      expect(result.errors, String(organization.name)).toEqual([]);
    }
    const kerho = organizations.find((o) => o.name === 'Kuopion Kerho ry') as Record<string, never>;
    const associations = rows(files, 'associations.csv');
    expect(kerho.id).toBe(ulidToUuid(associations[0]?.id ?? ''));
    expect(kerho).toMatchObject({
      email: 'kerho@example.fi',
      website: 'https://kerho.example.fi/',
      organization_identifiers: [
        expect.objectContaining({ identifier_scheme: 'FI-PRO', identifier: '1234567-1' }),
        expect.objectContaining({ identifier: '123.456' }),
      ],
      locations: [
        expect.objectContaining({ name: 'Kuopio', location_type: 'physical' }),
        expect.objectContaining({ name: 'Siilinjärvi' }),
      ],
    });
    const aanekoski = organizations.find((o) => o.name === 'Äänekosken Ääniyhdistys ry') as Record<
      string,
      { name: string }[]
    >;
    expect(aanekoski.contacts?.map((c) => c.name)).toEqual(['Kerttu Väisänen']);
    // Internal notes are never published to a directory.
    expect(text(files, 'hsds/organizations.json')).not.toContain('HYPERLINK');
    // The validator does reject what is not HSDS.
    expect(validator.validate({ id: 'not-a-uuid', name: 'x' }).valid).toBe(false);
  });

  it('exports events with registrations (people who objected left out), feedback and campaigns, never the feedback link', async () => {
    const { files } = await exportPackage(true);
    expect(rows(files, 'events.csv').map((e) => e.name)).toEqual(['Pienmarkkinat']);
    const registrations = rows(files, 'registrations.csv');
    expect(registrations.map((r) => r.name).sort()).toEqual(['Kerttu Väisänen', 'Vieras Väinö', '–']);
    expect(registrations.find((r) => r.name === '–')).toMatchObject({ person_id: '', dietary: '' });
    expect(rows(files, 'feedback.csv')).toEqual([
      expect.objectContaining({ answer_useful: '4', open_best: 'Kahvi', source: 'public' }),
    ]);
    expect(rows(files, 'campaigns.csv').map((c) => c.name)).toEqual(['Syyskirje']);
    // A campaign without filters calls every organisation, partners too.
    expect(rows(files, 'campaign-rows.csv')).toHaveLength(3);
    expect(text(files, 'data/kohtaamo.jsonl')).not.toContain('feedbackToken');
    const anonymous = await exportPackage(false);
    expect(rows(anonymous.files, 'registrations.csv').map((r) => r.name)).toEqual(['–', '–', '–']);
    expect(strFromU8(anonymous.files['data/kohtaamo.jsonl'] as Uint8Array)).not.toContain('gluteeniton');
  });

  it('can leave every contact person out', async () => {
    const { files, progress } = await exportPackage(false);
    expect(files['people.csv']).toBeUndefined();
    expect(files['memberships.csv']).toBeUndefined();
    expect(rows(files, 'interactions.csv')[0]?.person_ids).toBe('');
    expect(strFromU8(files['data/kohtaamo.jsonl'] as Uint8Array)).not.toContain('Kerttu');
    expect(text(files, 'README.txt')).toContain('Contact persons were left out entirely');
    expect(progress).toEqual([1, 2, 3]);
  });
});

describe('handover import (round trip)', () => {
  const jsonlOf = (files: Record<string, Uint8Array>) =>
    text(files, 'data/kohtaamo.jsonl').trim().split('\n');
  const comparable = (lines: string[]) =>
    lines
      .map((line) => JSON.parse(line) as { type: string; value?: Record<string, unknown> })
      .filter((r) => r.type !== 'header' && r.type !== 'staff' && r.type !== 'audit')
      .map((r) => JSON.stringify({ ...r, value: { ...r.value, workspaceId: undefined } }));

  it('brings every record, link and the pipeline history into a new workspace; the second export equals the first', async () => {
    const first = await exportPackage(true);
    const target = `imp-${newId().toLowerCase().slice(-10)}`;
    const lines = jsonlOf(first.files);
    // Interrupted after half of the records, then run again from the start: nothing twice.
    await importHandover(db, lines.slice(0, Math.floor(lines.length / 2)), {
      workspaceId: target,
      by: 'anna',
    });
    const report = await importHandover(db, lines, { workspaceId: target, by: 'anna' });
    expect(report.records).toMatchObject({
      association: 3,
      person: 1,
      membership: 3,
      interaction: 1,
      followUp: 4,
    });
    const again = await importHandover(db, lines, { workspaceId: target, by: 'anna' });
    expect(again.written).toBe(0);
    // The member names that the directory search reads arrive as a string set again.
    const imported = await searchDirectory(db, target, { q: 'Väisänen' }, { limit: 10 });
    expect(imported.entries.map((e) => e.name)).toEqual(['Äänekosken Ääniyhdistys ry']);

    const sourceId = workspace.id;
    workspace = { ...workspace, id: target };
    try {
      const second = await exportPackage(true);
      for (const file of [
        'associations.csv',
        'people.csv',
        'memberships.csv',
        'interactions.csv',
        'follow-ups.csv',
        'open-follow-ups.csv',
        'stage-history.csv',
        'events.csv',
        'registrations.csv',
        'feedback.csv',
        'campaigns.csv',
        'campaign-rows.csv',
        'hsds/organizations.json',
        'workspace.json',
      ]) {
        const expected =
          file === 'workspace.json'
            ? text(first.files, file).replace(sourceId, target)
            : text(first.files, file);
        expect(text(second.files, file), file).toBe(expected);
      }
      expect(comparable(jsonlOf(second.files))).toEqual(comparable(lines));
      // The package's staff are former members here: named, with no access.
      expect((await listMembers(db, target)).map((m) => [m.userId, m.name, m.active])).toEqual(
        expect.arrayContaining([
          ['anna', 'Anna Heiskanen', false],
          ['ville', 'Ville Korhonen', false],
        ]),
      );
      const carried = await getWorkspace(db, target);
      expect(carried.staleAfterDays).toBe(45);
      expect(carried.stages.find((s) => s.code === 'contacted')?.staleAfterDays).toBe(9);
      // The partner kinds and the partner arrive as they were: no stage, out of the pipeline.
      expect(carried.partnerKinds).toEqual(workspace.partnerKinds);
      expect(carried.partnerKinds?.map((k) => k.code)).toContain('seurakunta');
      const partners = await searchDirectory(db, target, { kind: 'partner' }, { limit: 10 });
      expect(partners.entries.map((e) => [e.name, e.kind, e.stage])).toEqual([
        ['Kuopion vanhusneuvosto', 'neuvosto', undefined],
      ]);
      const inStages = await Promise.all(
        carried.stages.map((s) => searchDirectory(db, target, { stage: s.code }, { limit: 10 })),
      );
      expect(inStages.flatMap((p) => p.entries.map((e) => e.name))).not.toContain('Kuopion vanhusneuvosto');
      // The imported event has a public feedback link of its own that works.
      const [imported] = await listEvents(db, target);
      expect(await findFeedbackLink(db, imported?.feedbackToken ?? '')).toEqual({
        workspaceId: target,
        eventId: imported?.id,
      });
      // The audit trail comes along, plus the import's own entries.
      const audit = rows(second.files, 'audit-log.csv');
      expect(audit.filter((a) => a.action !== 'import')).toEqual(rows(first.files, 'audit-log.csv'));
      expect(audit.filter((a) => a.action === 'import').length).toBeGreaterThanOrEqual(1);
    } finally {
      workspace = { ...workspace, id: sourceId };
    }
  });

  it('imports a version 1 package (no partner kinds in its header) with the default partner kinds', async () => {
    const first = await exportPackage(true);
    const [headerLine, ...records] = jsonlOf(first.files);
    const header = JSON.parse(headerLine ?? '{}') as {
      formatVersion: number;
      workspace: Record<string, unknown>;
    };
    header.formatVersion = 1;
    delete header.workspace.partnerKinds;
    const target = `v1-${newId().toLowerCase().slice(-10)}`;
    await importHandover(db, [JSON.stringify(header), ...records], { workspaceId: target, by: 'anna' });
    const carried = await getWorkspace(db, target);
    expect(carried.partnerKinds).toBeUndefined();
    expect(partnerKindsOf(carried)).toEqual(defaultPartnerKinds);
  });

  it('refuses a file that is not a package (naming the line) and a workspace with other data; never writes outside the target', async () => {
    const target = `bad-${newId().toLowerCase().slice(-10)}`;
    await expect(
      importHandover(db, ['{"type":"header","format":"other"}'], { workspaceId: target, by: 'anna' }),
    ).rejects.toThrow(/Line 1: format/);
    const first = await exportPackage(true);
    const lines = jsonlOf(first.files);
    const broken = [...lines.slice(0, 3), '{"type":"association","value":{"id":"nope"}}'];
    await expect(importHandover(db, broken, { workspaceId: target, by: 'anna' })).rejects.toThrow(/Line 4/);
    // Key attributes in a record are ignored: nothing is written outside the target workspace.
    const crafted = `craft-${newId().toLowerCase().slice(-10)}`;
    const association = lines
      .map((l) => JSON.parse(l) as { type: string; value: { id: string } })
      .find((r) => r.type === 'association');
    const forged = JSON.stringify({
      ...association,
      value: {
        ...association?.value,
        pk: `WS#${workspace.id}#ASSOC#${association?.value.id}`,
        sk: 'PROFILE',
        name: 'Väärennös',
      },
    });
    await importHandover(db, [lines[0] as string, forged], { workspaceId: crafted, by: 'anna' });
    expect((await getAssociation(db, workspace.id, association?.value.id as string)).name).not.toBe(
      'Väärennös',
    );
    expect((await getAssociation(db, crafted, association?.value.id as string)).name).toBe('Väärennös');

    const other = await freshWorkspace(db);
    await addAssociation(db, other, { name: 'Toinen ry' });
    await expect(importHandover(db, lines, { workspaceId: other.id, by: 'anna' })).rejects.toThrow(
      /already holds other data/,
    );
    // A workspace an import of another package started is not continued with this one either.
    const header = JSON.parse(lines[0] as string) as { exportedAt: string };
    const otherPackage = [
      JSON.stringify({ ...header, exportedAt: '2020-01-01T00:00:00.000Z' }),
      ...lines.slice(1),
    ];
    await expect(importHandover(db, otherPackage, { workspaceId: target, by: 'anna' })).rejects.toThrow(
      /already holds other data/,
    );
  });

  it('cleans control and bidi characters out of imported text and refuses an implausible date, naming the line', async () => {
    const lines = jsonlOf((await exportPackage(true)).files);
    const records = lines.map((l) => JSON.parse(l) as { type: string; value: Record<string, unknown> });
    const association = records.find((r) => r.type === 'association');
    const spoofed = JSON.stringify({
      ...association,
      value: { ...association?.value, name: 'Matti\u0001 \u202Eexe.txt', notes: 'rivi\u0000\r\ntoinen' },
    });
    const cleaned = `clean-${newId().toLowerCase().slice(-10)}`;
    await importHandover(db, [lines[0] as string, spoofed], { workspaceId: cleaned, by: 'anna' });
    const stored = await getAssociation(db, cleaned, association?.value.id as string);
    expect(stored.name).toBe('Matti exe.txt');
    expect(stored.notes).toBe('rivi\ntoinen');

    const followUp = records.find((r) => r.type === 'followUp');
    const farAhead = JSON.stringify({ ...followUp, value: { ...followUp?.value, due: '9999-12-31' } });
    const target = `date-${newId().toLowerCase().slice(-10)}`;
    await expect(
      importHandover(db, [lines[0] as string, farAhead], { workspaceId: target, by: 'anna' }),
    ).rejects.toThrow(/Line 2: value.due is not valid \(The date can be from 1900/);
  });
});
