// The lint rule that keeps data access out of browser code really reports an import of a store,
// a db or storage module or the AWS SDK from components and client modules, and leaves the
// server-only files (which SvelteKit never sends to the browser) alone.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/processes';

const eslint = new ESLint({ cwd: repoRoot });
const RULE = '@typescript-eslint/no-restricted-imports';

/** The restricted-import findings for `code` as if it were the file at `path` in the repository. */
async function restricted(path: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, path) });
  expect(result?.messages.filter((m) => m.message.startsWith('File ignored'))).toEqual([]);
  return result?.messages.filter((m) => m.ruleId === RULE).length ?? 0;
}

const inComponent = (line: string) => `<script lang="ts">\n  ${line}\n  console.log(probe);\n</script>\n`;
const inModule = (line: string) => `${line}\nconsole.log(probe);\n`;

describe('eslint: no data access in browser code', () => {
  it.each([
    [
      'web/src/lib/components/LintProbe.svelte',
      inComponent("import { recordFeedback as probe } from '@kohtaamo/shared/event/event-feedback.store';"),
    ],
    [
      'web/src/routes/lint-probe/+page.svelte',
      inComponent("import { DynamoDBClient as probe } from '@aws-sdk/client-dynamodb';"),
    ],
    [
      'web/src/routes/lint-probe/+page.ts',
      inModule("import { DynamoDBDocumentClient as probe } from '@aws-sdk/lib-dynamodb';"),
    ],
    [
      'web/src/routes/lint-probe/+layout.ts',
      inModule("import { getUser as probe } from '../../../../shared/src/user/user.store.ts';"),
    ],
    [
      'web/src/lib/lint-probe.ts',
      inModule("import { dbFromConfig as probe } from '@kohtaamo/shared/db/client';"),
    ],
    ['web/src/params/lint-probe.ts', inModule("import * as probe from '@smithy/core';")],
    [
      'web/src/lib/components/LintProbe.svelte.ts',
      inModule("import { listEvents as probe } from '../../x/event.store';"),
    ],
  ])('reports the import in %s', async (path, code) => {
    expect(await restricted(path, code)).toBe(1);
  });

  it.each([
    [
      'web/src/routes/lint-probe/+page.server.ts',
      inModule("import { recordFeedback as probe } from '@kohtaamo/shared/event/event-feedback.store';"),
    ],
    [
      'web/src/routes/lint-probe/+server.ts',
      inModule("import { DynamoDBClient as probe } from '@aws-sdk/client-dynamodb';"),
    ],
    [
      'web/src/routes/lint-probe/page-data.server.ts',
      inModule("import { getUser as probe } from '@kohtaamo/shared/user/user.store';"),
    ],
    [
      'web/src/lib/server/lint-probe.ts',
      inModule("import { dbFromConfig as probe } from '@kohtaamo/shared/db/client';"),
    ],
    [
      'web/src/lib/components/LintProbe.svelte',
      inComponent("import type { Feedback as probe } from '@kohtaamo/shared/event/event-feedback.store';"),
    ],
    [
      'web/src/lib/components/LintProbe.svelte',
      inComponent("import { likertField as probe } from '@kohtaamo/shared/event/event-feedback';"),
    ],
  ])('allows the import in %s', async (path, code) => {
    expect(await restricted(path, code)).toBe(0);
  });
});
