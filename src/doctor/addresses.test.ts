import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { givenAddresses, hostAddresses, MAX_ADDRESSES, type HostInterface } from './addresses.js';
import { noMta, type MtaView } from './mta.js';

function postfix(inet: string, prefer: MtaView['prefer'] = 'any', bind: MtaView['bind'] = {}): MtaView {
  return {
    kind: 'postfix', source: 'main.cf', settings: { inet_protocols: inet }, defaulted: [], helo: 'mx1.example.com',
    families: { ipv4: inet !== 'ipv6', ipv6: inet !== 'ipv4' }, prefer, bind, notes: [],
  };
}

const iface = (address: string, internal = false): HostInterface => ({ address, family: address.includes(':') ? 'IPv6' : 'IPv4', internal });

/** A host with one public address per family and every kind that must be skipped. */
const HOST: HostInterface[] = [
  iface('127.0.0.1', true),
  iface('::1', true),
  iface('10.0.0.5'),
  iface('192.168.1.20'),
  iface('100.64.0.9'), // carrier-grade NAT
  iface('169.254.10.1'), // link-local
  iface('192.0.2.10'), // documentation
  iface('fe80::1'), // link-local
  iface('fd00::25'), // unique local
  iface('2001:db8::25'), // documentation
  iface('23.192.228.80'),
  iface('2600:1406:3a00:21::173e:2e65'),
  { address: '23.192.228.81', family: 4, internal: false }, // some Node versions give a number
];

describe('the addresses the MTA sends from', () => {
  it.each([
    ['all: both families, public ones only', 'all', 'any', ['23.192.228.80', '23.192.228.81', '2600:1406:3a00:21::173e:2e65']],
    ['ipv4 only', 'ipv4', 'any', ['23.192.228.80', '23.192.228.81']],
    ['ipv6 only', 'ipv6', 'any', ['2600:1406:3a00:21::173e:2e65']],
    ['IPv6 preferred comes first', 'all', 'ipv6', ['2600:1406:3a00:21::173e:2e65', '23.192.228.80', '23.192.228.81']],
    ['IPv4 preferred', 'all', 'ipv4', ['23.192.228.80', '23.192.228.81', '2600:1406:3a00:21::173e:2e65']],
  ] as const)('%s', (_why, inet, prefer, ips) => {
    const c = hostAddresses(postfix(inet, prefer), HOST);
    expect(c.addresses.map((a) => a.ip)).toEqual(ips);
    expect(c.addresses.every((a) => a.source === 'interface')).toBe(true);
    expect(c.problem).toBeUndefined();
  });

  it('uses the bind addresses instead of the interfaces, even private ones, and says so', () => {
    const c = hostAddresses(postfix('all', 'ipv6', { ipv4: '10.0.0.5', ipv6: '2600:1406:3a00:21::173e:2e65' }), HOST);
    expect(c.addresses).toEqual([
      { ip: '2600:1406:3a00:21::173e:2e65', family: 'ipv6', source: 'bind' },
      { ip: '10.0.0.5', family: 'ipv4', source: 'bind' },
    ]);
    expect(c.notes).toEqual(['smtp_bind_address = 10.0.0.5 is not a public address: if this host sends through NAT, the receivers see another one; give it with --ip']);
  });

  it('ignores a bind address of a family the MTA does not use, and notes a broken one', () => {
    expect(hostAddresses(postfix('ipv4', 'any', { ipv6: '2001:db8::25' }), HOST).addresses.map((a) => a.ip)).toEqual(['23.192.228.80', '23.192.228.81']);
    const bad = hostAddresses(postfix('ipv4', 'any', { ipv4: 'mx1.example.com' }), []);
    expect(bad.notes[0]).toBe('smtp_bind_address = mx1.example.com is not an IP address: Postfix cannot send over IPv4 with it');
    expect(bad.problem).toBe('no public IPv4 address on this machine\'s interfaces: it probably sends through NAT; give the public address it sends from with --ip');
    expect(hostAddresses(postfix('all', 'any', { ipv4: '2001:db8::1' }), []).notes[0]).toBe('smtp_bind_address = 2001:db8::1 is not an IPv4 address');
  });

  it('a host with private addresses only: no audit, and what to do', () => {
    const c = hostAddresses(postfix('all'), [iface('127.0.0.1', true), iface('10.0.0.5'), iface('172.16.3.4'), iface('fd00::1'), iface('fe80::2'), iface('192.168.0.2')]);
    expect(c.addresses).toEqual([]);
    expect(c.problem).toBe("no public IPv4 or IPv6 address on this machine's interfaces (it has 10.0.0.5, 172.16.3.4, 192.168.0.2, fd00::1, …, none public): it probably sends through NAT; give the public address it sends from with --ip");
  });

  it(`audits at most ${MAX_ADDRESSES} interface addresses, and says so`, () => {
    const many = Array.from({ length: 40 }, (_, i) => iface(`23.192.228.${i + 1}`));
    const c = hostAddresses(postfix('ipv4'), many);
    expect(c.addresses).toHaveLength(MAX_ADDRESSES);
    expect(c.notes).toEqual([`this machine has 40 public addresses; the first ${MAX_ADDRESSES} are audited (give the sending ones with --ip)`]);
  });
});

describe('--ip', () => {
  it('takes the addresses given, canonical and once each, preferred family first, noting a family the MTA does not use', () => {
    const c = givenAddresses(['192.0.2.10', '2001:DB8::25', '2001:db8:0::25', '[192.0.2.11]'], postfix('ipv4', 'ipv6'));
    expect(c.addresses).toEqual([
      { ip: '2001:db8::25', family: 'ipv6', source: 'given' },
      { ip: '192.0.2.10', family: 'ipv4', source: 'given' },
      { ip: '192.0.2.11', family: 'ipv4', source: 'given' },
    ]);
    expect(c.notes).toEqual(['2001:db8::25: the MTA does not send over IPv6 here (inet_protocols = ipv4); audited because you gave it']);
    expect(givenAddresses(['192.0.2.10'], noMta([])).notes).toEqual([]);
  });

  it.each([
    ['garbage!', "--ip: 'garbage!' is not an IP address"],
    ['garbage', "--ip: 'garbage' is a hostname, not an IP address"],
    ['192.0.2.1\u0000x', "--ip: '192.0.2.1\\x00x' is not an IP address"],
    ['192.0.2.0/24', "--ip: '192.0.2.0/24' is a CIDR range, not one address; use 'ptrcheck batch' for ranges"],
    ['mail.example.com', "--ip: 'mail.example.com' is a hostname, not an IP address"],
    ['999.1.1.1', "--ip: '999.1.1.1' is not a valid IPv4 address"],
    ['', '--ip: no IP address given'],
    ['224.0.0.1', "--ip: '224.0.0.1' is a multicast address"],
  ])('%j is refused', (text, message) => {
    expect(() => givenAddresses([text], postfix('all'))).toThrow(InputError);
    expect(() => givenAddresses([text], postfix('all'))).toThrow(message);
  });

  it(`refuses more than ${MAX_ADDRESSES}`, () => {
    expect(() => givenAddresses(Array.from({ length: 17 }, (_, i) => `192.0.2.${i + 1}`), postfix('all'))).toThrow('--ip: at most 16 addresses, got 17');
  });
});
