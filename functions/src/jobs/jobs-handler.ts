// Lambda (invoked asynchronously by the web function): runs one background job, e.g. builds a
// handover package into the export bucket. A job another run already owns is left to it; a run
// that dies (timeout) is taken over when the job is started again.
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { JobStatus } from '@kohtaamo/shared/jobs/job.schema';
import { runJobEventSchema } from '@kohtaamo/shared/jobs/job-launcher';
import { runJob, type JobDeps, type JobHandlers } from '@kohtaamo/shared/jobs/run-job';
import { parseInput } from '@kohtaamo/shared/validation';
import { lambdaLogger } from '../lambda-logger';
import { logErrorsSafely } from '../middleware/log-errors-safely';

export function createJobsHandler(deps: () => JobDeps, handlers: JobHandlers, logger?: Logger) {
  const log = logger ?? lambdaLogger('jobs');
  return middy()
    .use(injectLambdaContext(log))
    .use(logErrorsSafely({ logger: log }))
    .handler(async (event: unknown): Promise<{ status: JobStatus | 'not-claimed' }> => {
      const { workspaceId, jobId } = parseInput(runJobEventSchema, event);
      const status = await runJob(deps(), handlers, workspaceId, jobId, {
        log: (message) => log.error(message),
      });
      // Ids and the status only.
      log.info('job run', { jobId, status });
      return { status };
    });
}
