// Crash recovery without an operator: `npm start` is killed (SIGKILL, through a fault point) in the
// middle of a stage move and of a burst of contact logs, then restarted with the start-up repair
// off. The next reads and writes heal what the crashes left: the next move succeeds, and a repair
// run afterwards finds nothing to fix (every summary equals a recomputation from the facts), while
// the start-up repair on a copy taken right after the crashes reports the damage by kind.
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINT_FILE } from '../../shared/src/db/local';
import { newId } from '../../shared/src/ids';
import {
  freePort,
  logIn,
  repoRoot,
  runScript,
  seededDataDir,
  startServer,
  type RunningServer,
} from '../support/processes';

const password = 'cli-test-vihreä-kettu-42';

function form(url: string, cookie: string, body: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie,
      origin: new URL(url).origin,
      accept: 'text/html',
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(body),
  });
}

async function page(url: string, cookie: string): Promise<string> {
  const response = await fetch(url, { headers: { cookie } });
  expect(response.status).toBe(200);
  return response.text();
}

function stageForm(html: string): { expectedSeq: string; to: string } {
  const expectedSeq = /name="expectedSeq" value="(\d+)"/.exec(html)?.[1];
  // The first stage offered (Svelte's hydration markers sit between the tags).
  const to = /<select id="stage-to" name="to"[^>]*>(?:\s|<!--[^>]*-->)*<option value="([a-z_]+)"/.exec(
    html,
  )?.[1];
  if (!expectedSeq || !to) throw new Error('no stage form on the page');
  return { expectedSeq, to };
}

function killed(server: RunningServer): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) resolve(server.child.signalCode);
    else server.child.once('exit', (_code, signal) => resolve(signal));
  });
}

function repairLines(stdout: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const match of stdout.matchAll(/^\s+(\w+): (\d+)$/gm)) counts[match[1] as string] = Number(match[2]);
  return counts;
}

describe('a server killed in the middle of writes heals on its next reads and writes', () => {
  let dataDir: string;
  let copyDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    if (!existsSync(join(repoRoot, 'web', 'build', 'handler.js')))
      throw new Error('Build the web app first.');
    const seeded = await seededDataDir('kohtaamo-crash-');
    dataDir = seeded.dataDir;
    copyDir = await mkdtemp(join(tmpdir(), 'kohtaamo-crash-copy-'));
    env = { ...seeded.env, PORT: String(await freePort()), KOHTAAMO_STARTUP_REPAIR: 'off' };
  }, 60_000);
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(copyDir, { recursive: true, force: true });
  });

  it('after crashes in a stage move and a contact burst, the next move succeeds and no summary is wrong', async () => {
    // 1. A stage move killed between its history entry and the profile.
    let server = await startServer({ ...env, KOHTAAMO_FAULT_POINTS: 'stage-move:after-history' });
    let { cookie } = await logIn(server.url, 'staff@demo.invalid', password);
    const list = await page(`${server.url}/associations`, cookie);
    const [movedId, burstId] = [...list.matchAll(/href="[^"]*associations\/([0-9A-Z]{26})"/g)].map(
      (m) => m[1],
    );
    if (!movedId || !burstId) throw new Error('no associations listed');
    const before = stageForm(await page(`${server.url}/associations/${movedId}`, cookie));
    const moveDied = killed(server);
    await form(`${server.url}/associations/${movedId}?/moveStage`, cookie, before).catch(() => undefined);
    expect(await moveDied).toBe('SIGKILL');

    // 2. Ten contacts logged at once on one association, killed after the first stored contact.
    server = await startServer({ ...env, KOHTAAMO_FAULT_POINTS: 'log-contact:after-interaction' });
    ({ cookie } = await logIn(server.url, 'staff@demo.invalid', password));
    const burstDied = killed(server);
    const burst = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        form(`${server.url}/associations/${burstId}?/logContact`, cookie, {
          id: newId(),
          kind: 'call',
          notes: 'Soitto kesken kaatumisen',
          followUp: 'week',
        }),
      ),
    );
    expect(await burstDied).toBe('SIGKILL');
    expect(burst.some((result) => result.status === 'rejected')).toBe(true);

    // The damage is real: on a copy of the data, the start-up repair finds and reports it by kind.
    await cp(dataDir, copyDir, { recursive: true });
    await rm(join(copyDir, ENDPOINT_FILE), { force: true });
    const onCopy = await startServer({
      ...env,
      KOHTAAMO_DATA_DIR: copyDir,
      PORT: String(await freePort()),
      KOHTAAMO_STARTUP_REPAIR: 'on',
    });
    try {
      await expect
        .poll(() => onCopy.output(), { timeout: 30_000 })
        .toMatch(/repair: .*orphanRecordsRemoved=\d+/);
      expect(onCopy.output()).toMatch(
        /repair: 1 workspaces, 26 associations checked; stagesRepaired=1 summariesFixed=1 mergesFinished=0 municipalityEntriesFixed=0 duplicateEntriesFixed=0 personCopiesFixed=0 orphanRecordsRemoved=0/,
      );
    } finally {
      await onCopy.stop();
    }

    // 3. Restarted with the start-up repair off: the pages heal what they read.
    server = await startServer(env);
    try {
      ({ cookie } = await logIn(server.url, 'staff@demo.invalid', password));
      const after = stageForm(await page(`${server.url}/associations/${movedId}`, cookie));
      expect(Number(after.expectedSeq)).toBe(Number(before.expectedSeq) + 1);
      const next = await form(`${server.url}/associations/${movedId}?/moveStage`, cookie, after);
      expect(next.status).toBe(303);
      expect(next.headers.get('location')).toContain('done=stage');
      await page(`${server.url}/associations/${burstId}`, cookie);
      // The healing above came from the reads and the move: the start-up repair did not run.
      expect(server.output()).not.toMatch(/repair: /);
    } finally {
      await server.stop();
    }

    // Nothing is left for repair: the summaries equal a recomputation from the facts.
    const repaired = await runScript('scripts/repair.ts', ['--all'], env);
    expect(repaired.code, repaired.stderr).toBe(0);
    expect(repairLines(repaired.stdout)).toEqual({
      stagesRepaired: 0,
      summariesFixed: 0,
      mergesFinished: 0,
      municipalityEntriesFixed: 0,
      duplicateEntriesFixed: 0,
      personCopiesFixed: 0,
      orphanRecordsRemoved: 0,
      contactsMetFixed: 0,
      campaignRowNamesFixed: 0,
      parentEntriesFixed: 0,
    });
  }, 180_000);
});
