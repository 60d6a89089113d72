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
  /**
   * How the web sends account e-mail (invitations and resets of existing accounts): `outbox`
   * writes .eml files to <data dir>/outbox, `ses` sends from KOHTAAMO_MAIL_FROM, `none` sends
   * nothing (those invitations and resets are then refused). Default: `outbox` locally (an
   * endpoint is set), else `none`.
   */
  KOHTAAMO_MAILER: z.enum(['outbox', 'ses', 'none']).optional(),
  /**
   * The site's address for links in e-mail. Default: http://HOST:PORT locally; in AWS the
   * request's origin (CloudFront passes the viewer's host, which it has already matched).
   * Never the Host header of a local request, which anyone can forge.
   */
  KOHTAAMO_SITE_URL: z.url().optional(),
  /** The sender of every message; required with `ses`. */
  KOHTAAMO_MAIL_FROM: z.email().max(200).optional(),
  /** AWS: the SES configuration set that publishes bounces and complaints (set by the stack). */
  KOHTAAMO_SES_CONFIGURATION_SET: z.string().min(1).max(64).optional(),
  /** Local only: the site's origin as browsers see it; requests for another Host are refused. Default http://HOST:PORT. */
  KOHTAAMO_ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Locally, `npm start` runs repair over every workspace once the server is ready, unless off. */
  KOHTAAMO_STARTUP_REPAIR: z.enum(['on', 'off']).default('on'),
  /** Local fault tests only: crash points to arm (db/fault-points.ts). Refused in Lambda. */
  KOHTAAMO_FAULT_POINTS: z.string().max(500).optional(),
  /** Set by the Lambda runtime; used here only to refuse local-only settings there. */
  AWS_LAMBDA_FUNCTION_NAME: z.string().optional(),
});

const checkedConfigSchema = configSchema.refine(
  (config) => config.KOHTAAMO_MAILER !== 'ses' || config.KOHTAAMO_MAIL_FROM !== undefined,
  { path: ['KOHTAAMO_MAIL_FROM'], message: 'KOHTAAMO_MAILER=ses needs KOHTAAMO_MAIL_FROM' },
);

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  constructor(issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = checkedConfigSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  if (result.data.AWS_LAMBDA_FUNCTION_NAME && result.data.KOHTAAMO_FAULT_POINTS) {
    throw new ConfigError([
      'KOHTAAMO_FAULT_POINTS: fault points are for local fault tests and refused in Lambda',
    ]);
  }
  return result.data;
}
