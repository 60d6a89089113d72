// Which function runs which kind of background job: the registry both runners use.
import { runHandoverJob } from '../handover/handover-job';
import { runImportCheckJob } from '../import/import-check-job';
import { runImportJob } from '../import/import-job';
import { runMailingJob } from '../campaign/campaign-calls';
import type { JobHandlers } from './run-job';

export const jobHandlers: JobHandlers = {
  handover: runHandoverJob,
  'import-check': runImportCheckJob,
  import: runImportJob,
  mailing: runMailingJob,
};
