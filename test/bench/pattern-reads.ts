// One measured read per access pattern of table.ts, and the demo data they are measured on: shared
// by `npm run bench` (timings) and by the read-cost test in `npm test` (round trips and items
// examined). A pattern missing here fails both.
import { type Db } from '../../shared/src/db/client';
import {
  getAssociation,
  listAssociationsInStage,
  listDirectory,
} from '../../shared/src/association/association.store';
import {
  listMyOpenFollowUps,
  listOpenFollowUpsOfAssociation,
  listTeamOpenFollowUps,
} from '../../shared/src/follow-up/follow-up.store';
import {
  getInteractionRef,
  listInteractionsInMonth,
  listTimeline,
} from '../../shared/src/interaction/interaction.store';
import {
  getPerson,
  listAssociationsOfPerson,
  listMembersOfAssociation,
  listPeople,
} from '../../shared/src/person/person.store';
import { listStageHistory } from '../../shared/src/pipeline/stage-history.store';
import { listAssociationsInMunicipality } from '../../shared/src/association/municipality-index';
import { listMemberAssociations } from '../../shared/src/association/parent-association';
import { generateDemoData, type DemoData } from '../../shared/src/seed/demo-data';
import { demoItems, writeItems } from '../../shared/src/seed/seed-workspace';
import { seededRandom } from '../../shared/src/seed/random';
import { ulidAt } from '../../shared/src/seed/ulid-at';
import { followUpItem } from '../../shared/src/follow-up/follow-up.store';
import { FOLLOW_UP_SCHEMA_VERSION, type FollowUp } from '../../shared/src/follow-up/follow-up.schema';
import { helsinkiDate, helsinkiMonth } from '../../shared/src/time/helsinki';
import { getDigestRecord } from '../../shared/src/reminders/digest.store';
import { getSuppression } from '../../shared/src/mail/mail-suppression.store';
import { ensureWorkspace, getWorkspace, listWorkspaceIds } from '../../shared/src/workspace/workspace.store';
import { listAudit, recordAudit } from '../../shared/src/audit/audit.store';
import { createSession, findSession } from '../../shared/src/user/session.store';
import { peekOneTimeToken } from '../../shared/src/user/token.store';
import {
  addMember,
  createUser,
  findUserByEmail,
  getUser,
  listMembers,
  listUserWorkspaces,
} from '../../shared/src/user/user.store';
import {
  campaignItem,
  campaignRowItem,
  getCampaignWithRows,
  listCampaigns,
} from '../../shared/src/campaign/campaign.store';
import {
  findFeedbackLink,
  getEventWithDetails,
  listEvents,
  listRegistrationsOfPerson,
} from '../../shared/src/event/event.store';
import { listFollowUpsDoneInMonth } from '../../shared/src/follow-up/follow-up.store';
import { findLikelyDuplicates } from '../../shared/src/association/association-duplicates';
import { newId } from '../../shared/src/ids';
import { listPendingInvitations } from '../../shared/src/user/invitations';
import { getImportSession } from '../../shared/src/import/import-session';
import { createJob, getJob, listRecentJobs } from '../../shared/src/jobs/job.store';
import { listStageChangesInMonth } from '../../shared/src/pipeline/stage-history.store';
import { keys } from '../../shared/src/db/table';
import { addDays } from '../../shared/src/time/helsinki';
import { CAMPAIGN_ROW_SCHEMA_VERSION } from '../../shared/src/campaign/campaign.schema';
import { listContactsMet } from '../../shared/src/interaction/contacts-met.store';
import { listCampaignRowsOfAssociation } from '../../shared/src/campaign/campaign-row-names';
import {
  findCalendarFeed,
  getCalendarFeedOfUser,
  turnOnCalendarFeed,
} from '../../shared/src/calendar/calendar-feed.store';

import { listAssociationStory, STORY_PAGE_SIZE } from '../../shared/src/interaction/association-story';
import type { Allowance } from './read-budget';

export const PAGE = 50;
/** The demo data's clock: the same records at every run. */
export const now = new Date('2026-11-24T10:00:00.000Z');
export const staffIds = ['anna', 'ville', 'sanna'];
/** Overdue open follow-ups of the measured user ('anna') per 1× of data, beside the demo data's own. */
const BACKLOG_PER_SCALE = 100;

