// Everything that can be rebuilt from the code: the web app (SvelteKit on Lambda behind
// CloudFront, static assets from S3), the scheduled functions (daily reminders, expiry sweep),
// and the alarms. Deleting this stack loses no data.
//
// Origin design: CloudFront reaches the web function through its Function URL without IAM auth,
// because Origin Access Control would require a body hash header on POST that a plain HTML form
// cannot send. Instead CloudFront adds a secret header that the function checks on every request
// (functions/src/web/web-handler.ts), and a viewer-request function passes the site's host and
// the viewer's IP. Static assets are uploaded before the new function is deployed, and old
// hashed assets are kept, so pages open during a deploy keep working.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  Aws,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Size,
  Stack,
  Token,
  Validations,
  type CfnElement,
  type StackProps,
} from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { FunctionUrlOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  Alarm,
  ComparisonOperator,
  Metric,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, Policy, PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import { BASIC_EXECUTION_ROLE_FINDING, grantTableData } from './grants';
import {
  Architecture,
  Code,
  Function as LambdaFunction,
  FunctionUrlAuthType,
  Runtime,
  type FunctionProps,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import {
  ConfigurationSet,
  EmailSendingEvent,
  EventDestination,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { TimeZone } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { bundleDir, repoRoot } from '../lambda/bundles';
import type { DeployConfig } from '../config';
import { viewerRequestCode } from './viewer-request-function';
import { ORIGIN_SECRET_HEADER } from '../../functions/src/web/cloudfront-headers';
import { EXPORT_PREFIX, UPLOAD_PREFIX } from '../../shared/src/storage/retention';
import { PLAIN_PAGE_CSP } from '../../shared/src/security-headers';

export interface StatelessStackProps extends StackProps {
  config: DeployConfig;
  table: ITableV2;
  /** The stateful stack's export bucket (handover packages, uploads). */
  exportBucketName: string;
  /** The built static files (web/build/client). */
  clientDir?: string;
}

const IMMUTABLE = '_app/immutable';

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
    const clientDir = props.clientDir ?? join(repoRoot, 'web', 'build', 'client');

    const originSecret = this.generatedSecret('OriginSecret', 'Shared by CloudFront and the web function.');
    const cursorSecret = this.generatedSecret('CursorSecret', 'Signs pagination cursors.');
    const common = {
      KOHTAAMO_TABLE: table.tableName,
      KOHTAAMO_CURSOR_SECRET: cursorSecret,
      NODE_OPTIONS: '--enable-source-maps',
    };

    // Background jobs (handover packages, imports, mailings): invoked asynchronously by the web
    // function; packages are written to the export bucket, uploads read from it (and their rows kept).
    const exportBucket = Bucket.fromBucketName(this, 'ExportBucket', props.exportBucketName);
    const objects = (prefix: string) => exportBucket.arnForObjects(`${prefix}*`);
    this.jobs = this.lambda('Jobs', 'jobs', {
      memorySize: 1024,
      timeout: Duration.minutes(15),
      // The package's files are written to /tmp before they are zipped.
      ephemeralStorageSize: Size.gibibytes(2),
      environment: { ...common, KOHTAAMO_BLOB_BUCKET: exportBucket.bucketName },
    });
    grantTableData(this.jobs, table);
    this.jobs.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload'],
        resources: [objects(EXPORT_PREFIX)],
      }),
    );
    // Uploads are read by the import-check job, which keeps the rows it read beside the upload.
    this.jobs.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:GetObject', 's3:PutObject'],
        resources: [objects(UPLOAD_PREFIX)],
      }),
    );

    // E-mail: bounces and complaints of every message sent are recorded (see mailEvents).
    const mailEvents = config.mailFrom ? this.mailEvents(table, common) : undefined;

    // The web app.
    this.web = this.lambda('Web', 'web', {
      memorySize: 1024,
      timeout: Duration.seconds(29),
      environment: {
        ...common,
        KOHTAAMO_ORIGIN_SECRET: originSecret,
        KOHTAAMO_BLOB_BUCKET: exportBucket.bucketName,
        KOHTAAMO_JOBS_FUNCTION: this.jobs.functionName,
        ...(config.domainName ? { KOHTAAMO_PUBLIC_ORIGIN: `https://${config.domainName}` } : {}),
        // Invitations and resets of existing accounts go by e-mail; without a sender they are refused.
        ...(config.mailFrom && mailEvents
          ? {
              KOHTAAMO_MAILER: 'ses',
              KOHTAAMO_MAIL_FROM: config.mailFrom,
              KOHTAAMO_SES_CONFIGURATION_SET: mailEvents.configurationSetName,
            }
          : { KOHTAAMO_MAILER: 'none' }),
        ...(config.domainName ? { KOHTAAMO_SITE_URL: `https://${config.domainName}` } : {}),
      },
    });
    grantTableData(this.web, table);
    if (config.mailFrom && mailEvents) {
      this.allowSendingFrom(this.web, config.mailFrom, mailEvents.configurationSetName);
    }
    // Signs download links for finished packages and upload forms for spreadsheets: only those
    // two prefixes of the export bucket, nothing else in it.
    this.web.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:GetObject'],
        resources: [objects(EXPORT_PREFIX)],
      }),
    );
    this.web.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:PutObject', 's3:GetObject'],
        resources: [objects(UPLOAD_PREFIX)],
      }),
    );
    this.jobs.grantInvoke(this.web);
    this.acknowledgeExportPrefixes(props.exportBucketName);
    const url = this.web.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });

    // Static assets: uploaded before the new web function goes live; old hashed files are kept.
    const assets = new Bucket(this, 'Assets', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    Validations.of(assets).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Public, versioned-by-hash static files only, served through CloudFront; access logs add nothing.',
    });
    const immutable = new BucketDeployment(this, 'ImmutableAssets', {
      sources: [Source.asset(join(clientDir, IMMUTABLE))],
      destinationBucket: assets,
      destinationKeyPrefix: `${IMMUTABLE}/`,
      prune: false,
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      memoryLimit: 512,
    });
    const otherAssets = new BucketDeployment(this, 'OtherAssets', {
      sources: [Source.asset(clientDir, { exclude: [`${IMMUTABLE}/**`] })],
      destinationBucket: assets,
      prune: false,
      cacheControl: [CacheControl.fromString('public, max-age=300')],
      memoryLimit: 512,
    });
    this.web.node.addDependency(immutable, otherAssets);
    this.acknowledgeBucketDeployment(assets, config.region);

    // CloudFront.
    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: false,
        },
        contentTypeOptions: { override: true },
        // Answers without their own policy (SvelteKit's cross-site 403, static files) get the
        // plain one; pages keep theirs.
        contentSecurityPolicy: { contentSecurityPolicy: PLAIN_PAGE_CSP, override: false },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: false },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: false,
        },
      },
    });
    const viewerRequest = new CloudFrontFunction(this, 'ViewerRequest', {
      code: FunctionCode.fromInline(viewerRequestCode),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Passes the site host and the viewer IP to the web function',
    });
    const staticBehavior: BehaviorOptions = {
      origin: S3BucketOrigin.withOriginAccessControl(assets),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: securityHeaders,
      compress: true,
    };
    const additionalBehaviors: Record<string, BehaviorOptions> = { '/_app/*': staticBehavior };
    for (const name of readdirSync(clientDir)) {
      if (name === '_app') continue;
      additionalBehaviors[statSync(join(clientDir, name)).isDirectory() ? `/${name}/*` : `/${name}`] =
        staticBehavior;
    }
    this.distribution = new Distribution(this, 'Site', {
      comment: `Kohtaamo ${config.stage}`,
      defaultBehavior: {
        origin: new FunctionUrlOrigin(url, {
          customHeaders: { [ORIGIN_SECRET_HEADER]: originSecret },
          readTimeout: Duration.seconds(30),
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [{ function: viewerRequest, eventType: FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      additionalBehaviors,
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      ...(config.domainName && config.certificateArn
        ? {
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
            domainNames: [config.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', config.certificateArn),
          }
        : {}),
    });
    this.acknowledgeDistribution(Boolean(config.domainName));
    const siteUrl = config.domainName
      ? `https://${config.domainName}`
      : `https://${this.distribution.distributionDomainName}`;

    // Scheduled functions.
    this.sweep = this.lambda('SweepExpired', 'sweep-expired', { environment: common });
    grantTableData(this.sweep, table, { scan: true });
    this.daily('SweepSchedule', this.sweep, 3, {});

    if (config.mailFrom && mailEvents) {
      this.reminders = this.lambda('Reminders', 'reminders', {
        timeout: Duration.minutes(5),
        environment: {
          ...common,
          KOHTAAMO_MAIL_FROM: config.mailFrom,
          KOHTAAMO_SITE_URL: siteUrl,
          KOHTAAMO_SES_CONFIGURATION_SET: mailEvents.configurationSetName,
        },
      });
      grantTableData(this.reminders, table);
      this.allowSendingFrom(this.reminders, config.mailFrom, mailEvents.configurationSetName);
      this.daily('RemindersSchedule', this.reminders, 7, { kind: 'daily-reminders' });
    } else {
      this.reminders = undefined;
    }

    // The repair job: daily at 04:00 Helsinki time over every workspace, or by hand for one. A run
    // that needs more than its 15 minutes invokes itself with where it stopped (its own policy, not
    // the role's default one, which the function depends on).
    const repair = this.lambda('RepairWorkspace', 'repair-workspace', {
      timeout: Duration.minutes(15),
      environment: common,
    });
    grantTableData(repair, table, { scan: true });
    new Policy(this, 'RepairWorkspaceContinues', {
      roles: [repair.role as IRole],
      statements: [
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['lambda:InvokeFunction'],
          resources: [repair.functionArn],
        }),
      ],
    });
    this.daily('RepairSchedule', repair, 4, { kind: 'scheduled-repair' });

    // Alarms.
    this.alarmTopic = new Topic(this, 'Alarms', {
      displayName: `Kohtaamo ${config.stage} alarms`,
      enforceSSL: true,
    });
    Validations.of(this.alarmTopic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notifications carry alarm names only, no personal data; CloudWatch cannot publish to a topic ' +
        'under the AWS-managed SNS key, and a customer-managed key would cost more than the rest of the idle stack.',
    });
    if (config.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(config.alarmEmail));
    const scheduledMail = [
      ...(this.reminders ? [this.reminders] : []),
      ...(mailEvents ? [mailEvents.fn] : []),
    ];
    for (const fn of [this.web, this.jobs, this.sweep, repair, ...scheduledMail]) {
      const name = fn.node.id;
      this.alarm(`${name}Errors`, fn.metricErrors({ period: Duration.minutes(5) }), 1);
      this.alarm(`${name}Throttles`, fn.metricThrottles({ period: Duration.minutes(5) }), 1);
    }
    for (const metricName of ['ReadThrottleEvents', 'WriteThrottleEvents']) {
      this.alarm(
        `Table${metricName}`,
        new Metric({
          namespace: 'AWS/DynamoDB',
          metricName,
          dimensionsMap: { TableName: table.tableName },
          statistic: 'Sum',
          period: Duration.minutes(5),
        }),
        1,
      );
    }
    if (this.reminders) {
      for (const metricName of ['DigestsStuck', 'DigestsFailed']) {
        this.alarm(
          `Reminders${metricName}`,
          new Metric({
            namespace: 'Kohtaamo',
            metricName,
            dimensionsMap: { service: 'reminders' },
            statistic: 'Sum',
            period: Duration.hours(1),
          }),
          1,
        );
      }
    }

    new CfnOutput(this, 'SiteUrl', { value: siteUrl });
    new CfnOutput(this, 'DistributionId', { value: this.distribution.distributionId });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
  }

  /** A random secret in Secrets Manager, resolved by CloudFormation where it is used. */
  private generatedSecret(id: string, description: string): string {
    const secret = new Secret(this, id, {
      description,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotated by redeploying after replacing the secret (see the README); automatic rotation would need a ' +
        'rotation Lambda and a coordinated CloudFront update for a value that only gates the origin.',
    });
    // Resolved at deploy time by CloudFormation: the value never appears in the template.
    return secret.secretValue.unsafeUnwrap();
  }

  private lambda(id: string, bundle: string, props: Partial<FunctionProps>): LambdaFunction {
    const logGroup = new LogGroup(this, `${id}Logs`, {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const fn = new LambdaFunction(this, id, {
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      handler: 'index.handler',
      code: Code.fromAsset(bundleDir(bundle)),
      memorySize: 512,
      timeout: Duration.seconds(60),
      logGroup,
      ...props,
    });
    Validations.of(fn).acknowledge({
      id: BASIC_EXECUTION_ROLE_FINDING,
      reason:
        'AWSLambdaBasicExecutionRole only grants writing to CloudWatch Logs; the data permissions are separate and scoped.',
    });
    return fn;
  }

  /**
   * Bounces and complaints: an SES configuration set publishes them to a topic, and the
   * mail-events function records each address so that no Kohtaamo mail goes to it again.
   */
  private mailEvents(
    table: ITableV2,
    environment: Record<string, string>,
  ): { configurationSetName: string; fn: LambdaFunction } {
    const configurationSet = new ConfigurationSet(this, 'MailConfiguration', {
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    const topic = new Topic(this, 'MailEventsTopic', {
      displayName: 'Kohtaamo SES bounces and complaints',
      enforceSSL: true,
    });
    Validations.of(topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'SES publishes bounce and complaint events to this topic; a customer-managed key (the AWS-managed SNS key ' +
        'cannot be used by SES) would cost more than the rest of the idle stack, and messages live seconds.',
    });
    configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(topic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    const fn = this.lambda('MailEvents', 'mail-events', { environment });
    grantTableData(fn, table);
    topic.addSubscription(new LambdaSubscription(fn));
    return { configurationSetName: configurationSet.configurationSetName, fn };
  }

  /**
   * Lets a function send e-mail through SES from the configured sender only: the address or its
   * domain identity, and only with that From address (SendRawEmail too, which SESv2's
   * SendEmail uses for raw content), through the configuration set that records bounces.
   */
  private allowSendingFrom(fn: LambdaFunction, mailFrom: string, configurationSetName: string): void {
    const domain = mailFrom.split('@')[1] as string;
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          this.formatArn({ service: 'ses', resource: 'identity', resourceName: mailFrom }),
          this.formatArn({ service: 'ses', resource: 'identity', resourceName: domain }),
          this.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: configurationSetName,
          }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': mailFrom } },
      }),
    );
  }

  /** Invokes `fn` every day at `hour`:00 Helsinki time, whatever the daylight saving time. */
  private daily(id: string, fn: LambdaFunction, hour: number, input: Record<string, unknown>): void {
    Validations.of(this).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${this.logicalIdOf(fn)}.Arn>:*]`,
      reason:
        'The scheduler may invoke any version of this one function (the grant CDK writes for a Lambda target).',
    });
    new Schedule(this, id, {
      schedule: ScheduleExpression.cron({
        minute: '0',
        hour: String(hour),
        timeZone: TimeZone.EUROPE_HELSINKI,
      }),
      target: new LambdaInvoke(fn, {
        input: ScheduleTargetInput.fromObject(input),
        retryAttempts: 2,
        maxEventAge: Duration.hours(2),
      }),
    });
  }

  private alarm(id: string, metric: IMetric, threshold: number): void {
    const alarm = new Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.alarmTopic));
  }

  private logicalIdOf(construct: LambdaFunction | Bucket): string {
    return this.getLogicalId(construct.node.defaultChild as CfnElement);
  }

  /** The object-prefix grants on the export bucket, as cdk-nag names them. */
  private acknowledgeExportPrefixes(bucketName: string): void {
    const name = bucketName.replace(Aws.ACCOUNT_ID, '<AWS::AccountId>');
    for (const prefix of [EXPORT_PREFIX, UPLOAD_PREFIX]) {
      Validations.of(this).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${name}/${prefix}*]`,
        reason: `Objects under ${prefix} only: each package and upload gets its own key below the prefix.`,
      });
    }
    Validations.of(this).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${this.logicalIdOf(this.jobs)}.Arn>:*]`,
      reason: 'The web function may invoke any version of the jobs function (the grant CDK writes).',
    });
  }

  /** CDK's own upload function (a singleton at stack level) for the static assets. */
  private acknowledgeBucketDeployment(assets: Bucket, region: string): void {
    const reason =
      'CDK`s BucketDeployment function copies the built static files from the CDK asset bucket to the assets ' +
      'bucket during deploys; its role and runtime are managed by CDK.';
    // The CDK asset bucket's name, as cdk-nag prints it: the account is a token unless it was given.
    const account = Token.isUnresolved(this.account) ? '<AWS::AccountId>' : this.account;
    const findings = [
      BASIC_EXECUTION_ROLE_FINDING,
      'AwsSolutions-L1',
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map(
        (action) => `AwsSolutions-IAM5[Action::${action}]`,
      ),
      `AwsSolutions-IAM5[Resource::<${this.logicalIdOf(assets)}.Arn>/*]`,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${account}-${region}/*]`,
    ];
    for (const id of findings) Validations.of(this).acknowledge({ id, reason });
  }

  private acknowledgeDistribution(customDomain: boolean): void {
    const site = Validations.of(this.distribution);
    site.acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'No geo restriction: staff travel and associations may be reached from anywhere.',
    });
    site.acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'No WAF: its fixed monthly cost is larger than the idle stack; logins are throttled per account and per ' +
        'address in the app, and only CloudFront can reach the function.',
    });
    site.acknowledge({
      id: 'AwsSolutions-CFR3',
      reason:
        'No CloudFront access logs: they would store every viewer`s IP address; errors are alarmed from metrics.',
    });
    if (!customDomain) {
      site.acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'The default *.cloudfront.net certificate cannot pin TLS 1.2; with a custom domain TLSv1.2_2021 is used.',
      });
    }
  }
}
