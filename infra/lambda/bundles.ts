// The Lambda functions and how each is bundled: one esbuild bundle per function, written to
// dist/lambda/<name>/index.mjs, which the stacks deploy and the budget test and bench measure.
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const lambdaDist = join(repoRoot, 'dist', 'lambda');

export interface LambdaBundle {
  name: string;
  entry: string;
  /** Budget for the zipped bundle, in bytes. */
  budgetBytes: number;
}

const MB = 1024 * 1024;

export const lambdaBundles: readonly LambdaBundle[] = [
  { name: 'web', entry: 'functions/src/web/handler.ts', budgetBytes: 5 * MB },
  { name: 'reminders', entry: 'functions/src/reminders/handler.ts', budgetBytes: 1 * MB },
  { name: 'sweep-expired', entry: 'functions/src/maintenance/sweep-expired.ts', budgetBytes: 1 * MB },
  { name: 'repair-workspace', entry: 'functions/src/maintenance/repair-workspace.ts', budgetBytes: 1 * MB },
  // The jobs write the handover, the import report and the mailing in both languages: the whole
  // catalogue of both (about 120 KB before zipping) is in this bundle, hence a quarter more.
  { name: 'jobs', entry: 'functions/src/jobs/handler.ts', budgetBytes: 1.25 * MB },
  { name: 'mail-events', entry: 'functions/src/mail/handler.ts', budgetBytes: 1 * MB },
];

export const bundleDir = (name: string) => join(lambdaDist, name);
