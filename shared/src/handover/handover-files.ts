// The files of a handover package and their columns: one definition gives the CSV header, each
// row, and the data dictionary (meaning, type and allowed values in Finnish and English).
import type { Association } from '../association/association.schema';
import { associationFrames } from '../association/association.schema';
import type { AuditEntry } from '../audit/audit';
import { auditActions } from '../audit/audit';
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
  id: { fi: 'tunniste (26 merkkiä, ULID)', en: 'identifier (26 characters, ULID)' },
  text: { fi: 'teksti', en: 'text' },
  date: { fi: 'päivämäärä VVVV-KK-PP', en: 'date YYYY-MM-DD' },
  instant: { fi: 'aikaleima (ISO 8601, UTC)', en: 'timestamp (ISO 8601, UTC)' },
  integer: { fi: 'kokonaisluku', en: 'integer' },
  boolean: { fi: 'true tai false', en: 'true or false' },
  list: { fi: 'luettelo, pilkulla eroteltu', en: 'list, comma separated' },
  code: { fi: 'koodi (sallitut arvot alla)', en: 'code (allowed values listed)' },
};
export const typeName = (type: ColumnType) => TYPE_NAMES[type];

const id = <T>(name: string, fi: string, en: string, value: (row: T) => unknown): Column<T> => ({
  name,
  type: 'id',
  fi,
  en,
  value,
});

export const associationsFile: HandoverFile<Association> = {
  path: 'associations.csv',
  fi: 'Yhdistykset, liitot, piirit ja muut toimijat',
  en: 'Associations, federations, districts and other organisations',
  columns: [
    id(
      'id',
      'Yhdistyksen tunniste; muut tiedostot viittaavat tähän',
      'Association id; other files refer to it',
      (a) => a.id,
    ),
    { name: 'name', type: 'text', fi: 'Nimi', en: 'Name', value: (a) => a.name },
    {
      name: 'frame',
      type: 'code',
      fi: 'Toimijan tyyppi',
      en: 'Type of organisation',
      allowed: associationFrames,
      value: (a) => a.frame,
    },
    id(
      'parent_id',
      'Ylemmän tason toimija (esim. liitto)',
      'Parent organisation (e.g. federation)',
      (a) => a.parentId,
    ),
    { name: 'ytunnus', type: 'text', fi: 'Y-tunnus', en: 'Finnish business id', value: (a) => a.ytunnus },
    {
      name: 'register_number',
      type: 'text',
      fi: 'Yhdistysrekisterinumero',
      en: 'Register of associations number',
      value: (a) => a.registerNumber,
    },
    {
      name: 'municipalities',
      type: 'list',
      fi: 'Kunnat',
      en: 'Municipalities',
      value: (a) => a.municipalities,
    },
    {
      name: 'target_groups',
      type: 'list',
      fi: 'Kohderyhmät',
      en: 'Target groups',
      value: (a) => a.targetGroups,
    },
    {
      name: 'email',
      type: 'text',
      fi: 'Yhdistyksen sähköposti',
      en: 'Association e-mail',
      value: (a) => a.email,
    },
    { name: 'phone', type: 'text', fi: 'Puhelin', en: 'Phone', value: (a) => a.phone },
    { name: 'address', type: 'text', fi: 'Osoite', en: 'Address', value: (a) => a.address },
    { name: 'website', type: 'text', fi: 'Verkkosivut', en: 'Website', value: (a) => a.website },
    {
      name: 'founded_year',
      type: 'integer',
      fi: 'Perustamisvuosi',
      en: 'Year founded',
      value: (a) => a.foundedYear,
    },
    {
      name: 'description',
      type: 'text',
      fi: 'Toiminnan kuvaus (julkinen)',
      en: 'Description of activities (public)',
      value: (a) => a.description,
    },
    { name: 'notes', type: 'text', fi: 'Muistiinpanot', en: 'Notes', value: (a) => a.notes },
    id('owner_id', 'Vastuuhenkilö (staff.csv)', 'Owner (staff.csv)', (a) => a.ownerId),
    {
      name: 'stage',
      type: 'code',
      fi: 'Tarjotin-vaihe (koodit: workspace.json)',
      en: 'Tarjotin stage (codes: workspace.json)',
      value: (a) => a.stage,
    },
    {
      name: 'stage_entered_at',
      type: 'instant',
      fi: 'Nykyiseen vaiheeseen siirtyminen',
      en: 'Entered the current stage',
      value: (a) => a.stageEnteredAt,
    },
    {
      name: 'last_contact_at',
      type: 'instant',
      fi: 'Viimeisin yhteydenotto',
      en: 'Last contact',
      value: (a) => a.lastContactAt,
    },
    {
      name: 'next_follow_up_due',
      type: 'date',
      fi: 'Seuraavan jatkotoimenpiteen päivä',
      en: 'Next follow-up due',
      value: (a) => a.nextFollowUpDue,
    },
    {
      name: 'archived_at',
      type: 'instant',
      fi: 'Arkistoitu (lakannut toimija)',
      en: 'Archived (dissolved)',
      value: (a) => a.archivedAt,
    },
    id(
      'merged_into',
      'Jos rivi on kaksoiskappale: yhdistys, johon se yhdistettiin (yhteydenotot, roolit ja jatkotoimenpiteet ovat siellä; vaiheiden historia jää tälle riville)',
      'When the row is a duplicate: the association it was merged into (its contacts, roles and follow-ups are there; its stage history stays with this row)',
      (a) => a.mergedInto,
    ),
    { name: 'created_at', type: 'instant', fi: 'Lisätty', en: 'Created', value: (a) => a.createdAt },
    {
      name: 'updated_at',
      type: 'instant',
      fi: 'Muokattu viimeksi',
      en: 'Last updated',
      value: (a) => a.updatedAt,
    },
  ],
};

