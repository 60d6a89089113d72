// Builds the stacks of one stage for the infrastructure tests, with the context of cdk.json.
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { repoRoot } from '../lambda/bundles';
import { deployConfigSchema, type DeployConfig } from '../config';
import { addKohtaamo, type KohtaamoStacks } from './kohtaamo-app';

export const cdkContext = (
  JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')) as { context: object }
).context;

export const testConfig: DeployConfig = deployConfigSchema.parse({
  stage: 'test',
  region: 'eu-north-1',
  mailFrom: 'kohtaamo@example.fi',
  alarmEmail: 'ops@example.fi',
});

export function testApp(config: Partial<DeployConfig> = {}): { app: App; outdir: string } & KohtaamoStacks {
  const outdir = mkdtempSync(join(tmpdir(), 'kohtaamo-cdk-'));
  const app = new App({ outdir, context: { ...cdkContext } });
  return { app, outdir, ...addKohtaamo(app, { ...testConfig, ...config }, '123456789012') };
}
