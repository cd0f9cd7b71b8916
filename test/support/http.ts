/**
 * A real ptrcheck HTTP server for a test file: listening on 127.0.0.1 port 0,
 * a real SQLite file, and the test DNS server behind it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startHttp, type RunningHttp } from '../../src/node.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';
import { createNodeResolver, type ClosableResolver } from '../../src/dns/node.js';
import type { HttpConfig } from '../../src/http/deps.js';
import { createNodeDirectQuery } from '../../src/dns/direct-node.js';
import { fixtureFaults, startDnsServer, type DnsTestServer } from './dns-server.js';
import { startDnsNetwork, type DnsNetwork } from './dns-network.js';
import { tempDir } from './tmp.js';

export interface HttpFixture {
  url: string;
  dns: DnsTestServer;
  store: SqliteStore;
  get(path: string, init?: RequestInit): Promise<Response>;
}

export function useHttpServer(config: Partial<HttpConfig> = {}, zoneTexts: string[] = []): HttpFixture {
  const fx = {} as HttpFixture;
  let http: RunningHttp;
  let resolver: ClosableResolver;
  let direct: ReturnType<typeof createNodeDirectQuery>;
  beforeAll(async () => {
    fx.dns = await startDnsServer({ faults: fixtureFaults(), zoneTexts });
    resolver = createNodeResolver({ servers: [{ host: fx.dns.host, port: fx.dns.port }], timeoutMs: 300, retries: 0 });
    // The fixture zones' nameservers are the test server itself: direct questions go to its port.
    direct = createNodeDirectQuery({ port: fx.dns.port, allowPrivate: true, timeoutMs: 300, retries: 0 });
    fx.store = openSqliteStore(join(tempDir('http'), 'reports.sqlite'));
    http = await startHttp({ resolver, direct, store: fx.store, port: 0, host: '127.0.0.1', config: { rateLimitPerMinute: 0, ...config } });
    fx.url = http.url;
    fx.get = (path, init) => fetch(`${fx.url}${path}`, init);
  });
  afterAll(async () => {
    await http.close();
    fx.store.close();
    resolver.close();
    direct.close();
    await fx.dns.close();
  });
  return fx;
}

export interface NetworkHttpFixture {
  url: string;
  net: DnsNetwork;
  /** The server's store (its monitors too, for the /monitors pages). */
  store: SqliteStore;
  get(path: string, init?: RequestInit): Promise<Response>;
}

/** The same server in front of the zone-servers world (fixtures/zone-servers): a stale resolver and the zones' own servers. */
export function useNetworkHttpServer(o: { adminToken?: string } = {}): NetworkHttpFixture {
  const fx = {} as NetworkHttpFixture;
  let http: RunningHttp;
  let resolver: ClosableResolver;
  let direct: ReturnType<typeof createNodeDirectQuery>;
  let store: SqliteStore;
  beforeAll(async () => {
    fx.net = await startDnsNetwork();
    resolver = createNodeResolver({ servers: [{ host: '127.0.0.1', port: fx.net.port }], timeoutMs: 300, retries: 1 });
    direct = createNodeDirectQuery({ port: fx.net.port, allowPrivate: true, timeoutMs: 300, retries: 1 });
    store = openSqliteStore(join(tempDir('http-net'), 'reports.sqlite'));
    fx.store = store;
    const admin = o.adminToken ? { admin: { token: o.adminToken, monitors: store.monitors } } : {};
    http = await startHttp({ resolver, direct, store, port: 0, host: '127.0.0.1', config: { rateLimitPerMinute: 0, reportCacheSeconds: 0 }, ...admin });
    fx.url = http.url;
    fx.get = (path, init) => fetch(`${fx.url}${path}`, init);
  });
  afterAll(async () => {
    await http.close();
    store.close();
    resolver.close();
    direct.close();
    await fx.net.close();
  });
  return fx;
}
