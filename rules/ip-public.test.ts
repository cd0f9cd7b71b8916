import rule from './ip-public.js';
import { testRule, type RuleCase } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';
import type { Status } from '../src/core/types.js';

const rows: [string, Status, string, string][] = [
  ['23.192.228.80', 'pass', 'unicast', 'a public IPv4 address'],
  ['2600:1406:3a00:21::173e:2e65', 'pass', 'unicast', 'a public IPv6 address'],
  ['::ffff:23.192.228.80', 'pass', 'unicast', 'IPv4-mapped IPv6 is judged as the IPv4 address'],
  ['10.1.2.3', 'warn', 'private', 'RFC 1918 10/8'],
  ['172.16.5.4', 'warn', 'private', 'RFC 1918 172.16/12'],
  ['192.168.1.1', 'warn', 'private', 'RFC 1918 192.168/16'],
  ['127.0.0.1', 'warn', 'loopback', 'loopback'],
  ['169.254.10.1', 'warn', 'linkLocal', 'link-local'],
  ['100.64.0.1', 'warn', 'carrierGradeNat', 'carrier-grade NAT (RFC 6598)'],
  ['192.0.2.55', 'warn', 'reserved', 'documentation (RFC 5737)'],
  ['198.51.100.1', 'warn', 'reserved', 'documentation (RFC 5737)'],
  ['203.0.113.9', 'warn', 'reserved', 'documentation (RFC 5737)'],
  ['198.18.0.9', 'warn', 'reserved', 'benchmarking (RFC 2544), which ipaddr.js files as reserved'],
  ['100::1', 'warn', 'discard', 'an ipaddr.js range without words of its own reads as "the discard range"'],
  ['2001:db8::1', 'warn', 'reserved', 'IPv6 documentation (RFC 3849)'],
  ['fd00::1', 'warn', 'uniqueLocal', 'IPv6 unique local'],
  ['fe80::1', 'warn', 'linkLocal', 'IPv6 link-local'],
  ['::1', 'warn', 'loopback', 'IPv6 loopback'],
  ['2002:c000:0201::1', 'warn', '6to4', '6to4 tunnel addresses are not a sender\'s own'],
  // Every IPv6 form that carries an IPv4 address (issue 25, F7): mapped is judged as the IPv4 address (parseIp
  // normalises it; IPv4-compatible ::a.b.c.d never gets here, parseIp refuses it), the others are ranges of their own.
  ['::ffff:7f00:1', 'warn', 'loopback', 'IPv4-mapped loopback, hex'],
  ['::ffff:127.0.0.1', 'warn', 'loopback', 'IPv4-mapped loopback'],
  ['::ffff:10.0.0.1', 'warn', 'private', 'IPv4-mapped RFC 1918'],
  ['::ffff:0:10.0.0.1', 'warn', 'rfc6145', 'IPv4-translated (RFC 6145): only inside a translator\'s domain'],
  ['64:ff9b::a00:1', 'warn', 'rfc6052', 'NAT64 (RFC 6052) of RFC 1918'],
  ['64:ff9b::808:808', 'warn', 'rfc6052', 'NAT64 of a public IPv4: receivers see the translator\'s IPv4, not this'],
  ['2002:7f00:1::1', 'warn', '6to4', '6to4 of loopback'],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'warn', 'teredo', 'Teredo'],
];

const cases: RuleCase[] = [
  ...rows.map(([ip, status, range, why]): RuleCase => ({
    why: `${ip}: ${why}`,
    evidence: evidenceFor(ip),
    status,
    messageId: status === 'pass' ? 'public' : 'not-public',
    data: status === 'pass' ? {} : { range },
  })),
  { why: 'no IP evidence: skipped', evidence: { target: { ip: '' }, dns: [] }, status: 'skip', messageId: 'runner/missing-input' },
];

testRule(rule, cases);
