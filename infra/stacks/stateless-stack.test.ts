import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN_SECRET_HEADER } from '../../functions/src/web/cloudfront-headers';
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

/**
 * Every logical id of the stack (test configuration: sender and alarm e-mail, no custom domain)
 * as deployed before it was split into constructs. A changed id makes CloudFormation replace the
 * resource: new secrets (cursors stop working), lost logs, a new distribution domain, an alarm
 * topic whose e-mail subscription must be confirmed again. Change this list only on purpose.
 */
const DEPLOYED_LOGICAL_IDS = [
  'Alarms04B5A0BF',
  'AlarmsPolicy5C860CFE',
  'AlarmsopsexamplefiD633A493',
  'Assets9A31D427',
  'AssetsAutoDeleteObjectsCustomResource5BBDE5E5',
  'AssetsPolicy206C37E3',
  'CursorSecretABAE1358',
  'CustomCDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiB6723FB92',
  'CustomCDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiBServiceRoleBA21DBC1',
  'CustomCDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiBServiceRoleDefaultPolicy96C3E726',
  'CustomS3AutoDeleteObjectsCustomResourceProviderHandler9D90184F',
  'CustomS3AutoDeleteObjectsCustomResourceProviderRole3B1BD092',
  'ImmutableAssetsAwsCliLayerDCC74F2A',
  'ImmutableAssetsCustomResource512MiB09FCCB02',
  'JobsDF1CC2D4',
  'JobsErrors49009803',
  'JobsLogs26AEE45F',
  'JobsServiceRole9C4A7F49',
  'JobsServiceRoleDefaultPolicyCBEA0874',
  'JobsThrottlesB4DE2D0B',
  'MailConfiguration5CD4B050',
  'MailConfigurationBouncesAndComplaints9BF831D6',
  'MailEventsAllowInvokekohtaamoteststatelessMailEventsTopic6A50CE012964AB05',
  'MailEventsE4612002',
  'MailEventsErrorsB776730D',
  'MailEventsLogs6B883069',
  'MailEventsMailEventsTopicA49D90BC',
  'MailEventsServiceRole93347DC9',
  'MailEventsServiceRoleDefaultPolicy490D6089',
  'MailEventsThrottles96DE4C7E',
  'MailEventsTopic82B5E23C',
  'MailEventsTopicPolicy925F613C',
  'OriginSecret5DDC59F1',
  'OtherAssetsAwsCliLayerE8D3C901',
  'OtherAssetsCustomResource512MiB6817D921',
  'Reminders48320266',
  'RemindersDigestsFailedD8BD59D6',
  'RemindersDigestsStuck756EB1D8',
  'RemindersErrorsB709DD46',
  'RemindersLogsFA975CE9',
  'RemindersSchedule950AE52F',
  'RemindersServiceRoleA518A05E',
  'RemindersServiceRoleDefaultPolicy4C8B3135',
  'RemindersThrottles211BB8BA',
  'RepairSchedule0A92484C',
  'RepairWorkspaceContinuesF9EB6EAA',
  'RepairWorkspaceD5FFA396',
  'RepairWorkspaceErrorsBBDC01D6',
  'RepairWorkspaceLogs781CE10D',
  'RepairWorkspaceServiceRole616D7992',
  'RepairWorkspaceServiceRoleDefaultPolicy5E3091F3',
  'RepairWorkspaceThrottlesE986221D',
  'SchedulerRoleForTarget3de7a49ABC18C3',
  'SchedulerRoleForTarget3de7a4DefaultPolicy9FB0D26A',
  'SchedulerRoleForTarget862778910C7609',
  'SchedulerRoleForTarget862778DefaultPolicy5979C5BB',
  'SchedulerRoleForTarget8fd55dABE05854',
  'SchedulerRoleForTarget8fd55dDefaultPolicyA53EC4F1',
  'SecurityHeadersE66B69D3',
  'SiteE53D7754',
  'SiteOrigin2S3OriginAccessControlAFA6B8D9',
  'SweepExpired836AB8C2',
  'SweepExpiredErrorsB0280009',
  'SweepExpiredLogs3085297B',
  'SweepExpiredServiceRole9B4BF9B6',
  'SweepExpiredServiceRoleDefaultPolicy7EADFEB7',
  'SweepExpiredThrottles4B4E87BA',
  'SweepSchedule80B1140B',
  'TableReadThrottleEventsEA46911D',
  'TableWriteThrottleEvents81E442D3',
  'ViewerRequest2C5B6A1E',
  'Web3C8945DB',
  'WebErrorsC4BB781A',
  'WebFunctionUrlE983DF9A',
  'WebLogs48A7C011',
  'WebServiceRoleA9172838',
  'WebServiceRoleDefaultPolicy98AA44E1',
  'WebThrottlesC2932266',
  'WebinvokefunctionC8F83200',
  'Webinvokefunctionurl30C88B73',
];

describe('stateless stack', () => {
  beforeAll(() => {
    template = Template.fromStack(testApp().stateless);
    resources = template.toJSON().Resources as Resources;
  });

  it('keeps the logical id of every deployed resource', () => {
    expect(Object.keys(resources).sort()).toEqual(DEPLOYED_LOGICAL_IDS);
  });

  it('never sets fault points (KOHTAAMO_FAULT_POINTS) on a function', () => {
    const functions = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThan(6);
    expect(JSON.stringify(template.toJSON())).not.toContain('KOHTAAMO_FAULT_POINTS');
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
