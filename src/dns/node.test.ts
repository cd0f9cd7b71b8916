import { describe, expect, it } from 'vitest';
import { createNodeResolver } from './node.js';
import { startDnsServer } from '../../test/support/dns-server.js';
import { useFixtureDns } from '../../test/support/use-dns.js';

const dns = useFixtureDns({ timeoutMs: 250, retries: 1 });

describe('node resolver against the test DNS server', () => {
  it('answers a PTR with its TTL, server and transport', async () => {
    const a = await dns.resolver.query('10.2.0.192.in-addr.arpa', 'PTR');
    expect(a).toMatchObject({ outcome: 'ok', rcode: 'NOERROR', ttl: 3600, transport: 'udp', server: dns.server.address, chain: [] });
    expect(a.records).toEqual([{ name: '10.2.0.192.in-addr.arpa', type: 'PTR', ttl: 3600, data: 'mx1.example.com' }]);
  });

  it('tells NXDOMAIN apart and carries the zone SOA with the negative TTL (RFC 2308)', async () => {
    const a = await dns.resolver.query('11.2.0.192.in-addr.arpa.', 'PTR');
    expect(a).toMatchObject({ outcome: 'nxdomain', rcode: 'NXDOMAIN', ttl: 300, records: [] });
    expect(a.authority?.name).toBe('2.0.192.in-addr.arpa');
  });

  it('tells NODATA apart from NXDOMAIN', async () => {
    const a = await dns.resolver.query('12.2.0.192.in-addr.arpa', 'PTR');
    expect(a).toMatchObject({ outcome: 'nodata', rcode: 'NOERROR', ttl: 300 });
  });

  it('reports SERVFAIL', async () => {
    expect(await dns.resolver.query('13.2.0.192.in-addr.arpa', 'PTR')).toMatchObject({ outcome: 'servfail', rcode: 'SERVFAIL' });
  });

  it('reports REFUSED for a zone the server does not serve', async () => {
    expect(await dns.resolver.query('mail.example.invalid', 'A')).toMatchObject({ outcome: 'refused', rcode: 'REFUSED' });
  });

  it('times out after the configured attempts, retrying once', async () => {
    const a = await dns.resolver.query('14.2.0.192.in-addr.arpa', 'PTR');
    expect(a).toMatchObject({ outcome: 'timeout', rcode: 'TIMEOUT' });
    expect(a.detail).toMatch(/2 attempt\(s\) of 250 ms/);
    expect(dns.server.queries.filter((q) => q.name === '14.2.0.192.in-addr.arpa')).toHaveLength(2);
  });

  it('retries over TCP when the UDP answer is truncated', async () => {
    const a = await dns.resolver.query('15.2.0.192.in-addr.arpa', 'PTR');
    expect(a).toMatchObject({ outcome: 'ok', transport: 'tcp' });
    expect(a.records.map((r) => r.data)).toEqual(['mx-tcp.example.com']);
    expect(dns.server.queries.map((q) => q.transport)).toEqual(['udp', 'tcp']);
  });

  it('follows an RFC 2317 CNAME into the delegated zone and records the chain', async () => {
    const a = await dns.resolver.query('70.100.51.198.in-addr.arpa', 'PTR');
    expect(a.outcome).toBe('ok');
    expect(a.chain.map((c) => `${c.name} → ${c.data}`)).toEqual(['70.100.51.198.in-addr.arpa → 70.64-127.100.51.198.in-addr.arpa']);
    expect(a.records[0]).toMatchObject({ name: '70.64-127.100.51.198.in-addr.arpa', data: 'smtp.example.org' });
    expect(a.ttl).toBe(3600); // min(parent CNAME 86400, child PTR 3600)
    expect(dns.server.queries.map((q) => q.name)).toEqual(['70.100.51.198.in-addr.arpa', '70.64-127.100.51.198.in-addr.arpa']);
  });

  it('says NXDOMAIN when the CNAME target does not exist', async () => {
    const a = await dns.resolver.query('71.100.51.198.in-addr.arpa', 'PTR');
    expect(a).toMatchObject({ outcome: 'nxdomain' });
    expect(a.chain).toHaveLength(1);
  });

  it('stops at a CNAME loop', async () => {
    const a = await dns.resolver.query('loop.example.net', 'A');
    expect(a.outcome).toBe('error');
    expect(a.detail).toMatch(/CNAME loop/);
  });

  it('waits out an injected delay', async () => {
    dns.server.setFault('mx1.example.com', { kind: 'delay', ms: 120 });
    try {
      const a = await dns.resolver.query('mx1.example.com', 'A');
      expect(a.outcome).toBe('ok');
      expect(a.ms).toBeGreaterThanOrEqual(100);
    } finally {
      dns.server.setFault('mx1.example.com', null);
    }
  });

  it('matches 300 concurrent answers to their questions', async () => {
    const names = Array.from({ length: 300 }, (_, i) => (i % 2 ? 'mx1.example.com' : 'mx2.example.com'));
    const answers = await Promise.all(names.map((n) => dns.resolver.query(n, 'A')));
    answers.forEach((a, i) => expect(a.records[0]?.data).toBe(i % 2 ? '192.0.2.10' : '192.0.2.16'));
  });

  it('rotates to the next server when one does not answer', async () => {
    const silent = await startDnsServer({ zoneFiles: [], faults: {} });
    silent.setFault('mx1.example.com', { kind: 'timeout' });
    const r = createNodeResolver({ servers: [{ host: silent.host, port: silent.port }, { host: dns.server.host, port: dns.server.port }], timeoutMs: 200, retries: 1 });
    try {
      const a = await r.query('mx1.example.com', 'A');
      expect(a).toMatchObject({ outcome: 'ok', server: dns.server.address });
    } finally {
      r.close();
      await silent.close();
    }
  });
});
