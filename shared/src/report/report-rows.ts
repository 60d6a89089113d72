// The rows behind each figure of the report, so every number on the page can be opened and
// checked; and the report as one table for CSV and Excel. Pure.
import { z } from 'zod';
import { likertValues } from '../event/event.schema';
import { interactionKinds, type InteractionKind } from '../interaction/interaction.schema';
import { stageLabel } from '../pipeline/pipeline';
import type { PipelineStage } from '../pipeline/pipeline.schema';
import { helsinkiMonth } from '../time/helsinki';
import { t, type Locale } from '../i18n/messages';
import {
  inPeriod,
  kindOfContact,
  publishedStageOf,
  type Report,
  type ReportData,
  type ReportPeriod,
} from './report';
import {
  ASSOCIATION_KIND,
  defaultPartnerKinds,
  organisationKindLabel,
  type PartnerKind,
} from '../association/organisation-kind';

export const reportFigures = [
  'contacted',
  'mailed',
  'interactions',
  'organisationKind',
  'visits',
  'workshops',
  'events',
  'participants',
  'eventAssociations',
  'feedback',
  'published',
  'moves',
  'revisits',
] as const;
export type ReportFigure = (typeof reportFigures)[number];

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

export const rowsQuerySchema = z.object({
  figure: z.enum(reportFigures),
  kind: optional(z.enum(interactionKinds)),
  /** The organisation kind of the 'organisationKind' figure: `association` or a partner kind. */
  orgKind: optional(z.string().regex(/^[a-z][a-z0-9_]{1,39}$/)),
  month: optional(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
  question: optional(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/)),
  value: optional(z.coerce.number().int().min(1).max(4)),
  stage: optional(z.string().regex(/^[a-z][a-z0-9_]{1,39}$/)),
  event: optional(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/)),
});
export type RowsQuery = z.output<typeof rowsQuerySchema>;

export interface ReportRow {
  /** An instant or a date. */
  at: string;
  associationId?: string;
  /** What the row is (a kind, an event's name, a stage move…), in codes or names, not sentences. */
  what: string;
  detail?: string;
}

export function reportRows(
  data: ReportData,
  period: ReportPeriod,
  stages: readonly PipelineStage[],
  query: RowsQuery,
): ReportRow[] {
  const interactions = data.interactions.filter((i) => inPeriod(period, i.occurredAt));
  // The association figures count associations only (partners: the organisation kind figure).
  const ofAssociations = interactions.filter(
    (i) => kindOfContact(data, i.associationId) === ASSOCIATION_KIND,
  );
  const events = data.events.filter(({ event }) => event.date >= period.from && event.date <= period.to);
  const perAssociation = (items: typeof interactions): ReportRow[] => {
    const latest = new Map<string, { at: string; count: number }>();
    for (const i of items) {
      const seen = latest.get(i.associationId);
      latest.set(i.associationId, {
        at: !seen || seen.at < i.occurredAt ? i.occurredAt : seen.at,
        count: (seen?.count ?? 0) + 1,
      });
    }
    return [...latest].map(([associationId, { at, count }]) => ({ at, associationId, what: String(count) }));
  };
  const asRows = (items: typeof interactions): ReportRow[] =>
    items.map((i) => ({
      at: i.occurredAt,
      associationId: i.associationId,
      what: i.kind,
      ...(i.outcome ? { detail: i.outcome } : {}),
    }));
  const moves = data.stageChanges.filter((c) => c.from !== null && inPeriod(period, c.at));
  const movesRows = (items: typeof moves): ReportRow[] =>
    items.map((c) => ({ at: c.at, associationId: c.associationId, what: `${c.from ?? ''} → ${c.to}` }));
  const attended = events.flatMap(({ event, registrations }) =>
    registrations.filter((r) => r.attended).map((r) => ({ event, registration: r })),
  );
  let rows: ReportRow[];
  switch (query.figure) {
    case 'contacted':
      rows = perAssociation(ofAssociations.filter((i) => i.kind !== 'mass_mailing'));
      break;
    case 'mailed':
      rows = perAssociation(ofAssociations.filter((i) => i.kind === 'mass_mailing'));
      break;
    case 'organisationKind':
      rows = asRows(
        interactions.filter((i) => !query.orgKind || kindOfContact(data, i.associationId) === query.orgKind),
      );
      break;
    case 'interactions':
      rows = asRows(
        interactions.filter(
          (i) =>
            (!query.kind || i.kind === query.kind) &&
            (!query.month || helsinkiMonth(new Date(i.occurredAt)) === query.month),
        ),
      );
      break;
    case 'visits':
      rows = asRows(interactions.filter((i) => i.kind === 'visit' && i.outcome === 'held'));
      break;
    case 'workshops':
      rows = asRows(interactions.filter((i) => i.kind === 'workshop' && i.outcome === 'held'));
      break;
    case 'events':
      rows = events.map(({ event, registrations }) => ({
        at: event.date,
        what: event.name,
        detail: String(registrations.filter((r) => r.attended).length),
      }));
      break;
    case 'participants':
      rows = attended
        .filter(({ event }) => !query.event || event.id === query.event)
        .map(({ event, registration }) => ({
          at: event.date,
          ...(registration.associationId ? { associationId: registration.associationId } : {}),
          what: event.name,
          detail: registration.name,
        }));
      break;
    case 'eventAssociations': {
      const byAssociation = new Map<string, Set<string>>();
      for (const { event, registration } of attended) {
        if (!registration.associationId) continue;
        byAssociation.set(
          registration.associationId,
          (byAssociation.get(registration.associationId) ?? new Set()).add(event.name),
        );
      }
      rows = [...byAssociation].map(([associationId, names]) => ({
        at: '',
        associationId,
        what: [...names].join(', '),
      }));
      break;
    }
    case 'feedback':
      rows = events.flatMap(({ event, feedback }) =>
        feedback
          .filter(
            (f) =>
              !query.question ||
              (f.answers[query.question] !== undefined &&
                (!query.value || f.answers[query.question] === query.value)),
          )
          .map((f) => ({
            at: event.date,
            what: event.name,
            ...(query.question && f.answers[query.question]
              ? { detail: String(f.answers[query.question]) }
              : {}),
          })),
      );
      break;
    case 'published': {
      const published = publishedStageOf(stages);
      const first = new Map<string, (typeof moves)[number]>();
      for (const move of moves.filter((m) => m.to === published))
        if (!first.has(move.associationId)) first.set(move.associationId, move);
      rows = movesRows([...first.values()]);
      break;
    }
    case 'moves':
      rows = movesRows(moves.filter((m) => !query.stage || m.to === query.stage));
      break;
    case 'revisits':
      rows = data.followUpsDone
        .filter(
          (f) =>
            f.purpose === 'revisit' &&
            f.status === 'done' &&
            f.completedAt &&
            inPeriod(period, f.completedAt),
        )
        .map((f) => ({ at: f.completedAt as string, associationId: f.associationId, what: f.title ?? '' }));
      break;
  }
  return rows.sort((a, b) => b.at.localeCompare(a.at));
}

