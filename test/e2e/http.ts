// HTTP clients for specs that talk to the built app directly (no browser): a signed-in account's
// saved session, or nobody, sending forms with the site's own Origin unless told otherwise.
import { request, type APIRequestContext } from '@playwright/test';
import { storageStateOf, type Account } from './auth';

export const baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3199}`;

export async function client(account?: Account, origin: string | null = baseURL): Promise<APIRequestContext> {
  return request.newContext({
    baseURL,
    // Without an explicit empty state a new context inherits the config's signed-in admin.
    storageState: account ? storageStateOf(account) : { cookies: [], origins: [] },
    // A browser's form post: SvelteKit answers it with a page or a redirect, not JSON.
    extraHTTPHeaders: origin ? { origin, accept: 'text/html' } : { accept: 'text/html' },
  });
}
