import { beforeEach, describe, expect, it } from 'vitest';
import { withCache } from './cache.js';
import { useFixtureDns } from '../../test/support/use-dns.js';

const dns = useFixtureDns();
let clock = 0;
const now = (): number => clock;
const asked = (name: string): number => dns.asked(name);

beforeEach(() => {
  clock = 1_000_000;
});

describe('caching resolver', () => {
  it('shares one in-flight query among concurrent askers', async () => {
    const cache = withCache(dns.resolver, { now });
    const answers = await Promise.all(Array.from({ length: 20 }, () => cache.query('mx1.example.com', 'A')));
    expect(asked('mx1.example.com')).toBe(1);
    expect(new Set(answers.map((a) => a.records[0]?.data))).toEqual(new Set(['192.0.2.10']));
  });

  it('serves from cache until the TTL runs out, with the remaining TTL', async () => {
    const cache = withCache(dns.resolver, { now });
    await cache.query('mx1.example.com', 'A');
    clock += 3599_000;
    const hit = await cache.query('MX1.example.com.', 'A');
    expect(hit).toMatchObject({ transport: 'cache', ttl: 1, ms: 0 });
    expect(asked('mx1.example.com')).toBe(1);
    clock += 1_000;
    expect((await cache.query('mx1.example.com', 'A')).transport).toBe('udp');
    expect(asked('mx1.example.com')).toBe(2);
  });

  it('caches NXDOMAIN for the negative TTL only', async () => {
    const cache = withCache(dns.resolver, { now });
    await cache.query('11.2.0.192.in-addr.arpa', 'PTR');
    clock += 299_000;
    expect((await cache.query('11.2.0.192.in-addr.arpa', 'PTR')).outcome).toBe('nxdomain');
    expect(asked('11.2.0.192.in-addr.arpa')).toBe(1);
    clock += 1_000;
    await cache.query('11.2.0.192.in-addr.arpa', 'PTR');
    expect(asked('11.2.0.192.in-addr.arpa')).toBe(2);
  });

  it('never caches temporary failures', async () => {
    const cache = withCache(dns.resolver, { now });
    await cache.query('13.2.0.192.in-addr.arpa', 'PTR');
    await cache.query('13.2.0.192.in-addr.arpa', 'PTR');
    expect(asked('13.2.0.192.in-addr.arpa')).toBe(2);
  });

  it('evicts in bulk but never holds more than maxEntries, keeping the most recent', async () => {
    const cache = withCache(dns.resolver, { now, maxEntries: 32 });
    for (let i = 0; i < 100; i++) {
      await cache.query(`n${i}.example.com`, 'A'); // NXDOMAIN, cached for the SOA minimum
      expect(cache.size).toBeLessThanOrEqual(32);
    }
    expect(cache.size).toBeGreaterThanOrEqual(30);
    await cache.query('n99.example.com', 'A');
    await cache.query('n98.example.com', 'A');
    expect(asked('n99.example.com')).toBe(1);
    expect(asked('n98.example.com')).toBe(1);
    await cache.query('n0.example.com', 'A');
    expect(asked('n0.example.com')).toBe(2);
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = withCache(dns.resolver, { now, maxEntries: 2 });
    await cache.query('mx1.example.com', 'A');
    await cache.query('mx2.example.com', 'A');
    await cache.query('mx1.example.com', 'A'); // mx1 is now the most recent
    await cache.query('mx-tcp.example.com', 'A'); // evicts mx2
    expect(cache.size).toBe(2);
    await cache.query('mx1.example.com', 'A');
    await cache.query('mx2.example.com', 'A');
    expect(asked('mx1.example.com')).toBe(1);
    expect(asked('mx2.example.com')).toBe(2);
  });

  it('caps TTLs at maxTtl', async () => {
    const cache = withCache(dns.resolver, { now, maxTtl: 10 });
    await cache.query('mx1.example.com', 'A');
    clock += 10_000;
    await cache.query('mx1.example.com', 'A');
    expect(asked('mx1.example.com')).toBe(2);
  });
});
