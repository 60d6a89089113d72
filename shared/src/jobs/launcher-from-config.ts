// The job launcher the configuration names: the jobs Lambda in AWS, else this process.
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { BlobStore } from '../storage/blob-store';
import { jobHandlers } from './job-handlers';
import { inProcessLauncher, lambdaLauncher, type JobLauncher } from './job-launcher';
import { createLogger } from '../log/logger';
import { runJob } from './run-job';

export function jobLauncherFromConfig(config: Config, deps: { db: Db; blobs: BlobStore }): JobLauncher {
  if (config.KOHTAAMO_JOBS_FUNCTION) {
    return lambdaLauncher(new LambdaClient({ region: config.AWS_REGION }), config.KOHTAAMO_JOBS_FUNCTION);
  }
  const logger = createLogger('kohtaamo-jobs');
  const log = (message: string) => logger.error(message);
  return inProcessLauncher(
    (workspaceId, jobId) => runJob(deps, jobHandlers, workspaceId, jobId, { log }),
    (error) => log(`job runner: ${error instanceof Error ? error.name : 'unknown'}`),
  );
}
