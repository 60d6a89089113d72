// Data access for campaigns: campaigns newest first (25), a campaign with its call list (26),
// creating one for a filtered set of associations, and the call list's claims: a row is claimed
// by one staff member at a time (a conditional write), so two people never call the same
// association, and a claim that runs out frees the row again.
import { localised } from '../i18n/messages';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { readDirectoryEntries } from '../association/directory-search';
import type { DirectoryEntry } from '../association/directory-filter';
import { putIfAbsent } from '../db/operations';
import type { Db } from '../db/client';
import {
  isConditionalFailure,
  queryAllItems,
  queryPage,
  readAllPages,
  run,
  updateIf,
  type PageRequest,
} from '../db/operations';
import { keys, sortKeyPrefixes, stripKeys } from '../db/table';
import { ConflictError, NotFoundError } from '../errors';
import { compareFinnish } from '../text/finnish-collation';
import { parseId, parseInput } from '../validation';
import type { Workspace } from '../workspace/workspace.schema';
import {
  CAMPAIGN_ROW_SCHEMA_VERSION,
  CAMPAIGN_SCHEMA_VERSION,
  campaignFilterSchema,
  campaignInputSchema,
  type Campaign,
  type CampaignRow,
} from './campaign.schema';
import { CLAIM_MINUTES, chooseAssociations, claimable } from './campaign';

const notFound = () => new NotFoundError(localised('campaignStore.campaignNotFound'));

export function campaignItem(workspaceId: string, campaign: Campaign): Record<string, unknown> {
  return {
    ...keys.campaign(workspaceId, campaign.id),
    ...keys.campaignList(workspaceId, campaign.createdAt, campaign.id),
    type: 'campaign',
    ...campaign,
  };
}

export function campaignRowItem(workspaceId: string, row: CampaignRow): Record<string, unknown> {
  return {
    ...keys.campaignRow(workspaceId, row.campaignId, row.associationId),
    ...keys.campaignRowOfAssociation(workspaceId, row.associationId, row.campaignId),
    type: 'campaignRow',
    ...row,
  };
}

/** The associations a campaign with `filter` would reach now (the preview before creating it). */
export async function previewCampaign(
  db: Db,
  workspace: Workspace,
  rawFilter: unknown,
): Promise<DirectoryEntry[]> {
  const filter = parseInput(campaignFilterSchema, rawFilter);
  return chooseAssociations(await readDirectoryEntries(db, workspace.id), filter, workspace.stages, db.now());
}

/** Runs `work` over `items`, a few at a time. */
async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

/**
 * Creates a campaign and its call list for the associations its filter chooses. The campaign is
 * written first, then each row (conditional puts: a retry adds what is missing, and never resets a
 * row someone already called).
 */
export async function createCampaign(
  db: Db,
  workspace: Workspace,
  request: { id: string; input: unknown; by: string },
): Promise<{ campaign: Campaign; rows: number }> {
  const id = parseId(request.id);
  const input = parseInput(campaignInputSchema, request.input);
  const chosen = chooseAssociations(
    await readDirectoryEntries(db, workspace.id),
    input.filter,
    workspace.stages,
    db.now(),
  );
  const campaign: Campaign = {
    ...input,
    sv: CAMPAIGN_SCHEMA_VERSION,
    id,
    workspaceId: workspace.id,
    rowCount: chosen.length,
    version: 1,
    createdAt: db.now().toISOString(),
    createdBy: request.by,
  };
  const created = await putIfAbsent(db, campaignItem(workspace.id, campaign));
  const stored = created ? campaign : (await getCampaignWithRows(db, workspace.id, id)).campaign;
  if (created) {
    await inBatches(chosen, 10, (entry) =>
      putIfAbsent(
        db,
        campaignRowItem(workspace.id, {
          sv: CAMPAIGN_ROW_SCHEMA_VERSION,
          campaignId: id,
          associationId: entry.id,
          associationName: entry.name,
          municipalities: entry.municipalities,
          status: 'open',
          attempts: 0,
          interactionIds: [],
          version: 1,
        }),
      ),
    );
  }
  return { campaign: stored, rows: stored.rowCount };
}

/** Records the job that logs the mailing on every timeline. */
export async function setMailingJob(db: Db, workspaceId: string, campaignId: string, jobId: string) {
  await run(() =>
    db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.campaign(workspaceId, campaignId),
        UpdateExpression: 'SET mailingJobId = :job',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(mailingJobId)',
        ExpressionAttributeValues: { ':job': jobId },
      }),
    ),
  ).catch((error: unknown) => {
    if (!isConditionalFailure(error)) throw error;
  });
}

export async function getCampaign(db: Db, workspaceId: string, id: string): Promise<Campaign> {
  parseId(id);
  const result = await run(() =>
    db.doc.send(
      new GetCommand({ TableName: db.table, Key: keys.campaign(workspaceId, id), ConsistentRead: true }),
    ),
  );
  if (!result.Item) throw notFound();
  return stripKeys<Campaign>(result.Item);
}

/** Pattern 26: the campaign and its whole call list (in Finnish name order), in one query. */
export async function getCampaignWithRows(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<{ campaign: Campaign; rows: CampaignRow[] }> {
  parseId(id);
  const items = await queryAllItems(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.campaignPartition(workspaceId, id) },
    ConsistentRead: true,
  });
  const profile = items.find((item) => item.sk === 'CAMPAIGN');
  if (!profile) throw notFound();
  const rows = items
    .filter((item) => String(item.sk).startsWith(sortKeyPrefixes.campaignRow))
    .map((item) => stripKeys<CampaignRow>(item))
    .sort(
      (a, b) =>
        compareFinnish(a.associationName, b.associationName) ||
        a.associationId.localeCompare(b.associationId),
    );
  return { campaign: stripKeys<Campaign>(profile), rows };
}

