// Everything that can be rebuilt from the code: the web app (SvelteKit on Lambda behind
// CloudFront, static assets from S3), the background jobs, the scheduled functions (reminders,
// expiry sweep, repair), SES bounce recording and the alarms. Deleting this stack loses no data.
// Each part is a construct in infra/constructs/; this file only wires them together. The parts
// keep the logical ids their resources had when this stack was one constructor (stack-part.ts),
// so regrouping them replaces nothing on deploy.
import { join } from 'node:path';
import { CfnOutput, Stack, type CfnElement, type StackProps } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { DeployConfig } from '../config';
import { Alarms } from '../constructs/alarms';
import { Cdn } from '../constructs/cdn';
import { generatedSecret } from '../constructs/generated-secret';
import { Jobs } from '../constructs/jobs';
import { MailEvents } from '../constructs/mail-events';
import { Schedules } from '../constructs/schedules';
import { logicalIdWithoutParts } from '../constructs/stack-part';
import { WebApp } from '../constructs/web-app';
import { repoRoot } from '../lambda/bundles';

export interface StatelessStackProps extends StackProps {
  config: DeployConfig;
  table: ITableV2;
  /** The stateful stack's export bucket (handover packages, uploads). */
  exportBucketName: string;
  /** The built static files (web/build/client). */
  clientDir?: string;
}

export class StatelessStack extends Stack {
  readonly web: LambdaFunction;
  readonly reminders: LambdaFunction | undefined;
  readonly sweep: LambdaFunction;
  readonly jobs: LambdaFunction;
  readonly distribution: Distribution;
  readonly alarmTopic: Topic;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config, table } = props;

    const originSecret = generatedSecret(this, 'OriginSecret', 'Shared by CloudFront and the web function.');
    const cursorSecret = generatedSecret(this, 'CursorSecret', 'Signs pagination cursors.');
    const environment = {
      KOHTAAMO_TABLE: table.tableName,
      KOHTAAMO_CURSOR_SECRET: cursorSecret,
      NODE_OPTIONS: '--enable-source-maps',
    };
    const exportBucket = Bucket.fromBucketName(this, 'ExportBucket', props.exportBucketName);

    const jobs = new Jobs(this, 'Jobs', { table, exportBucket, environment });
    const mail = config.mailFrom
      ? new MailEvents(this, 'MailEvents', { table, mailFrom: config.mailFrom, environment })
      : undefined;
    const web = new WebApp(this, 'WebApp', {
      table,
      exportBucket,
      environment,
      originSecret,
      jobs: jobs.fn,
      domainName: config.domainName,
      mail,
    });
    // `Default`: the id constructs leave out of paths, so the names CDK derives from the CDN's
    // paths (origin ids, the CloudFront function's name, asset ownership tags) stay as they were.
    const cdn = new Cdn(this, 'Default', {
      stage: config.stage,
      url: web.url,
      originSecret,
      clientDir: props.clientDir ?? join(repoRoot, 'web', 'build', 'client'),
      domainName: config.domainName,
      certificateArn: config.certificateArn,
    });
    // Static files first: pages served by the new function find their scripts.
    web.fn.node.addDependency(...cdn.assetDeployments);
    const schedules = new Schedules(this, 'Schedules', { table, environment, siteUrl: cdn.siteUrl, mail });
    const alarms = new Alarms(this, 'Alarms', {
      stage: config.stage,
      alarmEmail: config.alarmEmail,
      functions: [web.fn, jobs.fn, ...schedules.functions, ...(mail ? [mail.fn] : [])],
      tableName: table.tableName,
      reminders: Boolean(schedules.reminders),
    });

    this.web = web.fn;
    this.jobs = jobs.fn;
    this.sweep = schedules.sweep;
    this.reminders = schedules.reminders;
    this.distribution = cdn.distribution;
    this.alarmTopic = alarms.topic;

    new CfnOutput(this, 'SiteUrl', { value: cdn.siteUrl });
    new CfnOutput(this, 'DistributionId', { value: cdn.distribution.distributionId });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn });
  }

  protected override allocateLogicalId(element: CfnElement): string {
    return logicalIdWithoutParts(element);
  }
}