/** The whole report as rows of (section, item, value), in the reader's language: for CSV and Excel. */
export function reportTable(
  report: Report,
  stages: readonly PipelineStage[],
  locale: Locale,
  partnerKinds: readonly PartnerKind[] = defaultPartnerKinds,
): string[][] {
  const stage = (code: string) => stageLabel(stages, code, locale);
  const kind = (k: InteractionKind) => t(locale, `kind.${k}`);
  const rows: string[][] = [
    [t(locale, 'report.col.section'), t(locale, 'report.col.item'), t(locale, 'report.col.value')],
    [t(locale, 'report.period'), `${report.period.from} – ${report.period.to}`, ''],
    [t(locale, 'report.associations'), t(locale, 'report.contacted'), String(report.contactedAssociations)],
    [t(locale, 'report.associations'), t(locale, 'report.mailed'), String(report.mailedAssociations)],
    [t(locale, 'report.activity'), t(locale, 'report.visitsHeld'), String(report.visitsHeld)],
    [t(locale, 'report.activity'), t(locale, 'report.workshopsHeld'), String(report.workshopsHeld)],
    [t(locale, 'report.activity'), t(locale, 'report.revisitsDone'), String(report.revisitsDone)],
    [t(locale, 'report.interactions'), t(locale, 'report.total'), String(report.interactions.total)],
    ...interactionKinds.map((k) => [
      t(locale, 'report.interactions'),
      kind(k),
      String(report.interactions.byKind[k]),
    ]),
    ...report.interactions.byMonth.flatMap((m) =>
      interactionKinds.map((k) => [
        t(locale, 'report.byMonth', { month: m.month }),
        kind(k),
        String(m.byKind[k]),
      ]),
    ),
    ...report.byOrganisationKind.flatMap((row) => [
      [
        t(locale, 'report.byKind.title'),
        `${organisationKindLabel(partnerKinds, row.kind, locale)}: ${t(locale, 'report.byKind.contacts')}`,
        String(row.contacts),
      ],
      [
        t(locale, 'report.byKind.title'),
        `${organisationKindLabel(partnerKinds, row.kind, locale)}: ${t(locale, 'report.byKind.organisations')}`,
        String(row.organisations),
      ],
    ]),
    [t(locale, 'report.events'), t(locale, 'report.eventCount'), String(report.events.count)],
    [t(locale, 'report.events'), t(locale, 'report.registrations'), String(report.events.registrations)],
    [t(locale, 'report.events'), t(locale, 'report.participants'), String(report.events.participants)],
    [t(locale, 'report.events'), t(locale, 'report.eventAssociations'), String(report.events.associations)],
    ...report.events.list.map((e) => [
      t(locale, 'report.events'),
      `${e.date} ${e.name}`,
      String(e.participants),
    ]),
    [t(locale, 'report.feedback'), t(locale, 'report.responses'), String(report.feedback.responses)],
    ...report.feedback.questions.flatMap((q) =>
      q.counts.map((count, i) => [
        t(locale, 'report.feedback'),
        `${q[locale]} – ${t(locale, `likert.${likertValues[i]!}`)}`,
        String(count),
      ]),
    ),
    [
      t(locale, 'report.pipeline'),
      t(locale, 'report.reachedPublished', {
        stage: report.pipeline.publishedStage ? stage(report.pipeline.publishedStage) : '–',
      }),
      String(report.pipeline.reachedPublished),
    ],
    [t(locale, 'report.pipeline'), t(locale, 'report.moves'), String(report.pipeline.moves)],
    ...Object.entries(report.pipeline.byStage).map(([code, count]) => [
      t(locale, 'report.pipeline'),
      `→ ${stage(code)}`,
      String(count),
    ]),
  ];
  return rows;
}