/** Pattern 25: a page of the campaigns of a workspace, newest first. */
function campaignsPage(db: Db, workspaceId: string, page: PageRequest) {
  return queryPage<Campaign>(
    db,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.campaignListPartition(workspaceId) },
      ScanIndexForward: false,
    },
    { scope: `campaigns:${workspaceId}`, ...page },
  );
}

/** The latest campaigns, newest first. */
export async function listCampaigns(db: Db, workspaceId: string, limit = 50): Promise<Campaign[]> {
  return (await campaignsPage(db, workspaceId, { limit })).items;
}

/** Every campaign of a workspace, newest first (the handover reads them all). */
export async function listAllCampaigns(db: Db, workspaceId: string): Promise<Campaign[]> {
  return readAllPages((page) => campaignsPage(db, workspaceId, page));
}

/** Tries to claim one row for `staffId`; false when someone else got it first. */
export async function claimRow(
  db: Db,
  workspaceId: string,
  request: { campaignId: string; associationId: string; staffId: string },
): Promise<boolean> {
  const now = db.now();
  return updateIf(db, {
    Key: keys.campaignRow(workspaceId, parseId(request.campaignId), parseId(request.associationId)),
    UpdateExpression: 'SET claimedBy = :me, claimedUntil = :until, #version = #version + :one',
    ConditionExpression:
      '#status = :open AND (attribute_not_exists(claimedBy) OR claimedBy = :me OR claimedUntil < :now)',
    ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
    ExpressionAttributeValues: {
      ':me': request.staffId,
      ':until': new Date(now.getTime() + CLAIM_MINUTES * 60_000).toISOString(),
      ':now': now.toISOString(),
      ':open': 'open',
      ':one': 1,
    },
  });
}

/**
 * Claims the next association to call for `staffId`: a row they already hold, else the open rows
 * called the fewest times, in name order. Another caller's row is never taken; a lost race moves
 * on to the next row. Undefined when nothing is left to call.
 */
export async function claimNextRow(
  db: Db,
  workspaceId: string,
  request: { campaignId: string; staffId: string },
): Promise<CampaignRow | undefined> {
  const { rows } = await getCampaignWithRows(db, workspaceId, request.campaignId);
  const now = db.now();
  const candidates = rows
    .filter((row) => claimable(row, request.staffId, now))
    .sort(
      (a, b) =>
        Number(b.claimedBy === request.staffId) - Number(a.claimedBy === request.staffId) ||
        a.attempts - b.attempts,
    );
  for (const row of candidates) {
    if (await claimRow(db, workspaceId, { ...request, associationId: row.associationId })) return row;
  }
  return undefined;
}

/** Gives a claimed row back without a call (skip for now). */
export async function releaseRow(
  db: Db,
  workspaceId: string,
  request: { campaignId: string; associationId: string; staffId: string },
): Promise<void> {
  await run(() =>
    db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.campaignRow(workspaceId, parseId(request.campaignId), parseId(request.associationId)),
        UpdateExpression: 'REMOVE claimedBy, claimedUntil SET #version = #version + :one',
        ConditionExpression: 'claimedBy = :me',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':me': request.staffId, ':one': 1 },
      }),
    ),
  ).catch((error: unknown) => {
    if (!isConditionalFailure(error)) throw error;
  });
}

export async function getCampaignRow(
  db: Db,
  workspaceId: string,
  campaignId: string,
  associationId: string,
): Promise<CampaignRow> {
  const result = await run(() =>
    db.doc.send(
      new GetCommand({
        TableName: db.table,
        Key: keys.campaignRow(workspaceId, parseId(campaignId), parseId(associationId)),
        ConsistentRead: true,
      }),
    ),
  );
  if (!result.Item) throw new NotFoundError(localised('campaignStore.theAssociationIsNotOn'));
  return stripKeys<CampaignRow>(result.Item);
}

/** The row after a logged call: the outcome, one more attempt, done or back in the queue, unclaimed. */
export async function recordCallOnRow(
  db: Db,
  workspaceId: string,
  request: {
    campaignId: string;
    associationId: string;
    staffId: string;
    interactionId: string;
    outcome: CampaignRow['lastOutcome'] & string;
    done: boolean;
    callBackDue?: string;
  },
): Promise<void> {
  const now = db.now();
  try {
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.campaignRow(workspaceId, request.campaignId, request.associationId),
          UpdateExpression:
            'SET #status = :status, lastOutcome = :outcome, lastCalledAt = :now, lastCalledBy = :me, ' +
            'attempts = attempts + :one, interactionIds = list_append(interactionIds, :ids), #version = #version + :one' +
            (request.callBackDue ? ', callBackDue = :due' : '') +
            ' REMOVE claimedBy, claimedUntil',
          // Still this caller's, and this call not counted yet.
          ConditionExpression:
            'attribute_exists(pk) AND NOT contains(interactionIds, :id) AND claimedBy = :me',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: {
            ':status': request.done ? 'done' : 'open',
            ':outcome': request.outcome,
            ':now': now.toISOString(),
            ':me': request.staffId,
            ':one': 1,
            ':ids': [request.interactionId],
            ':id': request.interactionId,
            ...(request.callBackDue ? { ':due': request.callBackDue } : {}),
          },
        }),
      ),
    );
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
    const row = await getCampaignRow(db, workspaceId, request.campaignId, request.associationId);
    if (row.interactionIds.includes(request.interactionId)) return; // a retried request
    throw new ConflictError(localised('campaignCalls.anotherStaffMemberIsCalling'));
  }
}