export const peopleFile: HandoverFile<Person> = {
  path: 'people.csv',
  fi: 'Yhteyshenkilöt (ei vastustaneita eikä poistettuja)',
  en: 'Contact persons (without those who objected or were erased)',
  personal: true,
  columns: [
    id('id', 'Henkilön tunniste', 'Person id', (p) => p.id),
    { name: 'name', type: 'text', fi: 'Nimi', en: 'Name', value: (p) => p.name },
    { name: 'email', type: 'text', fi: 'Sähköposti', en: 'E-mail', value: (p) => p.email },
    { name: 'phone', type: 'text', fi: 'Puhelin', en: 'Phone', value: (p) => p.phone },
    { name: 'notes', type: 'text', fi: 'Muistiinpanot', en: 'Notes', value: (p) => p.notes },
    {
      name: 'lawful_basis',
      type: 'text',
      fi: 'Käsittelyn peruste (GDPR 6 art.)',
      en: 'Lawful basis (GDPR Art. 6)',
      value: (p) => p.lawfulBasis,
    },
    { name: 'created_at', type: 'instant', fi: 'Lisätty', en: 'Created', value: (p) => p.createdAt },
  ],
};

export const membershipsFile: HandoverFile<Membership> = {
  path: 'memberships.csv',
  fi: 'Henkilöiden roolit yhdistyksissä',
  en: 'Roles of persons in associations',
  personal: true,
  columns: [
    id(
      'association_id',
      'Yhdistys (associations.csv)',
      'Association (associations.csv)',
      (m) => m.associationId,
    ),
    id('person_id', 'Henkilö (people.csv)', 'Person (people.csv)', (m) => m.personId),
    { name: 'role', type: 'code', fi: 'Rooli', en: 'Role', allowed: membershipRoles, value: (m) => m.role },
    { name: 'start_date', type: 'date', fi: 'Alkaen', en: 'From', value: (m) => m.startDate },
    { name: 'end_date', type: 'date', fi: 'Päättyen', en: 'Until', value: (m) => m.endDate },
  ],
};

export const interactionsFile: HandoverFile<Interaction> = {
  path: 'interactions.csv',
  fi: 'Yhteydenotot ja kohtaamiset',
  en: 'Contacts and meetings',
  columns: [
    id('id', 'Yhteydenoton tunniste', 'Contact id', (i) => i.id),
    id(
      'association_id',
      'Yhdistys (associations.csv)',
      'Association (associations.csv)',
      (i) => i.associationId,
    ),
    { name: 'kind', type: 'code', fi: 'Laji', en: 'Kind', allowed: interactionKinds, value: (i) => i.kind },
    { name: 'occurred_at', type: 'instant', fi: 'Ajankohta', en: 'When', value: (i) => i.occurredAt },
    {
      name: 'duration_minutes',
      type: 'integer',
      fi: 'Kesto minuutteina',
      en: 'Duration in minutes',
      value: (i) => i.durationMinutes,
    },
    {
      name: 'outcome',
      type: 'code',
      fi: 'Tulos',
      en: 'Outcome',
      allowed: interactionOutcomes,
      value: (i) => i.outcome,
    },
    { name: 'topics', type: 'list', fi: 'Aiheet', en: 'Topics', value: (i) => i.topics },
    {
      name: 'person_ids',
      type: 'list',
      fi: 'Tavatut henkilöt (people.csv)',
      en: 'People met (people.csv)',
      value: (i) => i.personIds,
    },
    { name: 'notes', type: 'text', fi: 'Muistiinpanot', en: 'Notes', value: (i) => i.notes },
    id('staff_id', 'Kirjannut työntekijä (staff.csv)', 'Logged by (staff.csv)', (i) => i.staffId),
  ],
};

