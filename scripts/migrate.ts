// `npm run migrate`: upgrades stored items to the code's schema versions and applies the cleanups.
import { runMigrations } from '../shared/src/db/migrate';
import { loadLocalConfig, localDb, openLocalEngine } from './local-runtime';

const config = await loadLocalConfig();
const engine = await openLocalEngine(config);
try {
  const report = await runMigrations(localDb(config, engine.endpoint));
  console.log(
    `Migrated: ${report.scanned} items read, ${report.upgraded} upgraded or cleaned, ${report.skipped} changed meanwhile (run again).`,
  );
} finally {
  await engine.close();
}
