// One spreadsheet import, step by step: the file's check (a background job reads it once, within
// limits; the page waits for it), the columns (suggested, confirmed by the user), the check of the
// rows (every row's problems, the duplicates with a choice each; nothing written yet), then the
// import itself as a background job with its progress and result. The load only reads: the file
// is never parsed in a page view.
// An import's page: its data (page-data.server.ts) and its actions (actions.server.ts), beside it.
import { pageActions } from './actions.server';
import { loadPage } from './page-data.server';
import type { Actions } from './$types';

export const load = loadPage;

export const actions: Actions = pageActions;
