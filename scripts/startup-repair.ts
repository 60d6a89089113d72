// The start-up repair of `npm start`: once the server answers, repair runs over every workspace in
// the same process (in the background, one item write at a time) and logs what it fixed by kind.
// KOHTAAMO_STARTUP_REPAIR=off turns it off (fault tests show that the write paths heal by themselves).
import type { Db } from '../shared/src/db/client';
import type { Logger } from '@aws-lambda-powertools/logger';
import { describeRepair, repairAllWorkspaces, totalFixes } from '../shared/src/db/repair';
import { createLogger } from '../shared/src/log/logger';

/** Runs the repair and logs its report; a failure is logged by type and leaves the server running. */
export async function runStartupRepair(
  db: Db,
  logger: Pick<Logger, 'info' | 'error'> = createLogger('kohtaamo-local'),
): Promise<void> {
  const started = Date.now();
  try {
    const { reports } = await repairAllWorkspaces(db);
    // The same line as the repair Lambda's: the counts by kind of fix, never what was fixed.
    logger.info(describeRepair(reports), { ...totalFixes(reports), durationMs: Date.now() - started });
  } catch (error) {
    const name = error instanceof Error ? error.name : 'unknown';
    logger.error('repair at start-up failed; run `npm run repair`', { error: name });
  }
}
