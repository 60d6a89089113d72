// One event: details, registrations (with the association's people to choose from), attendance
// counts, feedback with its distribution, and the public feedback link.
// An event's page: its data (page-data.server.ts) and its actions (actions.server.ts), beside it.
import { pageActions } from './actions.server';
import { loadPage } from './page-data.server';
import type { Actions } from './$types';

export const load = loadPage;

export const actions: Actions = pageActions;