export const followUpsFile: HandoverFile<FollowUp> = {
  path: 'follow-ups.csv',
  fi: 'Jatkotoimenpiteet (avoimet ja tehdyt)',
  en: 'Follow-ups (open and done)',
  columns: [
    id('id', 'Jatkotoimenpiteen tunniste', 'Follow-up id', (f) => f.id),
    id(
      'association_id',
      'Yhdistys (associations.csv)',
      'Association (associations.csv)',
      (f) => f.associationId,
    ),
    { name: 'due', type: 'date', fi: 'Määräpäivä', en: 'Due', value: (f) => f.due },
    { name: 'title', type: 'text', fi: 'Mitä tehdään', en: 'What to do', value: (f) => f.title },
    {
      name: 'status',
      type: 'code',
      fi: 'Tila',
      en: 'Status',
      allowed: followUpStatuses,
      value: (f) => f.status,
    },
    id(
      'assignee_id',
      'Vastuuhenkilö (staff.csv); tyhjä: tiimin tehtävä',
      'Assigned to (staff.csv); empty: a team task',
      (f) => f.assigneeId,
    ),
    {
      name: 'cancelled_at',
      type: 'instant',
      fi: 'Peruttu (tehtävä tehtiin vahingossa tai sitä ei tarvittu)',
      en: 'Cancelled (made by mistake or no longer needed)',
      value: (f) => f.cancelledAt,
    },
    id(
      'interaction_id',
      'Yhteydenotto, josta syntyi (interactions.csv)',
      'Contact it came from (interactions.csv)',
      (f) => f.interactionId,
    ),
    { name: 'completed_at', type: 'instant', fi: 'Tehty', en: 'Completed', value: (f) => f.completedAt },
  ],
};

export interface OpenFollowUpRow extends FollowUp {
  associationName: string;
  assigneeName: string;
}

export const openFollowUpsFile: HandoverFile<OpenFollowUpRow> = {
  path: 'open-follow-ups.csv',
  fi: 'Avoimet jatkotoimenpiteet seuraajalle, yhdistyksittäin nimen mukaan',
  en: 'Open follow-ups for the successor, by association in name order',
  columns: [
    { name: 'due', type: 'date', fi: 'Määräpäivä', en: 'Due', value: (f) => f.due },
    { name: 'association', type: 'text', fi: 'Yhdistys', en: 'Association', value: (f) => f.associationName },
    { name: 'title', type: 'text', fi: 'Mitä tehdään', en: 'What to do', value: (f) => f.title },
    { name: 'assignee', type: 'text', fi: 'Vastuuhenkilö', en: 'Assigned to', value: (f) => f.assigneeName },
    id(
      'association_id',
      'Yhdistys (associations.csv)',
      'Association (associations.csv)',
      (f) => f.associationId,
    ),
    id('id', 'Jatkotoimenpiteen tunniste (follow-ups.csv)', 'Follow-up id (follow-ups.csv)', (f) => f.id),
  ],
};

export const stageHistoryFile: HandoverFile<StageChange> = {
  path: 'stage-history.csv',
  fi: 'Tarjotin-vaiheiden historia',
  en: 'Tarjotin stage history',
  columns: [
    id(
      'association_id',
      'Yhdistys (associations.csv)',
      'Association (associations.csv)',
      (s) => s.associationId,
    ),
    {
      name: 'seq',
      type: 'integer',
      fi: 'Järjestysnumero yhdistyksen historiassa',
      en: 'Order in the association’s history',
      value: (s) => s.seq,
    },
    {
      name: 'from_stage',
      type: 'code',
      fi: 'Vaiheesta (tyhjä: ensimmäinen)',
      en: 'From stage (empty: the first)',
      value: (s) => s.from,
    },
    { name: 'to_stage', type: 'code', fi: 'Vaiheeseen', en: 'To stage', value: (s) => s.to },
    { name: 'at', type: 'instant', fi: 'Milloin', en: 'When', value: (s) => s.at },
    id('by', 'Kuka (staff.csv)', 'By (staff.csv)', (s) => s.by),
    { name: 'note', type: 'text', fi: 'Huomio', en: 'Note', value: (s) => s.note },
  ],
};

