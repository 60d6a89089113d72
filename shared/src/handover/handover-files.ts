// The files of a handover package and their columns: one definition gives the CSV header, each
// row, and the data dictionary (meaning, type and allowed values in Finnish and English).
import { inEachLanguage, localised, t, type Localised } from '../i18n/messages';
import type { Association } from '../association/association.schema';
import { associationFrames } from '../association/association.schema';
import type { AuditEntry } from '../audit/audit';
import { auditActions } from '../audit/audit';
import { organisationKindOf } from '../association/organisation-kind';
import type { FollowUp } from '../follow-up/follow-up.schema';
import { followUpStatuses } from '../follow-up/follow-up.schema';
import type { Interaction } from '../interaction/interaction.schema';
import { interactionKinds, interactionOutcomes } from '../interaction/interaction.schema';
import type { Membership, Person } from '../person/person.schema';
import { membershipRoles } from '../person/person.schema';
import type { StageChange } from '../pipeline/pipeline.schema';
import type { WorkspaceMember } from '../user/user.schema';
import { roles } from '../user/user.schema';
import type { Campaign, CampaignRow } from '../campaign/campaign.schema';
import {
  defaultLikertQuestions,
  defaultOpenQuestions,
  eventKinds,
  type Feedback,
  type Registration,
} from '../event/event.schema';
import type { ExportedEvent } from './read-workspace';

export type ColumnType = 'id' | 'text' | 'date' | 'instant' | 'integer' | 'boolean' | 'list' | 'code';

export interface Column<T> {
  name: string;
  type: ColumnType;
  fi: string;
  en: string;
  allowed?: readonly string[];
  value: (row: T) => unknown;
}

export interface HandoverFile<T> {
  /** Path inside the package. */
  path: string;
  fi: string;
  en: string;
  /** Left out when the export is made without contact persons. */
  personal?: boolean;
  columns: readonly Column<T>[];
}

const TYPE_NAMES: Record<ColumnType, { fi: string; en: string }> = {
  id: localised('handoverFiles.type.id'),
  text: localised('handoverFiles.type.text'),
  date: localised('handoverFiles.type.date'),
  instant: localised('handoverFiles.type.instant'),
  integer: localised('handoverFiles.type.integer'),
  boolean: localised('handoverFiles.type.boolean'),
  list: localised('handoverFiles.type.list'),
  code: localised('handoverFiles.type.code'),
};
export const typeName = (type: ColumnType) => TYPE_NAMES[type];

const id = <T>(name: string, description: Localised, value: (row: T) => unknown): Column<T> => ({
  name,
  type: 'id',
  ...description,
  value,
});

export const associationsFile: HandoverFile<Association> = {
  path: 'associations.csv',
  ...localised('handoverFiles.file.associations'),
  columns: [
    id('id', localised('handoverFiles.column.associations.id'), (a) => a.id),
    {
      name: 'name',
      type: 'text',
      ...localised('handoverFiles.column.associations.name'),
      value: (a) => a.name,
    },
    {
      name: 'kind',
      type: 'code',
      ...localised('handoverFiles.column.associations.kind'),
      value: (a) => organisationKindOf(a),
    },
    {
      name: 'frame',
      type: 'code',
      ...localised('handoverFiles.column.associations.frame'),
      allowed: associationFrames,
      value: (a) => a.frame,
    },
    id('parent_id', localised('handoverFiles.column.associations.parent_id'), (a) => a.parentId),
    {
      name: 'ytunnus',
      type: 'text',
      ...localised('handoverFiles.column.associations.ytunnus'),
      value: (a) => a.ytunnus,
    },
    {
      name: 'register_number',
      type: 'text',
      ...localised('handoverFiles.column.associations.register_number'),
      value: (a) => a.registerNumber,
    },
    {
      name: 'municipalities',
      type: 'list',
      ...localised('handoverFiles.column.associations.municipalities'),
      value: (a) => a.municipalities,
    },
    {
      name: 'target_groups',
      type: 'list',
      ...localised('handoverFiles.column.associations.target_groups'),
      value: (a) => a.targetGroups,
    },
    {
      name: 'email',
      type: 'text',
      ...localised('handoverFiles.column.associations.email'),
      value: (a) => a.email,
    },
    {
      name: 'phone',
      type: 'text',
      ...localised('handoverFiles.column.associations.phone'),
      value: (a) => a.phone,
    },
    {
      name: 'address',
      type: 'text',
      ...localised('handoverFiles.column.associations.address'),
      value: (a) => a.address,
    },
    {
      name: 'website',
      type: 'text',
      ...localised('handoverFiles.column.associations.website'),
      value: (a) => a.website,
    },
    {
      name: 'founded_year',
      type: 'integer',
      ...localised('handoverFiles.column.associations.founded_year'),
      value: (a) => a.foundedYear,
    },
    {
      name: 'description',
      type: 'text',
      ...localised('handoverFiles.column.associations.description'),
      value: (a) => a.description,
    },
    {
      name: 'notes',
      type: 'text',
      ...localised('handoverFiles.column.associations.notes'),
      value: (a) => a.notes,
    },
    id('owner_id', localised('handoverFiles.column.associations.owner_id'), (a) => a.ownerId),
    {
      name: 'stage',
      type: 'code',
      ...localised('handoverFiles.column.associations.stage'),
      value: (a) => a.stage,
    },
    {
      name: 'stage_entered_at',
      type: 'instant',
      ...localised('handoverFiles.column.associations.stage_entered_at'),
      value: (a) => a.stageEnteredAt,
    },
    {
      name: 'last_contact_at',
      type: 'instant',
      ...localised('handoverFiles.column.associations.last_contact_at'),
      value: (a) => a.lastContactAt,
    },
    {
      name: 'next_follow_up_due',
      type: 'date',
      ...localised('handoverFiles.column.associations.next_follow_up_due'),
      value: (a) => a.nextFollowUpDue,
    },
    {
      name: 'archived_at',
      type: 'instant',
      ...localised('handoverFiles.column.associations.archived_at'),
      value: (a) => a.archivedAt,
    },
    id('merged_into', localised('handoverFiles.column.associations.merged_into'), (a) => a.mergedInto),
    {
      name: 'created_at',
      type: 'instant',
      ...localised('handoverFiles.column.associations.created_at'),
      value: (a) => a.createdAt,
    },
    {
      name: 'updated_at',
      type: 'instant',
      ...localised('handoverFiles.column.associations.updated_at'),
      value: (a) => a.updatedAt,
    },
  ],
};

