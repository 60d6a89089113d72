// The whole deployment of one stage: stateful, stateless and edge-alarm stacks, checked by
// cdk-nag (AwsSolutions). Used by infra/bin/app.ts and by the infrastructure tests.
import { Aws, Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { stageTableName, type DeployConfig } from '../config';
import { EdgeAlarmsStack } from './edge-alarms-stack';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

export interface KohtaamoStacks {
  stateful: StatefulStack;
  stateless: StatelessStack;
  edgeAlarms: EdgeAlarmsStack;
}

export const stackNames = (stage: string) => ({
  stateful: `kohtaamo-${stage}-stateful`,
  stateless: `kohtaamo-${stage}-stateless`,
  edgeAlarms: `kohtaamo-${stage}-edge-alarms`,
});

/** The export bucket's name: globally unique through the account id, at most 51 characters. */
export const exportBucketName = (stage: string, account: string) => `kohtaamo-${stage}-exports-${account}`;

export function addKohtaamo(app: App, config: DeployConfig, account?: string): KohtaamoStacks {
  const names = stackNames(config.stage);
  const env = { region: config.region, account };
  const bucketName = exportBucketName(config.stage, account ?? Aws.ACCOUNT_ID);
  const stateful = new StatefulStack(app, names.stateful, {
    tableName: stageTableName(config.stage),
    exportBucketName: bucketName,
    env,
  });
  const stateless = new StatelessStack(app, names.stateless, {
    env,
    config,
    table: stateful.table,
    exportBucketName: bucketName,
  });
  stateless.addStackDependency(stateful);
  const edgeAlarms = new EdgeAlarmsStack(app, names.edgeAlarms, {
    env: { region: 'us-east-1', account },
    stage: config.stage,
    alarmEmail: config.alarmEmail,
  });
  for (const stack of [stateful, stateless, edgeAlarms]) stack.addMetadata('kohtaamo:stage', config.stage);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { stateful, stateless, edgeAlarms };
}
