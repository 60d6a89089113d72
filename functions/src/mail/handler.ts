// Lambda entry of the SES bounce and complaint recorder.
import { databaseFromEnvironment } from '../database';
import { createMailEventsHandler } from './mail-events-handler';

export const handler = createMailEventsHandler({ db: databaseFromEnvironment });
