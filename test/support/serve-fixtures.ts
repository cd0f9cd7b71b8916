/**
 * Runs the test DNS server by hand, for trying ptrcheck on the fixture
 * scenarios:  npm run dns-fixture [-- PORT [MINUTES]]
 * It listens on 127.0.0.1 only and stops by itself (default after 60 minutes).
 */
import { fixtureFaults, startDnsServer } from './dns-server.js';

const port = Number(process.argv[2] ?? 0);
const minutes = Number(process.argv[3] ?? 60);
const server = await startDnsServer({ faults: fixtureFaults(), port });
console.log(`test DNS server on ${server.address} (UDP+TCP), serving fixtures/zones; stops in ${minutes} min or on Ctrl-C`);
console.log(`try:  npx ptrcheck audit 23.192.228.80 --dns ${server.address}`);
const stop = (): void => void server.close().then(() => process.exit(0));
setTimeout(stop, minutes * 60_000).unref();
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
