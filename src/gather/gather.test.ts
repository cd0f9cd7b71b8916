import { describe, expect, it } from 'vitest';
import { gather } from './index.js';
import { useFixtureDns } from '../../test/support/use-dns.js';

const dns = useFixtureDns();

describe('gather for an IP', () => {
  it('asks PTR and the reverse zone SOA first, together, then A and NS', async () => {
    const e = await gather({ ip: '23.192.228.80' }, dns.resolver);
    const log = dns.server.queries.map((q) => `${q.type} ${q.name}`);
    expect(new Set(log.slice(0, 2))).toEqual(new Set(['PTR 80.228.192.23.in-addr.arpa', 'SOA 80.228.192.23.in-addr.arpa']));
    expect(new Set(log.slice(2))).toEqual(new Set(['A mail.example.com', 'NS 228.192.23.in-addr.arpa']));
    expect(e.dns).toHaveLength(4);
    expect(e.ptr).toMatchObject({ names: ['mail.example.com'], checked: ['mail.example.com'], capped: false });
    expect(e.forward).toEqual([expect.objectContaining({ name: 'mail.example.com', addresses: ['23.192.228.80'], matches: true })]);
    expect(e.reverseZone).toEqual({
      zone: '228.192.23.in-addr.arpa', primary: 'ns1.hosting.example', contact: 'support@hosting.example',
      negativeTtl: 300, nameservers: ['ns1.hosting.example', 'ns2.hosting.example'],
    });
  });

  it('asks only AAAA for an IPv6 sender', async () => {
    const e = await gather({ ip: '2001:db8::25' }, dns.resolver);
    expect(dns.server.queries.filter((q) => q.type === 'A' || q.type === 'AAAA').map((q) => q.type)).toEqual(['AAAA']);
    expect(e.forward?.[0]?.matches).toBe(true);
  });

  it('caps forward lookups at 10 names and says so', async () => {
    const e = await gather({ ip: '192.0.2.40' }, dns.resolver);
    expect(e.ptr?.names).toHaveLength(12);
    expect(e.ptr?.checked).toHaveLength(10);
    expect(e.ptr?.capped).toBe(true);
    expect(dns.server.queries.filter((q) => q.type === 'A')).toHaveLength(10);
  });

  it('finds the delegated zone of an RFC 2317 CNAME', async () => {
    const e = await gather({ ip: '198.51.100.70' }, dns.resolver);
    expect(e.reverseZone).toMatchObject({
      zone: '64-127.100.51.198.in-addr.arpa',
      delegatedTo: '70.64-127.100.51.198.in-addr.arpa',
      nameservers: ['ns1.customer.example.org'],
      contact: 'dns@example.org',
    });
  });

  it('walks up to the parent zones when the SOA question fails', async () => {
    const e = await gather({ ip: '192.0.2.13' }, dns.resolver);
    expect(e.ptr?.answer.outcome).toBe('servfail');
    expect(e.reverseZone?.zone).toBe('2.0.192.in-addr.arpa');
    expect(dns.server.queries.some((q) => q.type === 'SOA' && q.name === '2.0.192.in-addr.arpa')).toBe(true);
  });

  it('does not look up names that cannot exist, and records why', async () => {
    const e = await gather({ ip: '192.0.2.20' }, dns.resolver);
    expect(e.forward).toEqual([{ name: 'mailhost', notLookedUp: 'not a name that can exist in public DNS', addresses: [], matches: false }]);
    expect(dns.server.queries.some((q) => q.name === 'mailhost')).toBe(false);
  });

  it('normalises IPv4-mapped IPv6 to IPv4', async () => {
    const e = await gather({ ip: '::ffff:23.192.228.80' }, dns.resolver);
    expect(e.target.ip).toBe('23.192.228.80');
    expect(e.ip?.mappedFrom).toBe('::ffff:17c0:e450');
    expect(e.forward?.[0]?.matches).toBe(true);
  });
});
