// The association page: its data (page-data.server.ts) and its actions, each group in a module beside it.
import { contactActions } from './contact-actions.server';
import { loadAssociationPage } from './page-data.server';
import { peopleActions } from './people-actions.server';
import { recordActions } from './record-actions.server';
import type { Actions } from './$types';

export const load = loadAssociationPage;

export const actions: Actions = { ...contactActions, ...peopleActions, ...recordActions };
