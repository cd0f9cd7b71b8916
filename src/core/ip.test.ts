import { describe, expect, it } from 'vitest';
import { parseIp, sameAddress } from './ip.js';
import { InputError } from './errors.js';

describe('parseIp', () => {
  it.each([
    ['192.0.2.55', '192.0.2.55', 4, '55.2.0.192.in-addr.arpa'],
    [' 192.0.2.55 ', '192.0.2.55', 4, '55.2.0.192.in-addr.arpa'],
    ['64:ff9b::192.0.2.1', '64:ff9b::c000:201', 6, '1.0.2.0.0.0.0.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.b.9.f.f.4.6.0.0.ip6.arpa'],
    ['2001:db8::25', '2001:db8::25', 6, '5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa'],
    ['2001:DB8:0:0:0:0:0:25', '2001:db8::25', 6, '5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa'],
    ['[2001:db8::25]', '2001:db8::25', 6, '5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa'],
    ['::ffff:192.0.2.7', '192.0.2.7', 4, '7.2.0.192.in-addr.arpa'],
    ['::ffff:c000:207', '192.0.2.7', 4, '7.2.0.192.in-addr.arpa'],
    ['::ffff:7f00:1', '127.0.0.1', 4, '1.0.0.127.in-addr.arpa'],
    ['::ffff:0:10.0.0.1', '::ffff:0:a00:1', 6, '1.0.0.0.0.0.a.0.0.0.0.0.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.arpa'],
  ])('%s → %s', (input, address, version, reverseName) => {
    expect(parseIp(input)).toMatchObject({ address, version, reverseName });
  });

  it('says when an IPv4-mapped address was normalised', () => {
    expect(parseIp('::ffff:192.0.2.7').mappedFrom).toBe('::ffff:c000:207');
  });

  it.each([
    ['', /no IP address/],
    ['   ', /no IP address/],
    ['192.0.2.0/24', /CIDR range.*ptrcheck batch/],
    ['2001:db8::/32', /CIDR range/],
    ['mail.example.com', /hostname, not an IP address/],
    ['localhost', /hostname/],
    ['192.0.2', /not a valid IPv4 address/],
    ['192.0.2.256', /not a valid IPv4 address/],
    ['192.000.002.055', /no leading zeros/],
    ['1.2.3.4.5', /not a valid IPv4/],
    ['3221225985', /not a valid IPv4/],
    ['0x7f.1', /not an IP address/],
    ['fe80::1%eth0', /zone index/],
    ['2001:db8:::1', /not an IP address/],
    ['<script>alert(1)</script>', /not an IP address/],
    ['192.0.2.1; rm -rf /', /not an IP address/],
    ['0.0.0.0', /'0\.0\.0\.0' is an unspecified address/],
    ['0.0.0.1', /'0\.0\.0\.1' is an unspecified address/],
    ['::', /'::' is an unspecified address/],
    ['255.255.255.255', /broadcast address: mail is never sent from one/],
    ['224.0.0.1', /multicast address/],
    ['239.255.255.250', /multicast address/],
    ['ff02::1', /multicast address/],
    ['::ffff:224.0.0.1', /multicast address/],
    ['::192.0.2.10', /deprecated IPv4-compatible IPv6 address/],
    ['::c000:20a', /deprecated IPv4-compatible/],
    ['::7f00:1', /'::7f00:1' is a deprecated IPv4-compatible/],
    ['::127.0.0.1', /'::127\.0\.0\.1' is a deprecated IPv4-compatible/],
    ['0:0:0:0:0:0:127.0.0.1', /deprecated IPv4-compatible/],
    ['::ffff:010.8.8.8', /'::ffff:010\.8\.8\.8' is not a valid IPv6 address: its IPv4 part must be four decimal numbers 0-255, no leading zeros/],
    ['::0x8.8.8.8', /its IPv4 part must be four decimal numbers/],
    ['::ffff:127.1', /its IPv4 part must be four decimal numbers/],
    ['192.0.2.1\u001b[31m', /\\x1b/],
    ['x'.repeat(100_000), /^'x{80}…' is/],
  ])('rejects %j', (input, message) => {
    expect(() => parseIp(input)).toThrow(InputError);
    expect(() => parseIp(input)).toThrow(message);
  });
});

describe('sameAddress', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1', true],
    ['192.0.2.1', '192.0.2.2', false],
    ['2001:db8::1', '2001:0db8:0:0:0:0:0:1', true],
    ['::ffff:192.0.2.1', '192.0.2.1', true],
    ['2001:db8::1', '2001:db8::2', false],
    ['not-an-ip', '192.0.2.1', false],
    ['not-an-ip', 'not-an-ip', false],
    ['999.1.1.1', '999.1.1.1', false],
    ['2001:db8::1', '2001:db8::1', true],
  ])('%s vs %s → %s', (a, b, same) => {
    expect(sameAddress(a, b)).toBe(same);
  });
});
