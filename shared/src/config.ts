// The environment, parsed and validated once at start-up, then passed in (never read deep inside).
import { z } from 'zod';
import { WORKSPACE_ID_PATTERN } from './ids';

const configSchema = z.object({
  KOHTAAMO_TABLE: z.string().min(3).max(255).default('kohtaamo-local'),
  /** Set locally (dynalite); absent in AWS, where the SDK finds DynamoDB itself. */
  KOHTAAMO_DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).default('eu-north-1'),
  KOHTAAMO_DATA_DIR: z.string().min(1).default('.data'),
  KOHTAAMO_WORKSPACE: z.string().regex(WORKSPACE_ID_PATTERN).default('default'),
  KOHTAAMO_CURSOR_SECRET: z.string().min(32, 'KOHTAAMO_CURSOR_SECRET must be at least 32 characters'),
  KOHTAAMO_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(8 * 60),
  KOHTAAMO_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(90 * 24)
    .default(7 * 24),
  /** AWS: the export bucket for handover packages and uploads; locally a folder in the data directory. */
  KOHTAAMO_BLOB_BUCKET: z.string().min(3).max(63).optional(),
  /** AWS: the function that runs background jobs; locally they run in the server process. */
  KOHTAAMO_JOBS_FUNCTION: z.string().min(1).max(170).optional(),
  /** Local only: the site's origin as browsers see it; requests for another Host are refused. Default http://HOST:PORT. */
  KOHTAAMO_ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
});

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  constructor(issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return result.data;
}
