import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { tableDefinition } from '../../shared/src/db/table';
import {
  actionsOf,
  EXPORT_BUCKET,
  fakeFunction,
  partStack,
  templateQueries,
} from '../test-support/part-stack';
import { TABLE_DATA_ACTIONS } from './grants';
import { MailEvents } from './mail-events';
import { WebApp } from './web-app';

function webTemplate(options: { mail?: boolean; domainName?: string } = {}) {
  const { stack, table, exportBucket, environment } = partStack();
  const jobs = fakeFunction(stack, 'Jobs');
  const mail = options.mail
    ? new MailEvents(stack, 'MailEvents', { table, mailFrom: 'kohtaamo@example.fi', environment })
    : undefined;
  new WebApp(stack, 'WebApp', {
    table,
    exportBucket,
    environment,
    originSecret: 'origin-secret-reference',
    jobs,
    domainName: options.domainName,
    mail,
  });
  const template = Template.fromStack(stack);
  return { template, ...templateQueries(template) };
}

describe('WebApp construct', () => {
  it('has a Function URL without IAM auth (the origin secret guards it) and a 29-second timeout', () => {
    const { template, functionProperties, environmentOf } = webTemplate();
    template.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE' });
    expect(functionProperties('Web')).toMatchObject({ Timeout: 29, MemorySize: 1024, Runtime: 'nodejs24.x' });
    expect(environmentOf('Web')).toMatchObject({
      KOHTAAMO_ORIGIN_SECRET: 'origin-secret-reference',
      KOHTAAMO_BLOB_BUCKET: EXPORT_BUCKET,
      KOHTAAMO_JOBS_FUNCTION: { Ref: expect.stringMatching(/^Jobs/) },
    });
    expect(environmentOf('Web')).not.toHaveProperty('KOHTAAMO_FAULT_POINTS');
  });

  it('uses table items on the table and its named indexes, and the export bucket only below its two prefixes', () => {
    const statements = webTemplate().statementsOf('Web');
    const table = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('dynamodb:')));
    expect(actionsOf(table).sort()).toEqual([...TABLE_DATA_ACTIONS].sort());
    const tableResources = JSON.stringify(table.map((s) => s.Resource));
    for (const index of tableDefinition.indexes) expect(tableResources).toContain(`/index/${index.name}`);
    expect(tableResources).not.toContain('*');
    const s3 = statements
      .filter((s) => actionsOf([s]).some((a) => a.startsWith('s3:')))
      .map((s) => [actionsOf([s]).sort().join(','), JSON.stringify(s.Resource)]);
    expect(s3).toEqual([
      ['s3:GetObject', expect.stringContaining(`${EXPORT_BUCKET}/handover/*`)],
      ['s3:GetObject,s3:PutObject', expect.stringContaining(`${EXPORT_BUCKET}/imports/*`)],
    ]);
    const invoke = statements.filter((s) => actionsOf([s]).includes('lambda:InvokeFunction'));
    expect(JSON.stringify(invoke.map((s) => s.Resource))).toMatch(/"Jobs[0-9A-F]{8}","Arn"/);
    expect(actionsOf(statements).filter((a) => !/^(dynamodb|s3|lambda):/.test(a))).toEqual([]);
  });

  it('sends e-mail through SES when a sender is configured, and refuses invitations by e-mail when not', () => {
    const withMail = webTemplate({ mail: true });
    expect(withMail.environmentOf('Web')).toMatchObject({
      KOHTAAMO_MAILER: 'ses',
      KOHTAAMO_MAIL_FROM: 'kohtaamo@example.fi',
      KOHTAAMO_SES_CONFIGURATION_SET: { Ref: expect.stringMatching(/^MailConfiguration/) },
    });
    expect(actionsOf(withMail.statementsOf('Web'))).toContain('ses:SendEmail');
    const without = webTemplate();
    expect(without.environmentOf('Web')).toMatchObject({ KOHTAAMO_MAILER: 'none' });
    expect(without.environmentOf('Web')).not.toHaveProperty('KOHTAAMO_MAIL_FROM');
    expect(actionsOf(without.statementsOf('Web')).some((a) => a.startsWith('ses:'))).toBe(false);
  });

  it('takes its public origin from the custom domain when there is one', () => {
    expect(webTemplate({ domainName: 'kohtaamo.example.fi' }).environmentOf('Web')).toMatchObject({
      KOHTAAMO_PUBLIC_ORIGIN: 'https://kohtaamo.example.fi',
      KOHTAAMO_SITE_URL: 'https://kohtaamo.example.fi',
    });
    expect(webTemplate().environmentOf('Web')).not.toHaveProperty('KOHTAAMO_PUBLIC_ORIGIN');
  });
});
