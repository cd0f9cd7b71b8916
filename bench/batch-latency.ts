/**
 * bench/batch-latency: batch time over a network, where round trips, not
 * CPU, should set it. The test DNS server answers every query after D ms;
 * each address needs PTR then A (2 round trips), so N addresses at
 * concurrency c cannot finish before N × 2D ÷ c. Prints the run's time ÷
 * that limit for concurrency 100, 1000 and 5000 (target ≤ 1.15 at 1000),
 * checking that every address comes back exactly once.
 *
 *   npm run bench:batch-latency                 (D = 20 ms, 65,536 addresses)
 *   npm run bench:batch-latency -- 20 16384     (D = 20 ms, 16,384 addresses)
 */
import { startDnsServer } from '../test/support/dns-server.js';
import { benchZones } from './zones.js';
import { checkComplete, runBatchChild } from './batch-child.js';
import { runBareLoopChild } from './bare-loop.js';

const delayMs = Number(process.argv[2] ?? 20);
const count = Number(process.argv[3] ?? 65_536);
const levels = (process.argv[4] ?? '100,1000,5000').split(',').map(Number);
const zones = benchZones(count);
const server = await startDnsServer({ zoneFiles: [], zoneTexts: [zones.reverse, zones.forward] });
server.setDelay(delayMs);
try {
  console.log(`bench/batch-latency: ${zones.ips.length} IPs, every answer delayed ${delayMs} ms (test DNS server on ${server.address}, pipelined TCP)`);
  console.log(`${'concurrency'.padEnd(12)} ${'limit'.padStart(8)} ${'batch run'.padStart(10)} ${'ratio'.padStart(6)} ${'wall'.padStart(8)} ${'ratio'.padStart(6)}   bare PTR→A loop, same server  ratio`);
  for (const c of levels) {
    const limitMs = (zones.ips.length * 2 * delayMs) / c;
    server.queries.length = 0;
    const run = await runBatchChild(zones.ips, ['--dns', server.address, '--concurrency', String(c)]);
    checkComplete(zones.ips, run);
    server.queries.length = 0;
    const bare = await runBareLoopChild(server.host, server.port, zones.ips, c);
    server.queries.length = 0;
    const f = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`${String(c).padEnd(12)} ${f(limitMs).padStart(8)} ${f(run.runMs).padStart(10)} ${(run.runMs / limitMs).toFixed(3).padStart(6)} ${f(run.wallMs).padStart(8)} ${(run.wallMs / limitMs).toFixed(3).padStart(6)}   ${f(bare.ms).padStart(28)}  ${(bare.ms / limitMs).toFixed(3)}`);
  }
} finally {
  await server.close();
}
