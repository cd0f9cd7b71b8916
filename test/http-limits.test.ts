/**
 * The server's ceilings (issue 25): whose rate-limit bucket a request fills,
 * the ceiling on audits in flight across all clients, metrics labelled by
 * route, and requests during a shutdown drain. Through the hono app
 * (app.request) with the real test DNS server behind it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.js';
import { clientKey } from '../src/http/rate-limit.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite.js';
import { createNodeResolver, type ClosableResolver } from '../src/dns/node.js';
import { fixtureFaults, startDnsServer, type DnsTestServer } from './support/dns-server.js';
import { tempDir } from './support/tmp.js';
import type { HttpDeps } from '../src/http/deps.js';

let dns: DnsTestServer;
let resolver: ClosableResolver;
let store: SqliteStore;
beforeAll(async () => {
  dns = await startDnsServer({ faults: fixtureFaults() });
  resolver = createNodeResolver({ servers: [{ host: dns.host, port: dns.port }], timeoutMs: 2000, retries: 0 });
  store = openSqliteStore(join(tempDir('limits'), 'r.sqlite'));
});
afterAll(async () => {
  resolver.close();
  store.close();
  await dns.close();
});

const errorOf = async (r: Response) => ((await r.json()) as { error: { code: string; message: string } }).error;
const app = (extra: Partial<HttpDeps> = {}, config: HttpDeps['config'] = {}) =>
  createApp({ resolver, store, clock: () => 0, clientIp: (c) => c.req.header('x-test-client') ?? '?', config: { rateLimitPerMinute: 0, ...config }, ...extra });
const from = (client: string) => ({ headers: { 'x-test-client': client } });

describe('clientKey: whose bucket', () => {
  it.each([
    ['192.0.2.7', 64, '192.0.2.7'],
    ['::ffff:192.0.2.7', 64, '192.0.2.7'],
    ['::ffff:c000:207', 64, '192.0.2.7'],
    ['2001:db8:1:2:3:4:5:6', 64, '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff:ffff:ffff:ffff', 64, '2001:db8:1:2::/64'],
    ['[2001:db8:1:2::9]', 64, '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', 48, '2001:db8:1::/48'],
    ['2001:db8:1:2::9', 128, '2001:db8:1:2::9/128'],
    ['fe80::1%eth0', 64, 'fe80::/64'],
    ['::1', 64, '::/64'],
    ['unknown', 64, 'unknown'],
    ['x'.repeat(500), 64, 'x'.repeat(64)],
  ])('%s /%i → %s', (address, prefix, key) => {
    expect(clientKey(address, prefix)).toBe(key);
  });
});

describe('the per-client rate limit', () => {
  it('one IPv6 /64 is one client, however many addresses it uses; another /64 is another', async () => {
    const a = app({}, { rateLimitPerMinute: 6, rateLimitBurst: 2 });
    const ask = (client: string) => a.request('/api/v1/audit?ip=192.0.2.10', from(client));
    expect((await ask('2001:db8:aa:1::1')).status).toBe(200);
    expect((await ask('2001:db8:aa:1::2')).status).toBe(200);
    const third = await ask('2001:db8:aa:1:ffff::3');
    expect(third.status).toBe(429);
    expect((await errorOf(third)).message).toBe('too many audits from 2001:db8:aa:1::/64; try again in 10 s');
    expect((await ask('2001:db8:aa:2::1')).status).toBe(200);
  });

  it('an IPv4-mapped client shares its IPv4 address\'s bucket', async () => {
    const a = app({}, { rateLimitPerMinute: 6, rateLimitBurst: 1 });
    expect((await a.request('/api/v1/audit?ip=192.0.2.10', from('198.51.100.9'))).status).toBe(200);
    expect((await a.request('/api/v1/audit?ip=192.0.2.10', from('::ffff:198.51.100.9'))).status).toBe(429);
  });

  it('unknown paths spend tokens too: 404, 404, then the audit is refused', async () => {
    const a = app({}, { rateLimitPerMinute: 6, rateLimitBurst: 2 });
    const first = await a.request('/no-such-page', from('192.0.2.50'));
    expect(first.status).toBe(404);
    expect((await errorOf(first)).message).toBe('no route for GET /no-such-page');
    expect((await a.request('/wp-login.php', from('192.0.2.50'))).status).toBe(404);
    expect((await a.request('/api/v1/audit?ip=192.0.2.10', from('192.0.2.50'))).status).toBe(429);
    expect((await a.request('/healthz', from('192.0.2.50'))).status).toBe(200);
  });
});

describe('metrics labels: routes, not paths', () => {
  it('3,000 distinct unknown paths are one label; known routes keep their pattern', async () => {
    const routes = new Set<string>();
    const a = app({ observer: { request: (e) => void routes.add(e.route) } });
    for (let i = 0; i < 3000; i++) await a.request(`/x${i}`);
    await a.request('/r/AAAAAAAAAAAAAAAAAAAAAA');
    await a.request('/api/v1/reports/nope');
    await a.request('/api/v1/audit?ip=192.0.2.10');
    await a.request('/healthz');
    await a.request('/');
    expect([...routes].sort()).toEqual(['/', '/api/v1/audit', '/api/v1/reports/:id', '/healthz', '/r/:id', 'unmatched']);
  });
});

describe('the ceiling on audits in flight, all clients together', () => {
  it('a full server answers 503 with Retry-After after its wait; a slot is held until the audit\'s work ends, past its 504', async () => {
    const a = app({}, { maxAuditsInFlight: 1, auditWaitMs: 100, auditTimeoutMs: 150 });
    dns.setFault('80.228.192.23.in-addr.arpa', { kind: 'delay', ms: 5000 }); // past the resolver's 2 s timeout: the work ends at 2 s
    try {
      const slow = a.request('/api/v1/audit?ip=23.192.228.80', from('192.0.2.1'));
      await new Promise((r) => setTimeout(r, 20));
      const refused = await a.request('/api/v1/audit?ip=192.0.2.10', from('192.0.2.2'));
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(await errorOf(refused)).toEqual({ code: 'busy', message: 'the server is at its limit of 1 audits at once; try again in 1 s' });
      expect((await slow).status).toBe(504);
      // The 504 went out; the audit's DNS question has not come back: still full.
      expect((await a.request('/api/v1/watch?ip=192.0.2.10', from('192.0.2.3'))).status).toBe(503);
      expect((await a.request('/healthz')).status).toBe(200);
    } finally {
      dns.setFault('80.228.192.23.in-addr.arpa', null);
    }
    // Once the delayed answer is in, the slot is free again.
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await a.request('/api/v1/audit?ip=192.0.2.10', from('192.0.2.4'))).status;
    }
    expect(status).toBe(200);
  });
});

describe('draining for shutdown', () => {
  it('new requests get 503 and Connection: close; the probes still answer', async () => {
    let draining = false;
    const a = app({ draining: () => draining });
    expect((await a.request('/api/v1/audit?ip=192.0.2.10')).status).toBe(200);
    draining = true;
    const refused = await a.request('/api/v1/audit?ip=192.0.2.10');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('connection')).toBe('close');
    expect(await errorOf(refused)).toEqual({ code: 'unavailable', message: 'the server is shutting down; try again in a few seconds' });
    expect((await a.request('/healthz')).status).toBe(200);
    expect((await a.request('/')).status).toBe(503);
  });
});
