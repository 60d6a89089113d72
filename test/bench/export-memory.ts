// Child process of the benchmark: builds one workspace's handover package (to a sink that drops
// it) and reports the time and how far memory rose above what the process used before.
// Usage: tsx test/bench/export-memory.ts <dynamodb endpoint> <table> <workspace id>
import { Writable } from 'node:stream';
import { createDb } from '../../shared/src/db/client';
import { writeHandoverPackage } from '../../shared/src/handover/handover-package';
import { getWorkspace } from '../../shared/src/workspace/workspace.store';

const [endpoint, table, workspaceId] = process.argv.slice(2) as [string, string, string];
const db = createDb({
  table,
  region: 'local',
  endpoint,
  cursorSecret: 'bench-cursor-secret-0123456789abcdef',
});
await getWorkspace(db, workspaceId); // warm up the SDK before the baseline
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 5);
let bytes = 0;
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    bytes += chunk.length;
    done();
  },
});
const started = performance.now();
await writeHandoverPackage(db, sink, { workspaceId, includePersons: true, exportedBy: 'bench' });
const ms = performance.now() - started;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
process.stdout.write(JSON.stringify({ ms, bytes, growth: peak - baseline }));
