// The web app: the SvelteKit server as a Lambda with a Function URL that only CloudFront uses (it
// checks the origin secret CloudFront adds on every request; see functions/src/web/web-handler.ts).
// It reads and writes the table, signs download links for finished packages and upload forms for
// spreadsheets (those two prefixes of the export bucket only), starts background jobs, and sends
// invitations and resets by e-mail when a sender is configured (otherwise it refuses them).
import { Duration, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import {
  FunctionUrlAuthType,
  type Function as LambdaFunction,
  type FunctionUrl,
} from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { EXPORT_PREFIX, UPLOAD_PREFIX } from '../../shared/src/storage/retention';
import { bundledFunction } from './bundled-function';
import { acknowledgeObjectPrefixes, grantObjects, grantTableData } from './grants';
import type { MailEvents } from './mail-events';
import { StackPart } from './stack-part';

export interface WebAppProps {
  table: ITableV2;
  /** The stateful stack's export bucket. */
  exportBucket: IBucket;
  /** The variables every function gets (table, cursor secret). */
  environment: Record<string, string>;
  /** A dynamic reference to the secret CloudFront adds to every origin request. */
  originSecret: string;
  /** The background jobs function the app starts. */
  jobs: LambdaFunction;
  /** The site's custom domain, if it has one (else the viewer's host is the public origin). */
  domainName?: string | undefined;
  /** SES set-up when a sender is configured. */
  mail?: MailEvents | undefined;
}

export class WebApp extends StackPart {
  readonly fn: LambdaFunction;
  readonly url: FunctionUrl;

  constructor(scope: Construct, id: string, props: WebAppProps) {
    super(scope, id);
    const { domainName, exportBucket, mail } = props;
    this.fn = bundledFunction(this, 'Web', 'web', {
      memorySize: 1024,
      timeout: Duration.seconds(29),
      environment: {
        ...props.environment,
        KOHTAAMO_ORIGIN_SECRET: props.originSecret,
        KOHTAAMO_BLOB_BUCKET: exportBucket.bucketName,
        KOHTAAMO_JOBS_FUNCTION: props.jobs.functionName,
        ...(domainName ? { KOHTAAMO_PUBLIC_ORIGIN: `https://${domainName}` } : {}),
        // Invitations and resets of existing accounts go by e-mail; without a sender they are refused.
        ...(mail
          ? {
              KOHTAAMO_MAILER: 'ses',
              KOHTAAMO_MAIL_FROM: mail.mailFrom,
              KOHTAAMO_SES_CONFIGURATION_SET: mail.configurationSetName,
            }
          : { KOHTAAMO_MAILER: 'none' }),
        ...(domainName ? { KOHTAAMO_SITE_URL: `https://${domainName}` } : {}),
      },
    });
    grantTableData(this.fn, props.table);
    mail?.grantSendFrom(this.fn);
    grantObjects(this.fn, exportBucket, EXPORT_PREFIX, ['s3:GetObject']);
    grantObjects(this.fn, exportBucket, UPLOAD_PREFIX, ['s3:PutObject', 's3:GetObject']);
    props.jobs.grantInvoke(this.fn);
    acknowledgeObjectPrefixes(this, exportBucket.bucketName, [EXPORT_PREFIX, UPLOAD_PREFIX]);
    const jobsId = Stack.of(this).getLogicalId(props.jobs.node.defaultChild as CfnElement);
    Validations.of(this).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${jobsId}.Arn>:*]`,
      reason: 'The web function may invoke any version of the jobs function (the grant CDK writes).',
    });
    this.url = this.fn.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
  }
}
