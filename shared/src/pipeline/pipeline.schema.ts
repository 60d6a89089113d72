// The tarjotin onboarding pipeline: configurable stages per workspace, append-only stage history.
import { z } from 'zod';
import { isoInstantSchema, lineText, optionalText } from '../schema-helpers';

/** 2: indexed by the Helsinki month it happened in (pattern 31). */
export const STAGE_CHANGE_SCHEMA_VERSION = 2;

export const stageCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'msg:stage.unknown' });

export const pipelineStageSchema = z.object({
  code: stageCodeSchema,
  label: z.object({ fi: lineText().min(1).max(60), en: lineText().min(1).max(60) }),
  /** Main stages form the path to "published"; exits are side exits (declined, dissolved…). */
  kind: z.enum(['main', 'exit']),
  /** Days before a card in this stage is highlighted; absent: the workspace's default (staleAfterDays). */
  staleAfterDays: z
    .number({ message: 'msg:staleDays.range' })
    .int({ message: 'msg:staleDays.range' })
    .min(1, { message: 'msg:staleDays.range' })
    .max(3650, { message: 'msg:staleDays.range' })
    .optional(),
});
export type PipelineStage = z.output<typeof pipelineStageSchema>;

export const stageMoveInputSchema = z.object({
  // An empty choice (a final stage's select has no default) is asked for, not called unknown.
  to: z.string({ message: 'msg:stage.choose' }).min(1, { message: 'msg:stage.choose' }).pipe(stageCodeSchema),
  note: optionalText(1000),
});

export interface StageChange {
  sv: number;
  associationId: string;
  seq: number;
  from: string | null;
  to: string;
  at: string;
  by: string;
  note?: string;
}

export const stageChangeAtSchema = isoInstantSchema;
