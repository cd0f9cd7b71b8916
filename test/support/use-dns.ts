/**
 * One test file's DNS fixture: the real test server with the fixture zones
 * and faults, a resolver pointed at it, and a clean query log per test.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createNodeResolver, type ClosableResolver } from '../../src/dns/node.js';
import { fixtureFaults, startDnsServer, type DnsTestServer } from './dns-server.js';

export interface DnsFixture {
  server: DnsTestServer;
  resolver: ClosableResolver;
  /** How many times the server was asked about `name` in this test. */
  asked(name: string): number;
}

export function useFixtureDns(options: { timeoutMs?: number; retries?: number } = {}): DnsFixture {
  const fx = {
    asked: (name: string) => fx.server.queries.filter((q) => q.name === name).length,
  } as DnsFixture;
  beforeAll(async () => {
    fx.server = await startDnsServer({ faults: fixtureFaults() });
    fx.resolver = createNodeResolver({
      servers: [{ host: fx.server.host, port: fx.server.port }],
      timeoutMs: options.timeoutMs ?? 250,
      retries: options.retries ?? 0,
    });
  });
  afterAll(async () => {
    fx.resolver?.close();
    await fx.server?.close();
  });
  beforeEach(() => {
    fx.server.queries.length = 0;
  });
  return fx;
}
