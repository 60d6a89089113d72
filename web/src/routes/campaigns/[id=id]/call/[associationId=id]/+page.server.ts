// One call of the round: who to call and their numbers, the latest contacts, and the outcome in
// one click. After logging, the next free association is claimed and opened.
// One call of a campaign: its data (page-data.server.ts) and its actions (actions.server.ts), beside it.
import { pageActions } from './actions.server';
import { loadPage } from './page-data.server';
import type { Actions } from './$types';

export const load = loadPage;

export const actions: Actions = pageActions;
