import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDohResolver } from './doh.js';
import { fixtureFaults, startDnsServer, type DnsTestServer } from '../../test/support/dns-server.js';

let server: DnsTestServer;
beforeAll(async () => {
  server = await startDnsServer({ faults: fixtureFaults(), doh: true });
});
afterAll(() => server.close());
beforeEach(() => {
  server.queries.length = 0;
});

describe.each(['GET', 'POST'] as const)('DoH resolver (%s) against the test server', (method) => {
  const doh = () => createDohResolver({ url: server.dohUrl!, method, timeoutMs: 300 });

  it('answers with records, TTL and the doh transport', async () => {
    const a = await doh().query('10.2.0.192.in-addr.arpa', 'PTR');
    expect(a).toMatchObject({ outcome: 'ok', ttl: 3600, transport: 'doh', server: server.dohUrl });
    expect(a.records.map((r) => r.data)).toEqual(['mx1.example.com']);
    expect(server.queries).toEqual([{ name: '10.2.0.192.in-addr.arpa', type: 'PTR', transport: 'doh' }]);
  });

  it('tells NXDOMAIN, NODATA and SERVFAIL apart', async () => {
    expect((await doh().query('11.2.0.192.in-addr.arpa', 'PTR')).outcome).toBe('nxdomain');
    expect((await doh().query('12.2.0.192.in-addr.arpa', 'PTR')).outcome).toBe('nodata');
    expect((await doh().query('13.2.0.192.in-addr.arpa', 'PTR')).outcome).toBe('servfail');
  });

  it('follows an RFC 2317 CNAME like the UDP client', async () => {
    const a = await doh().query('70.100.51.198.in-addr.arpa', 'PTR');
    expect(a.outcome).toBe('ok');
    expect(a.chain).toHaveLength(1);
    expect(a.records[0]?.data).toBe('smtp.example.org');
  });

  it('times out when the server never answers', async () => {
    const a = await doh().query('14.2.0.192.in-addr.arpa', 'PTR');
    expect(a).toMatchObject({ outcome: 'timeout', rcode: 'TIMEOUT' });
  });
});

describe('DoH failures', () => {
  it('reports an HTTP error as an error outcome', async () => {
    const a = await createDohResolver({ url: server.dohUrl!.replace('/dns-query', '/nope'), timeoutMs: 300 }).query('mx1.example.com', 'A');
    expect(a).toMatchObject({ outcome: 'error', rcode: 'HTTP 404' });
  });

  it('reports an unreachable endpoint as an error outcome', async () => {
    const a = await createDohResolver({ url: 'http://127.0.0.1:9/dns-query', timeoutMs: 300 }).query('mx1.example.com', 'A');
    expect(a.outcome).toBe('error');
  });
});
