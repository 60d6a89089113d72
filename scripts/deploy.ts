// `npm run deploy -- [options]`: builds, deploys the stateful and stateless stacks, then the
// CloudFront alarm stack in us-east-1 with the new distribution's id, upgrades stored data,
// prints the site address (and a first-admin setup link while there is no admin) and smoke-tests
// the site. Needs AWS credentials and a bootstrapped account (see the README).
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { prepareData } from '../shared/src/workspace/first-admin';
import { contextArgs, deployArgsOrExit, deployUsage, run, stackNames, stageDb } from './aws-runtime';
import { repoRoot } from './local-runtime';
import { setupLinkFile, setupLinkKeeper, setupLinkLines } from './setup-link';

const usage = `Usage: npm run deploy -- ${deployUsage} [--yes] [--dry-run]`;
const { config, flags } = deployArgsOrExit(usage, ['yes', 'dry-run']);
const dryRun = flags['dry-run'] === true;
const names = stackNames(config.stage);
const outputsFile = join(repoRoot, '.deploy', `${config.stage}-outputs.json`);
const cdk = ['cdk', 'deploy', ...contextArgs(config), ...(flags.yes ? ['--require-approval', 'never'] : [])];

async function main(): Promise<void> {
  await mkdir(join(repoRoot, '.deploy'), { recursive: true });
  await run('npm', ['run', 'build'], dryRun);
  await run('npx', [...cdk, names.stateful, names.stateless, '--outputs-file', outputsFile], dryRun);
  if (dryRun) {
    await run(
      'npx',
      [...cdk, names.edgeAlarms, '--parameters', `${names.edgeAlarms}:DistributionId=<from outputs>`],
      true,
    );
    console.log('\nDry run: nothing was deployed.');
    return;
  }
  const outputs = JSON.parse(await readFile(outputsFile, 'utf8')) as Record<string, Record<string, string>>;
  const { DistributionId: distributionId, SiteUrl: siteUrl } = outputs[names.stateless] ?? {};
  if (!distributionId || !siteUrl) throw new Error(`No DistributionId/SiteUrl in ${outputsFile}`);
  await run(
    'npx',
    [...cdk, names.edgeAlarms, '--parameters', `${names.edgeAlarms}:DistributionId=${distributionId}`],
    false,
  );

  const db = stageDb(config);
  const linkFile = setupLinkFile(join(repoRoot, '.deploy'), `${config.stage}-default`);
  const { upgraded, setupToken } = await prepareData(
    db,
    'default',
    'Kohtaamo',
    setupLinkKeeper(linkFile, siteUrl),
  );
  if (upgraded) console.log(`Upgraded ${upgraded} stored items to the current schema.`);
  console.log(`\nKohtaamo ${config.stage} is at ${siteUrl}`);
  if (setupToken) {
    console.log(
      [
        'No admin yet. Create the first admin account (the link works once, for 7 days, and only while there is no admin):',
        ...setupLinkLines({
          origin: siteUrl,
          token: setupToken,
          file: linkFile,
          interactive: process.stdout.isTTY,
        }),
      ].join('\n'),
    );
  }
  await run('npm', ['run', 'smoke', '--', siteUrl], false);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
