import { defineRule } from '../src/core/rule.js';

/** ipaddr.js range names in plain words: the fragments of `rangeText`. */
const RANGES: Record<string, string> = {
  private: 'a private network range (RFC 1918)',
  loopback: 'the loopback range',
  linkLocal: 'the link-local range',
  carrierGradeNat: 'the shared carrier-grade NAT range (RFC 6598): an ISP\'s NAT hides this host',
  reserved: 'a reserved or documentation range (RFC 5737, RFC 3849)',
  uniqueLocal: 'the unique local range (RFC 4193)',
  multicast: 'the multicast range',
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
  '6to4': 'the 6to4 transition range',
  teredo: 'the Teredo tunnelling range',
  benchmarking: 'the benchmarking range (RFC 2544/5180)',
  other: 'the {range} range',
};

export default defineRule({
  meta: {
    id: 'ip-public',
    title: 'The IP is a public unicast address',
    failureTitle: 'The IP is not a public unicast address',
    rationale: 'Receivers on the Internet only ever see public addresses; a private or reserved one means the audit is not of the address they see.',
    weight: 3,
    severity: 'minor',
    refs: ['RFC 6890', 'RFC 1918', 'RFC 5737', 'RFC 3849'],
    requires: ['ip'],
    lookups: [],
    fragments: RANGES,
    messages: {
      public: '{address} is a public unicast address.',
      'not-public': '{address} is in {rangeText}. Mail from it never reaches Internet receivers directly; audit the public address your mail leaves from (the receiver\'s Received: header shows it).',
    },
  },
  run({ ip }) {
    if (ip.range === 'unicast') return { status: 'pass', messageId: 'public', data: { address: ip.address } };
    return {
      status: 'warn',
      messageId: 'not-public',
      data: { address: ip.address, range: ip.range, rangeText: { messageId: ip.range in RANGES ? ip.range : 'other', range: ip.range } },
    };
  },
});
