import rule from './dnsbl-clean.js';
import { testRule } from '../test/support/rule-tester.js';
import { answer, evidenceFor } from '../test/support/evidence.js';
import { classify, dnsblQueryName } from '../src/gather/dnsbl.js';
import { parseIp } from '../src/core/ip.js';
import type { DnsOutcome } from '../src/dns/types.js';
import type { DnsblLookup } from '../src/core/types.js';
import { format } from '../src/report/format.js';
import { runRule } from '../src/core/run-rules.js';
import { describe, expect, it } from 'vitest';

/** A list's answer for 192.0.2.30, classified as gather does: A records, or an outcome, and a TXT reason. */
const look = (zone: string, a: string[] | DnsOutcome, reason?: string) => {
  const q = dnsblQueryName(parseIp('192.0.2.30'), zone);
  return classify(zone, q, answer(q, 'A', a), reason === undefined ? undefined : answer(q, 'TXT', [reason]));
};
const at = (...lookups: DnsblLookup[]) => ({ ...evidenceFor('192.0.2.30', { ptr: ['192-0-2-30.dsl.dynamic.example.net'] }), dnsbl: lookups });
/** A list gather did not ask (as gatherDnsbl leaves it: an IPv4-only list for an IPv6 address, a dead list). */
const notAsked = (zone: string, skipped: DnsblLookup['skipped'], extra: Partial<DnsblLookup> = {}): DnsblLookup => ({ zone, query: `x.${zone}`, codes: [], result: 'skipped', skipped, kind: 'block', role: 'scoring', ...extra });
const ZEN_USERS = 'Cox (cox.net), GoDaddy (secureserver.net), SpamAssassin (default rules), rspamd (RBL module, default configuration)';

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
  // The registry: codes mean something, lists say where to delist and who uses them.
  {
    why: 'Spamhaus ZEN XBL + PBL: each code in words, the delisting page and the receivers that use ZEN',
    evidence: at(look('zen.spamhaus.org', ['127.0.0.4', '127.0.0.10'])),
    status: 'fail', messageId: 'listed',
    data: {
      listings: [{
        messageId: 'listing-known', name: 'Spamhaus ZEN', zone: 'zen.spamhaus.org', said: '',
        meanings: [{ messageId: 'code', code: '127.0.0.4', meaning: expect.stringMatching(/^XBL: exploited host/) }, { messageId: 'code', code: '127.0.0.10', meaning: expect.stringMatching(/^PBL, ISP-maintained/) }],
        delist: { messageId: 'delist', url: 'https://check.spamhaus.org/' },
        usedBy: { messageId: 'used-by', receivers: ZEN_USERS },
      }],
      notes: '',
      lists: [expect.objectContaining({ zone: 'zen.spamhaus.org', result: 'listed', registered: true, name: 'Spamhaus ZEN', meanings: { '127.0.0.4': expect.any(String), '127.0.0.10': expect.any(String) }, usedBy: expect.arrayContaining([{ id: 'cox', name: 'Cox (cox.net)' }]) })],
    },
  },
  { why: 'a ZEN code the registry does not document is still a listing, said so', evidence: at(look('zen.spamhaus.org', ['127.0.0.8'])), status: 'fail', messageId: 'listed', data: { listings: [expect.objectContaining({ meanings: [{ messageId: 'code-undocumented', code: '127.0.0.8' }] })] } },
  { why: 'Mailspike L5: the reputation level in words', evidence: at(look('bl.mailspike.net', ['127.0.0.10'])), status: 'fail', messageId: 'listed', data: { listings: [expect.objectContaining({ name: 'Mailspike BL', meanings: [{ messageId: 'code', code: '127.0.0.10', meaning: 'reputation L5: worst possible' }] })] } },
  { why: 'ZEN 127.255.255.254 (public resolver) is refused, never a listing', evidence: at(look('zen.spamhaus.org', ['127.255.255.254'])), status: 'error', messageId: 'refused', data: { zones: 'zen.spamhaus.org', codes: '127.255.255.254' } },
  { why: 'ZEN 127.255.255.252 (typing error in the zone) is refused too', evidence: at(look('zen.spamhaus.org', ['127.255.255.252'])), status: 'error', messageId: 'refused' },
  // Informational lists: shown, never deducted.
  { why: 'UCEPROTECT level 2 alone lists it: info, not a failure', evidence: at(look('zen.spamhaus.org', 'nxdomain'), look('dnsbl-2.uceprotect.net', ['127.0.0.2'])), status: 'info', messageId: 'informational', data: { listings: [expect.objectContaining({ messageId: 'listing-known', name: 'UCEPROTECT Level 2' })], notes: '' } },
  {
    why: 'a scoring listing fails; UCEPROTECT level 3 beside it is a note',
    evidence: at(look('zen.spamhaus.org', ['127.0.0.2']), look('dnsbl-3.uceprotect.net', ['127.0.0.2'])),
    status: 'fail', messageId: 'listed',
    data: { listings: [expect.objectContaining({ name: 'Spamhaus ZEN' })], notes: { messageId: 'notes', items: [{ messageId: 'note-informational', listing: expect.objectContaining({ name: 'UCEPROTECT Level 3' }) }] } },
  },
  { why: 'UCEPROTECT level 2 timing out beside a clear ZEN: clear, the failure a note', evidence: at(look('zen.spamhaus.org', 'nxdomain'), look('dnsbl-2.uceprotect.net', 'timeout')), status: 'pass', messageId: 'clear', data: { zones: 'zen.spamhaus.org', notes: { messageId: 'notes', items: [{ messageId: 'note-failed', zone: 'dnsbl-2.uceprotect.net', codes: 'TIMEOUT' }] } } },
  { why: 'ZEN SERVFAIL with only UCEPROTECT level 2 listing: unknown, not info', evidence: at(look('zen.spamhaus.org', 'servfail'), look('dnsbl-2.uceprotect.net', ['127.0.0.2'])), status: 'error', messageId: 'unknown' },
  // Allowlists: a positive note, never a deduction, never cancelling a listing.
  { why: 'DNSWL medium trust beside a clear ZEN: a pass that says so', evidence: at(look('zen.spamhaus.org', 'nxdomain'), look('list.dnswl.org', ['127.0.15.2'])), status: 'pass', messageId: 'clear', data: { zones: 'zen.spamhaus.org', notes: { messageId: 'notes', items: [{ messageId: 'note-allowed', name: 'DNSWL (dnswl.org)', zone: 'list.dnswl.org', meanings: [{ messageId: 'code', code: '127.0.15.2', meaning: 'trust medium, email marketing provider' }] }] } } },
  { why: 'DNSWL high trust does not cancel a ZEN listing', evidence: at(look('zen.spamhaus.org', ['127.0.0.3']), look('list.dnswl.org', ['127.0.10.3'])), status: 'fail', messageId: 'listed', data: { notes: { messageId: 'notes', items: [expect.objectContaining({ messageId: 'note-allowed', meanings: [{ messageId: 'code', code: '127.0.10.3', meaning: 'trust high, special case' }] })] } } },
  { why: 'only DNSWL configured, and it answers 127.0.0.255 (blocked): info, the refusal a note', evidence: at(look('list.dnswl.org', ['127.0.0.255'])), status: 'info', messageId: 'allow-only', data: { zones: 'list.dnswl.org', notes: { messageId: 'notes', items: [{ messageId: 'note-failed', zone: 'list.dnswl.org', codes: '127.0.0.255' }] } } },
  // IPv6 and dead lists: not asked, and said.
  { why: 'IPv6: Barracuda is not asked (no IPv6 answers), ZEN is and is clear', evidence: at(look('zen.spamhaus.org', 'nxdomain'), notAsked('b.barracudacentral.org', 'no-ipv6')), status: 'pass', messageId: 'clear', data: { zones: 'zen.spamhaus.org', notes: { messageId: 'notes', items: [{ messageId: 'note-no-ipv6', zone: 'b.barracudacentral.org' }] } } },
  { why: 'IPv6 and only IPv4-only lists: not asked at all (neither clear nor listed)', evidence: at(notAsked('b.barracudacentral.org', 'no-ipv6'), notAsked('bl.spamcop.net', 'no-ipv6')), status: 'skip', messageId: 'not-asked' },
  { why: 'a dead list (AHBL answers everything 127.0.0.2) is never a listing, even if asked', evidence: at(look('dnsbl.ahbl.org', ['127.0.0.2'])), status: 'skip', messageId: 'not-asked', data: { notes: { messageId: 'notes', items: [{ messageId: 'note-dead', name: 'AHBL', zone: 'dnsbl.ahbl.org', since: '2015-01-01' }] } } },
  { why: 'a SORBS subzone beside a clear ZEN: clear, SORBS named dead', evidence: at(look('zen.spamhaus.org', 'nxdomain'), look('spam.dnsbl.sorbs.net', ['127.0.0.6'])), status: 'pass', messageId: 'clear', data: { zones: 'zen.spamhaus.org', notes: { messageId: 'notes', items: [expect.objectContaining({ messageId: 'note-dead', name: 'SORBS', since: '2024-06-05' })] } } },
  { why: 'Spamhaus DBL lists domains: never read as an IP listing', evidence: at(look('zen.spamhaus.org', 'nxdomain'), look('dbl.spamhaus.org', ['127.0.1.255'])), status: 'pass', messageId: 'clear', data: { notes: { messageId: 'notes', items: [{ messageId: 'note-domain-list', zone: 'dbl.spamhaus.org' }] } } },
]);

