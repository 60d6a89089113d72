// The signed-in user's own account: who they are, their name and password, log out (everywhere).
// My account: its data (page-data.server.ts) and its actions (actions.server.ts), beside it.
import { pageActions } from './actions.server';
import { loadPage } from './page-data.server';
import type { Actions } from './$types';

export const load = loadPage;

export const actions: Actions = pageActions;
