// Imports a Kohtaamo handover package (its JSON Lines) into a new, empty workspace: every record
// keeps its id, so the result has the same counts, records, links and pipeline history as the
// source. Each item is written only if absent: a re-run after an interruption adds what is
// missing and duplicates nothing. Staff ids are kept as they were (staff.csv of the package
// names them, and they arrive as former, inactive members so that names stay); the receiving
// organisation's own users are invited as usual.
import { z } from 'zod';
import { associationSchema, type Association } from '../association/association.schema';
import { associationItem, listDirectory } from '../association/association.store';
import { putIfAbsent } from '../db/operations';
import { syncProfileEntries } from '../association/profile-entries';
import type { AuditEntry } from '../audit/audit';
import { recordAudit } from '../audit/audit.store';
import type { Db } from '../db/client';
import { keyAttributes, keys } from '../db/table';
import { run } from '../db/operations';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '../errors';
import type { FollowUp } from '../follow-up/follow-up.schema';
import { followUpItem } from '../follow-up/follow-up.store';
import { idSchema, staffIdSchema } from '../ids';
import type { Interaction } from '../interaction/interaction.schema';
import { interactionItem, interactionRefItem } from '../interaction/interaction.store';
import { contactMetItems } from '../interaction/contacts-met.store';
import {
  MEMBERSHIP_SCHEMA_VERSION,
  personSchema,
  type Membership,
  type Person,
} from '../person/person.schema';
import { membershipItem, personItem } from '../person/person.store';
import type { StageChange } from '../pipeline/pipeline.schema';
import { stageChangeItem } from '../pipeline/stage-history.store';
import { helsinkiMonth } from '../time/helsinki';
import { plausibleDateSchema, plausibleInstantSchema } from '../time/plausible-dates';
import { cleanStoredText } from '../db/clean-stored-text';
import { inEachLanguage, localised, localisedIfKey, t } from '../i18n/messages';
import { lineText } from '../schema-helpers';
import { workspaceInputSchema } from '../workspace/workspace.schema';
import { MEMBER_SCHEMA_VERSION, roleSchema, type Role } from '../user/user.schema';
import { partnerKindListSchema, type PartnerKind } from '../association/organisation-kind';
import { createWorkspace, getWorkspace } from '../workspace/workspace.store';
import { HANDOVER_FORMAT, HANDOVER_FORMAT_VERSION } from './handover-package';
import { randomBytes } from 'node:crypto';
import type { Campaign, CampaignRow } from '../campaign/campaign.schema';
import { campaignItem, campaignRowItem } from '../campaign/campaign.store';
import type { Event, Feedback, Registration } from '../event/event.schema';
import { eventItem, feedbackItem, feedbackLinkItem, getEvent, registrationItem } from '../event/event.store';

const headerSchema = z.object({
  type: z.literal('header'),
  format: z.literal(HANDOVER_FORMAT),
  formatVersion: z.number().int().min(1).max(HANDOVER_FORMAT_VERSION),
  exportedAt: z.iso.datetime(),
  workspace: z.looseObject({
    name: lineText(),
    stages: workspaceInputSchema.shape.stages,
    // The default stale threshold (absent in packages made before it was carried over).
    staleAfterDays: z.number().int().min(1).max(3650).optional(),
    // The partner kinds (format 2; a version 1 package has none: the defaults apply).
    partnerKinds: partnerKindListSchema.optional(),
  }),
});

/**
 * A staff member of the package as a former member of this workspace: inactive (no access), not in
 * the user's own list of workspaces (no index keys), there only to name who logged and holds what.
 */
