// Types of the built SvelteKit server (`build/server/server.js`, written by the adapter), which
// the Lambda handler in functions/src/web imports as `@kohtaamo/web/server`.
import type { Server } from '@sveltejs/kit';

export const server: Pick<Server, 'init' | 'respond'>;
