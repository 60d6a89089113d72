// Reads a whole workspace for a handover, one association partition at a time (profile, contacts,
// roles, follow-ups and stage history in one query), so memory holds one association's items, not
// the workspace. People are read when a role first refers to them; those who objected are left out
// with their roles, and removed from the people met in contacts.
import type { Association } from '../association/association.schema';
import { listDirectory } from '../association/association.store';
import type { AuditEntry } from '../audit/audit';
import { listAudit } from '../audit/audit.store';
import type { Db } from '../db/client';
import { countAll, eachPage, queryAllItems } from '../db/operations';
import { keys, sortKeyPrefixes, stripKeys } from '../db/table';
import type { FollowUp } from '../follow-up/follow-up.schema';
import type { Interaction } from '../interaction/interaction.schema';
import type { Membership, Person } from '../person/person.schema';
import { getPerson } from '../person/person.store';
import type { StageChange } from '../pipeline/pipeline.schema';
import { addMonths, helsinkiMonth } from '../time/helsinki';
import type { WorkspaceMember } from '../user/user.schema';
import { listMembers } from '../user/user.store';
import type { Workspace } from '../workspace/workspace.schema';
import { getWorkspace } from '../workspace/workspace.store';
import type { Campaign, CampaignRow } from '../campaign/campaign.schema';
import { getCampaignWithRows, listAllCampaigns } from '../campaign/campaign.store';
import type { Event, Feedback, Registration } from '../event/event.schema';
import { getEventWithDetails, listEvents } from '../event/event.store';

export type HandoverRecord =
  | { type: 'association'; value: Association }
  | { type: 'person'; value: Person }
  | { type: 'membership'; value: Membership }
  | { type: 'interaction'; value: Interaction }
  | { type: 'followUp'; value: FollowUp }
  | { type: 'stageChange'; value: StageChange }
  | { type: 'staff'; value: WorkspaceMember }
  | { type: 'event'; value: ExportedEvent }
  | { type: 'registration'; value: Registration }
  | { type: 'feedback'; value: Feedback }
  | { type: 'campaign'; value: Campaign }
  | { type: 'campaignRow'; value: CampaignRow }
  | { type: 'audit'; value: AuditEntry };

/** An event as exported: without the secret of its public feedback link (the receiver makes its own). */
export type ExportedEvent = Omit<Event, 'feedbackToken'>;

/** A registration without who it was: when persons are left out, or this person is. */
export function anonymousRegistration(registration: Registration): Registration {
  const { personId: _p, email: _e, dietary: _d, accessibility: _a, ...rest } = registration;
  return { ...rest, name: '–' };
}

export interface ReadOptions {
  includePersons: boolean;
}

export interface LeftOut {
  /** Persons who objected to processing (GDPR Art. 21). */
  objectedPersons: number;
  /** Persons erased earlier (only their tombstone remains; nothing of them is exported). */
  erasedPersons: number;
  /** All persons, when the export was made without contact persons. */
  personsExcluded: boolean;
}

export interface WorkspaceReader {
  workspace: Workspace;
  records: AsyncGenerator<HandoverRecord>;
  /** Final once `records` is exhausted. */
  leftOut: LeftOut;
}

function months(from: string, to: string): string[] {
  const list: string[] = [];
  for (let month = from; month <= to; month = addMonths(`${month}-01`, 1).slice(0, 7)) list.push(month);
  return list;
}

