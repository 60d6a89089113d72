// The whole deployment of one stage: stateful, stateless and edge-alarm stacks, checked by
// cdk-nag (AwsSolutions). Used by infra/bin/app.ts and by the infrastructure tests.
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { DeployConfig } from '../config';
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

export function addKohtaamo(app: App, config: DeployConfig, account?: string): KohtaamoStacks {
  const names = stackNames(config.stage);
  const env = { region: config.region, account };
  const stateful = new StatefulStack(app, names.stateful, { tableName: `kohtaamo-${config.stage}`, env });
  const stateless = new StatelessStack(app, names.stateless, {
    env,
    config,
    table: stateful.table,
    exportBucket: stateful.exportBucket,
  });
  const edgeAlarms = new EdgeAlarmsStack(app, names.edgeAlarms, {
    env: { region: 'us-east-1', account },
    stage: config.stage,
    alarmEmail: config.alarmEmail,
  });
  for (const stack of [stateful, stateless, edgeAlarms]) stack.addMetadata('kohtaamo:stage', config.stage);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { stateful, stateless, edgeAlarms };
}