export interface Fixture {
  workspaceId: string;
  /** The table it is in: each size has a table of its own, so a whole-table read shows. */
  table: string;
  data: DemoData;
  jobId: string;
  importId: string;
  campaignId: string;
  /** A signed-in session of 'anna' (an admin of the workspace), for the page benchmarks. */
  sessionToken: string;
  /** Anna's calendar feed address in the workspace (pattern 39). */
  calendarToken: string;
  /** An umbrella association with 30 members in both workspaces (pattern 40). */
  umbrellaId: string;
}

/**
 * The measured user's backlog: `BACKLOG_PER_SCALE` × scale open follow-ups of 'anna', due on the
 * 200 days before the seeded `now` (so overdue whenever the bench runs), on the demo associations.
 * Reproducible: ids and associations come from a generator seeded by the scale.
 */
function overdueBacklog(workspaceId: string, data: DemoData, scale: number): FollowUp[] {
  const random = seededRandom(9000 + scale);
  return Array.from({ length: BACKLOG_PER_SCALE * scale }, (_, k) => {
    const createdMs = now.getTime() - (220 + (k % 100)) * 86_400_000;
    const association = pick(data.associations, k);
    return {
      sv: FOLLOW_UP_SCHEMA_VERSION,
      id: ulidAt(createdMs, random),
      workspaceId,
      associationId: association.id,
      due: addDays(helsinkiDate(now), -1 - (k % 200)),
      assigneeId: 'anna',
      title: 'Soita uudelleen',
      status: 'open',
      version: 1,
      createdAt: new Date(createdMs).toISOString(),
      createdBy: 'anna',
    };
  });
}

export type Read = (db: Db, fixture: Fixture, i: number) => Promise<unknown>;

export const pick = <T>(items: readonly T[], i: number): T => items[(i * 7919) % items.length] as T;

