/** The test DNS server itself: authoritative answers and each kind of injected fault. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsTestServer } from './dns-server.js';
import { createNodeResolver, tcpExchange, type ClosableResolver } from '../../src/dns/node.js';

const ZONE = `
$ORIGIN lab.test.
$TTL 600
@        SOA ns.lab.test. admin.lab.test. 1 2 3 4 60
         NS  ns.lab.test.
ns       A   127.0.0.1
*.pool   A   198.18.0.1
a.b.deep A   198.18.0.2
big      TXT "${'x'.repeat(250)}" "${'y'.repeat(250)}"
big      TXT "${'z'.repeat(250)}"
`;

let server: DnsTestServer;
let resolver: ClosableResolver;
beforeAll(async () => {
  server = await startDnsServer({ zoneFiles: [], zoneTexts: [ZONE] });
  resolver = createNodeResolver({ servers: [{ host: server.host, port: server.port }], timeoutMs: 200, retries: 0 });
});
afterAll(async () => {
  resolver.close();
  await server.close();
});

describe('test DNS server', () => {
  it('synthesises wildcard answers under their own name', async () => {
    const a = await resolver.query('host7.pool.lab.test', 'A');
    expect(a.records).toEqual([{ name: 'host7.pool.lab.test', type: 'A', ttl: 600, data: '198.18.0.1' }]);
  });

  it('answers NODATA, not NXDOMAIN, for an empty non-terminal', async () => {
    expect((await resolver.query('b.deep.lab.test', 'A')).outcome).toBe('nodata');
    expect((await resolver.query('c.deep.lab.test', 'A')).outcome).toBe('nxdomain');
  });

  it('injects faults per name and per type', async () => {
    server.setFault('ns.lab.test', { kind: 'refused' }, 'A');
    try {
      expect((await resolver.query('ns.lab.test', 'A')).outcome).toBe('refused');
      expect((await resolver.query('ns.lab.test', 'AAAA')).outcome).toBe('nodata');
    } finally {
      server.setFault('ns.lab.test', null, 'A');
    }
    expect((await resolver.query('ns.lab.test', 'A')).outcome).toBe('ok');
  });

  it('answers over TCP directly', async () => {
    const r = await tcpExchange({ host: server.host, port: server.port }, 'ns.lab.test', 'A', 500);
    expect(r.ok && r.response.answers.map((a) => a.data)).toEqual(['127.0.0.1']);
  });

  it('truncates an answer too big for the UDP buffer, and TCP delivers it', async () => {
    const a = await resolver.query('big.lab.test', 'TXT'); // ~760 bytes: fits EDNS 1232, so plain UDP
    expect(a).toMatchObject({ outcome: 'ok', transport: 'udp' });
    server.setFault('big.lab.test', { kind: 'truncate' });
    try {
      const t = await resolver.query('big.lab.test', 'TXT');
      expect(t).toMatchObject({ outcome: 'ok', transport: 'tcp' });
      expect(t.records.map((r) => r.data.length).sort()).toEqual([250, 500]);
    } finally {
      server.setFault('big.lab.test', null);
    }
  });

  it('clears every fault at once', async () => {
    server.setFault('ns.lab.test', { kind: 'servfail' });
    server.clearFaults();
    expect((await resolver.query('ns.lab.test', 'A')).outcome).toBe('ok');
  });
});
