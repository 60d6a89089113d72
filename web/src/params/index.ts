// The param matchers of the routes, one file each beside this one (SvelteKit reads this entry).
import { defineParams } from '@sveltejs/kit/params';
import { matchId } from './id.ts';

export const params = defineParams({ id: matchId });
