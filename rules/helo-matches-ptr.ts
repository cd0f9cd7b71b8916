import { defineRule } from '../src/core/rule.js';
import { canonicalName, organizationalDomain } from '../src/core/names.js';

export default defineRule({
  meta: {
    id: 'helo-matches-ptr',
    title: 'The HELO name matches the PTR name',
    failureTitle: 'The HELO name differs from the PTR name',
    rationale: 'A HELO equal to the PTR name is the tidy, recommended setup; RFC 5321 §4.1.4 forbids rejecting on a mismatch alone, so this weighs little.',
    weight: 1,
    severity: 'minor',
    refs: ['RFC 5321 §4.1.4', 'SpamAssassin HELO_DYNAMIC_*', 'rspamd hfilter'],
    requires: ['helo', 'ptr'],
    lookups: ['ptr'],
    messages: {
      equal: 'The HELO name is the PTR name, {name}.',
      'same-org': 'The HELO name {name} and the PTR name {ptr} share the domain {domain}.',
      differs: 'The HELO name {name} is not the PTR name ({ptr}) nor in its domain.',
      'not-hostname': 'The HELO is not a host name.',
      'no-ptr': 'There is no PTR name to compare the HELO name with.',
    },
    remedies: {
      differs: 'Use the PTR name as the HELO name (or set the PTR to the HELO name), so that both say the same.',
    },
  },
  run({ helo, ptr }) {
    if (helo.form !== 'hostname') return { status: 'skip', messageId: 'not-hostname' };
    if (ptr.names.length === 0) return { status: 'skip', messageId: 'no-ptr' };
    const name = canonicalName(helo.name);
    if (ptr.names.includes(name)) return { status: 'pass', messageId: 'equal', data: { name } };
    const org = organizationalDomain(name);
    const same = org ? ptr.names.find((p) => organizationalDomain(p) === org) : undefined;
    if (same) return { status: 'pass', messageId: 'same-org', data: { name, ptr: same, domain: org } };
    return { status: 'warn', messageId: 'differs', data: { name, ptr: ptr.names } };
  },
});
