// The CDK app (`npx cdk synth`): one set of stacks per stage, named by `--context stage=<name>`.
import { App } from 'aws-cdk-lib';
import { z } from 'zod';
import { StatefulStack } from '../stacks/stateful-stack';

const app = new App();
const stage = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,20}$/, 'stage must be lower-case letters, digits and dashes')
  .parse(app.node.tryGetContext('stage') ?? 'dev');

new StatefulStack(app, `kohtaamo-${stage}-stateful`, {
  tableName: `kohtaamo-${stage}`,
  env: { region: process.env.CDK_DEFAULT_REGION ?? 'eu-north-1', account: process.env.CDK_DEFAULT_ACCOUNT },
});

app.synth();