export const peopleFile: HandoverFile<Person> = {
  path: 'people.csv',
  ...localised('handoverFiles.file.people'),
  personal: true,
  columns: [
    id('id', localised('handoverFiles.column.people.id'), (p) => p.id),
    { name: 'name', type: 'text', ...localised('handoverFiles.column.people.name'), value: (p) => p.name },
    { name: 'email', type: 'text', ...localised('handoverFiles.column.people.email'), value: (p) => p.email },
    { name: 'phone', type: 'text', ...localised('handoverFiles.column.people.phone'), value: (p) => p.phone },
    { name: 'notes', type: 'text', ...localised('handoverFiles.column.people.notes'), value: (p) => p.notes },
    {
      name: 'lawful_basis',
      type: 'text',
      ...localised('handoverFiles.column.people.lawful_basis'),
      value: (p) => p.lawfulBasis,
    },
    {
      name: 'created_at',
      type: 'instant',
      ...localised('handoverFiles.column.people.created_at'),
      value: (p) => p.createdAt,
    },
  ],
};

export const membershipsFile: HandoverFile<Membership> = {
  path: 'memberships.csv',
  ...localised('handoverFiles.file.memberships'),
  personal: true,
  columns: [
    id(
      'association_id',
      localised('handoverFiles.column.memberships.association_id'),
      (m) => m.associationId,
    ),
    id('person_id', localised('handoverFiles.column.memberships.person_id'), (m) => m.personId),
    id('role_id', localised('handoverFiles.column.memberships.role_id'), (m) => m.id),
    {
      name: 'role',
      type: 'code',
      ...localised('handoverFiles.column.memberships.role'),
      allowed: membershipRoles,
      value: (m) => m.role,
    },
    {
      name: 'start_date',
      type: 'date',
      ...localised('handoverFiles.column.memberships.start_date'),
      value: (m) => m.startDate,
    },
    {
      name: 'end_date',
      type: 'date',
      ...localised('handoverFiles.column.memberships.end_date'),
      value: (m) => m.endDate,
    },
  ],
};