/** One measured read per pattern in table.ts; a pattern missing here fails the run. */
export const reads: Record<string, Read> = {
  '1': (db, f, i) => getAssociation(db, f.workspaceId, pick(f.data.associations, i).id),
  '2': (db, f) => listDirectory(db, f.workspaceId, { limit: PAGE }),
  '3': (db, f, i) => listTimeline(db, f.workspaceId, pick(f.data.associations, i).id, { limit: PAGE }),
  '4a': (db, f, i) =>
    listMembersOfAssociation(db, f.workspaceId, pick(f.data.associations, i).id, { limit: PAGE }),
  '4b': (db, f, i) => listAssociationsOfPerson(db, f.workspaceId, pick(f.data.people, i).id, { limit: PAGE }),
  '4c': (db, f, i) => listOpenFollowUpsOfAssociation(db, f.workspaceId, pick(f.data.associations, i).id),
  '5': (db, f, i) => listMyOpenFollowUps(db, f.workspaceId, pick(staffIds, i), { limit: PAGE }),
  '6': (db, f) => listTeamOpenFollowUps(db, f.workspaceId, { limit: PAGE }),
  '7': (db, f, i) =>
    listAssociationsInStage(db, f.workspaceId, pick(['not_contacted', 'contacted', 'interested'], i), {
      limit: PAGE,
    }),
  '8': (db, f, i) => listStageHistory(db, f.workspaceId, pick(f.data.associations, i).id),
  '9': (db, f, i) =>
    listInteractionsInMonth(
      db,
      f.workspaceId,
      helsinkiMonth(new Date(now.getTime() - (i % 11) * 30 * 86_400_000)),
      { limit: PAGE },
    ),
  '10': (db, f, i) => getPerson(db, f.workspaceId, pick(f.data.people, i).id),
  '11': (db, f) => getWorkspace(db, f.workspaceId),
  '13': (db, f, i) =>
    listAssociationsInMunicipality(db, f.workspaceId, pick(['Kuopio', 'Iisalmi', 'Varkaus', 'Tervo'], i), {
      limit: PAGE,
    }),
  '14': (db, _f, i) => (i % 2 === 0 ? getUser(db, 'anna') : findUserByEmail(db, 'anna@bench.invalid')),
  '15': (db, f) => findSession(db, f.sessionToken),
  '16': (db, _f, i) => peekOneTimeToken(db, `${'x'.repeat(42)}${i % 10}`, 'invite').catch(() => undefined),
  '17': (db, f) => listMembers(db, f.workspaceId),
  '18': (db) => listUserWorkspaces(db, 'anna'),
  '19': (db, f) => listAudit(db, f.workspaceId, { month: helsinkiMonth(now) }, { limit: PAGE }),
  '20': (db) => listWorkspaceIds(db),
  '21': (db, f) => getDigestRecord(db, f.workspaceId, helsinkiDate(now), 'anna'),
  '22': (db, f) => getJob(db, f.workspaceId, f.jobId),
  '23': (db, f) => listRecentJobs(db, f.workspaceId, 'handover'),
  '24': (db, f) => getImportSession(db, f.workspaceId, f.importId),
  '25': (db, f) => listCampaigns(db, f.workspaceId),
  '26': (db, f) => getCampaignWithRows(db, f.workspaceId, f.campaignId),
  // A fortnight of events around a date of the past year.
  '27': (db, f, i) => {
    const day = helsinkiDate(new Date(now.getTime() - ((i % 300) + 20) * 86_400_000));
    return listEvents(db, f.workspaceId, { from: addDays(day, -7), to: addDays(day, 7) });
  },
  '28': (db, f, i) => getEventWithDetails(db, f.workspaceId, pick(f.data.events, i).id),
  '29': (db, f, i) => {
    const registration = pick(
      f.data.registrations.filter((r) => r.personId),
      i,
    );
    return listRegistrationsOfPerson(db, f.workspaceId, registration.personId as string);
  },
  '30': (_db, f, i) => findFeedbackLink(_db, pick(f.data.events, i).feedbackToken),
  '31': (db, f, i) =>
    listStageChangesInMonth(
      db,
      f.workspaceId,
      helsinkiMonth(new Date(now.getTime() - (i % 11) * 30 * 86_400_000)),
      { limit: PAGE },
    ),
  '32': (db, f, i) =>
    listFollowUpsDoneInMonth(
      db,
      f.workspaceId,
      helsinkiMonth(new Date(now.getTime() - (i % 11) * 30 * 86_400_000)),
      { limit: PAGE },
    ),
  '33': (db, _f, i) => getSuppression(db, `person${i % 10}@bench.invalid`),
  '35': (db, f) => listPendingInvitations(db, f.workspaceId),
  '36': (db, f, i) =>
    listPeople(db, f.workspaceId, {
      prefix: i % 2 === 0 ? '' : pick(f.data.people, i).name.slice(0, 3),
      limit: PAGE,
    }),
  // The duplicate check of a new association named like an existing one, in its municipalities.
  '34': (db, f, i) => {
    const existing = pick(f.data.associations, i);
    return findLikelyDuplicates(db, f.workspaceId, {
      name: `${existing.name} r.y.`,
      municipalities: existing.municipalities,
    });
  },
  '37': (db, f, i) => listContactsMet(db, f.workspaceId, pick(f.data.people, i).id, { limit: 25 }),
  '38': (db, f, i) =>
    listCampaignRowsOfAssociation(db, f.workspaceId, pick(f.data.associations.slice(0, 60), i).id),
  '39': (db, f, i) =>
    i % 2 === 0
      ? findCalendarFeed(db, f.calendarToken)
      : getCalendarFeedOfUser(db, f.workspaceId, { id: 'anna', sessionEpoch: 1 }),
  '41': (db, f, i) =>
    listAssociationStory(db, f.workspaceId, pick(f.data.associations, i).id, { limit: STORY_PAGE_SIZE }),
  '40': (db, f) => listMemberAssociations(db, f.workspaceId, f.umbrellaId, { limit: PAGE }),
  '12': (db, f, i) => {
    const interaction = pick(f.data.interactions, i);
    return getInteractionRef(db, f.workspaceId, interaction.associationId, interaction.id);
  },
};

