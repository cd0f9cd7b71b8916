import { describe, expect, it } from 'vitest';
import { parseMonitorTarget } from './parse.js';
import { InputError } from '../../core/errors.js';

describe('parseMonitorTarget', () => {
  it.each([
    ['192.0.2.1', { kind: 'ip', target: '192.0.2.1' }],
    [' 2001:DB8:0:0:0:0:0:25 ', { kind: 'ip', target: '2001:db8::25' }],
    ['[2001:db8::25]', { kind: 'ip', target: '2001:db8::25' }],
    ['::ffff:192.0.2.7', { kind: 'ip', target: '192.0.2.7' }],
    ['192.0.2.0/24', { kind: 'cidr', target: '192.0.2.0/24', size: 256 }],
    ['192.0.2.77/24', { kind: 'cidr', target: '192.0.2.0/24', size: 256 }],
    ['198.51.100.0/30', { kind: 'cidr', target: '198.51.100.0/30', size: 4 }],
    ['203.0.0.0/16', { kind: 'cidr', target: '203.0.0.0/16', size: 65_536 }],
    ['192.0.2.1/32', { kind: 'cidr', target: '192.0.2.1/32', size: 1 }],
    ['2001:DB8::/112', { kind: 'cidr', target: '2001:db8::/112', size: 65_536 }],
    ['2001:db8::1:2:3/120', { kind: 'cidr', target: '2001:db8::1:2:0/120', size: 256 }],
    ['::ffff:192.0.2.0/120', { kind: 'cidr', target: '192.0.2.0/24', size: 256 }],
    ['Example.COM.', { kind: 'domain', target: 'example.com' }],
    ['mail.example.net', { kind: 'domain', target: 'mail.example.net' }],
    ['_spf.example.org', { kind: 'domain', target: '_spf.example.org' }],
    ['bücher.example', { kind: 'domain', target: 'xn--bcher-kva.example' }],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(53)}.example.`, { kind: 'domain', target: `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(53)}.example` }],
  ])('%s', (input, spec) => {
    expect(parseMonitorTarget(input)).toEqual(spec);
  });

  const NOT = (x: string) => `'${x}' is not an IP address, a CIDR or a domain name`;
  const NEVER = 'mail is never sent from one; give the address of the sending host';
  it.each([
    ['', 'no target given: give an IP address, a CIDR or a domain name'],
    ['   ', 'no target given: give an IP address, a CIDR or a domain name'],
    ['localhost', NOT('localhost')],
    ['a..example', NOT('a..example')],
    ['-mail.example.com', NOT('-mail.example.com')],
    ['http://example.com', NOT('http://example.com')],
    ['user@example.com', NOT('user@example.com')],
    ['mail.example.com:25', NOT('mail.example.com:25')],
    ['example.com/24', NOT('example.com/24')],
    ['192.0.2.0/024', NOT('192.0.2.0/024')],
    ['192.0.2.0/', NOT('192.0.2.0/')],
    ['example.123', NOT('example.123')],
    ['mail.example.com\u0000', NOT('mail.example.com\\x00')],
    ['192.0.2.1\u001b[31m', NOT('192.0.2.1\\x1b[31m')],
    ['a\u2028b.example', NOT('a\\x2028b.example')],
    ['x'.repeat(300), `'${'x'.repeat(80)}…' is 300 characters long: a domain name has at most 253`],
    [`${'a.'.repeat(127)}e`, `'${'a.'.repeat(40)}…' is 255 characters long: a domain name has at most 253`],
    ['192.0.2', "'192.0.2' is not a valid IPv4 address (four decimal numbers 0-255, no leading zeros)"],
    ['192.0.2.256', "'192.0.2.256' is not a valid IPv4 address (four decimal numbers 0-255, no leading zeros)"],
    ['fe80::1%eth0', "'fe80::1%eth0' has an IPv6 zone index; give the global address"],
    ['203.0.112.0/15', "'203.0.112.0/15' has 131,072 addresses; a CIDR may hold at most 65,536 (/16 for IPv4, /112 for IPv6)"],
    ['192.0.2.0/0', "'192.0.2.0/0' has 4,294,967,296 addresses; a CIDR may hold at most 65,536 (/16 for IPv4, /112 for IPv6)"],
    ['2001:db8::/64', "'2001:db8::/64' has 18,446,744,073,709,551,616 addresses; a CIDR may hold at most 65,536 (/16 for IPv4, /112 for IPv6)"],
    ['2001:db8::/111', "'2001:db8::/111' has 131,072 addresses; a CIDR may hold at most 65,536 (/16 for IPv4, /112 for IPv6)"],
    ['192.0.2.0/33', "'192.0.2.0/33' is not a CIDR: an IPv4 prefix length is 0-32"],
    ['2001:db8::/129', "'2001:db8::/129' is not a CIDR: an IPv6 prefix length is 0-128"],
    ['::ffff:192.0.2.0/64', "'::ffff:192.0.2.0/64' is not a CIDR: an IPv4-mapped network needs a prefix length of 96-128"],
    ['192.0.2.256/24', "'192.0.2.256/24' is not a CIDR: '192.0.2.256' is not a valid IPv4 address (four decimal numbers 0-255, no leading zeros)"],
    ['0.0.0.0', `'0.0.0.0' is an unspecified address (0.0.0.0/8 or ::, "this network": no host): ${NEVER}`],
    ['::', `'::' is an unspecified address (0.0.0.0/8 or ::, "this network": no host): ${NEVER}`],
    ['224.0.0.1', `'224.0.0.1' is a multicast address: ${NEVER}`],
    ['255.255.255.255', `'255.255.255.255' is the broadcast address: ${NEVER}`],
    ['0.0.0.0/16', `'0.0.0.0/16' is not a network of sending hosts: '0.0.0.0' is an unspecified address (0.0.0.0/8 or ::, "this network": no host): ${NEVER}`],
    ['224.0.0.0/24', `'224.0.0.0/24' is not a network of sending hosts: '224.0.0.0' is a multicast address: ${NEVER}`],
    ['ff02::/120', `'ff02::/120' is not a network of sending hosts: 'ff02::' is a multicast address: ${NEVER}`],
    ['255.255.255.0/24', `'255.255.255.0/24' is not a network of sending hosts: '255.255.255.255' is the broadcast address: ${NEVER}`],
    ['239.1.2.3/16', `'239.1.2.3/16' is not a network of sending hosts: '239.1.2.3' is a multicast address: ${NEVER}`],
  ])('refuses %j', (input, message) => {
    let error: unknown;
    try {
      parseMonitorTarget(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(message);
  });
});
