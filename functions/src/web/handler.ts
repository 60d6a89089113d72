// Lambda entry of the web app (bundled by scripts/bundle-lambdas.ts with the built SvelteKit
// server). The server starts initialising while Lambda initialises the function.
import { server } from '@kohtaamo/web/server';
import { loadConfig } from '@kohtaamo/shared/config';
import { createWebHandler, loadWebConfig } from './web-handler';

// Validated at cold start, so a local-only setting (KOHTAAMO_FAULT_POINTS) stops the function at once.
loadConfig(process.env);
const ready = server.init({ env: process.env as Record<string, string> });

export const handler = createWebHandler(server, ready, loadWebConfig(process.env));
