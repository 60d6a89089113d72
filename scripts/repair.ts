// `npm run repair -- [--workspace default | --all]`: brings every association's stage, summary,
// municipality entries, interrupted merges and orphan idempotency records in line with the facts
// (after a crash between writes), and prints each kind of fix with its count.
import { describeRepair, fixKinds, repairAllWorkspaces, repairWorkspace } from '../shared/src/db/repair';
import { loadLocalConfig, localDb, openLocalEngine, parseArgs } from './local-runtime';

const config = await loadLocalConfig();
const args = parseArgs(process.argv.slice(2));
const workspaceId = typeof args.workspace === 'string' ? args.workspace : config.KOHTAAMO_WORKSPACE;
const engine = await openLocalEngine(config);
try {
  const db = localDb(config, engine.endpoint);
  const reports = args.all
    ? (await repairAllWorkspaces(db)).reports
    : [await repairWorkspace(db, workspaceId)];
  for (const report of reports) {
    console.log(`Repaired workspace "${report.workspaceId}": ${report.associations} associations checked.`);
    for (const kind of fixKinds) console.log(`  ${kind}: ${report[kind]}`);
  }
  console.log(describeRepair(reports));
} finally {
  await engine.close();
}
