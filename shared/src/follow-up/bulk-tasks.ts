// One action on many tasks chosen on "My tasks": move them to a date, snooze them, hand them to
// someone, or mark them done. Each task is done on its own and answers for itself (done, already so,
// changed by someone else meanwhile, or why not), with an audit entry for each one changed. The
// version each task had on the page guards it: a form sent twice changes nothing twice.
import { z } from 'zod';
import { recordAudit } from '../audit/audit.store';
import type { Db } from '../db/client';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../errors';
import { localised, type Localised } from '../i18n/messages';
import { idSchema, staffIdSchema } from '../ids';
import { addDays, helsinkiDate, isoWeekday } from '../time/helsinki';
import { parseInput } from '../validation';
import { futureDueDateSchema } from './follow-up';
import type { FollowUp } from './follow-up.schema';
import { closeFollowUp, updateOpenFollowUp } from './follow-up-actions';
import { getFollowUp } from './follow-up.store';

export const bulkTaskActions = ['reschedule', 'snooze', 'reassign', 'complete'] as const;
export type BulkTaskAction = (typeof bulkTaskActions)[number];

export const snoozePicks = ['tomorrow', 'nextMonday', 'week'] as const;
export type SnoozePick = (typeof snoozePicks)[number];

/** The most tasks one submission may change (a page of one group). */
export const MAX_BULK_TASKS = 100;

/** A task as the page listed it: `associationId:id:version`. */
const taskRefSchema = z.string().transform((ref, context) => {
  const [associationId, id, version] = ref.split(':');
  const parsed = z
    .object({ associationId: idSchema, id: idSchema, version: z.coerce.number().int().positive() })
    .safeParse({ associationId, id, version });
  if (!parsed.success) {
    context.addIssue({ code: 'custom', message: 'msg:bulk.badTask' });
    return z.NEVER;
  }
  return parsed.data;
});

const bulkInputSchema = z
  .object({
    tasks: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z
        .array(taskRefSchema)
        .min(1, { message: 'msg:bulk.noneChosen' })
        .max(MAX_BULK_TASKS, { message: 'msg:bulk.tooMany' }),
    ),
    action: z.enum(bulkTaskActions, { message: 'msg:bulk.badAction' }),
    due: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
    snooze: z.preprocess((v) => (v === '' ? undefined : v), z.enum(snoozePicks).optional()),
    // '' hands the tasks to the team.
    assigneeId: z.union([z.literal(''), staffIdSchema]).optional(),
  })
  .superRefine((input, context) => {
    if (input.action === 'reschedule' && input.due === undefined)
      context.addIssue({ code: 'custom', path: ['due'], message: 'msg:bulk.dueRequired' });
    if (input.action === 'snooze' && input.snooze === undefined)
      context.addIssue({ code: 'custom', path: ['snooze'], message: 'msg:bulk.snoozeRequired' });
    if (input.action === 'reassign' && input.assigneeId === undefined)
      context.addIssue({ code: 'custom', path: ['assigneeId'], message: 'msg:bulk.assigneeRequired' });
  });

export type BulkOutcome = 'done' | 'unchanged' | 'conflict' | 'failed';

export interface BulkTaskResult {
  associationId: string;
  id: string;
  outcome: BulkOutcome;
  /** Why a task failed, in both languages. */
  reason?: Localised;
}

/**
 * The date a snooze pick means: tomorrow or next Monday (never earlier than the task's own date: a
 * snooze only postpones), or a week from the later of today and the due date.
 */
export function snoozedDue(pick: SnoozePick, currentDue: string, now: Date): string {
  const today = helsinkiDate(now);
  const later = (date: string) => (currentDue > date ? currentDue : date);
  switch (pick) {
    case 'tomorrow':
      return later(addDays(today, 1));
    case 'nextMonday':
      return later(addDays(today, 8 - isoWeekday(today)));
    case 'week':
      return addDays(later(today), 7);
  }
}

/** What the action makes of one task (undefined: mark it done). */
function targetOf(
  input: z.output<typeof bulkInputSchema>,
  current: FollowUp,
  now: Date,
): Partial<Pick<FollowUp, 'due' | 'assigneeId'>> | undefined {
  switch (input.action) {
    case 'reschedule':
      return { due: input.due as string };
    case 'snooze':
      return { due: snoozedDue(input.snooze as SnoozePick, current.due, now) };
    case 'reassign':
      return { assigneeId: input.assigneeId === '' ? undefined : input.assigneeId };
    case 'complete':
      return undefined;
  }
}

function alreadySo(current: FollowUp, target: ReturnType<typeof targetOf>): boolean {
  if (target === undefined) return current.status === 'done';
  if (current.status !== 'open') return false;
  if ('due' in target) return current.due === target.due;
  return current.assigneeId === target.assigneeId;
}

/**
 * Applies one action to each chosen task, in order, and says how each went. Bad input (no task, no
 * date, a date in the past) is a ValidationError before anything is changed.
 */
export async function applyToTasks(
  db: Db,
  workspaceId: string,
  input: unknown,
  by: string,
): Promise<BulkTaskResult[]> {
  const parsed = parseInput(bulkInputSchema, input);
  if (parsed.action === 'reschedule') parseInput(z.object({ due: futureDueDateSchema(db.now()) }), parsed);
  const results: BulkTaskResult[] = [];
  const seen = new Set<string>();
  for (const task of parsed.tasks) {
    if (seen.has(task.id)) continue;
    seen.add(task.id);
    const ref = { associationId: task.associationId, id: task.id };
    try {
      const current = await getFollowUp(db, workspaceId, task.associationId, task.id);
      const target = targetOf(parsed, current, db.now());
      if (alreadySo(current, target)) {
        results.push({ ...ref, outcome: 'unchanged' });
        continue;
      }
      if (current.status !== 'open') {
        results.push({ ...ref, outcome: 'failed', reason: localised('msg:followUp.notOpen') });
        continue;
      }
      if (current.version !== task.version) {
        results.push({ ...ref, outcome: 'conflict' });
        continue;
      }
      if (target === undefined) {
        await closeFollowUp(db, workspaceId, { ...ref, expectedVersion: task.version }, by);
      } else {
        await updateOpenFollowUp(
          db,
          workspaceId,
          {
            ...ref,
            expectedVersion: task.version,
            ...('due' in target ? { due: target.due } : { assigneeId: target.assigneeId ?? '' }),
          },
          by,
        );
      }
      await recordAudit(db, workspaceId, {
        actorId: by,
        action: target === undefined ? 'followUp.complete' : 'followUp.update',
        entityType: 'followUp',
        entityId: task.id,
        associationId: task.associationId,
      });
      results.push({ ...ref, outcome: 'done' });
    } catch (error) {
      if (error instanceof ConflictError) results.push({ ...ref, outcome: 'conflict' });
      else if (error instanceof ValidationError || error instanceof NotFoundError)
        results.push({ ...ref, outcome: 'failed', reason: reasonOf(error) });
      else if (error instanceof AppError) results.push({ ...ref, outcome: 'failed', reason: error.safe });
      else throw error;
    }
  }
  return results;
}

function reasonOf(error: ValidationError | NotFoundError): Localised {
  return error instanceof ValidationError && error.fields[0] ? error.fields[0].message : error.safe;
}
