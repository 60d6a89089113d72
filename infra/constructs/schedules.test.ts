import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { actionsOf, partStack, templateQueries } from '../test-support/part-stack';
import { MailEvents } from './mail-events';
import { Schedules } from './schedules';

function schedulesTemplate(options: { mail: boolean }) {
  const { stack, table, environment } = partStack();
  const mail = options.mail
    ? new MailEvents(stack, 'MailEvents', { table, mailFrom: 'kohtaamo@example.fi', environment })
    : undefined;
  new Schedules(stack, 'Schedules', { table, environment, siteUrl: 'https://kohtaamo.example.fi', mail });
  const template = Template.fromStack(stack);
  return { template, ...templateQueries(template) };
}

/** Each schedule as "expression time zone input → target function", with its retry policy. */
function schedulesOf(queries: ReturnType<typeof schedulesTemplate>) {
  return queries.ofType('AWS::Scheduler::Schedule').map(([, r]) => {
    const target = r.Properties.Target as {
      Arn: { 'Fn::GetAtt': [string] };
      Input: string;
      RetryPolicy: unknown;
    };
    return {
      when: `${String(r.Properties.ScheduleExpression)} ${String(r.Properties.ScheduleExpressionTimezone)}`,
      input: target.Input,
      target: target.Arn['Fn::GetAtt'][0].replace(/[0-9A-F]{8}$/, ''),
      retry: target.RetryPolicy,
    };
  });
}

const retry = { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 7200 };

describe('Schedules construct', () => {
  it('sweeps at 03:00, repairs at 04:00 and sends reminders at 07:00 Helsinki time, each with retries', () => {
    expect(schedulesOf(schedulesTemplate({ mail: true }))).toEqual([
      { when: 'cron(0 3 * * ? *) Europe/Helsinki', input: '{}', target: 'SweepExpired', retry },
      {
        when: 'cron(0 7 * * ? *) Europe/Helsinki',
        input: '{"kind":"daily-reminders"}',
        target: 'Reminders',
        retry,
      },
      {
        when: 'cron(0 4 * * ? *) Europe/Helsinki',
        input: '{"kind":"scheduled-repair"}',
        target: 'RepairWorkspace',
        retry,
      },
    ]);
  });

  it('has no reminders without a sender', () => {
    const queries = schedulesTemplate({ mail: false });
    expect(schedulesOf(queries).map((s) => s.target)).toEqual(['SweepExpired', 'RepairWorkspace']);
    expect(() => queries.functionId('Reminders')).toThrow();
  });

  it('lets the sweep and the repair scan the table, the repair continue only itself, and only reminders send', () => {
    const queries = schedulesTemplate({ mail: true });
    const { statementsOf, functionId } = queries;
    expect(actionsOf(statementsOf('SweepExpired'))).toContain('dynamodb:Scan');
    expect(actionsOf(statementsOf('RepairWorkspace'))).toContain('dynamodb:Scan');
    expect(actionsOf(statementsOf('Reminders'))).not.toContain('dynamodb:Scan');
    const invokes = statementsOf('RepairWorkspace').filter((s) =>
      actionsOf([s]).includes('lambda:InvokeFunction'),
    );
    expect(invokes.map((s) => s.Resource)).toEqual([
      { 'Fn::GetAtt': [functionId('RepairWorkspace'), 'Arn'] },
    ]);
    expect(actionsOf(statementsOf('Reminders'))).toContain('ses:SendEmail');
    for (const name of ['SweepExpired', 'RepairWorkspace']) {
      expect(actionsOf(statementsOf(name)).filter((a) => a.startsWith('ses:'))).toEqual([]);
    }
  });

  it('gives the reminders their sender, site address and configuration set, and no function fault points', () => {
    const { environmentOf } = schedulesTemplate({ mail: true });
    expect(environmentOf('Reminders')).toMatchObject({
      KOHTAAMO_MAIL_FROM: 'kohtaamo@example.fi',
      KOHTAAMO_SITE_URL: 'https://kohtaamo.example.fi',
      KOHTAAMO_SES_CONFIGURATION_SET: { Ref: expect.stringMatching(/^MailConfiguration/) },
    });
    for (const name of ['SweepExpired', 'RepairWorkspace', 'Reminders']) {
      expect(environmentOf(name)).not.toHaveProperty('KOHTAAMO_FAULT_POINTS');
    }
  });
});
