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
import { fixtureFaults, startDnsServer, type DnsTestServer } from './dns-server.js';
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
  beforeAll(async () => {
    fx.dns = await startDnsServer({ faults: fixtureFaults(), zoneTexts });
    resolver = createNodeResolver({ servers: [{ host: fx.dns.host, port: fx.dns.port }], timeoutMs: 300, retries: 0 });
    fx.store = openSqliteStore(join(tempDir('http'), 'reports.sqlite'));
    http = await startHttp({ resolver, store: fx.store, port: 0, host: '127.0.0.1', config: { rateLimitPerMinute: 0, ...config } });
    fx.url = http.url;
    fx.get = (path, init) => fetch(`${fx.url}${path}`, init);
  });
  afterAll(async () => {
    await http.close();
    fx.store.close();
    resolver.close();
    await fx.dns.close();
  });
  return fx;
}
