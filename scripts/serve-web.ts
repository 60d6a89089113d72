// Serves the built app against an already running DynamoDB endpoint (KOHTAAMO_DYNAMODB_ENDPOINT),
// e.g. the benchmark's engine; prints the URL when it listens.
import { loadConfig } from '../shared/src/config';
import { attachSvelteKit, createLocalServer, listen } from './web-server';

const config = loadConfig(process.env);
if (!config.KOHTAAMO_DYNAMODB_ENDPOINT) throw new Error('KOHTAAMO_DYNAMODB_ENDPOINT is required');
const server = createLocalServer();
await listen(server, config.PORT, config.HOST);
await attachSvelteKit(server);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
console.log(`Serving at http://${config.HOST}:${(server.address() as { port: number }).port}/`);