export async function readWorkspace(
  db: Db,
  workspaceId: string,
  options: ReadOptions,
): Promise<WorkspaceReader> {
  const workspace = await getWorkspace(db, workspaceId);
  const leftOut: LeftOut = { objectedPersons: 0, erasedPersons: 0, personsExcluded: !options.includePersons };
  /** Person id → whether the person is exported; ids only, so memory stays small. */
  const personExported = new Map<string, boolean>();

  async function* personRecords(personId: string): AsyncGenerator<HandoverRecord> {
    if (personExported.has(personId) || !options.includePersons) return;
    const person = await getPerson(db, workspaceId, personId).catch(() => undefined);
    const exported = person !== undefined && !person.objected;
    personExported.set(personId, exported);
    if (person?.objected) leftOut.objectedPersons++;
    if (person && exported) yield { type: 'person', value: person };
  }

  async function* records(): AsyncGenerator<HandoverRecord> {
    for (const member of await listMembers(db, workspaceId)) yield { type: 'staff', value: member };
    /** One association partition: profile first, then its contacts, roles, follow-ups, stages. */
    async function* partition(associationId: string): AsyncGenerator<HandoverRecord> {
      const items = await queryAllItems(db, {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.associationPartition(workspaceId, associationId) },
      });
      // The profile first, so a reader knows whose contacts and follow-ups follow.
      const profile = items.find((raw) => raw.sk === 'PROFILE');
      if (!profile) return;
      // Member names are derived search text (and may name people who are left out): not exported.
      const { memberNames: _memberNames, ...association } = stripKeys<
        Association & { memberNames?: unknown }
      >(profile);
      yield { type: 'association', value: association };
      for (const raw of items) {
        const sk = String(raw.sk);
        if (sk.startsWith(sortKeyPrefixes.interaction)) {
          const interaction = stripKeys<Interaction>(raw);
          for (const personId of interaction.personIds) yield* personRecords(personId);
          const personIds = options.includePersons
            ? interaction.personIds.filter((personId) => personExported.get(personId) === true)
            : [];
          yield { type: 'interaction', value: { ...interaction, personIds } };
        } else if (sk.startsWith(sortKeyPrefixes.membership)) {
          const membership = stripKeys<Membership>(raw);
          yield* personRecords(membership.personId);
          if (personExported.get(membership.personId)) yield { type: 'membership', value: membership };
        } else if (sk.startsWith(sortKeyPrefixes.followUp))
          yield { type: 'followUp', value: stripKeys<FollowUp>(raw) };
        else if (sk.startsWith(sortKeyPrefixes.stageChange)) {
          yield { type: 'stageChange', value: stripKeys<StageChange>(raw) };
        }
      }
      // Duplicates merged into this one are no longer in the directory: they follow it, with
      // their own stage history.
      for (const mergedId of association.mergedFromIds ?? []) yield* partition(mergedId);
    }

    for await (const entries of eachPage((page) => listDirectory(db, workspaceId, page), 100))
      for (const entry of entries) yield* partition(entry.id);

    // Events, with their registrations (people left out as above) and feedback (anonymous).
    for (const { id } of await listEvents(db, workspaceId)) {
      const { event, registrations, feedback } = await getEventWithDetails(db, workspaceId, id);
      const { feedbackToken: _secret, ...exported } = event;
      yield { type: 'event', value: exported };
      for (const registration of registrations) {
        if (registration.personId && options.includePersons) yield* personRecords(registration.personId);
        const keep =
          options.includePersons &&
          (!registration.personId || personExported.get(registration.personId) === true);
        yield { type: 'registration', value: keep ? registration : anonymousRegistration(registration) };
      }
      for (const answers of feedback) yield { type: 'feedback', value: answers };
    }

    // Campaigns with their call lists.
    for (const { id } of await listAllCampaigns(db, workspaceId)) {
      const { campaign, rows } = await getCampaignWithRows(db, workspaceId, id);
      yield { type: 'campaign', value: campaign };
      for (const row of rows) yield { type: 'campaignRow', value: row };
    }

    const now = helsinkiMonth(db.now());
    for (const month of months(helsinkiMonth(new Date(workspace.createdAt)), now)) {
      for await (const entries of eachPage((page) => listAudit(db, workspaceId, { month }, page), 500)) {
        for (const entry of entries) yield { type: 'audit', value: entry };
      }
    }
    leftOut.erasedPersons = await countAll(db, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.erasedPartition(workspaceId) },
    });
  }

  return { workspace, records: records(), leftOut };
}