export const staffFile: HandoverFile<WorkspaceMember> = {
  path: 'staff.csv',
  fi: 'Työtilan käyttäjät (työntekijät), joihin muut tiedostot viittaavat',
  en: 'Users of the workspace (staff) that other files refer to',
  columns: [
    id('id', 'Käyttäjän tunniste', 'User id', (m) => m.userId),
    { name: 'name', type: 'text', fi: 'Nimi', en: 'Name', value: (m) => m.name },
    { name: 'role', type: 'code', fi: 'Rooli', en: 'Role', allowed: roles, value: (m) => m.role },
    { name: 'active', type: 'boolean', fi: 'Käytössä', en: 'Active', value: (m) => m.active },
  ],
};

export const auditFile: HandoverFile<AuditEntry> = {
  path: 'audit-log.csv',
  fi: 'Tapahtumaloki (vain tunnisteet ja toimintokoodit)',
  en: 'Audit trail (ids and action codes only)',
  columns: [
    { name: 'at', type: 'instant', fi: 'Milloin', en: 'When', value: (e) => e.at },
    id(
      'actor_id',
      'Kuka (staff.csv; system = ohjelma)',
      'Who (staff.csv; system = a script)',
      (e) => e.actorId,
    ),
    {
      name: 'action',
      type: 'code',
      fi: 'Toiminto',
      en: 'Action',
      allowed: auditActions,
      value: (e) => e.action,
    },
    {
      name: 'entity_type',
      type: 'text',
      fi: 'Kohteen laji',
      en: 'Type of record',
      value: (e) => e.entityType,
    },
    id('entity_id', 'Kohteen tunniste', 'Record id', (e) => e.entityId),
    id(
      'association_id',
      'Yhdistys (associations.csv)',
      'Association (associations.csv)',
      (e) => e.associationId,
    ),
  ],
};

export const eventsFile: HandoverFile<ExportedEvent> = {
  path: 'events.csv',
  fi: 'Tapahtumat',
  en: 'Events',
  columns: [
    id('id', 'Tapahtuman tunniste', 'Event id', (e) => e.id),
    { name: 'name', type: 'text', fi: 'Nimi', en: 'Name', value: (e) => e.name },
    { name: 'kind', type: 'code', fi: 'Laji', en: 'Kind', allowed: eventKinds, value: (e) => e.kind },
    { name: 'date', type: 'date', fi: 'Päivä', en: 'Date', value: (e) => e.date },
    {
      name: 'start_time',
      type: 'text',
      fi: 'Alkamisaika (tt:mm)',
      en: 'Start time (hh:mm)',
      value: (e) => e.startTime,
    },
    { name: 'place', type: 'text', fi: 'Paikka', en: 'Place', value: (e) => e.place },
    { name: 'municipality', type: 'text', fi: 'Kunta', en: 'Municipality', value: (e) => e.municipality },
    { name: 'theme', type: 'text', fi: 'Teema', en: 'Theme', value: (e) => e.theme },
    { name: 'description', type: 'text', fi: 'Kuvaus', en: 'Description', value: (e) => e.description },
    {
      name: 'feedback_open',
      type: 'boolean',
      fi: 'Palautelinkki auki (linkkiä ei viedä: uusi tehdään tuotaessa)',
      en: 'Feedback link open (the link is not exported: importing makes a new one)',
      value: (e) => e.feedbackOpen,
    },
    { name: 'created_at', type: 'instant', fi: 'Lisätty', en: 'Created', value: (e) => e.createdAt },
  ],
};

