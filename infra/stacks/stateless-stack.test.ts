import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../shared/src/db/table';
import { TABLE_DATA_ACTIONS } from '../constructs/grants';
import { ORIGIN_SECRET_HEADER } from '../../functions/src/web/cloudfront-headers';
import { PLAIN_PAGE_CSP } from '../../shared/src/security-headers';
import { testApp } from './test-app';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] }>;
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

let template: Template;
let resources: Resources;

const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

/** The logical id of our function `name` (CDK appends an 8-character hash). */
function functionId(name: string): string {
  const id = Object.keys(resources).find(
    (key) => resources[key]?.Type === 'AWS::Lambda::Function' && new RegExp(`^${name}[0-9A-F]{8}$`).test(key),
  );
  if (!id) throw new Error(`no function ${name}`);
  return id;
}

/** Every statement of every IAM policy attached to the role of the function at `path`. */
function statementsOfFunction(name: string): Statement[] {
  const fnId = functionId(name);
  const roleRef = (resources[fnId]?.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy')
    .filter((r) => (r.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleRef))
    .flatMap((r) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

const actionsOf = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());

describe('stateless stack', () => {
  beforeAll(() => {
    template = Template.fromStack(testApp().stateless);
    resources = template.toJSON().Resources as Resources;
  });

  it('runs every function on nodejs24.x, arm64, with its log retention set', () => {
    const functions = ['Web', 'Jobs', 'Reminders', 'SweepExpired', 'RepairWorkspace', 'MailEvents'].map(
      (name) => resources[functionId(name)],
    );
    for (const fn of functions) {
      expect(fn?.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
      expect(fn?.Properties.LoggingConfig).toBeDefined();
    }
    template.resourceCountIs('AWS::Logs::LogGroup', 6);
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  it('serves the app from the Function URL only through CloudFront, with the origin secret', () => {
    template.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE' });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      InvokedViaFunctionUrl: true,
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          AllowedMethods: Match.arrayWith(['POST']),
          CachePolicyId: CACHING_DISABLED,
          OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST,
          ViewerProtocolPolicy: 'redirect-to-https',
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
        Origins: Match.arrayWith([
          Match.objectLike({
            OriginCustomHeaders: [{ HeaderName: ORIGIN_SECRET_HEADER, HeaderValue: Match.anyValue() }],
            CustomOriginConfig: Match.objectLike({ OriginProtocolPolicy: 'https-only' }),
          }),
        ]),
      }),
    });
    // The secret is a Secrets Manager dynamic reference, never a literal in the template.
    const json = JSON.stringify(template.toJSON());
    expect(json).toMatch(/\{\{resolve:secretsmanager:/);
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
  });

  it('adds the security headers at the CDN, and the plain CSP where an answer has none of its own', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: PLAIN_PAGE_CSP, Override: false },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: false },
        }),
      }),
    });
  });

  it('serves static assets from a private bucket through Origin Access Control, cached long', () => {
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
      }),
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: Match.arrayWith([
          Match.objectLike({ PathPattern: '/_app/*', CachePolicyId: CACHING_OPTIMIZED }),
          Match.objectLike({ PathPattern: '/favicon.svg' }),
        ]),
      }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: Match.objectLike({
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      }),
    });
  });

  it('uploads static assets before the new web function goes live and keeps old hashed files', () => {
    const deployments = Object.entries(resources).filter(([, r]) => r.Type === 'Custom::CDKBucketDeployment');
    expect(deployments).toHaveLength(2);
    for (const [, deployment] of deployments) expect(deployment.Properties.Prune).toBe(false);
    const immutable = deployments.find(
      ([, r]) => r.Properties.DestinationBucketKeyPrefix === '_app/immutable/',
    );
    expect(immutable?.[1].Properties.SystemMetadata).toEqual({
      'cache-control': 'public, max-age=31536000, immutable',
    });
    const web = resources[functionId('Web')];
    for (const [id] of deployments) expect(web?.DependsOn).toContain(id);
  });

  it('gives the web function item access to the table and named indexes, and the export bucket only below its two prefixes', () => {
    const statements = statementsOfFunction('Web');
    const table = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('dynamodb:')));
    for (const action of actionsOf(table)) expect(TABLE_DATA_ACTIONS).toContain(action);
    const tableResources = JSON.stringify(table.map((s) => s.Resource));
    expect(tableResources).not.toContain('*');
    for (const index of tableDefinition.indexes) expect(tableResources).toContain(`/index/${index.name}`);
    expect(actionsOf(statements)).not.toContain('dynamodb:DeleteTable');

    // S3: read finished packages (to sign download links), write and read uploads; nothing else.
    const bucket = ':s3:::kohtaamo-test-exports-123456789012';
    const s3 = statements
      .filter((s) => actionsOf([s]).some((a) => a.startsWith('s3:')))
      .map((s) => ({ actions: [s.Action].flat().sort(), resource: JSON.stringify(s.Resource) }));
    expect(s3).toHaveLength(2);
    expect(s3).toContainEqual({
      actions: ['s3:GetObject'],
      resource: expect.stringContaining(`${bucket}/handover/*`),
    });
    expect(s3).toContainEqual({
      actions: ['s3:GetObject', 's3:PutObject'],
      resource: expect.stringContaining(`${bucket}/imports/*`),
    });
    // Never the bucket itself or all of its objects.
    for (const { resource } of s3) expect(resource).not.toMatch(/exports-123456789012(\/\*)?"/);
    expect(
      actionsOf(statements).filter((a) => a.startsWith('s3:') && !/^s3:(Get|Put)Object$/.test(a)),
    ).toEqual([]);
    // And it may start background jobs.
    expect(actionsOf(statements)).toContain('lambda:InvokeFunction');
  });

  it('runs background jobs in their own function that may write packages, read uploads and keep their rows', () => {
    const jobs = resources[functionId('Jobs')];
    expect(jobs?.Properties).toMatchObject({
      Timeout: 900,
      EphemeralStorage: { Size: 2048 },
      Environment: {
        Variables: expect.objectContaining({ KOHTAAMO_BLOB_BUCKET: 'kohtaamo-test-exports-123456789012' }),
      },
    });
    const web = resources[functionId('Web')];
    expect(web?.Properties.Environment).toMatchObject({
      Variables: expect.objectContaining({ KOHTAAMO_JOBS_FUNCTION: { Ref: functionId('Jobs') } }),
    });
    const s3 = statementsOfFunction('Jobs').filter((s) => actionsOf([s]).some((a) => a.startsWith('s3:')));
    expect(s3.map((s) => [[s.Action].flat().sort().join(','), JSON.stringify(s.Resource)])).toEqual([
      ['s3:AbortMultipartUpload,s3:GetObject,s3:PutObject', expect.stringContaining('/handover/*')],
      ['s3:GetObject,s3:PutObject', expect.stringContaining('/imports/*')],
    ]);
  });

  it('lets the reminders and web functions send e-mail, only from the configured sender; no other function', () => {
    for (const fn of ['Reminders', 'Web']) {
      const ses = statementsOfFunction(fn).filter((s) => actionsOf([s]).some((a) => a.startsWith('ses:')));
      expect(ses).toEqual([
        expect.objectContaining({
          Action: ['ses:SendEmail', 'ses:SendRawEmail'],
          Condition: { StringEquals: { 'ses:FromAddress': 'kohtaamo@example.fi' } },
        }),
      ]);
      expect(JSON.stringify(ses[0]?.Resource)).toContain('identity/kohtaamo@example.fi');
      expect(JSON.stringify(ses[0]?.Resource)).toContain('configuration-set/');
      expect(JSON.stringify(ses[0]?.Resource)).not.toContain('*');
    }
    for (const fn of ['Jobs', 'SweepExpired', 'RepairWorkspace']) {
      expect(actionsOf(statementsOfFunction(fn)).filter((a) => a.startsWith('ses:'))).toEqual([]);
    }
    const web = resources[functionId('Web')];
    expect(web?.Properties.Environment).toMatchObject({
      Variables: expect.objectContaining({
        KOHTAAMO_MAILER: 'ses',
        KOHTAAMO_MAIL_FROM: 'kohtaamo@example.fi',
        KOHTAAMO_SES_CONFIGURATION_SET: expect.objectContaining({ Ref: expect.any(String) }),
      }),
    });
  });

  it('sends reminders daily at 07:00 Helsinki time and sweeps at 03:00, with retries', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 7 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Helsinki',
      Target: Match.objectLike({
        Input: JSON.stringify({ kind: 'daily-reminders' }),
        RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
      }),
    });
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 3 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Helsinki',
    });
  });

  it('repairs every workspace daily at 04:00 Helsinki time, and the repair may continue only itself', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 4 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Helsinki',
      Target: Match.objectLike({ Input: JSON.stringify({ kind: 'scheduled-repair' }) }),
    });
    const invokes = statementsOfFunction('RepairWorkspace').filter((s) =>
      actionsOf([s]).includes('lambda:InvokeFunction'),
    );
    expect(invokes).toHaveLength(1);
    expect(invokes[0]?.Resource).toEqual({ 'Fn::GetAtt': [functionId('RepairWorkspace'), 'Arn'] });
  });

  it('raises alarms for function errors and throttles, table throttles and stuck reminders, by e-mail', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.fi',
    });
    const alarms = Object.values(resources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm');
    const metrics = alarms.map((a) => `${String(a.Properties.Namespace)}/${String(a.Properties.MetricName)}`);
    expect(metrics.filter((m) => m === 'AWS/Lambda/Errors')).toHaveLength(6);
    expect(metrics.filter((m) => m === 'AWS/Lambda/Throttles')).toHaveLength(6);
    expect(metrics).toEqual(
      expect.arrayContaining([
        'AWS/DynamoDB/ReadThrottleEvents',
        'AWS/DynamoDB/WriteThrottleEvents',
        'Kohtaamo/DigestsStuck',
        'Kohtaamo/DigestsFailed',
      ]),
    );
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });

  it('records SES bounces and complaints through a configuration set, topic and function', () => {
    const [configurationSet] = Object.keys(template.findResources('AWS::SES::ConfigurationSet'));
    expect(configurationSet).toBeDefined();
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: configurationSet },
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        SnsDestination: { TopicARN: Match.anyValue() },
      }),
    });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      Endpoint: { 'Fn::GetAtt': [functionId('MailEvents'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'sns:Publish', Principal: { Service: 'ses.amazonaws.com' } }),
        ]),
      }),
    });
    expect(resources[functionId('Reminders')]?.Properties.Environment).toMatchObject({
      Variables: expect.objectContaining({ KOHTAAMO_SES_CONFIGURATION_SET: { Ref: configurationSet } }),
    });
    // The mail-events function reads and writes the table, and sends nothing.
    expect(actionsOf(statementsOfFunction('MailEvents'))).not.toContain('ses:SendEmail');
  });

  it('deploys no reminders without a sender address', () => {
    const withoutMail = Template.fromStack(testApp({ mailFrom: undefined }).stateless);
    // The expiry sweep and the daily repair.
    withoutMail.resourceCountIs('AWS::Scheduler::Schedule', 2);
    expect(JSON.stringify(withoutMail.toJSON())).not.toContain('ses:SendEmail');
    withoutMail.resourceCountIs('AWS::SES::ConfigurationSet', 0);
    // The web then refuses invitations and resets of existing accounts instead of failing to send.
    const web = Object.values(withoutMail.findResources('AWS::Lambda::Function')).find((r) =>
      JSON.stringify(r).includes('KOHTAAMO_JOBS_FUNCTION'),
    );
    expect(web?.Properties.Environment.Variables).toMatchObject({ KOHTAAMO_MAILER: 'none' });
    expect(web?.Properties.Environment.Variables).not.toHaveProperty('KOHTAAMO_MAIL_FROM');
  });
});

describe('edge alarms stack', () => {
  it('alarms on CloudFront 5xx in us-east-1 for the distribution given at deploy time', () => {
    const { edgeAlarms } = testApp();
    expect(edgeAlarms.region).toBe('us-east-1');
    const edge = Template.fromStack(edgeAlarms);
    edge.hasParameter('DistributionId', { Type: 'String' });
    edge.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/CloudFront',
      MetricName: '5xxErrorRate',
      Dimensions: Match.arrayWith([{ Name: 'DistributionId', Value: { Ref: 'DistributionId' } }]),
      AlarmActions: Match.anyValue(),
    });
  });
});
