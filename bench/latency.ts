/**
 * bench/latency: how close an IP audit comes to its two-round-trip limit.
 * The test DNS server delays every answer by D ms (a stand-in for network
 * RTT); an audit needs PTR, then A/AAAA, so it cannot finish before 2 × D.
 * Prints measured median ÷ (round trips × D). Target ≤ 1.25.
 *
 *   npm run bench:latency            (D = 50 ms, 30 runs per case)
 *   npm run bench:latency -- 100 20  (D = 100 ms, 20 runs)
 */
import { audit } from '../src/pipeline/audit.js';
import { createNodeResolver } from '../src/dns/node.js';
import { withCache } from '../src/dns/cache.js';
import { fixtureFaults, startDnsServer } from '../test/support/dns-server.js';

const delay = Number(process.argv[2] ?? 50);
const runs = Number(process.argv[3] ?? 30);

interface Case {
  ip: string;
  helo?: string;
  /** DNSBL zones to ask beside (dnsbl-clean). */
  dnsbl?: string[];
  label: string;
  /** Sequential round trips on the critical path. */
  roundTrips: number;
}

const cases: Case[] = [
  { ip: '23.192.228.80', label: 'IPv4, PTR → A', roundTrips: 2 },
  { ip: '2600:1406:3a00:21::173e:2e65', label: 'IPv6, PTR → AAAA', roundTrips: 2 },
  { ip: '23.192.228.80', helo: 'mail.example.com', label: 'IPv4 + HELO (A/AAAA beside PTR)', roundTrips: 2 },
  { ip: '192.0.2.11', label: 'IPv4, NXDOMAIN (PTR only)', roundTrips: 2 },
  { ip: '192.0.2.30', dnsbl: ['bl.example.net'], label: 'IPv4 + DNSBL listing (A → TXT beside)', roundTrips: 2 },
  { ip: '198.51.100.70', label: 'RFC 2317: PTR → CNAME target → A', roundTrips: 3 },
];

const server = await startDnsServer({ faults: fixtureFaults() });
server.setDelay(delay);
const inner = createNodeResolver({ servers: [{ host: server.host, port: server.port }], timeoutMs: delay * 10 + 1000, retries: 0 });

console.log(`bench/latency: every DNS answer delayed ${delay} ms, ${runs} audits per case, fresh cache per audit`);
let worst = 0;
for (const c of cases) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const resolver = withCache(inner); // fresh: measure the network path, not the cache
    const t0 = performance.now();
    await audit(c.helo ? { ip: c.ip, helo: c.helo } : { ip: c.ip }, { resolver, ...(c.dnsbl ? { config: { dnsbl: c.dnsbl } } : {}) });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p90 = times[Math.floor(times.length * 0.9)]!;
  const limit = c.roundTrips * delay;
  const ratio = median / limit;
  if (c.roundTrips === 2) worst = Math.max(worst, ratio);
  console.log(
    `  ${c.label.padEnd(36)} median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms; limit ${c.roundTrips} × ${delay} = ${limit} ms; ratio ${ratio.toFixed(3)}`,
  );
}
console.log(`ratio (worst two-round-trip case) = ${worst.toFixed(3)}  (target ≤ 1.25)`);
inner.close();
await server.close();
