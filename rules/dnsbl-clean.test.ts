import rule from './dnsbl-clean.js';
import { testRule } from '../test/support/rule-tester.js';
import { answer, evidenceFor } from '../test/support/evidence.js';
import { classify, dnsblQueryName } from '../src/gather/dnsbl.js';
import { parseIp } from '../src/core/ip.js';
import type { DnsOutcome } from '../src/dns/types.js';
import { describe, expect, it } from 'vitest';

/** A list's answer for 192.0.2.30, classified as gather does: A records, or an outcome, and a TXT reason. */
const look = (zone: string, a: string[] | DnsOutcome, reason?: string) => {
  const q = dnsblQueryName(parseIp('192.0.2.30'), zone);
  return classify(zone, q, answer(q, 'A', a), reason === undefined ? undefined : answer(q, 'TXT', [reason]));
};
const at = (...lookups: ReturnType<typeof look>[]) => ({ ...evidenceFor('192.0.2.30', { ptr: ['192-0-2-30.dsl.dynamic.example.net'] }), dnsbl: lookups });

testRule(rule, [
  { why: 'NXDOMAIN on every list: not listed', evidence: at(look('bl.example.net', 'nxdomain'), look('zen.example.org', 'nxdomain')), status: 'pass', messageId: 'clear', data: { zones: 'bl.example.net, zen.example.org' } },
  { why: 'a name without an A record is no listing', evidence: at(look('bl.example.net', 'nodata')), status: 'pass', messageId: 'clear' },
  {
    why: 'an A record in 127/8 is a listing, with the TXT reason',
    evidence: at(look('bl.example.net', ['127.0.0.4'], 'Dynamic IP range, see https://bl.example.net/q?192.0.2.30')),
    status: 'fail', messageId: 'listed', data: { listings: [{ messageId: 'listing', zone: 'bl.example.net', codes: '127.0.0.4', reason: { messageId: 'reason', text: 'Dynamic IP range, see https://bl.example.net/q?192.0.2.30' } }] },
  },
  { why: 'listed on one list of two: still listed', evidence: at(look('zen.example.org', 'nxdomain'), look('bl.example.net', ['127.0.0.2', '127.0.0.11'])), status: 'fail', messageId: 'listed', data: { listings: [{ messageId: 'listing', zone: 'bl.example.net', codes: '127.0.0.2, 127.0.0.11', reason: '' }] } },
  { why: 'a listing outweighs another list failing', evidence: at(look('zen.example.org', 'servfail'), look('bl.example.net', ['127.0.0.2'])), status: 'fail', messageId: 'listed' },
  { why: 'Spamhaus-style refusal (127.255.255.254: public resolver) is not a listing', evidence: at(look('zen.example.org', ['127.255.255.254'])), status: 'error', messageId: 'refused', data: { zones: 'zen.example.org', codes: '127.255.255.254' } },
  { why: 'SERVFAIL: unknown, never clear', evidence: at(look('bl.example.net', 'servfail')), status: 'error', messageId: 'unknown', data: { details: [{ messageId: 'lookup-failed', zone: 'bl.example.net', rcode: 'SERVFAIL' }] } },
  { why: 'timeout: unknown', evidence: at(look('bl.example.net', 'timeout')), status: 'error', messageId: 'unknown' },
  { why: '127.0.0.1 is never a listing (RFC 5782 §2.1)', evidence: at(look('bl.example.net', ['127.0.0.1'])), status: 'error', messageId: 'unknown', data: { details: [expect.objectContaining({ messageId: 'loopback-only' })] } },
  { why: 'a dead list answering a public address for everything is not trusted', evidence: at(look('bl.example.net', ['192.0.2.99'])), status: 'error', messageId: 'unknown', data: { details: [expect.objectContaining({ messageId: 'outside-loopback' })] } },
  { why: 'no list configured: skipped', evidence: evidenceFor('192.0.2.30', { ptr: ['mx.example.com'] }), status: 'skip', messageId: 'runner/missing-input' },
]);

describe('DNSBL query names (RFC 5782 §2.1, §2.4)', () => {
  it.each([
    ['192.0.2.99', 'bl.example.net', '99.2.0.192.bl.example.net'],
    ['127.0.0.2', 'zen.example.org.', '2.0.0.127.zen.example.org'],
    ['2001:db8:1:2:3:4:567:89ab', 'BL.Example.NET', 'b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.bl.example.net'],
  ])('%s on %s → %s', (ip, zone, name) => {
    expect(dnsblQueryName(parseIp(ip), zone)).toBe(name);
  });
});
