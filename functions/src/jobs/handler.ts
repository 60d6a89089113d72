// Lambda entry of the background jobs: the table and the export bucket from the environment.
import { loadConfig } from '@kohtaamo/shared/config';
import { jobHandlers } from '@kohtaamo/shared/jobs/job-handlers';
import { blobStoreFromConfig } from '@kohtaamo/shared/storage/blob-store-from-config';
import { databaseFromEnvironment } from '../database';
import { createJobsHandler } from './jobs-handler';

const blobs = blobStoreFromConfig(loadConfig(process.env));

export const handler = createJobsHandler(() => ({ db: databaseFromEnvironment(), blobs }), jobHandlers);
