import { defineRule } from '../src/core/rule.js';
import { sameAddress } from '../src/core/ip.js';

export default defineRule({
  meta: {
    id: 'helo-literal-match',
    title: 'The HELO address literal is the connecting IP',
    failureTitle: 'The HELO address literal is not the connecting IP',
    rationale: 'An address literal claims "I am this address"; when it is not the connecting IP the client is lying about itself, which spam filters treat as forgery.',
    weight: 3,
    severity: 'critical',
    refs: ['RFC 5321 §4.1.3', 'RFC 5321 §4.1.4', 'SpamAssassin HELO_LH / forged literal checks'],
    requires: ['helo', 'ip'],
    lookups: [],
    messages: {
      match: '{name} is the connecting IP {address}.',
      mismatch: '{name} claims {literal}, but the connection comes from {address}.',
      unparsable: '{name} holds no valid address to compare.',
      'not-literal': 'The HELO name is not an address literal.',
    },
    remedies: {
      mismatch: 'Send the connecting address as the literal, or better a host name whose A/AAAA and PTR match this IP.',
      unparsable: 'Use a valid literal such as [192.0.2.1] or [IPv6:2001:db8::1], or better a host name.',
    },
  },
  run({ helo, ip }) {
    if (helo.form !== 'address-literal') return { status: 'skip', messageId: 'not-literal' };
    const data = { name: helo.name, address: ip.address };
    if (!helo.literal) return { status: 'fail', messageId: 'unparsable', data };
    if (sameAddress(helo.literal, ip.address)) return { status: 'pass', messageId: 'match', data };
    return { status: 'fail', messageId: 'mismatch', data: { ...data, literal: helo.literal } };
  },
});
