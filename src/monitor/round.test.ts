/**
 * A round's per-target last look (the gauge's source): set by a look that decided a state,
 * never by one that failed temporarily. Against the real test DNS server and a real SQLite file.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeResolver, type ClosableResolver } from '../dns/node.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite.js';
import { startDnsServer, type DnsTestServer } from '../../test/support/dns-server.js';
import { tempDir } from '../../test/support/tmp.js';
import { runMonitorRound } from './service.js';

const PTR = '80.228.192.23.in-addr.arpa';
let dns: DnsTestServer;
let resolver: ClosableResolver;
let store: SqliteStore;
beforeAll(async () => {
  dns = await startDnsServer();
  resolver = createNodeResolver({ servers: [{ host: dns.host, port: dns.port }], timeoutMs: 300, retries: 0 });
  store = openSqliteStore(join(tempDir('round-last-look'), 'm.sqlite'));
  await store.monitors.addMonitor({ id: 'm_lastlook0001', target: '23.192.228.80', kind: 'ip', createdAt: 1 });
});
afterAll(async () => {
  store.close();
  resolver.close();
  await dns.close();
});

const round = (now: number) =>
  runMonitorRound({ store: store.monitors, resolver, confirmResolver: resolver, dnsbl: [], webhooks: [], confirmAfterMs: 0, now: () => now, sleep: async () => undefined });

describe('a round\'s last look per target', () => {
  it.each<[string, { kind: 'servfail' } | { kind: 'refused' } | { kind: 'timeout' }]>([
    ['SERVFAIL', { kind: 'servfail' }],
    ['REFUSED', { kind: 'refused' }],
    ['a timeout', { kind: 'timeout' }],
  ])('%s on the PTR: no last look, and the look is temporary', async (_what, fault) => {
    dns.setFault(PTR, fault);
    try {
      const r = await round(1_000);
      expect(r.temporary).toBe(1);
      expect([...r.lastLook]).toEqual([]);
    } finally {
      dns.setFault(PTR, null);
    }
  });

  it('a look that decides: the look\'s time, for that target', async () => {
    const r = await round(2_000);
    expect(r.temporary).toBe(0);
    expect([...r.lastLook]).toEqual([['m_lastlook0001', 2_000]]);
  });
});
