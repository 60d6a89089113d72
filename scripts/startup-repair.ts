// The start-up repair of `npm start`: once the server answers, repair runs over every workspace in
// the same process (in the background, one item write at a time) and logs what it fixed by kind.
// KOHTAAMO_STARTUP_REPAIR=off turns it off (fault tests show that the write paths heal by themselves).
import type { Db } from '../shared/src/db/client';
import { describeRepair, repairAllWorkspaces } from '../shared/src/db/repair';

/** Runs the repair and logs its report; a failure is logged by type and leaves the server running. */
export async function runStartupRepair(db: Db, log: (line: string) => void = console.log): Promise<void> {
  const started = Date.now();
  try {
    const { reports } = await repairAllWorkspaces(db);
    log(`${new Date().toISOString()} ${describeRepair(reports)} (${Date.now() - started} ms)`);
  } catch (error) {
    const name = error instanceof Error ? error.name : 'unknown';
    console.error(`${new Date().toISOString()} repair at start-up failed: ${name}; run \`npm run repair\``);
  }
}