export const interactionsFile: HandoverFile<Interaction> = {
  path: 'interactions.csv',
  ...localised('handoverFiles.file.interactions'),
  columns: [
    id('id', localised('handoverFiles.column.interactions.id'), (i) => i.id),
    id(
      'association_id',
      localised('handoverFiles.column.interactions.association_id'),
      (i) => i.associationId,
    ),
    {
      name: 'kind',
      type: 'code',
      ...localised('handoverFiles.column.interactions.kind'),
      allowed: interactionKinds,
      value: (i) => i.kind,
    },
    {
      name: 'occurred_at',
      type: 'instant',
      ...localised('handoverFiles.column.interactions.occurred_at'),
      value: (i) => i.occurredAt,
    },
    {
      name: 'duration_minutes',
      type: 'integer',
      ...localised('handoverFiles.column.interactions.duration_minutes'),
      value: (i) => i.durationMinutes,
    },
    {
      name: 'outcome',
      type: 'code',
      ...localised('handoverFiles.column.interactions.outcome'),
      allowed: interactionOutcomes,
      value: (i) => i.outcome,
    },
    {
      name: 'topics',
      type: 'list',
      ...localised('handoverFiles.column.interactions.topics'),
      value: (i) => i.topics,
    },
    {
      name: 'person_ids',
      type: 'list',
      ...localised('handoverFiles.column.interactions.person_ids'),
      value: (i) => i.personIds,
    },
    {
      name: 'notes',
      type: 'text',
      ...localised('handoverFiles.column.interactions.notes'),
      value: (i) => i.notes,
    },
    id('staff_id', localised('handoverFiles.column.interactions.staff_id'), (i) => i.staffId),
  ],
};

export const followUpsFile: HandoverFile<FollowUp> = {
  path: 'follow-ups.csv',
  ...localised('handoverFiles.file.follow-ups'),
  columns: [
    id('id', localised('handoverFiles.column.follow-ups.id'), (f) => f.id),
    id('association_id', localised('handoverFiles.column.follow-ups.association_id'), (f) => f.associationId),
    { name: 'due', type: 'date', ...localised('handoverFiles.column.follow-ups.due'), value: (f) => f.due },
    {
      name: 'title',
      type: 'text',
      ...localised('handoverFiles.column.follow-ups.title'),
      value: (f) => f.title,
    },
    {
      name: 'status',
      type: 'code',
      ...localised('handoverFiles.column.follow-ups.status'),
      allowed: followUpStatuses,
      value: (f) => f.status,
    },
    id('assignee_id', localised('handoverFiles.column.follow-ups.assignee_id'), (f) => f.assigneeId),
    {
      name: 'cancelled_at',
      type: 'instant',
      ...localised('handoverFiles.column.follow-ups.cancelled_at'),
      value: (f) => f.cancelledAt,
    },
    id('interaction_id', localised('handoverFiles.column.follow-ups.interaction_id'), (f) => f.interactionId),
    {
      name: 'completed_at',
      type: 'instant',
      ...localised('handoverFiles.column.follow-ups.completed_at'),
      value: (f) => f.completedAt,
    },
  ],
};

export interface OpenFollowUpRow extends FollowUp {
  associationName: string;
  assigneeName: string;
}

export const openFollowUpsFile: HandoverFile<OpenFollowUpRow> = {
  path: 'open-follow-ups.csv',
  ...localised('handoverFiles.file.open-follow-ups'),
  columns: [
    {
      name: 'due',
      type: 'date',
      ...localised('handoverFiles.column.open-follow-ups.due'),
      value: (f) => f.due,
    },
    {
      name: 'association',
      type: 'text',
      ...localised('handoverFiles.column.open-follow-ups.association'),
      value: (f) => f.associationName,
    },
    {
      name: 'title',
      type: 'text',
      ...localised('handoverFiles.column.open-follow-ups.title'),
      value: (f) => f.title,
    },
    {
      name: 'assignee',
      type: 'text',
      ...localised('handoverFiles.column.open-follow-ups.assignee'),
      value: (f) => f.assigneeName,
    },
    id(
      'association_id',
      localised('handoverFiles.column.open-follow-ups.association_id'),
      (f) => f.associationId,
    ),
    id('id', localised('handoverFiles.column.open-follow-ups.id'), (f) => f.id),
  ],
};

export const stageHistoryFile: HandoverFile<StageChange> = {
  path: 'stage-history.csv',
  ...localised('handoverFiles.file.stage-history'),
  columns: [
    id(
      'association_id',
      localised('handoverFiles.column.stage-history.association_id'),
      (s) => s.associationId,
    ),
    {
      name: 'seq',
      type: 'integer',
      ...localised('handoverFiles.column.stage-history.seq'),
      value: (s) => s.seq,
    },
    {
      name: 'from_stage',
      type: 'code',
      ...localised('handoverFiles.column.stage-history.from_stage'),
      value: (s) => s.from,
    },
    {
      name: 'to_stage',
      type: 'code',
      ...localised('handoverFiles.column.stage-history.to_stage'),
      value: (s) => s.to,
    },
    {
      name: 'at',
      type: 'instant',
      ...localised('handoverFiles.column.stage-history.at'),
      value: (s) => s.at,
    },
    id('by', localised('handoverFiles.column.stage-history.by'), (s) => s.by),
    {
      name: 'note',
      type: 'text',
      ...localised('handoverFiles.column.stage-history.note'),
      value: (s) => s.note,
    },
  ],
};

