/**
 * A round keeps its looks flowing: with three targets (and chunks inside
 * them), the looks never drain to none in flight while addresses remain.
 * Draining left a few questions on the pipelined TCP connections, and a
 * server with Nagle on (nsd) held each answer for the client's delayed ACK,
 * ~40 ms a drain (BENCHMARKS.md). Against the real test DNS server, with a
 * counting decorator on the real resolver (looks started at PTR, ended at
 * the A answer), and a real SQLite file.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeResolver, type ClosableResolver } from '../dns/node.js';
import type { Resolver } from '../dns/types.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite.js';
import { startDnsServer, type DnsTestServer } from '../../test/support/dns-server.js';
import { tempDir } from '../../test/support/tmp.js';
import { runMonitorRound } from './service.js';

const PER_TARGET = 64;
const TARGETS = ['198.18.0.0/26', '198.18.0.64/26', '198.18.0.128/26'];
const soa = (origin: string) => `$ORIGIN ${origin}.\n$TTL 3600\n@ IN SOA ns.flow.test. hostmaster.flow.test. 1 7200 900 1209600 300\n  IN NS ns.flow.test.\n`;
const reverse = soa('0.18.198.in-addr.arpa') + Array.from({ length: 3 * PER_TARGET }, (_, i) => `${i} IN PTR mta-${i}.flow.test.\n`).join('');
const forward = soa('flow.test') + Array.from({ length: 3 * PER_TARGET }, (_, i) => `mta-${i} IN A 198.18.0.${i}\n`).join('');

let dns: DnsTestServer;
let real: ClosableResolver;
let store: SqliteStore;
beforeAll(async () => {
  dns = await startDnsServer({ zoneFiles: [], zoneTexts: [reverse, forward] });
  real = createNodeResolver({ servers: [{ host: dns.host, port: dns.port }], timeoutMs: 2000, retries: 1 });
  store = openSqliteStore(join(tempDir('round-flow'), 'm.sqlite'));
  for (const [i, target] of TARGETS.entries()) await store.monitors.addMonitor({ id: `m_flow0000000${i}`, target, kind: 'cidr', createdAt: i });
});
afterAll(async () => {
  store.close();
  real.close();
  await dns.close();
});

describe('a monitoring round', () => {
  it('never lets its looks drain while addresses remain, across targets', async () => {
    let inFlight = 0;
    let started = 0;
    const total = 3 * PER_TARGET;
    const drained: number[] = [];
    // A look starts with its PTR question and ends with its A answer.
    const counting: Resolver = {
      async query(name, type) {
        if (type === 'PTR') (inFlight++, started++);
        const answer = await real.query(name, type);
        if (type === 'A' && name.endsWith('.flow.test')) {
          inFlight--;
          // A worker takes its next address within microtasks; none left in flight with addresses left is a drain.
          queueMicrotask(() => queueMicrotask(() => void (inFlight === 0 && started < total && drained.push(started))));
        }
        return answer;
      },
    };
    const r = await runMonitorRound({ store: store.monitors, resolver: counting, confirmResolver: counting, dnsbl: [], webhooks: [], confirmAfterMs: 0, now: () => 1_000, sleep: async () => undefined });
    expect(r.addresses).toBe(total);
    expect(r.baselines).toBe(total);
    expect(started).toBe(total);
    expect(drained).toEqual([]);
    // Each target's baselines were written, in full.
    for (const i of [0, 1, 2]) expect((await store.monitors.states(`m_flow0000000${i}`)).size).toBe(PER_TARGET);
  });
});
