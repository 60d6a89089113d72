// The funder's report of a period (Helsinki dates, both ends included): every figure computed from
// the facts of the period, and the rows behind each figure, so any number can be checked. Pure:
// report.store.ts reads the facts.
import { z } from 'zod';
import type { Event, Feedback, Registration } from '../event/event.schema';
import { distribution } from '../event/event-feedback';
import type { FollowUp } from '../follow-up/follow-up.schema';
import { interactionKinds, type Interaction, type InteractionKind } from '../interaction/interaction.schema';
import type { PipelineStage, StageChange } from '../pipeline/pipeline.schema';
import { ASSOCIATION_KIND, defaultPartnerKinds, type PartnerKind } from '../association/organisation-kind';
import { calendarDateSchema, helsinkiDate, helsinkiMonth, addMonths, isCalendarDate } from '../time/helsinki';

export const reportPeriodSchema = z
  .object({ from: calendarDateSchema, to: calendarDateSchema })
  .refine((p) => p.from <= p.to, { message: 'msg:report.period', path: ['to'] })
  // zod runs object rules even when a date failed; addMonths needs a real date.
  .refine((p) => !isCalendarDate(p.to) || p.from >= addMonths(p.to, -36), {
    message: 'msg:report.tooLong',
    path: ['from'],
  });
export type ReportPeriod = z.output<typeof reportPeriodSchema>;

/** The facts of a period that the report is computed from. */
export interface ReportData {
  /** Interactions of the period, deleted ones left out. */
  interactions: Pick<Interaction, 'id' | 'associationId' | 'kind' | 'outcome' | 'occurredAt' | 'eventId'>[];
  events: { event: Event; registrations: Registration[]; feedback: Feedback[] }[];
  stageChanges: StageChange[];
  /** Follow-ups completed in the period. */
  followUpsDone: FollowUp[];
  /** The kind of each organisation contacted in the period (absent: an association). */
  organisationKinds: Record<string, string>;
}

export interface MonthRow {
  month: string;
  byKind: Record<InteractionKind, number>;
  total: number;
}

export interface Report {
  period: ReportPeriod;
  /** Distinct associations (not partners) with a contact other than a mass mailing. */
  contactedAssociations: number;
  /** Distinct associations (not partners) that received a mass mailing. */
  mailedAssociations: number;
  /**
   * Contacts by kind of organisation: associations first, then each partner kind of the workspace
   * (and a kind no longer listed, if contacted), with the distinct organisations contacted.
   */
  byOrganisationKind: { kind: string; contacts: number; organisations: number }[];
  interactions: { total: number; byKind: Record<InteractionKind, number>; byMonth: MonthRow[] };
  visitsHeld: number;
  workshopsHeld: number;
  events: {
    count: number;
    registrations: number;
    participants: number;
    /** Distinct associations with at least one participant. */
    associations: number;
    list: { id: string; name: string; date: string; participants: number; associations: number }[];
  };
  feedback: {
    responses: number;
    questions: {
      id: string;
      fi: string;
      en: string;
      counts: [number, number, number, number];
      answered: number;
      mean?: number;
    }[];
  };
  pipeline: {
    /** The final stage of the main path ("published"). */
    publishedStage: string | undefined;
    /** Distinct associations that reached it in the period. */
    reachedPublished: number;
    moves: number;
    /** Moves into each stage. */
    byStage: Record<string, number>;
  };
  /** Year-end revisits ("what happened after?") completed in the period. */
  revisitsDone: number;
}

export const inPeriod = (period: ReportPeriod, instant: string) => {
  const date = helsinkiDate(new Date(instant));
  return date >= period.from && date <= period.to;
};

/** The Helsinki months a period touches, oldest first. */
export function monthsOf(period: ReportPeriod): string[] {
  const months: string[] = [];
  for (
    let month = period.from.slice(0, 7);
    month <= period.to.slice(0, 7);
    month = addMonths(`${month}-01`, 1).slice(0, 7)
  )
    months.push(month);
  return months;
}

const zeroKinds = () =>
  Object.fromEntries(interactionKinds.map((k) => [k, 0])) as Record<InteractionKind, number>;

/** The last stage of the main path: reaching it means being on tarjotin. */
export const publishedStageOf = (stages: readonly PipelineStage[]) =>
  stages.filter((s) => s.kind === 'main').at(-1)?.code;

/** The kind of the organisation an interaction is with. */
export const kindOfContact = (data: Pick<ReportData, 'organisationKinds'>, associationId: string): string =>
  data.organisationKinds[associationId] ?? ASSOCIATION_KIND;

