// The CDK app (`npm run synth`, `npm run deploy`): one set of stacks per stage, configured with
// `--context stage=<name>` and the other keys of infra/config.ts.
import { App } from 'aws-cdk-lib';
import { loadDeployConfig } from '../config';
import { addKohtaamo } from '../stacks/kohtaamo-app';

const app = new App();
addKohtaamo(
  app,
  loadDeployConfig((key) => app.node.tryGetContext(key)),
  process.env.CDK_DEFAULT_ACCOUNT,
);
app.synth();
