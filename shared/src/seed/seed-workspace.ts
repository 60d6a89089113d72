// Writes generated demo data into a workspace with batch writes (facts and summaries together:
// the generator derives each summary from the same facts that `repair` would read).
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { associationItem, listDirectory } from '../association/association.store';
import { profileEntryItems } from '../association/profile-entries';
import type { Db } from '../db/client';
import { run } from '../db/operations';
import { followUpItem } from '../follow-up/follow-up.store';
import { interactionItem, interactionRefItem } from '../interaction/interaction.store';
import { contactMetItems } from '../interaction/contacts-met.store';
import { membershipItem, personItem } from '../person/person.store';
import { stageChangeItem } from '../pipeline/stage-history.store';
import { eventItem, feedbackItem, feedbackLinkItem, registrationItem } from '../event/event.store';
import type { Workspace } from '../workspace/workspace.schema';
import { generateDemoData, type DemoData } from './demo-data';

const BATCH_SIZE = 25;
const PARALLEL_BATCHES = 8;

export interface SeedOptions {
  scale: number;
  seed: number;
  now: Date;
  staffIds: readonly string[];
  /** Write into a workspace that already has associations. */
  force?: boolean;
}

export interface SeedReport {
  associations: number;
  people: number;
  memberships: number;
  interactions: number;
  followUps: number;
  stageChanges: number;
  events: number;
  registrations: number;
  items: number;
}

export class WorkspaceNotEmptyError extends Error {
  constructor(workspaceId: string) {
    super(
      `The workspace "${workspaceId}" already has associations. Seed another workspace (--workspace), ` +
        'or add --force to write the demo data next to what is there.',
    );
    this.name = 'WorkspaceNotEmptyError';
  }
}

export function demoItems(workspaceId: string, data: DemoData): Record<string, unknown>[] {
  const memberNames = new Map<string, Set<string>>();
  for (const membership of data.memberships) {
    const names = memberNames.get(membership.associationId) ?? new Set<string>();
    names.add(membership.personName);
    memberNames.set(membership.associationId, names);
  }
  return [
    ...data.stageChanges.map((change) => stageChangeItem(workspaceId, change)),
    ...data.associations.map((association) => {
      const names = memberNames.get(association.id);
      return { ...associationItem(workspaceId, association), ...(names ? { memberNames: names } : {}) };
    }),
    ...data.associations.flatMap((association) => profileEntryItems(workspaceId, association)),
    ...data.people.map((person) => personItem(workspaceId, person)),
    ...data.memberships.map((membership) => membershipItem(workspaceId, membership)),
    ...data.interactions.map((interaction) => interactionItem(workspaceId, interaction)),
    ...data.interactions.map((interaction) => interactionRefItem(workspaceId, interaction)),
    ...data.interactions.flatMap((interaction) => contactMetItems(workspaceId, interaction)),
    ...data.followUps.map((followUp) => followUpItem(workspaceId, followUp)),
    ...data.events.map((event) => eventItem(workspaceId, event)),
    ...data.events.map((event) => feedbackLinkItem(workspaceId, event)),
    ...data.registrations.map((registration) => registrationItem(workspaceId, registration)),
    ...data.feedback.map((feedback) => feedbackItem(workspaceId, feedback)),
  ];
}

async function writeBatch(db: Db, items: Record<string, unknown>[]): Promise<void> {
  let requests: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
    [db.table]: items.map((Item) => ({ PutRequest: { Item } })),
  };
  for (let attempt = 0; requests && Object.keys(requests).length > 0; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** attempt)));
    const result = await run(() => db.doc.send(new BatchWriteCommand({ RequestItems: requests })));
    requests = result.UnprocessedItems as typeof requests;
  }
}

export async function writeItems(db: Db, items: Record<string, unknown>[]): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += BATCH_SIZE) batches.push(items.slice(i, i + BATCH_SIZE));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++] as Record<string, unknown>[];
      await writeBatch(db, batch);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_BATCHES }, worker));
}

/** Fills a workspace with demo data; puts are by generated id, so a repeated run overwrites. */
export async function seedWorkspace(db: Db, workspace: Workspace, options: SeedOptions): Promise<SeedReport> {
  if (!options.force && (await listDirectory(db, workspace.id, { limit: 1 })).items.length > 0) {
    throw new WorkspaceNotEmptyError(workspace.id);
  }
  const data = generateDemoData({ workspaceId: workspace.id, stages: workspace.stages, ...options });
  const items = demoItems(workspace.id, data);
  await writeItems(db, items);
  return {
    associations: data.associations.length,
    people: data.people.length,
    memberships: data.memberships.length,
    interactions: data.interactions.length,
    followUps: data.followUps.length,
    stageChanges: data.stageChanges.length,
    events: data.events.length,
    registrations: data.registrations.length,
    items: items.length,
  };
}
