/**
 * bench/latency: how close an IP audit comes to its round-trip limit.
 * Every DNS server delays every answer by D ms (a stand-in for network
 * RTT); an audit that passes needs PTR, then A/AAAA, so it cannot finish
 * before 2 × D. One that fails also asks the reverse zone's own servers:
 * PTR (with the zone's SOA beside it), then the zone's NS set (and its
 * ancestors'), then their addresses, then the direct questions: 4 × D.
 * Prints measured median ÷ (round trips × D). Target ≤ 1.25 for each.
 *
 *   npm run bench:latency            (D = 50 ms, 30 runs per case)
 *   npm run bench:latency -- 100 20  (D = 100 ms, 20 runs)
 */
import { audit } from '../src/pipeline/audit.js';
import { createNodeResolver } from '../src/dns/node.js';
import { withCache } from '../src/dns/cache.js';
import { createNodeDirectQuery } from '../src/dns/direct-node.js';
import { fixtureFaults, startDnsServer } from '../test/support/dns-server.js';
import { startDnsNetwork } from '../test/support/dns-network.js';

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
  /** Asked in the zone-servers world (fixtures/zone-servers: a stale resolver, nameservers on 127.0.0.2-9). */
  network?: boolean;
}

const cases: Case[] = [
  { ip: '23.192.228.80', label: 'IPv4, PTR → A', roundTrips: 2 },
  { ip: '2600:1406:3a00:21::173e:2e65', label: 'IPv6, PTR → AAAA', roundTrips: 2 },
  { ip: '23.192.228.80', helo: 'mail.example.com', label: 'IPv4 + HELO (A/AAAA beside PTR)', roundTrips: 2 },
  { ip: '192.0.2.11', label: 'NXDOMAIN + zone servers asked', roundTrips: 4 },
  { ip: '192.0.2.30', dnsbl: ['bl.example.net'], label: 'IPv4 + DNSBL listing (A → TXT beside)', roundTrips: 2 },
  { ip: '198.51.100.70', label: 'RFC 2317: PTR → CNAME target → A', roundTrips: 3 },
  // PTR+SOA; NS of the zone and of its ancestors; their addresses; direct PTR/SOA/NS and the parent's referral.
  { ip: '203.0.113.10', label: 'published, resolver stale (+ parent)', roundTrips: 4, network: true },
  // PTR; A (NXDOMAIN: its SOA names the zone); the zone's NS; addresses; direct A at the DNS host.
  // The reverse zone's servers are asked beside it (rounds 3 and 4).
  { ip: '192.0.2.17', label: 'FCrDNS fails (NXDOMAIN): DNS host asked', roundTrips: 5 },
  // PTR; A (a wrong address names no zone); SOA of the name; its NS; addresses; direct A.
  { ip: '203.0.113.12', label: 'FCrDNS fails (stale A): DNS host asked', roundTrips: 6, network: true },
];

const server = await startDnsServer({ faults: fixtureFaults() });
server.setDelay(delay);
const inner = createNodeResolver({ servers: [{ host: server.host, port: server.port }], timeoutMs: delay * 10 + 1000, retries: 0 });
// The fixture zones' nameservers are the test server itself.
const direct = createNodeDirectQuery({ port: server.port, allowPrivate: true, timeoutMs: delay * 10 + 1000, retries: 0 });
const world = await startDnsNetwork();
for (const s of [world.resolver, ...world.servers.values()]) s.setDelay(delay);
const worldInner = createNodeResolver({ servers: [{ host: '127.0.0.1', port: world.port }], timeoutMs: delay * 10 + 1000, retries: 0 });
// quiet.rdns (127.0.0.5) never answers: its timeout is what a dead nameserver costs, not a round trip; keep it short.
const worldDirect = createNodeDirectQuery({ port: world.port, allowPrivate: true, timeoutMs: delay * 2 + 50, retries: 0 });

console.log(`bench/latency: every DNS answer delayed ${delay} ms, ${runs} audits per case, fresh cache per audit`);
let worst = 0;
for (const c of cases) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const resolver = withCache(c.network ? worldInner : inner); // fresh: measure the network path, not the cache
    const t0 = performance.now();
    const deps = { resolver, direct: c.network ? worldDirect : direct, ...(c.dnsbl ? { config: { dnsbl: c.dnsbl } } : {}) };
    const report = await audit(c.helo ? { ip: c.ip, helo: c.helo } : { ip: c.ip }, deps);
    times.push(performance.now() - t0);
    // The cross-check runs exactly when it should: never for a passing PTR, always for a failing one.
    if ((report.zoneServers !== undefined) !== (c.roundTrips > 3)) throw new Error(`${c.label}: zone servers ${report.zoneServers ? 'asked' : 'not asked'}`);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p90 = times[Math.floor(times.length * 0.9)]!;
  const limit = c.roundTrips * delay;
  const ratio = median / limit;
  worst = Math.max(worst, ratio);
  console.log(
    `  ${c.label.padEnd(36)} median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms; limit ${c.roundTrips} × ${delay} = ${limit} ms; ratio ${ratio.toFixed(3)}`,
  );
}
console.log(`ratio (worst case) = ${worst.toFixed(3)}  (target ≤ 1.25)`);
inner.close();
direct.close();
worldInner.close();
worldDirect.close();
await server.close();
await world.close();
