// `npm run repair -- [--workspace default]`: recomputes every association's summary and stage
// from the facts (after a crash between writes).
import { repairWorkspace } from '../shared/src/db/repair';
import { loadLocalConfig, localDb, openLocalEngine, parseArgs } from './local-runtime';

const config = await loadLocalConfig();
const args = parseArgs(process.argv.slice(2));
const workspaceId = typeof args.workspace === 'string' ? args.workspace : config.KOHTAAMO_WORKSPACE;
const engine = await openLocalEngine(config);
try {
  const report = await repairWorkspace(localDb(config, engine.endpoint), workspaceId);
  console.log(
    `Repaired workspace "${workspaceId}": ${report.associations} associations checked, ${report.stagesRepaired} stages fixed.`,
  );
} finally {
  await engine.close();
}