export const staffFile: HandoverFile<WorkspaceMember> = {
  path: 'staff.csv',
  ...localised('handoverFiles.file.staff'),
  columns: [
    id('id', localised('handoverFiles.column.staff.id'), (m) => m.userId),
    { name: 'name', type: 'text', ...localised('handoverFiles.column.staff.name'), value: (m) => m.name },
    {
      name: 'role',
      type: 'code',
      ...localised('handoverFiles.column.staff.role'),
      allowed: roles,
      value: (m) => m.role,
    },
    {
      name: 'active',
      type: 'boolean',
      ...localised('handoverFiles.column.staff.active'),
      value: (m) => m.active,
    },
  ],
};

export const auditFile: HandoverFile<AuditEntry> = {
  path: 'audit-log.csv',
  ...localised('handoverFiles.file.audit-log'),
  columns: [
    { name: 'at', type: 'instant', ...localised('handoverFiles.column.audit-log.at'), value: (e) => e.at },
    id('actor_id', localised('handoverFiles.column.audit-log.actor_id'), (e) => e.actorId),
    {
      name: 'action',
      type: 'code',
      ...localised('handoverFiles.column.audit-log.action'),
      allowed: auditActions,
      value: (e) => e.action,
    },
    {
      name: 'entity_type',
      type: 'text',
      ...localised('handoverFiles.column.audit-log.entity_type'),
      value: (e) => e.entityType,
    },
    id('entity_id', localised('handoverFiles.column.audit-log.entity_id'), (e) => e.entityId),
    id('association_id', localised('handoverFiles.column.audit-log.association_id'), (e) => e.associationId),
  ],
};

export const eventsFile: HandoverFile<ExportedEvent> = {
  path: 'events.csv',
  ...localised('handoverFiles.file.events'),
  columns: [
    id('id', localised('handoverFiles.column.events.id'), (e) => e.id),
    { name: 'name', type: 'text', ...localised('handoverFiles.column.events.name'), value: (e) => e.name },
    {
      name: 'kind',
      type: 'code',
      ...localised('handoverFiles.column.events.kind'),
      allowed: eventKinds,
      value: (e) => e.kind,
    },
    { name: 'date', type: 'date', ...localised('handoverFiles.column.events.date'), value: (e) => e.date },
    {
      name: 'start_time',
      type: 'text',
      ...localised('handoverFiles.column.events.start_time'),
      value: (e) => e.startTime,
    },
    { name: 'place', type: 'text', ...localised('handoverFiles.column.events.place'), value: (e) => e.place },
    {
      name: 'municipality',
      type: 'text',
      ...localised('handoverFiles.column.events.municipality'),
      value: (e) => e.municipality,
    },
    { name: 'theme', type: 'text', ...localised('handoverFiles.column.events.theme'), value: (e) => e.theme },
    {
      name: 'description',
      type: 'text',
      ...localised('handoverFiles.column.events.description'),
      value: (e) => e.description,
    },
    {
      name: 'feedback_open',
      type: 'boolean',
      ...localised('handoverFiles.column.events.feedback_open'),
      value: (e) => e.feedbackOpen,
    },
    {
      name: 'created_at',
      type: 'instant',
      ...localised('handoverFiles.column.events.created_at'),
      value: (e) => e.createdAt,
    },
  ],
};

export const registrationsFile: HandoverFile<Registration> = {
  path: 'registrations.csv',
  ...localised('handoverFiles.file.registrations'),
  columns: [
    id('event_id', localised('handoverFiles.column.registrations.event_id'), (r) => r.eventId),
    id('id', localised('handoverFiles.column.registrations.id'), (r) => r.id),
    {
      name: 'name',
      type: 'text',
      ...localised('handoverFiles.column.registrations.name'),
      value: (r) => r.name,
    },
    id(
      'association_id',
      localised('handoverFiles.column.registrations.association_id'),
      (r) => r.associationId,
    ),
    id('person_id', localised('handoverFiles.column.registrations.person_id'), (r) => r.personId),
    {
      name: 'email',
      type: 'text',
      ...localised('handoverFiles.column.registrations.email'),
      value: (r) => r.email,
    },
    {
      name: 'dietary',
      type: 'text',
      ...localised('handoverFiles.column.registrations.dietary'),
      value: (r) => r.dietary,
    },
    {
      name: 'accessibility',
      type: 'text',
      ...localised('handoverFiles.column.registrations.accessibility'),
      value: (r) => r.accessibility,
    },
    {
      name: 'attended',
      type: 'boolean',
      ...localised('handoverFiles.column.registrations.attended'),
      value: (r) => r.attended,
    },
  ],
};

