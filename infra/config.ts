// Deployment configuration, from CDK context (`--context key=value`, or `cdk.json`) and validated
// here: a wrong value stops the synth with a message naming it.
import { z } from 'zod';

export const deployConfigSchema = z
  .object({
    stage: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,20}$/, 'stage: lower-case letters, digits and dashes, 2–21 characters'),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'region: an AWS region such as eu-north-1'),
    /** Sender of reminder e-mails, an address or domain verified in SES. No reminders without it. */
    mailFrom: z.email('mailFrom: an e-mail address verified in SES').optional(),
    /** Where alarms are e-mailed (an SNS subscription to confirm once). */
    alarmEmail: z.email('alarmEmail: an e-mail address').optional(),
    /** Optional custom domain, with an ACM certificate for it in us-east-1. */
    domainName: z
      .string()
      .regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'domainName: a host name such as kohtaamo.example.fi')
      .optional(),
    certificateArn: z
      .string()
      .regex(
        /^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/,
        'certificateArn: an ACM certificate in us-east-1',
      )
      .optional(),
  })
  .refine((c) => (c.domainName === undefined) === (c.certificateArn === undefined), {
    message: 'domainName and certificateArn go together: give both or neither',
  });

export type DeployConfig = z.output<typeof deployConfigSchema>;

/** The stage's DynamoDB table (made by the stateful stack). */
export const stageTableName = (stage: string) => `kohtaamo-${stage}`;

/** Reads the configuration through `get` (e.g. `app.node.tryGetContext`). */
export function loadDeployConfig(get: (key: string) => unknown): DeployConfig {
  const raw = {
    stage: get('stage') ?? 'dev',
    region: get('region') ?? process.env.CDK_DEFAULT_REGION ?? 'eu-north-1',
    mailFrom: get('mailFrom') || undefined,
    alarmEmail: get('alarmEmail') || undefined,
    domainName: get('domainName') || undefined,
    certificateArn: get('certificateArn') || undefined,
  };
  const result = deployConfigSchema.safeParse(raw);
  if (!result.success) {
    throw new Error(
      `Invalid deployment configuration:\n  ${result.error.issues.map((i) => i.message).join('\n  ')}`,
    );
  }
  return result.data;
}