describe('dnsbl-clean in words (what the text and HTML reports show)', () => {
  const words = (...lookups: DnsblLookup[]) => {
    const r = runRule(rule, at(...lookups));
    return format(rule.meta.messages[r.messageId]!, r.data, rule.meta.fragments);
  };
  it('names the list, each code\'s meaning, the TXT reason, the delisting page and the receivers', () => {
    expect(words(look('zen.spamhaus.org', ['127.0.0.4'], 'https://check.spamhaus.org/query/ip/192.0.2.30'))).toBe(
      `Listed on Spamhaus ZEN (zen.spamhaus.org): 127.0.0.4 = XBL: exploited host (CBL data: botnets, proxies, malware); the list says: https://check.spamhaus.org/query/ip/192.0.2.30; delisting: https://check.spamhaus.org/; used by ${ZEN_USERS}.`,
    );
  });
  it('an unregistered zone keeps the RFC 5782 reading and says it is not in the registry', () => {
    expect(words(look('bl.example.net', ['127.0.0.4'], 'Dynamic IP range'))).toBe(
      "Listed on bl.example.net (127.0.0.4: Dynamic IP range). Notes: bl.example.net not in ptrcheck's registry of known lists: codes read as RFC 5782 says (any 127.0.0.0/8 answer but 127.0.0.1 is a listing).",
    );
  });
  it('an allowlist hit reads as a trust level', () => {
    expect(words(look('zen.spamhaus.org', 'nxdomain'), look('list.dnswl.org', ['127.0.3.3']))).toBe(
      'Not listed on zen.spamhaus.org. Notes: allowlisted on DNSWL (dnswl.org) (list.dnswl.org): 127.0.3.3 = trust high, email service provider.',
    );
  });
  it('an IPv6 address on an IPv4-only list says the list was not asked', () => {
    expect(words(look('zen.spamhaus.org', 'nxdomain'), notAsked('bl.spamcop.net', 'no-ipv6'))).toBe(
      'Not listed on zen.spamhaus.org. Notes: bl.spamcop.net does not answer for IPv6 addresses, so it was not asked (not clear, not listed).',
    );
  });
});

describe('DNSBL query names (RFC 5782 §2.1, §2.4)', () => {
  it.each([
    ['192.0.2.99', 'bl.example.net', '99.2.0.192.bl.example.net'],
    ['127.0.0.2', 'zen.example.org.', '2.0.0.127.zen.example.org'],
    ['2001:db8:1:2:3:4:567:89ab', 'BL.Example.NET', 'b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.bl.example.net'],
  ])('%s on %s → %s', (ip, zone, name) => {
    expect(dnsblQueryName(parseIp(ip), zone)).toBe(name);
  });
});
