import { defineRule } from '../src/core/rule.js';
import { organizationalDomain } from '../src/core/names.js';

export default defineRule({
  meta: {
    id: 'from-aligned',
    title: 'The From domain matches the sending host\'s domain',
    failureTitle: 'The From domain differs from the PTR and HELO domains',
    rationale: 'Yahoo asks that the PTR reflect your domain; a From domain that matches the host\'s PTR or HELO organization looks like a first-party sender. Shared senders (ESPs) legitimately differ, so this only warns.',
    weight: 2,
    severity: 'minor',
    refs: ['Yahoo sender best practices', 'Public Suffix List (organizational domains)'],
    requires: ['senders', 'ptr'],
    lookups: ['ptr', 'forward'],
    messages: {
      ptr: 'The From domain {fromDomain} and the PTR name {name} share the organizational domain {org}.',
      helo: 'The From domain {fromDomain} and the HELO name {name} share the organizational domain {org}.',
      differs: 'The From organization {org} is neither the PTR\'s ({ptrOrgs}) nor the HELO\'s ({heloOrg}): fine for a shared sender, but a PTR in your own domain looks better.',
      'no-from': 'No usable header From domain to compare.',
      'nothing-to-compare': 'No PTR or HELO name to compare the From domain with.',
    },
    remedies: {
      differs: 'If you run your own mail server, give it a PTR and HELO name in the From domain (e.g. mail.{org}).',
    },
  },
  run({ senders, ptr, forward, helo }) {
    const from = senders.find((s) => s.role === 'from');
    if (!from?.domain || from.problem) return { status: 'skip', messageId: 'no-from' };
    const org = from.orgDomain ?? from.domain;
    // Prefer forward-confirmed PTR names: an unconfirmed PTR proves nothing.
    const confirmed = forward?.filter((f) => f.matches).map((f) => f.name) ?? [];
    const names = confirmed.length > 0 ? confirmed : ptr.names;
    const heloName = helo?.form === 'hostname' ? helo.name.toLowerCase().replace(/\.$/, '') : undefined;
    if (names.length === 0 && !heloName) return { status: 'skip', messageId: 'nothing-to-compare' };
    const base = { fromDomain: from.domain, org };
    const ptrHit = names.find((n) => organizationalDomain(n) === org);
    if (ptrHit) return { status: 'pass', messageId: 'ptr', data: { ...base, name: ptrHit } };
    if (heloName && organizationalDomain(heloName) === org) return { status: 'pass', messageId: 'helo', data: { ...base, name: heloName } };
    const ptrOrgs = [...new Set(names.map((n) => organizationalDomain(n) ?? n))];
    return {
      status: 'warn',
      messageId: 'differs',
      data: { ...base, ptrOrgs: ptrOrgs.length > 0 ? ptrOrgs : 'no PTR', heloOrg: heloName ? (organizationalDomain(heloName) ?? heloName) : 'no HELO' },
    };
  },
});
