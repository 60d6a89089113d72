// `npm run sweep`: removes expired sessions, one-time links and login throttle counters.
import { sweepExpired } from '../shared/src/user/sweep-expired';
import { loadLocalConfig, localDb, openLocalEngine } from './local-runtime';

const config = await loadLocalConfig();
const engine = await openLocalEngine(config);
try {
  const report = await sweepExpired(localDb(config, engine.endpoint));
  console.log(
    `Removed ${report.session} sessions, ${report.token} links and ${report.throttle} throttle counters.`,
  );
} finally {
  await engine.close();
}
