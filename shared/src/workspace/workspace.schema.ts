// A workspace (työtila): one support centre's data and settings.
import { z } from 'zod';
import { workspaceIdSchema } from '../ids';
import { pipelineStageSchema } from '../pipeline/pipeline.schema';
import { lineText } from '../schema-helpers';
import { partnerKindListSchema } from '../association/organisation-kind';

/** 2: the workspace item is listed in pattern 20 (migration in db/migrate.ts). */
export const WORKSPACE_SCHEMA_VERSION = 2;

export const workspaceInputSchema = z.object({
  id: workspaceIdSchema,
  name: lineText().min(1, { message: 'msg:name.required' }).max(200, { message: 'msg:name.tooLong' }),
  stages: z
    .array(pipelineStageSchema)
    .min(1)
    .refine((stages) => new Set(stages.map((s) => s.code)).size === stages.length, {
      message: 'msg:stage.unknown',
    }),
  /** Cards waiting longer than this in a stage are highlighted as stale. */
  staleAfterDays: z.number().int().min(1).max(3650).default(30),
  /**
   * The kinds of partner organisations besides associations (organisation-kind.ts). Absent on a
   * workspace stored before them: partnerKindsOf() gives the defaults.
   */
  partnerKinds: partnerKindListSchema.optional(),
});
export type WorkspaceInput = z.output<typeof workspaceInputSchema>;

export interface Workspace extends WorkspaceInput {
  sv: number;
  version: number;
  createdAt: string;
}
