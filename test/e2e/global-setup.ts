// Logs each demo account in once (a real form post to the built app) and saves its session, so
// specs start signed in with `test.use({ storageState: storageStateOf('staff') })`.
import { request, type FullConfig } from '@playwright/test';
import { accounts, E2E_PASSWORD, storageStateOf, type Account } from './auth';

export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]?.use.baseURL as string;
  for (const account of Object.keys(accounts) as Account[]) {
    const context = await request.newContext({
      baseURL,
      extraHTTPHeaders: { origin: baseURL, accept: 'text/html' },
    });
    const response = await context.post('/login', {
      form: { email: accounts[account], password: E2E_PASSWORD, next: '/' },
      maxRedirects: 0,
    });
    if (response.status() !== 303) throw new Error(`Login of ${account} failed: HTTP ${response.status()}`);
    await context.storageState({ path: storageStateOf(account) });
    await context.dispose();
  }
}
