import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { fakeFunction, partStack, templateQueries } from '../test-support/part-stack';
import { Alarms } from './alarms';

function alarmsTemplate(options: { reminders: boolean; alarmEmail?: string }) {
  const { stack } = partStack();
  new Alarms(stack, 'Alarms', {
    stage: 'test',
    alarmEmail: options.alarmEmail,
    functions: [fakeFunction(stack, 'Web'), fakeFunction(stack, 'Jobs')],
    tableName: 'kohtaamo-test',
    reminders: options.reminders,
  });
  const template = Template.fromStack(stack);
  return { template, ...templateQueries(template) };
}

describe('Alarms construct', () => {
  it('alarms on the first error or throttle of each function, and of the table, to the topic', () => {
    const { ofType, resources } = alarmsTemplate({ reminders: false });
    const [[topicId]] = ofType('AWS::SNS::Topic') as [[string, unknown]];
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([id, r]) => ({
      id: id.replace(/[0-9A-F]{8}$/, ''),
      metric: `${String(r.Properties.Namespace)}/${String(r.Properties.MetricName)}`,
      period: r.Properties.Period,
      threshold: r.Properties.Threshold,
    }));
    expect(alarms).toEqual([
      { id: 'WebErrors', metric: 'AWS/Lambda/Errors', period: 300, threshold: 1 },
      { id: 'WebThrottles', metric: 'AWS/Lambda/Throttles', period: 300, threshold: 1 },
      { id: 'JobsErrors', metric: 'AWS/Lambda/Errors', period: 300, threshold: 1 },
      { id: 'JobsThrottles', metric: 'AWS/Lambda/Throttles', period: 300, threshold: 1 },
      { id: 'TableReadThrottleEvents', metric: 'AWS/DynamoDB/ReadThrottleEvents', period: 300, threshold: 1 },
      {
        id: 'TableWriteThrottleEvents',
        metric: 'AWS/DynamoDB/WriteThrottleEvents',
        period: 300,
        threshold: 1,
      },
    ]);
    for (const [, alarm] of ofType('AWS::CloudWatch::Alarm')) {
      expect(alarm.Properties).toMatchObject({
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: topicId }],
      });
    }
    expect(JSON.stringify(resources)).toContain('"Value":"kohtaamo-test"');
  });

  it('alarms on reminder digests stuck or refused (hourly sums) when reminders run', () => {
    const { template } = alarmsTemplate({ reminders: true });
    for (const metricName of ['DigestsStuck', 'DigestsFailed']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'Kohtaamo',
        MetricName: metricName,
        Dimensions: [{ Name: 'service', Value: 'reminders' }],
        Statistic: 'Sum',
        Period: 3600,
        Threshold: 1,
      });
    }
  });

  it('e-mails the alarm address when one is configured, over a TLS-only topic', () => {
    const withEmail = alarmsTemplate({ reminders: false, alarmEmail: 'ops@example.fi' });
    withEmail.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.fi',
    });
    withEmail.template.hasResourceProperties('AWS::SNS::Topic', { DisplayName: 'Kohtaamo test alarms' });
    alarmsTemplate({ reminders: false }).template.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});
