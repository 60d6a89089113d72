// What the deploy scripts share: the deployment configuration from the command line (validated
// by the same schema as the CDK app), the CDK commands, and a Db on a deployed stage's table.
import { spawn } from 'node:child_process';
import { z } from 'zod';
import { loadDeployConfig, type DeployConfig } from '../infra/config';
import { stackNames } from '../infra/stacks/kohtaamo-app';
import { parseArgs, repoRoot } from './local-runtime';

const optionNames = {
  stage: 'stage',
  region: 'region',
  'mail-from': 'mailFrom',
  'alarm-email': 'alarmEmail',
  domain: 'domainName',
  'certificate-arn': 'certificateArn',
} as const;

export const deployUsage =
  '[--stage dev] [--region eu-north-1] [--mail-from kohtaamo@example.fi] [--alarm-email ops@example.fi] ' +
  '[--domain kohtaamo.example.fi --certificate-arn arn:aws:acm:us-east-1:…]';

/** Parses the deployment options plus `flags`; prints the usage and the problem, exits 2. */
export function deployArgsOrExit(
  usage: string,
  flags: readonly string[],
): { config: DeployConfig; flags: Record<string, boolean> } {
  const args = parseArgs(process.argv.slice(2));
  const known = new Set<string>([...Object.keys(optionNames), ...flags]);
  const unknown = Object.keys(args).filter((name) => !known.has(name));
  try {
    if (unknown.length) throw new Error(`Unknown option(s): ${unknown.map((n) => `--${n}`).join(', ')}`);
    const values = z.record(z.string(), z.union([z.string(), z.literal(true)])).parse(args);
    const config = loadDeployConfig((key) => {
      const option = Object.entries(optionNames).find(([, context]) => context === key)?.[0];
      const value = option ? values[option] : undefined;
      if (value === true) throw new Error(`--${option} needs a value`);
      return value;
    });
    return { config, flags: Object.fromEntries(flags.map((flag) => [flag, args[flag] === true])) };
  } catch (error) {
    console.error(`${usage}\n  ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}

/** `-c key=value` for every configured value, as the CDK app reads them. */
export function contextArgs(config: DeployConfig): string[] {
  return Object.entries(config).flatMap(([key, value]) =>
    value === undefined ? [] : ['-c', `${key}=${value}`],
  );
}

export { stackNames };

export function run(command: string, args: readonly string[], dryRun: boolean): Promise<void> {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  if (dryRun) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit' });
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args[0] ?? ''} failed (exit ${code})`)),
    );
  });
}

export { stageDb } from './data-target';
