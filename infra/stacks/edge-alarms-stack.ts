// CloudFront publishes its metrics in us-east-1 only, and an alarm can only watch metrics of its
// own region: the 5xx alarm lives in this small stack there. `npm run deploy` passes the
// distribution id from the stateless stack's outputs as a parameter (no cross-region plumbing).
import { CfnParameter, Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';

export interface EdgeAlarmsStackProps extends StackProps {
  stage: string;
  alarmEmail?: string | undefined;
}

/** Percentage of requests answered with 5xx, over 5 minutes, that raises the alarm. */
export const CLOUDFRONT_5XX_PERCENT = 5;

export class EdgeAlarmsStack extends Stack {
  constructor(scope: Construct, id: string, props: EdgeAlarmsStackProps) {
    super(scope, id, props);
    const distributionId = new CfnParameter(this, 'DistributionId', {
      type: 'String',
      allowedPattern: '^E[A-Z0-9]{8,20}$',
      description:
        'The id of the Kohtaamo CloudFront distribution (output DistributionId of the stateless stack).',
    });
    const topic = new Topic(this, 'Alarms', {
      displayName: `Kohtaamo ${props.stage} edge alarms`,
      enforceSSL: true,
    });
    Validations.of(topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason: 'Alarm notifications carry alarm names only, no personal data (see the stateless stack).',
    });
    if (props.alarmEmail) topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const alarm = new Alarm(this, 'CloudFront5xx', {
      metric: new Metric({
        namespace: 'AWS/CloudFront',
        metricName: '5xxErrorRate',
        dimensionsMap: { DistributionId: distributionId.valueAsString, Region: 'Global' },
        statistic: 'Average',
        period: Duration.minutes(5),
      }),
      threshold: CLOUDFRONT_5XX_PERCENT,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(topic));
  }
}