function formerStaffItem(
  workspaceId: string,
  staff: { userId: string; name: string; role: Role },
  now: string,
): Record<string, unknown> {
  const { pk, sk } = keys.member(workspaceId, staff.userId);
  return {
    pk,
    sk,
    type: 'member',
    sv: MEMBER_SCHEMA_VERSION,
    workspaceId,
    userId: staff.userId,
    role: staff.role,
    active: false,
    name: staff.name,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * A membership record as a role period of this version: a package written before role periods
 * has one role per person and association and no id; it gets the id the migration gives (db/migrate.ts).
 */
function roleFromPackage(value: Record<string, unknown>): Membership {
  const membership = value as unknown as Membership;
  return { ...membership, id: membership.id ?? membership.personId, sv: MEMBERSHIP_SCHEMA_VERSION };
}

const withIds = (fields: Record<string, z.ZodType>) => z.looseObject(fields);
// Dates follow the one rule of plausible-dates.ts; a handover's dates are records, so the wide range.
const otherDate = plausibleDateSchema('other');
const recordSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('association'), value: associationSchema.loose() }),
  z.object({ type: z.literal('person'), value: personSchema.loose() }),
  z.object({
    type: z.literal('membership'),
    value: withIds({
      /** A role period's id; a package from before role periods has none (its one role: the person's id). */
      id: idSchema.optional(),
      associationId: idSchema,
      personId: idSchema,
      startDate: otherDate.optional(),
      endDate: otherDate.optional(),
    }),
  }),
  z.object({
    type: z.literal('interaction'),
    value: withIds({ id: idSchema, associationId: idSchema, occurredAt: plausibleInstantSchema('other') }),
  }),
  z.object({
    type: z.literal('followUp'),
    value: withIds({ id: idSchema, associationId: idSchema, due: otherDate }),
  }),
  z.object({
    type: z.literal('stageChange'),
    value: withIds({ associationId: idSchema, seq: z.number().int().positive() }),
  }),
  z.object({ type: z.literal('event'), value: withIds({ id: idSchema, date: otherDate }) }),
  z.object({ type: z.literal('registration'), value: withIds({ id: idSchema, eventId: idSchema }) }),
  z.object({ type: z.literal('feedback'), value: withIds({ id: idSchema, eventId: idSchema }) }),
  z.object({
    type: z.literal('campaign'),
    value: withIds({ id: idSchema, createdAt: z.iso.datetime(), mailingDate: otherDate }),
  }),
  z.object({
    type: z.literal('campaignRow'),
    value: withIds({ campaignId: idSchema, associationId: idSchema }),
  }),
  z.object({
    type: z.literal('staff'),
    value: z.looseObject({ userId: staffIdSchema, name: lineText().min(1).max(200), role: roleSchema }),
  }),
  z.object({ type: z.literal('audit'), value: withIds({ id: idSchema, at: z.iso.datetime() }) }),
]);

export interface HandoverImportReport {
  workspaceId: string;
  /** Records read per type. */
  records: Record<string, number>;
  /** Items written now (a resumed import writes only what was missing). */
  written: number;
}

function lineError(line: number, error: z.ZodError): ValidationError {
  const issue = error.issues[0];
  const where = issue?.path.join('.') || 'record';
  const text = issue?.message;
  const why = text
    ? (localisedIfKey(text) ?? { fi: text, en: text })
    : localised('importHandover.unknownError');
  return new ValidationError([
    {
      field: 'file',
      message: inEachLanguage((locale) =>
        t(locale, 'importHandover.lineInvalid', { line, where, why: why[locale] }),
      ),
    },
  ]);
}

/** Imports the lines of `data/kohtaamo.jsonl` into the workspace `workspaceId`. */
export async function importHandover(
  db: Db,
  lines: AsyncIterable<string> | Iterable<string>,
  options: { workspaceId: string; by: string },
): Promise<HandoverImportReport> {
  const ws = options.workspaceId;
  const report: HandoverImportReport = { workspaceId: ws, records: {}, written: 0 };
  let lineNumber = 0;
  let started = false;
  const put = async (item: Record<string, unknown>) => {
    if (await putIfAbsent(db, item)) report.written++;
  };
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new ValidationError([
        {
          field: 'file',
          message: localised('importHandover.lineIsNotJson', { lineNumber }),
        },
      ]);
    }
    if (!started) {
      const header = headerSchema.safeParse(json);
      if (!header.success) throw lineError(lineNumber, header.error);
      await openTarget(db, ws, header.data.workspace, header.data.exportedAt);
      started = true;
      continue;
    }
    const parsed = recordSchema.safeParse(json);
    if (!parsed.success) throw lineError(lineNumber, parsed.error);
    const { type } = parsed.data;
    report.records[type] = (report.records[type] ?? 0) + 1;
    // Written as it was exported (validated above, not rewritten), only moved to this workspace
    // and its text cleaned as every form's is (clean-text.ts). Key attributes are never taken
    // from the file: a crafted `pk` must not reach another partition.
    const raw = cleanStoredText(
      Object.fromEntries(
        Object.entries((json as { value: Record<string, unknown> }).value).filter(
          ([name]) => !(keyAttributes as readonly string[]).includes(name),
        ),
      ),
    );
    const value = { ...raw, workspaceId: ws };
    switch (type) {
      case 'association': {
        const association = value as unknown as Association;
        await put(associationItem(ws, association));
        await syncProfileEntries(db, ws, association);
        break;
      }
      case 'person':
        await put(personItem(ws, value as unknown as Person));
        break;
      case 'membership': {
        const membership = roleFromPackage(raw);
        await put(membershipItem(ws, membership));
        // The association's search text (member names) is derived: rebuilt from the roles.
        await run(() =>
          db.doc.send(
            new UpdateCommand({
              TableName: db.table,
              Key: keys.association(ws, membership.associationId),
              UpdateExpression: 'ADD memberNames :name',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':name': new Set([membership.personName]) },
            }),
          ),
        );
        break;
      }
      case 'interaction': {
        const interaction = value as unknown as Interaction;
        await put(interactionRefItem(ws, interaction));
        // The people's reverse entries (pattern 37) are derived, not records: not counted.
        for (const item of contactMetItems(ws, interaction)) await putIfAbsent(db, item);
        await put(interactionItem(ws, interaction));
        break;
      }
      case 'followUp':
        await put(followUpItem(ws, value as unknown as FollowUp));
        break;
      case 'stageChange':
        await put(stageChangeItem(ws, raw as unknown as StageChange));
        break;
      case 'audit': {
        const entry = value as unknown as AuditEntry;
        await put({
          ...keys.audit(ws, helsinkiMonth(new Date(entry.at)), entry.at, entry.id),
          type: 'audit',
          ...entry,
        });
        break;
      }
      case 'event': {
        // The public feedback link is the receiver's own: a new secret (kept if a resumed import made one).
        const existing = await getEvent(db, ws, String((value as { id?: unknown }).id)).catch(
          () => undefined,
        );
        const event = {
          ...(value as unknown as Event),
          feedbackToken: existing?.feedbackToken ?? randomBytes(24).toString('base64url'),
        };
        await put(eventItem(ws, event));
        await put(feedbackLinkItem(ws, event));
        break;
      }
      case 'registration':
        await put(registrationItem(ws, value as unknown as Registration));
        break;
      case 'feedback':
        await put(feedbackItem(ws, value as unknown as Feedback));
        break;
      case 'campaign':
        await put(campaignItem(ws, value as unknown as Campaign));
        break;
      case 'campaignRow':
        await put(campaignRowItem(ws, raw as unknown as CampaignRow));
        break;
      case 'staff':
        // Users belong to the receiving organisation (its own are invited as usual); the package's
        // staff come along as former members, so the history and the tasks still name who did what.
        if (parsed.data.type === 'staff') {
          await put(formerStaffItem(ws, parsed.data.value, db.now().toISOString()));
        }
        break;
    }
  }
  if (!started) {
    throw new ValidationError([{ field: 'file', message: localised('importHandover.theFileIsEmpty') }]);
  }
  await recordAudit(db, ws, { actorId: options.by, action: 'import', entityType: 'workspace', entityId: ws });
  return report;
}

