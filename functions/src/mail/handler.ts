// Lambda entry of the SES bounce and complaint recorder.
import { loadConfig } from '@kohtaamo/shared/config';
import { databaseFromEnvironment } from '../database';
import { createMailEventsHandler } from './mail-events-handler';

// Validated at cold start, so a local-only setting (KOHTAAMO_FAULT_POINTS) stops the function at
// once, even on a notification that needs no table access.
loadConfig(process.env);

export const handler = createMailEventsHandler({ db: databaseFromEnvironment });