/** The demo data at `scale` in a workspace, with what the reads need beside it. */
export async function seed(db: Db, workspaceId: string, scale: number): Promise<Fixture> {
  const workspace = await ensureWorkspace(db, workspaceId, `Bench ${scale}×`);
  const data = generateDemoData({ workspaceId, stages: workspace.stages, staffIds, scale, seed: 2026, now });
  // An umbrella with the same 30 members in both workspaces: its read depends on it, not on the workspace.
  const umbrella = data.associations.find((a) => a.frame === 'liitto' || a.frame === 'piiri');
  if (!umbrella) throw new Error('The demo data has no umbrella association');
  for (const member of data.associations.filter((a) => a !== umbrella).slice(0, 30))
    member.parentId = umbrella.id;
  const started = performance.now();
  await writeItems(db, demoItems(workspaceId, data));
  const backlog = overdueBacklog(workspaceId, data, scale);
  await writeItems(
    db,
    backlog.map((followUp) => followUpItem(workspaceId, followUp)),
  );
  // Overdue on the day the bench runs (the web server's clock is the real one).
  const today = helsinkiDate(new Date());
  const overdue = [...data.followUps, ...backlog].filter(
    (f) => f.status === 'open' && f.assigneeId === 'anna' && f.due < today,
  ).length;
  // One account in both workspaces: the pages are read as a signed-in admin.
  await createUser(db, { id: 'anna', email: 'anna@bench.invalid', name: 'Anna', passwordHash: 'not-used' });
  await addMember(db, { workspaceId, userId: 'anna', role: 'admin', name: 'Anna' });
  for (let k = 0; k < 50 * scale; k++) {
    await recordAudit(db, workspaceId, {
      actorId: 'anna',
      action: 'association.update',
      entityType: 'association',
      entityId: data.associations[k % data.associations.length]?.id ?? '',
    });
  }
  const { token: sessionToken } = await createSession(db, { userId: 'anna', epoch: 1, workspaceId });
  const calendarToken = await turnOnCalendarFeed(db, workspaceId, { id: 'anna', sessionEpoch: 1 });
  // A handover job, an import and a campaign of the same size in both workspaces: their reads
  // depend on the job, the file and the call list, not on the workspace.
  const job = await createJob(db, workspaceId, {
    id: newId(),
    kind: 'handover',
    params: { includePersons: true, exportedBy: 'Anna' },
    by: 'anna',
  });
  const importId = newId();
  await writeItems(db, [
    {
      ...keys.importSession(workspaceId, importId),
      type: 'importSession',
      sv: 1,
      id: importId,
      workspaceId,
      blobKey: `imports/${workspaceId}/${importId}/upload`,
      format: 'csv',
      fileHash: 'bench',
      headers: ['Nimi', 'Kunta'],
      mapping: [
        [0, 'name'],
        [1, 'municipalities'],
      ],
      mappingConfirmed: true,
      choices: {},
      version: 1,
      createdAt: now.toISOString(),
      createdBy: 'anna',
    },
  ]);
  const campaignId = newId();
  const campaign = {
    sv: 1,
    id: campaignId,
    workspaceId,
    name: 'Bench',
    mailingSubject: 'Bench',
    mailingDate: helsinkiDate(now),
    filter: { notOnTarjotin: false },
    rowCount: 60,
    version: 1,
    createdAt: now.toISOString(),
    createdBy: 'anna',
  };
  await writeItems(db, [
    campaignItem(workspaceId, campaign),
    ...data.associations.slice(0, 60).map((a) =>
      campaignRowItem(workspaceId, {
        sv: CAMPAIGN_ROW_SCHEMA_VERSION,
        campaignId,
        associationId: a.id,
        associationName: a.name,
        municipalities: a.municipalities,
        status: 'open',
        attempts: 0,
        interactionIds: [],
        version: 1,
      }),
    ),
  ]);
  console.log(
    `Seeded ${scale}×: ${data.associations.length} associations, ${data.interactions.length} interactions, ` +
      `${overdue} overdue open follow-ups of anna in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return {
    workspaceId,
    table: db.table,
    data,
    sessionToken,
    calendarToken,
    jobId: job.id,
    importId,
    campaignId,
    umbrellaId: umbrella.id,
  };
}

/**
 * Reads whose cost may grow with the data, each with its reason (the read-cost test and the bench
 * hold every other read to the same round trips, and a page of items, at any size).
 */
export const patternAllowances: Record<string, Allowance> = {};
