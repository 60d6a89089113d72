// The funder's report against data written by the demo generator: every figure equals a count the
// test makes itself from the generator's own output (plain array work, no store functions), and
// the rows behind each figure add up to it.
import { describe, expect, it } from 'vitest';
import { interactionKinds } from '../interaction/interaction.schema';
import { generateDemoData } from '../seed/demo-data';
import { demoItems, writeItems } from '../seed/seed-workspace';
import { addAssociation, freshWorkspace, testDb } from '../../../test/support/test-db';
import { newId } from '../ids';
import { logContact } from '../interaction/log-contact';
import { computeReport } from './report';
import { reportRows, reportTable, type RowsQuery } from './report-rows';
import { loadReportData } from './report.store';

const now = new Date('2026-11-24T10:00:00.000Z');
const db = testDb({ now: () => now });
const helsinkiDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' });
const day = (iso: string) => helsinkiDay.format(new Date(iso));
// From December: the year-end revisits of 2025 were done on the 31st.
const period = { from: '2025-12-01', to: '2026-11-24' };
const within = (iso: string) => day(iso) >= period.from && day(iso) <= period.to;

describe('report', () => {
  it('counts contacts by kind of organisation, and keeps partners out of the association figures', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace, { name: 'Kuopion Kerho ry' });
    const municipality = await addAssociation(db, workspace, {
      name: 'Siilinjärven kunta',
      kind: 'kunta',
      municipalities: ['Siilinjärvi'],
    });
    const log = (associationId: string, kind: 'visit' | 'mass_mailing', occurredAt: string) =>
      logContact(db, workspace.id, {
        staffId: 'anna',
        input: { interaction: { id: newId(), associationId, kind, occurredAt } },
      });
    await log(association.id, 'visit', '2026-03-02T10:00:00.000Z');
    await log(municipality.id, 'visit', '2026-03-03T10:00:00.000Z');
    await log(municipality.id, 'mass_mailing', '2026-04-03T10:00:00.000Z');
    const { data } = await loadReportData(db, workspace.id, period);
    const report = computeReport(data, period, workspace.stages);
    expect(report.interactions.total).toBe(3);
    expect(report.contactedAssociations).toBe(1);
    expect(report.mailedAssociations).toBe(0);
    expect(report.byOrganisationKind.filter((row) => row.contacts > 0)).toEqual([
      { kind: 'association', contacts: 1, organisations: 1 },
      { kind: 'kunta', contacts: 2, organisations: 1 },
    ]);
    expect(report.byOrganisationKind.map((row) => row.kind)).toEqual([
      'association',
      'kunta',
      'neuvosto',
      'hyvinvointialue',
      'muu_kumppani',
    ]);
    const rowsOf = (query: RowsQuery) => reportRows(data, period, workspace.stages, query);
    expect(rowsOf({ figure: 'organisationKind', orgKind: 'kunta' }).map((r) => r.associationId)).toEqual([
      municipality.id,
      municipality.id,
    ]);
    expect(rowsOf({ figure: 'contacted' }).map((r) => r.associationId)).toEqual([association.id]);
    expect(reportTable(report, workspace.stages, 'fi').flat()).toContain('Kunta: Yhteydenottoja');
  });

  it('gives the same figures as counting the generated data directly', async () => {
    const workspace = await freshWorkspace(db);
    const generated = generateDemoData({
      workspaceId: workspace.id,
      stages: workspace.stages,
      staffIds: ['anna', 'ville'],
      scale: 0.3,
      seed: 7,
      now,
    });
    await writeItems(db, demoItems(workspace.id, generated));
    const { data } = await loadReportData(db, workspace.id, period);
    const report = computeReport(data, period, workspace.stages);

    // Counted here, from the generator's arrays.
    const interactions = generated.interactions.filter((i) => within(i.occurredAt));
    const distinct = (values: string[]) => new Set(values).size;
    expect(report.interactions.total).toBe(interactions.length);
    expect(report.contactedAssociations).toBe(
      distinct(interactions.filter((i) => i.kind !== 'mass_mailing').map((i) => i.associationId)),
    );
    expect(report.mailedAssociations).toBe(
      distinct(interactions.filter((i) => i.kind === 'mass_mailing').map((i) => i.associationId)),
    );
    for (const kind of interactionKinds) {
      expect(report.interactions.byKind[kind], kind).toBe(interactions.filter((i) => i.kind === kind).length);
    }
    for (const row of report.interactions.byMonth) {
      const ofMonth = interactions.filter((i) => day(i.occurredAt).slice(0, 7) === row.month);
      expect(row.total, row.month).toBe(ofMonth.length);
      expect(row.byKind.call, row.month).toBe(ofMonth.filter((i) => i.kind === 'call').length);
    }
    expect(report.interactions.byMonth.map((m) => m.month)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(report.visitsHeld).toBe(
      interactions.filter((i) => i.kind === 'visit' && i.outcome === 'held').length,
    );
    expect(report.workshopsHeld).toBe(
      interactions.filter((i) => i.kind === 'workshop' && i.outcome === 'held').length,
    );

    const events = generated.events.filter((e) => e.date >= period.from && e.date <= period.to);
    const eventIds = new Set(events.map((e) => e.id));
    const came = generated.registrations.filter((r) => eventIds.has(r.eventId) && r.attended);
    expect(events.length).toBeGreaterThan(0);
    expect(report.events.count).toBe(events.length);
    expect(report.events.registrations).toBe(
      generated.registrations.filter((r) => eventIds.has(r.eventId)).length,
    );
    expect(report.events.participants).toBe(came.length);
    expect(report.events.associations).toBe(distinct(came.map((r) => r.associationId as string)));
    const feedback = generated.feedback.filter((f) => eventIds.has(f.eventId));
    expect(report.feedback.responses).toBe(feedback.length);
    for (const question of report.feedback.questions) {
      expect(question.counts, question.id).toEqual(
        [1, 2, 3, 4].map((value) => feedback.filter((f) => f.answers[question.id] === value).length),
      );
    }

    const published = workspace.stages.filter((s) => s.kind === 'main').at(-1)?.code;
    const moves = generated.stageChanges.filter((c) => c.from !== null && within(c.at));
    expect(report.pipeline.moves).toBe(moves.length);
    expect(report.pipeline.reachedPublished).toBe(
      distinct(moves.filter((m) => m.to === published).map((m) => m.associationId)),
    );
    expect(report.pipeline.reachedPublished).toBeGreaterThan(0);
    expect(report.revisitsDone).toBe(
      generated.followUps.filter(
        (f) => f.purpose === 'revisit' && f.status === 'done' && f.completedAt && within(f.completedAt),
      ).length,
    );
    expect(report.revisitsDone).toBeGreaterThan(0);
    expect(report.events.participants).toBeGreaterThan(0);
    expect(report.visitsHeld).toBeGreaterThan(0);

    // The rows behind each figure add up to it.
    const rows = (query: RowsQuery) => reportRows(data, period, workspace.stages, query).length;
    expect(rows({ figure: 'contacted' })).toBe(report.contactedAssociations);
    expect(rows({ figure: 'mailed' })).toBe(report.mailedAssociations);
    expect(rows({ figure: 'interactions' })).toBe(report.interactions.total);
    expect(rows({ figure: 'interactions', kind: 'call', month: '2026-03' })).toBe(
      report.interactions.byMonth[3]?.byKind.call,
    );
    expect(rows({ figure: 'visits' })).toBe(report.visitsHeld);
    expect(rows({ figure: 'workshops' })).toBe(report.workshopsHeld);
    expect(rows({ figure: 'events' })).toBe(report.events.count);
    expect(rows({ figure: 'participants' })).toBe(report.events.participants);
    expect(rows({ figure: 'eventAssociations' })).toBe(report.events.associations);
    expect(rows({ figure: 'feedback' })).toBe(report.feedback.responses);
    const useful = report.feedback.questions.find((q) => q.id === 'useful');
    expect(rows({ figure: 'feedback', question: 'useful', value: 4 })).toBe(useful?.counts[3]);
    expect(rows({ figure: 'published' })).toBe(report.pipeline.reachedPublished);
    expect(rows({ figure: 'moves' })).toBe(report.pipeline.moves);
    expect(rows({ figure: 'revisits' })).toBe(report.revisitsDone);

    // The download (CSV and Excel) names every figure in full, in both languages: no placeholder left.
    // Stages by their names, as on the page.
    for (const locale of ['fi', 'en'] as const) {
      const cells = reportTable(report, workspace.stages, locale).flat();
      expect(cells.filter((cell) => /\{\w+\}|undefined/.test(cell))).toEqual([]);
      const name = workspace.stages.find((s) => s.code === published)!.label[locale];
      expect(cells).toContain(
        locale === 'fi'
          ? `Tarjottimelle päässeet yhdistykset (vaihe ${name})`
          : `Associations that reached tarjotin (stage ${name})`,
      );
      expect(cells).toContain(`→ ${name}`);
      expect(cells.filter((cell) => cell.startsWith('→ ') && /_/.test(cell))).toEqual([]);
    }
  });

  it('refuses a period that ends before it starts, or is longer than three years', async () => {
    const workspace = await freshWorkspace(db);
    await expect(loadReportData(db, workspace.id, { from: '2026-05-01', to: '2026-04-01' })).rejects.toThrow(
      /starts before it ends/,
    );
    await expect(loadReportData(db, workspace.id, { from: '2020-01-01', to: '2026-04-01' })).rejects.toThrow(
      /three years/,
    );
  });
});
