import { defineRule } from '../src/core/rule.js';
import { isTemporary } from '../src/core/temporary.js';

export default defineRule({
  meta: {
    id: 'helo-resolves',
    title: 'The HELO name resolves',
    failureTitle: 'The HELO name does not resolve',
    rationale: 'Postfix reject_unknown_helo_hostname and Haraka helo.checks (forward_dns) refuse a HELO name without an A or AAAA record.',
    weight: 3,
    severity: 'major',
    refs: ['RFC 5321 §4.1.4', 'Postfix reject_unknown_helo_hostname', 'Haraka helo.checks forward_dns'],
    requires: ['helo'],
    lookups: ['helo'],
    messages: {
      resolves: '{name} resolves to {addresses}.',
      nxdomain: '{name} does not exist in DNS (NXDOMAIN).',
      'no-address': '{name} exists but has no A or AAAA record.',
      'cannot-resolve': '{name} cannot exist in public DNS, so it resolves to nothing.',
      temporary: 'Looking up {name} failed temporarily ({rcode}); try again.',
      'not-hostname': 'The HELO is not a host name, so there is nothing to resolve.',
    },
    remedies: {
      nxdomain: 'Publish an A (and AAAA for IPv6) record for the HELO name in its domain\'s DNS, pointing at the sending IP.',
      'no-address': 'Publish an A (and AAAA for IPv6) record for the HELO name, pointing at the sending IP.',
      'cannot-resolve': 'Use a fully qualified HELO name that has an A/AAAA record.',
    },
  },
  run({ helo }) {
    if (helo.form !== 'hostname') return { status: 'skip', messageId: 'not-hostname' };
    const name = helo.name;
    if (!helo.a || !helo.aaaa) return { status: 'fail', messageId: 'cannot-resolve', data: { name } };
    if (helo.addresses.length > 0) return { status: 'pass', messageId: 'resolves', data: { name, addresses: helo.addresses } };
    const failed = [helo.a, helo.aaaa].find((a) => isTemporary(a.outcome));
    if (failed) return { status: 'error', messageId: 'temporary', data: { name, rcode: failed.rcode } };
    if (helo.a.outcome === 'nxdomain') return { status: 'fail', messageId: 'nxdomain', data: { name } };
    return { status: 'fail', messageId: 'no-address', data: { name } };
  },
});
