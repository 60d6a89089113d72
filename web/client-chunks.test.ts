// What the browser gets: no server module in any client chunk of the built app. SvelteKit's own
// server-only guard sees only files inside web/, so a component that imports a shared/ module
// doing I/O would ship the DynamoDB client to every visitor; the lint rule in eslint.config.js
// stops the import, and this check stops what slips past it (a pure-looking module with I/O).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const clientDir = join(import.meta.dirname, 'build', 'client', '_app', 'immutable');

/** Marks of server code: the DynamoDB client and the document client, S3, the job launcher. */
const serverMarks = [
  'DynamoDBClient',
  'DynamoDBDocumentClient',
  'S3Client',
  'LambdaClient',
  'ConditionalCheckFailedException',
];

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? jsFiles(join(dir, entry.name))
      : entry.name.endsWith('.js')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('client chunks', () => {
  it('hold no server module (no AWS SDK client in the browser)', () => {
    expect(existsSync(clientDir), 'run `npm run build` first').toBe(true);
    const files = jsFiles(clientDir);
    expect(files.length).toBeGreaterThan(10);
    const offending = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return serverMarks
        .filter((mark) => text.includes(mark))
        .map((mark) => `${file.slice(clientDir.length + 1)}: ${mark}`);
    });
    expect(offending).toEqual([]);
  });
});
