// Admins manage the workspace's users: invite (a link shown only for an address with no account;
// existing accounts get it by e-mail), change role, deactivate, reset access (always by e-mail).
// The users page: its data (page-data.server.ts) and its actions (actions.server.ts), beside it.
import { pageActions } from './actions.server';
import { loadPage } from './page-data.server';
import type { Actions } from './$types';

export const load = loadPage;

export const actions: Actions = pageActions;
