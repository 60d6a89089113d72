// The stage's alarms, all to one SNS topic that e-mails the configured address: errors and
// throttles of every function, the table's read and write throttles, and reminder digests stuck
// or refused (metrics the reminders function publishes). CloudFront's 5xx alarm lives in the
// edge-alarms stack (us-east-1).
import { Duration, Validations } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  Metric,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { StackPart } from './stack-part';

/** Every alarm fires on the first event in its period: none of these should ever happen. */
export const ALARM_THRESHOLD = 1;

export interface AlarmsProps {
  stage: string;
  alarmEmail?: string | undefined;
  /** Each function gets an errors and a throttles alarm, named by its construct id. */
  functions: LambdaFunction[];
  tableName: string;
  /** Whether the reminders function runs (and publishes DigestsStuck and DigestsFailed). */
  reminders: boolean;
}

export class Alarms extends StackPart {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Alarms', {
      displayName: `Kohtaamo ${props.stage} alarms`,
      enforceSSL: true,
    });
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notifications carry alarm names only, no personal data; CloudWatch cannot publish to a topic ' +
        'under the AWS-managed SNS key, and a customer-managed key would cost more than the rest of the idle stack.',
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    for (const fn of props.functions) {
      const name = fn.node.id;
      this.alarm(`${name}Errors`, fn.metricErrors({ period: Duration.minutes(5) }));
      this.alarm(`${name}Throttles`, fn.metricThrottles({ period: Duration.minutes(5) }));
    }
    for (const metricName of ['ReadThrottleEvents', 'WriteThrottleEvents']) {
      this.alarm(
        `Table${metricName}`,
        new Metric({
          namespace: 'AWS/DynamoDB',
          metricName,
          dimensionsMap: { TableName: props.tableName },
          statistic: 'Sum',
          period: Duration.minutes(5),
        }),
      );
    }
    if (props.reminders) {
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
        );
      }
    }
  }

  private alarm(id: string, metric: IMetric): void {
    const alarm = new Alarm(this, id, {
      metric,
      threshold: ALARM_THRESHOLD,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
  }
}
