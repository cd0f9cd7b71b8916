/**
 * Runs the test DNS server by hand, for trying ptrcheck on the fixture
 * scenarios:  npm run dns-fixture [-- PORT [MINUTES]]
 * or the zone-servers world (a stale resolver and nameservers on 127.0.0.2-9,
 * one port):  npm run dns-fixture -- world [MINUTES]
 * It listens on loopback only and stops by itself (default after 60 minutes).
 */
import { fixtureFaults, startDnsServer } from './dns-server.js';
import { startDnsNetwork } from './dns-network.js';

const world = process.argv[2] === 'world';
const port = world ? 0 : Number(process.argv[2] ?? 0);
const minutes = Number(process.argv[3] ?? 60);
let close: () => Promise<void>;
if (world) {
  const net = await startDnsNetwork();
  close = net.close;
  console.log(`zone-servers world: resolver 127.0.0.1:${net.port}, nameservers 127.0.0.2-9 on port ${net.port}; stops in ${minutes} min or on Ctrl-C`);
  console.log(`try:  npx ptrcheck audit 203.0.113.10 --dns 127.0.0.1:${net.port} --authoritative-port ${net.port}`);
  console.log(`      npx ptrcheck watch 203.0.113.10 --expect mail.fresh.example --dns 127.0.0.1:${net.port} --authoritative-port ${net.port}`);
} else {
  const server = await startDnsServer({ faults: fixtureFaults(), port });
  close = server.close;
  console.log(`test DNS server on ${server.address} (UDP+TCP), serving fixtures/zones; stops in ${minutes} min or on Ctrl-C`);
  console.log(`try:  npx ptrcheck audit 23.192.228.80 --dns ${server.address} --authoritative-port ${server.port}`);
}
const stop = (): void => void close().then(() => process.exit(0));
setTimeout(stop, minutes * 60_000).unref();
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
