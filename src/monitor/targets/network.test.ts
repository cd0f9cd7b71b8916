import { describe, expect, it } from 'vitest';
import { addressesOf, networkOf, networkSize, networkText, sendableAddresses } from './network.js';
import { cidrAddresses } from './expand.js';

const take = (g: Iterable<string>, n: number) => {
  const out: string[] = [];
  for (const a of g) {
    if (out.length >= n) break;
    out.push(a);
  }
  return out;
};

describe('networks', () => {
  it('clears host bits and counts addresses', () => {
    const n = networkOf('192.0.2.77', 4, 26);
    expect(networkText(n)).toBe('192.0.2.64/26');
    expect(networkSize(n)).toBe(64n);
    expect(networkSize(networkOf('2001:db8::', 6, 32))).toBe(2n ** 96n);
  });

  it('generates addresses in order from an offset', () => {
    expect([...addressesOf(networkOf('198.51.100.0', 4, 30))]).toEqual(['198.51.100.0', '198.51.100.1', '198.51.100.2', '198.51.100.3']);
    expect([...addressesOf(networkOf('2001:db8::', 6, 126), 1, 2)]).toEqual(['2001:db8::1', '2001:db8::2']);
    expect([...addressesOf(networkOf('192.0.2.0', 4, 24), 250)]).toEqual(['192.0.2.250', '192.0.2.251', '192.0.2.252', '192.0.2.253', '192.0.2.254', '192.0.2.255']);
    expect([...addressesOf(networkOf('192.0.2.0', 4, 24), 300)]).toEqual([]);
  });

  it('steps over what cannot send, a range at a time', () => {
    const t0 = performance.now();
    expect(take(sendableAddresses(networkOf('0.0.0.0', 4, 0)), 2)).toEqual(['1.0.0.0', '1.0.0.1']);
    expect(take(sendableAddresses(networkOf('224.0.0.0', 4, 3)), 2)).toEqual(['240.0.0.0', '240.0.0.1']);
    expect([...sendableAddresses(networkOf('255.255.255.252', 4, 30))]).toEqual(['255.255.255.252', '255.255.255.253', '255.255.255.254']);
    expect(take(sendableAddresses(networkOf('::', 6, 0)), 1)).toEqual(['::1:0:0']);
    expect([...sendableAddresses(networkOf('ff00::', 6, 8))]).toEqual([]);
    expect(take(sendableAddresses(networkOf('::ffff:c000:200', 6, 120)), 2)).toEqual(['192.0.2.0', '192.0.2.1']);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

describe('cidrAddresses', () => {
  it('pages through a /16 without building it', () => {
    expect([...cidrAddresses('203.0.0.0/16', 65_534)]).toEqual(['203.0.255.254', '203.0.255.255']);
    expect([...cidrAddresses('203.0.0.0/16', 256, 2)]).toEqual(['203.0.1.0', '203.0.1.1']);
    let n = 0;
    for (const _ of cidrAddresses('203.0.0.0/16')) n++;
    expect(n).toBe(65_536);
  });

  it('pages an IPv6 /112 and takes an IP as its one address', () => {
    expect([...cidrAddresses('2001:db8::/112', 65_535, 5)]).toEqual(['2001:db8::ffff']);
    expect([...cidrAddresses('192.0.2.9')]).toEqual(['192.0.2.9']);
  });

  it('refuses a domain and what parseMonitorTarget refuses', () => {
    expect(() => [...cidrAddresses('example.com')]).toThrow("'example.com' is a domain, not a CIDR: expand it with expandTarget");
    expect(() => [...cidrAddresses('10.0.0.0/8')]).toThrow(/has 16,777,216 addresses/);
  });
});