/**
 * The receiving workspace: a new one made from the package's settings; or an empty one (such as
 * the default workspace `npm start` makes), which takes the package's pipeline; or one an
 * interrupted import of this same package started (its marker says so). Anything else is refused.
 */
async function openTarget(
  db: Db,
  ws: string,
  source: {
    id?: unknown;
    name: string;
    stages: unknown;
    staleAfterDays?: number | undefined;
    partnerKinds?: PartnerKind[] | undefined;
  },
  exportedAt: string,
): Promise<void> {
  const marker = {
    ...keys.importMarker(ws),
    type: 'importMarker',
    sv: 1,
    sourceWorkspaceId: String(source.id),
    exportedAt,
  };
  const existing = await getWorkspace(db, ws).catch(() => undefined);
  if (!existing) {
    await createWorkspace(db, {
      id: ws,
      name: source.name,
      stages: source.stages,
      ...(source.staleAfterDays === undefined ? {} : { staleAfterDays: source.staleAfterDays }),
      ...(source.partnerKinds === undefined ? {} : { partnerKinds: source.partnerKinds }),
    });
    await putIfAbsent(db, marker);
    return;
  }
  const found = await run(() =>
    db.doc.send(new GetCommand({ TableName: db.table, Key: keys.importMarker(ws), ConsistentRead: true })),
  );
  if (found.Item) {
    if (found.Item.sourceWorkspaceId === marker.sourceWorkspaceId && found.Item.exportedAt === exportedAt)
      return;
    throw targetInUse();
  }
  const empty = (await listDirectory(db, ws, { limit: 1 })).items.length === 0;
  if (!empty) throw targetInUse();
  await run(() =>
    db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.workspace(ws),
        UpdateExpression: `SET stages = :stages, ${source.staleAfterDays === undefined ? '' : 'staleAfterDays = :stale, '}${source.partnerKinds === undefined ? '' : 'partnerKinds = :kinds, '}#version = #version + :one`,
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: {
          ':stages': source.stages,
          ':one': 1,
          ':version': existing.version,
          ...(source.staleAfterDays === undefined ? {} : { ':stale': source.staleAfterDays }),
          ...(source.partnerKinds === undefined ? {} : { ':kinds': source.partnerKinds }),
        },
      }),
    ),
  );
  await putIfAbsent(db, marker);
}

function targetInUse(): ValidationError {
  return new ValidationError([
    {
      field: 'workspace',
      message: localised('importHandover.theTargetWorkspaceAlreadyHolds'),
    },
  ]);
}
