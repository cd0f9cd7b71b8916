/**
 * The DoH resolver's behaviour against the test DNS server, as one table of
 * cases run on both runtimes: by Node's fetch (src/dns/doh.test.ts) and by
 * workerd's (test/workers/doh.test.ts). Names and faults are the fixtures'.
 */
import { describe, expect, it } from 'vitest';
import { createDohResolver } from '../../src/dns/doh.js';

export function dohCases(dohUrl: () => string): void {
  describe.each(['GET', 'POST'] as const)('DoH resolver (%s) against the test server', (method) => {
    const doh = (timeoutMs = 300) => createDohResolver({ url: dohUrl(), method, timeoutMs });

    it('answers with records, TTL and the doh transport', async () => {
      const a = await doh().query('10.2.0.192.in-addr.arpa', 'PTR');
      expect(a).toMatchObject({ outcome: 'ok', ttl: 3600, transport: 'doh', server: dohUrl() });
      expect(a.records.map((r) => r.data)).toEqual(['mx1.example.com']);
    });

    it.each([
      ['11.2.0.192.in-addr.arpa', 'nxdomain', 'NXDOMAIN'],
      ['12.2.0.192.in-addr.arpa', 'nodata', 'NOERROR'],
      ['13.2.0.192.in-addr.arpa', 'servfail', 'SERVFAIL'],
      ['mail.example.invalid', 'refused', 'REFUSED'],
    ] as const)('%s → %s', async (name, outcome, rcode) => {
      const type = name.endsWith('.arpa') ? 'PTR' : 'A';
      expect(await doh().query(name, type)).toMatchObject({ outcome, rcode });
    });

    it('keeps the negative TTL of an NXDOMAIN (the SOA minimum)', async () => {
      const a = await doh().query('11.2.0.192.in-addr.arpa', 'PTR');
      expect(a.ttl).toBeGreaterThan(0);
      expect(a.ttl).toBeLessThanOrEqual(3600);
    });

    it('follows an RFC 2317 CNAME like the UDP client', async () => {
      const a = await doh().query('70.100.51.198.in-addr.arpa', 'PTR');
      expect(a.outcome).toBe('ok');
      expect(a.chain).toHaveLength(1);
      expect(a.records[0]?.data).toBe('smtp.example.org');
    });

    it('waits out a slow answer within its timeout', async () => {
      const a = await doh(2000).query('slow.example.com', 'A');
      expect(a).toMatchObject({ outcome: 'ok' });
      expect(a.records.map((r) => r.data)).toEqual(['192.0.2.23']);
    });

    it('times out when the server never answers', async () => {
      expect(await doh().query('14.2.0.192.in-addr.arpa', 'PTR')).toMatchObject({ outcome: 'timeout', rcode: 'TIMEOUT' });
    });

    it('gives up on a slow answer past its timeout', async () => {
      expect(await doh(50).query('slow.example.com', 'A')).toMatchObject({ outcome: 'timeout' });
    });
  });

  describe('DoH failures', () => {
    it('reports an HTTP error as an error outcome', async () => {
      const a = await createDohResolver({ url: dohUrl().replace('/dns-query', '/nope'), timeoutMs: 300 }).query('mx1.example.com', 'A');
      expect(a).toMatchObject({ outcome: 'error', rcode: 'HTTP 404' });
    });

    it('reports an unreachable endpoint as an error outcome', async () => {
      const a = await createDohResolver({ url: 'http://127.0.0.1:9/dns-query', timeoutMs: 300 }).query('mx1.example.com', 'A');
      expect(a.outcome).toBe('error');
    });
  });
}
