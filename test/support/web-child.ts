// The built web app in a child process against a running DynamoDB endpoint (scripts/serve-web.ts),
// for the benchmarks and the page-cost test: its URL, and the cost each request's log line reports
// (round trips and items examined, found by the request's `x-request-id`).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');

export interface RequestCost {
  route: string;
  status: number;
  roundTrips: number;
  itemsExamined: number;
  scans: number;
}

export interface WebChild {
  url: string;
  /** The cost of a served request, from its log line (waits briefly for the line to arrive). */
  costOf: (requestId: string) => Promise<RequestCost>;
  stop: () => Promise<void>;
}

export async function startWebChild(options: {
  endpoint: string;
  table: string;
  workspaceId: string;
  cursorSecret: string;
}): Promise<WebChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve-web.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      KOHTAAMO_DYNAMODB_ENDPOINT: options.endpoint,
      KOHTAAMO_TABLE: options.table,
      KOHTAAMO_WORKSPACE: options.workspaceId,
      KOHTAAMO_CURSOR_SECRET: options.cursorSecret,
      HOST: '127.0.0.1',
      PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const costs = new Map<string, RequestCost>();
  let pending = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const serving = /Serving at (http:\/\/\S+?)\/?$/.exec(line.trim());
        if (serving?.[1]) resolveUrl(serving[1]);
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as Record<string, unknown>;
        if (entry.message !== 'request' || typeof entry.requestId !== 'string') continue;
        costs.set(entry.requestId, {
          route: String(entry.route),
          status: Number(entry.status),
          roundTrips: Number(entry.roundTrips),
          itemsExamined: Number(entry.itemsExamined),
          scans: Number(entry.scans ?? 0),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`web server exited with ${code}`)));
  });
  return {
    url,
    costOf: async (requestId) => {
      for (let wait = 0; wait < 100; wait++) {
        const cost = costs.get(requestId);
        if (cost) return cost;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`No log line for request ${requestId}`);
    },
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (child.exitCode !== null) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
      }),
  };
}
