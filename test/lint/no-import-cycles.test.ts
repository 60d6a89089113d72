// The import-cycle lint rule really reports a cycle between two TypeScript modules: without the
// plugin's TypeScript settings it silently resolves nothing and passes every file.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/processes';

describe('eslint import-x/no-cycle', () => {
  const dir = join(repoRoot, 'shared', 'src', `.cycle-probe-${process.pid}`);

  beforeAll(async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'a.store.ts'), "import { b } from './b.store';\nexport const a = () => b();\n");
    await writeFile(join(dir, 'b.store.ts'), "import { a } from './a.store';\nexport const b = () => a;\n");
    await writeFile(join(dir, 'c.ts'), "import { b } from './b.store';\nexport const c = b;\n");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports both ends of a cycle and nothing in a module that only uses it', async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    const results = await eslint.lintFiles([join(dir, '*.ts')]);
    const cycles = Object.fromEntries(
      results.map((result) => [
        result.filePath.slice(dir.length + 1),
        result.messages.filter((m) => m.ruleId === 'import-x/no-cycle').length,
      ]),
    );
    expect(cycles).toEqual({ 'a.store.ts': 1, 'b.store.ts': 1, 'c.ts': 0 });
  });
});
