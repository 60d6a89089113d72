// `npm run destroy -- [--stage dev]`: removes what can be rebuilt (the stateless and the alarm
// stacks). The table and the export bucket stay (retained, and the table deletion-protected): the
// data is never removed by a script.
import { contextArgs, deployArgsOrExit, deployUsage, run, stackNames } from './aws-runtime';

const usage = `Usage: npm run destroy -- ${deployUsage} [--yes] [--dry-run]`;
const { config, flags } = deployArgsOrExit(usage, ['yes', 'dry-run']);
const names = stackNames(config.stage);

run(
  'npx',
  [
    'cdk',
    'destroy',
    ...contextArgs(config),
    ...(flags.yes ? ['--force'] : []),
    names.edgeAlarms,
    names.stateless,
  ],
  flags['dry-run'] === true,
)
  .then(() =>
    console.log(
      `\nRemoved the ${config.stage} app. The data stays: table kohtaamo-${config.stage} and the stack ` +
        `${names.stateful} (delete them in the AWS console only if you really mean to delete the data).`,
    ),
  )
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
