/**
 * ptrcheck's HTTP side and SMTP sink for a test file, in-process: real
 * sockets on 127.0.0.1 (ports from the OS), a real SQLite file, a fresh
 * self-signed certificate, and the test DNS server behind the resolver.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { startServe, type Running } from '../../src/node.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';
import { createNodeResolver, type ClosableResolver } from '../../src/dns/node.js';
import { loadOrCreateTls } from '../../src/sink/smtp/tls.js';
import type { SinkOptions } from '../../src/sink/smtp/server.js';
import type { Report } from '../../src/core/types.js';
import { fixtureFaults, startDnsServer, type DnsTestServer } from './dns-server.js';
import { tempDir } from './tmp.js';

export const SINK_DOMAIN = 'sink.example.net';

export interface SinkFixture {
  http: string;
  smtpPort: number;
  dns: DnsTestServer;
  store: SqliteStore;
  running: Running;
  /** Waits until the report exists and returns it. */
  report(id: string, timeoutMs?: number): Promise<Report>;
}

type SinkSettings = Partial<Omit<SinkOptions, 'store' | 'publicUrl' | 'onStored'>>;

/**
 * `issued`: test addresses (tokens) issued before the tests run; the sink refuses mail for any other.
 * `smtp` may be a function of the store, for settings that need it (the DMARC report address's monitors).
 */
export function useSink(smtp: SinkSettings | ((store: SqliteStore) => SinkSettings) = {}, zoneTexts: string[] = [], issued: readonly string[] = []): SinkFixture {
  const fx = {} as SinkFixture;
  let resolver: ClosableResolver;
  beforeAll(async () => {
    const dir = tempDir('sink');
    fx.dns = await startDnsServer({ faults: fixtureFaults(), zoneTexts });
    resolver = createNodeResolver({ servers: [{ host: fx.dns.host, port: fx.dns.port }], timeoutMs: 300, retries: 0 });
    fx.store = openSqliteStore(join(dir, 'sink.sqlite'));
    for (const token of issued) await fx.store.createInbox(token, Date.now());
    const tls = await loadOrCreateTls(join(dir, 'key.pem'), join(dir, 'cert.pem'), SINK_DOMAIN);
    fx.running = await startServe({
      resolver, store: fx.store, port: 0, host: '127.0.0.1', config: { rateLimitPerMinute: 0 },
      smtp: { domain: SINK_DOMAIN, port: 0, host: '127.0.0.1', tls, ...(typeof smtp === 'function' ? smtp(fx.store) : smtp) },
    });
    fx.http = fx.running.http.url;
    fx.smtpPort = fx.running.smtp!.port;
    fx.report = async (id, timeoutMs = 10_000) => {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const r = await fx.store.get(id);
        if (r) return r;
        expect(Date.now(), `report ${id} not ready`).toBeLessThan(until);
        await new Promise((res) => setTimeout(res, 25));
      }
    };
  });
  afterAll(async () => {
    await fx.running.close();
    fx.store.close();
    resolver.close();
    await fx.dns.close();
  });
  return fx;
}

/** The report id in a 250 reply: "… report: http://host/r/<id>". */
export function reportIdOf(text: string): string {
  const m = /\/r\/([A-Za-z0-9_-]{22})/.exec(text);
  if (!m) throw new Error(`no report URL in: ${text}`);
  return m[1]!;
}
