// Where the data commands (handover, import, handover:import) work: the local data by default, or
// a deployed stage's table with `--stage NAME [--region R]`, with AWS credentials from the usual
// sources (AWS_PROFILE, environment, SSO). The same code runs on both; only the Db differs.
import { randomBytes } from 'node:crypto';
import { createDb, type Db } from '../shared/src/db/client';
import { deployConfigSchema, loadDeployConfig, stageTableName, type DeployConfig } from '../infra/config';
import { loadLocalConfig, localDb, openLocalEngine } from './local-runtime';

export const dataTargetOptions = {
  stage: deployConfigSchema.shape.stage.optional(),
  region: deployConfigSchema.shape.region.optional(),
};
export const dataTargetUsage =
  '[--stage NAME [--region eu-north-1]]   (a deployed stage instead of the local data)';

export interface DataTarget {
  db: Db;
  /** The workspace a command uses when none is given. */
  defaultWorkspace: string;
  /** Says where the data is, for the command's output. */
  description: string;
  close(): Promise<void>;
}

/** The deployed stage's table through the AWS SDK. */
export function stageDb(config: Pick<DeployConfig, 'stage' | 'region'>): Db {
  return createDb({
    table: stageTableName(config.stage),
    region: config.region,
    // These commands make no pagination cursors; a throwaway secret satisfies the Db.
    cursorSecret: randomBytes(32).toString('hex'),
  });
}

export async function openDataTarget(args: {
  stage?: string | undefined;
  region?: string | undefined;
}): Promise<DataTarget> {
  if (args.stage) {
    const config = loadDeployConfig((key) =>
      key === 'stage' ? args.stage : key === 'region' ? args.region : undefined,
    );
    return {
      db: stageDb(config),
      defaultWorkspace: 'default',
      description: `table ${stageTableName(config.stage)} in ${config.region}`,
      close: () => Promise.resolve(),
    };
  }
  const config = await loadLocalConfig();
  const engine = await openLocalEngine(config);
  return {
    db: localDb(config, engine.endpoint),
    defaultWorkspace: config.KOHTAAMO_WORKSPACE,
    description: `local data in ${config.KOHTAAMO_DATA_DIR}`,
    close: engine.close,
  };
}
