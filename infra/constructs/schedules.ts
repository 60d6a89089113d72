// The scheduled functions, each invoked by EventBridge Scheduler at a fixed hour Helsinki time
// (daylight saving time included), with retries: the expiry sweep at 03:00, the repair over every
// workspace at 04:00 and, when a sender is configured, the reminder digests at 07:00.
import { Duration, Stack, TimeZone, Validations, type CfnElement } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, Policy, PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Construct } from 'constructs';
import { bundledFunction } from './bundled-function';
import { grantTableData } from './grants';
import type { MailEvents } from './mail-events';
import { StackPart } from './stack-part';

/** The hour (Helsinki time) and the fixed event of each schedule; the handlers refuse any other. */
export const SCHEDULES = {
  sweep: { hour: 3, input: {} },
  repair: { hour: 4, input: { kind: 'scheduled-repair' } },
  reminders: { hour: 7, input: { kind: 'daily-reminders' } },
} as const;

export interface SchedulesProps {
  table: ITableV2;
  /** The variables every function gets (table, cursor secret). */
  environment: Record<string, string>;
  /** The site's address, for links in the reminder e-mails. */
  siteUrl: string;
  /** SES set-up; without it there are no reminders. */
  mail?: MailEvents | undefined;
}

export class Schedules extends StackPart {
  readonly sweep: LambdaFunction;
  readonly reminders: LambdaFunction | undefined;
  readonly repair: LambdaFunction;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    const { environment, mail, table } = props;

    this.sweep = bundledFunction(this, 'SweepExpired', 'sweep-expired', { environment });
    grantTableData(this.sweep, table, { scan: true });
    this.daily('SweepSchedule', this.sweep, SCHEDULES.sweep);

    if (mail) {
      this.reminders = bundledFunction(this, 'Reminders', 'reminders', {
        timeout: Duration.minutes(5),
        environment: {
          ...environment,
          KOHTAAMO_MAIL_FROM: mail.mailFrom,
          KOHTAAMO_SITE_URL: props.siteUrl,
          KOHTAAMO_SES_CONFIGURATION_SET: mail.configurationSetName,
        },
      });
      grantTableData(this.reminders, table);
      mail.grantSendFrom(this.reminders);
      this.daily('RemindersSchedule', this.reminders, SCHEDULES.reminders);
    } else {
      this.reminders = undefined;
    }

    // A repair run that needs more than its 15 minutes invokes itself with where it stopped (its
    // own policy, not the role's default one, which the function depends on).
    this.repair = bundledFunction(this, 'RepairWorkspace', 'repair-workspace', {
      timeout: Duration.minutes(15),
      environment,
    });
    grantTableData(this.repair, table, { scan: true });
    new Policy(this, 'RepairWorkspaceContinues', {
      roles: [this.repair.role as IRole],
      statements: [
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['lambda:InvokeFunction'],
          resources: [this.repair.functionArn],
        }),
      ],
    });
    this.daily('RepairSchedule', this.repair, SCHEDULES.repair);
  }

  /** The scheduled functions, for alarms. */
  get functions(): LambdaFunction[] {
    return [this.sweep, this.repair, ...(this.reminders ? [this.reminders] : [])];
  }

  /** Invokes `fn` every day at `hour`:00 Helsinki time, whatever the daylight saving time. */
  private daily(
    id: string,
    fn: LambdaFunction,
    schedule: { hour: number; input: Readonly<Record<string, unknown>> },
  ): void {
    // The scheduler's role is a singleton at stack level, so the finding is acknowledged there.
    const stack = Stack.of(this);
    Validations.of(stack).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(fn.node.defaultChild as CfnElement)}.Arn>:*]`,
      reason:
        'The scheduler may invoke any version of this one function (the grant CDK writes for a Lambda target).',
    });
    new Schedule(this, id, {
      schedule: ScheduleExpression.cron({
        minute: '0',
        hour: String(schedule.hour),
        timeZone: TimeZone.EUROPE_HELSINKI,
      }),
      target: new LambdaInvoke(fn, {
        input: ScheduleTargetInput.fromObject(schedule.input),
        retryAttempts: 2,
        maxEventAge: Duration.hours(2),
      }),
    });
  }
}
