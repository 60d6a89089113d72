// Demo accounts of the browser tests (seeded by playwright.config.ts) and their saved sessions.
export const E2E_PASSWORD = 'e2e-vihreä-kettu-juoksee-42';

export const accounts = {
  admin: 'admin@demo.invalid',
  staff: 'staff@demo.invalid',
  viewer: 'viewer@demo.invalid',
  /** The admin of the second workspace ("toinen"), for isolation tests. */
  otherAdmin: 'admin+toinen@demo.invalid',
} as const;
export type Account = keyof typeof accounts;

export function storageStateOf(account: Account): string {
  return `.test-output/auth/${account}.json`;
}