function contactsByOrganisationKind(
  data: ReportData,
  interactions: ReportData['interactions'],
  partnerKinds: readonly PartnerKind[],
): Report['byOrganisationKind'] {
  const codes = [ASSOCIATION_KIND, ...partnerKinds.map((k) => k.code)];
  const rows = new Map(codes.map((kind) => [kind, { contacts: 0, organisations: new Set<string>() }]));
  for (const interaction of interactions) {
    const kind = kindOfContact(data, interaction.associationId);
    const row = rows.get(kind) ?? { contacts: 0, organisations: new Set<string>() };
    row.contacts++;
    row.organisations.add(interaction.associationId);
    rows.set(kind, row);
  }
  return [...rows].map(([kind, row]) => ({
    kind,
    contacts: row.contacts,
    organisations: row.organisations.size,
  }));
}

/**
 * The report of `period`. The association figures (associations contacted and mailed, tarjotin
 * moves) count associations only; contacts by kind of organisation counts partners too.
 */
export function computeReport(
  data: ReportData,
  period: ReportPeriod,
  stages: readonly PipelineStage[],
  partnerKinds: readonly PartnerKind[] = defaultPartnerKinds,
): Report {
  const interactions = data.interactions.filter((i) => inPeriod(period, i.occurredAt));
  const ofAssociations = interactions.filter(
    (i) => kindOfContact(data, i.associationId) === ASSOCIATION_KIND,
  );
  const byKind = zeroKinds();
  const months = new Map(monthsOf(period).map((month) => [month, zeroKinds()]));
  for (const interaction of interactions) {
    byKind[interaction.kind]++;
    const month = months.get(helsinkiMonth(new Date(interaction.occurredAt)));
    if (month) month[interaction.kind]++;
  }
  const distinct = (items: { associationId: string }[]) => new Set(items.map((i) => i.associationId)).size;

  const events = data.events.filter(({ event }) => event.date >= period.from && event.date <= period.to);
  const list = events.map(({ event, registrations }) => {
    const came = registrations.filter((r) => r.attended);
    return {
      id: event.id,
      name: event.name,
      date: event.date,
      participants: came.length,
      associations: new Set(came.flatMap((r) => (r.associationId ? [r.associationId] : []))).size,
    };
  });
  const attendingAssociations = new Set(
    events.flatMap(({ registrations }) =>
      registrations.filter((r) => r.attended && r.associationId).map((r) => r.associationId as string),
    ),
  );

  // Questions by id across the events (each event keeps its own copy of the default set).
  const questions = new Map<string, { id: string; fi: string; en: string }>();
  for (const { event } of events)
    for (const q of event.questions) if (!questions.has(q.id)) questions.set(q.id, q);
  const feedback = events.flatMap((e) => e.feedback);
  const distributions = distribution([...questions.values()], feedback);

  const published = publishedStageOf(stages);
  const moves = data.stageChanges.filter((c) => c.from !== null && inPeriod(period, c.at));
  const byStage: Record<string, number> = {};
  for (const move of moves) byStage[move.to] = (byStage[move.to] ?? 0) + 1;

  return {
    period,
    contactedAssociations: distinct(ofAssociations.filter((i) => i.kind !== 'mass_mailing')),
    mailedAssociations: distinct(ofAssociations.filter((i) => i.kind === 'mass_mailing')),
    byOrganisationKind: contactsByOrganisationKind(data, interactions, partnerKinds),
    interactions: {
      total: interactions.length,
      byKind,
      byMonth: [...months].map(([month, counts]) => ({
        month,
        byKind: counts,
        total: Object.values(counts).reduce((a, b) => a + b, 0),
      })),
    },
    visitsHeld: interactions.filter((i) => i.kind === 'visit' && i.outcome === 'held').length,
    workshopsHeld: interactions.filter((i) => i.kind === 'workshop' && i.outcome === 'held').length,
    events: {
      count: events.length,
      registrations: events.reduce((total, e) => total + e.registrations.length, 0),
      participants: list.reduce((total, e) => total + e.participants, 0),
      associations: attendingAssociations.size,
      list,
    },
    feedback: {
      responses: feedback.length,
      questions: [...questions.values()].map((q, i) => ({
        ...q,
        ...(distributions[i] as (typeof distributions)[number]),
        id: q.id,
      })),
    },
    pipeline: {
      publishedStage: published,
      reachedPublished: new Set(moves.filter((m) => m.to === published).map((m) => m.associationId)).size,
      moves: moves.length,
      byStage,
    },
    revisitsDone: data.followUpsDone.filter(
      (f) =>
        f.purpose === 'revisit' && f.status === 'done' && f.completedAt && inPeriod(period, f.completedAt),
    ).length,
  };
}