export const registrationsFile: HandoverFile<Registration> = {
  path: 'registrations.csv',
  fi: 'Tapahtumiin ilmoittautuneet (ilman henkilötietoja, jos henkilöt jätettiin pois)',
  en: 'Event registrations (without personal data when persons were left out)',
  columns: [
    id('event_id', 'Tapahtuma (events.csv)', 'Event (events.csv)', (r) => r.eventId),
    id('id', 'Ilmoittautumisen tunniste', 'Registration id', (r) => r.id),
    {
      name: 'name',
      type: 'text',
      fi: 'Nimi (– jos jätetty pois)',
      en: 'Name (– when left out)',
      value: (r) => r.name,
    },
    id(
      'association_id',
      'Yhdistys (associations.csv)',
      'Association (associations.csv)',
      (r) => r.associationId,
    ),
    id('person_id', 'Henkilö (people.csv)', 'Person (people.csv)', (r) => r.personId),
    { name: 'email', type: 'text', fi: 'Sähköposti', en: 'E-mail', value: (r) => r.email },
    {
      name: 'dietary',
      type: 'text',
      fi: 'Ruokavalio (terveystieto)',
      en: 'Dietary needs (health data)',
      value: (r) => r.dietary,
    },
    {
      name: 'accessibility',
      type: 'text',
      fi: 'Saavutettavuustarpeet (terveystieto)',
      en: 'Accessibility needs (health data)',
      value: (r) => r.accessibility,
    },
    { name: 'attended', type: 'boolean', fi: 'Osallistui', en: 'Attended', value: (r) => r.attended },
  ],
};

export const feedbackFile: HandoverFile<Feedback> = {
  path: 'feedback.csv',
  fi: 'Tapahtumapalaute (nimetön), väittämät asteikolla 1–4',
  en: 'Event feedback (anonymous), statements on the scale 1–4',
  columns: [
    id('event_id', 'Tapahtuma (events.csv)', 'Event (events.csv)', (f) => f.eventId),
    id('id', 'Palautteen tunniste', 'Feedback id', (f) => f.id),
    ...defaultLikertQuestions.map((q): Column<Feedback> => ({
      name: `answer_${q.id}`,
      type: 'integer',
      fi: `${q.fi} (1 täysin eri mieltä … 4 täysin samaa mieltä)`,
      en: `${q.en} (1 strongly disagree … 4 strongly agree)`,
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
      fi: 'Lähde',
      en: 'Source',
      allowed: ['public', 'staff'],
      value: (f) => f.source,
    },
    { name: 'created_at', type: 'instant', fi: 'Annettu', en: 'Given', value: (f) => f.createdAt },
  ],
};

export const campaignsFile: HandoverFile<Campaign> = {
  path: 'campaigns.csv',
  fi: 'Kampanjat (massapostitukset ja soittokierrokset)',
  en: 'Campaigns (mass mailings and call rounds)',
  columns: [
    id('id', 'Kampanjan tunniste', 'Campaign id', (c) => c.id),
    { name: 'name', type: 'text', fi: 'Nimi', en: 'Name', value: (c) => c.name },
    {
      name: 'mailing_subject',
      type: 'text',
      fi: 'Postituksen aihe',
      en: 'Subject of the mailing',
      value: (c) => c.mailingSubject,
    },
    {
      name: 'mailing_date',
      type: 'date',
      fi: 'Postituspäivä',
      en: 'Mailing date',
      value: (c) => c.mailingDate,
    },
    {
      name: 'rows',
      type: 'integer',
      fi: 'Yhdistyksiä listalla',
      en: 'Associations on the list',
      value: (c) => c.rowCount,
    },
    { name: 'notes', type: 'text', fi: 'Muistiinpanot', en: 'Notes', value: (c) => c.notes },
    { name: 'created_at', type: 'instant', fi: 'Luotu', en: 'Created', value: (c) => c.createdAt },
  ],
};

export const campaignRowsFile: HandoverFile<CampaignRow> = {
  path: 'campaign-rows.csv',
  fi: 'Kampanjoiden soittolistat',
  en: 'Call lists of the campaigns',
  columns: [
    id('campaign_id', 'Kampanja (campaigns.csv)', 'Campaign (campaigns.csv)', (r) => r.campaignId),
    id(
      'association_id',
      'Yhdistys (associations.csv)',
      'Association (associations.csv)',
      (r) => r.associationId,
    ),
    {
      name: 'status',
      type: 'code',
      fi: 'Tila',
      en: 'Status',
      allowed: ['open', 'done'],
      value: (r) => r.status,
    },
    {
      name: 'attempts',
      type: 'integer',
      fi: 'Soittoyrityksiä',
      en: 'Call attempts',
      value: (r) => r.attempts,
    },
    {
      name: 'last_outcome',
      type: 'code',
      fi: 'Viimeisin tulos',
      en: 'Latest outcome',
      allowed: interactionOutcomes,
      value: (r) => r.lastOutcome,
    },
    {
      name: 'last_called_at',
      type: 'instant',
      fi: 'Viimeksi soitettu',
      en: 'Last called',
      value: (r) => r.lastCalledAt,
    },
    {
      name: 'call_back_due',
      type: 'date',
      fi: 'Soita takaisin',
      en: 'Call back on',
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