export const feedbackFile: HandoverFile<Feedback> = {
  path: 'feedback.csv',
  ...localised('handoverFiles.file.feedback'),
  columns: [
    id('event_id', localised('handoverFiles.column.feedback.event_id'), (f) => f.eventId),
    id('id', localised('handoverFiles.column.feedback.id'), (f) => f.id),
    ...defaultLikertQuestions.map((q): Column<Feedback> => ({
      name: `answer_${q.id}`,
      type: 'integer',
      ...inEachLanguage((locale) =>
        t(locale, 'handoverFiles.column.feedback.answer', { question: q[locale] }),
      ),
      value: (f) => f.answers[q.id],
    })),
    ...defaultOpenQuestions.map((q): Column<Feedback> => ({
      name: `open_${q.id}`,
      type: 'text',
      fi: q.fi,
      en: q.en,
      value: (f) => f.open[q.id],
    })),
    {
      name: 'source',
      type: 'code',
      ...localised('handoverFiles.column.feedback.source'),
      allowed: ['public', 'staff'],
      value: (f) => f.source,
    },
    {
      name: 'created_at',
      type: 'instant',
      ...localised('handoverFiles.column.feedback.created_at'),
      value: (f) => f.createdAt,
    },
  ],
};

export const campaignsFile: HandoverFile<Campaign> = {
  path: 'campaigns.csv',
  ...localised('handoverFiles.file.campaigns'),
  columns: [
    id('id', localised('handoverFiles.column.campaigns.id'), (c) => c.id),
    { name: 'name', type: 'text', ...localised('handoverFiles.column.campaigns.name'), value: (c) => c.name },
    {
      name: 'mailing_subject',
      type: 'text',
      ...localised('handoverFiles.column.campaigns.mailing_subject'),
      value: (c) => c.mailingSubject,
    },
    {
      name: 'mailing_date',
      type: 'date',
      ...localised('handoverFiles.column.campaigns.mailing_date'),
      value: (c) => c.mailingDate,
    },
    {
      name: 'rows',
      type: 'integer',
      ...localised('handoverFiles.column.campaigns.rows'),
      value: (c) => c.rowCount,
    },
    {
      name: 'notes',
      type: 'text',
      ...localised('handoverFiles.column.campaigns.notes'),
      value: (c) => c.notes,
    },
    {
      name: 'created_at',
      type: 'instant',
      ...localised('handoverFiles.column.campaigns.created_at'),
      value: (c) => c.createdAt,
    },
  ],
};

export const campaignRowsFile: HandoverFile<CampaignRow> = {
  path: 'campaign-rows.csv',
  ...localised('handoverFiles.file.campaign-rows'),
  columns: [
    id('campaign_id', localised('handoverFiles.column.campaign-rows.campaign_id'), (r) => r.campaignId),
    id(
      'association_id',
      localised('handoverFiles.column.campaign-rows.association_id'),
      (r) => r.associationId,
    ),
    {
      name: 'status',
      type: 'code',
      ...localised('handoverFiles.column.campaign-rows.status'),
      allowed: ['open', 'done'],
      value: (r) => r.status,
    },
    {
      name: 'attempts',
      type: 'integer',
      ...localised('handoverFiles.column.campaign-rows.attempts'),
      value: (r) => r.attempts,
    },
    {
      name: 'last_outcome',
      type: 'code',
      ...localised('handoverFiles.column.campaign-rows.last_outcome'),
      allowed: interactionOutcomes,
      value: (r) => r.lastOutcome,
    },
    {
      name: 'last_called_at',
      type: 'instant',
      ...localised('handoverFiles.column.campaign-rows.last_called_at'),
      value: (r) => r.lastCalledAt,
    },
    {
      name: 'call_back_due',
      type: 'date',
      ...localised('handoverFiles.column.campaign-rows.call_back_due'),
      value: (r) => r.callBackDue,
    },
  ],
};

export const handoverFiles = [
  associationsFile,
  peopleFile,
  membershipsFile,
  interactionsFile,
  followUpsFile,
  openFollowUpsFile,
  stageHistoryFile,
  eventsFile,
  registrationsFile,
  feedbackFile,
  campaignsFile,
  campaignRowsFile,
  staffFile,
  auditFile,
] as const;
