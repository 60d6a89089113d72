import { Template, Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { actionsOf, fakeFunction, partStack, templateQueries } from '../test-support/part-stack';
import { MailEvents } from './mail-events';

function mailTemplate() {
  const { stack, table, environment } = partStack();
  const mail = new MailEvents(stack, 'MailEvents', { table, mailFrom: 'kohtaamo@example.fi', environment });
  mail.grantSendFrom(fakeFunction(stack, 'Sender'));
  const template = Template.fromStack(stack);
  return { template, ...templateQueries(template) };
}

describe('MailEvents construct', () => {
  it('publishes bounces and complaints of the configuration set to a topic SES may publish to', () => {
    const { template } = mailTemplate();
    const [configurationSet] = Object.keys(template.findResources('AWS::SES::ConfigurationSet'));
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: configurationSet },
      EventDestination: Match.objectLike({ Enabled: true, MatchingEventTypes: ['bounce', 'complaint'] }),
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'sns:Publish', Principal: { Service: 'ses.amazonaws.com' } }),
        ]),
      }),
    });
  });

  it('records them with a function subscribed to the topic that uses the table and sends nothing', () => {
    const { template, functionId, statementsOf, environmentOf, resources } = mailTemplate();
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      Endpoint: { 'Fn::GetAtt': [functionId('MailEvents'), 'Arn'] },
    });
    expect(actionsOf(statementsOf('MailEvents')).every((a) => a.startsWith('dynamodb:'))).toBe(true);
    expect(environmentOf('MailEvents')).not.toHaveProperty('KOHTAAMO_FAULT_POINTS');
    // The invoke permission keeps the logical id it had before the topic moved into this part.
    expect(resources).toHaveProperty(
      'MailEventsAllowInvokekohtaamoteststatelessMailEventsTopic6A50CE012964AB05.Type',
      'AWS::Lambda::Permission',
    );
  });

  it('lets a function send only from the configured sender, through the configuration set', () => {
    const { statementsOf } = mailTemplate();
    const [ses, ...others] = statementsOf('Sender');
    expect(others).toEqual([]);
    expect(ses).toMatchObject({
      Effect: 'Allow',
      Action: ['ses:SendEmail', 'ses:SendRawEmail'],
      Condition: { StringEquals: { 'ses:FromAddress': 'kohtaamo@example.fi' } },
    });
    const resources = JSON.stringify(ses?.Resource);
    expect(resources).toContain('identity/kohtaamo@example.fi');
    expect(resources).toContain('identity/example.fi');
    expect(resources).toContain('configuration-set/');
    expect(resources).not.toContain('*');
  });
});
