// E-mail through SES: a configuration set that publishes bounces and complaints to a topic, the
// mail-events function that records each such address so no Kohtaamo mail goes to it again, and
// the grant that lets a function send, from the configured sender only, through that set.
import { Names, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnPermission, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import {
  ConfigurationSet,
  EmailSendingEvent,
  EventDestination,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { bundledFunction } from './bundled-function';
import { grantTableData } from './grants';
import { logicalIdWithoutParts, StackPart, uniqueIdWithoutParts } from './stack-part';

export interface MailEventsProps {
  table: ITableV2;
  /** The sender address every Kohtaamo e-mail uses. */
  mailFrom: string;
  /** The variables every function gets (table, cursor secret). */
  environment: Record<string, string>;
}

export class MailEvents extends StackPart {
  readonly fn: LambdaFunction;
  readonly configurationSetName: string;
  readonly mailFrom: string;

  constructor(scope: Construct, id: string, props: MailEventsProps) {
    super(scope, id);
    this.mailFrom = props.mailFrom;
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
    this.fn = bundledFunction(this, 'MailEvents', 'mail-events', { environment: props.environment });
    grantTableData(this.fn, props.table);
    topic.addSubscription(new LambdaSubscription(this.fn));
    // The subscription names its invoke permission after the topic's whole path, this part
    // included: keep the logical id it had before the topic moved into the part.
    const permission = this.fn.node.findChild(
      `AllowInvoke:${Names.nodeUniqueId(topic.node)}`,
    ) as CfnPermission;
    permission.overrideLogicalId(
      logicalIdWithoutParts(permission, `AllowInvoke:${uniqueIdWithoutParts(topic)}`),
    );
    this.configurationSetName = configurationSet.configurationSetName;
  }

  /**
   * Lets `fn` send e-mail through SES from the configured sender only: the address or its domain
   * identity, and only with that From address (SendRawEmail too, which SESv2's SendEmail uses for
   * raw content), through the configuration set that records bounces.
   */
  grantSendFrom(fn: LambdaFunction): void {
    const stack = Stack.of(this);
    const domain = this.mailFrom.split('@')[1] as string;
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: this.mailFrom }),
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: domain }),
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: this.configurationSetName,
          }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': this.mailFrom } },
      }),
    );
  }
}
