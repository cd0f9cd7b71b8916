import { defineRule } from '../src/core/rule.js';
import { organizationalDomain } from '../src/core/names.js';
import { providerClaimedBy } from './data/mailbox-providers.js';

export default defineRule({
  meta: {
    id: 'helo-not-impersonating',
    title: 'The HELO does not impersonate a mailbox provider',
    failureTitle: 'The HELO claims a big mailbox provider the IP does not belong to',
    rationale: 'Spam bots announce themselves as gmail.com or outlook.com; receivers check such a claim against the forward-confirmed PTR and reject forgeries (Haraka helo.checks, rspamd, SpamAssassin).',
    weight: 4,
    severity: 'major',
    refs: ['RFC 5321 §4.1.4', 'Haraka helo.checks match_re / big_company', 'SpamAssassin HELO_* forgery rules'],
    requires: ['helo', 'ptr', 'forward'],
    lookups: ['ptr', 'forward'],
    messages: {
      'not-claiming': '{name} does not claim to be a big mailbox provider.',
      genuine: '{name} claims {provider}, and the IP\'s confirmed PTR {ptr} is theirs.',
      impersonating: '{name} claims {provider}, but the IP\'s forward-confirmed PTR ({ptr}) is not one of theirs.',
      'not-hostname': 'The HELO is not a host name.',
    },
    remedies: {
      impersonating: 'Never announce another organisation\'s domain: use your own server\'s FQDN as HELO.',
    },
  },
  run({ helo, forward }) {
    if (helo.form !== 'hostname') return { status: 'skip', messageId: 'not-hostname' };
    const org = organizationalDomain(helo.name);
    const provider = org ? providerClaimedBy(org) : undefined;
    if (!provider) return { status: 'pass', messageId: 'not-claiming', data: { name: helo.name } };
    // Only a forward-confirmed PTR counts: the owner of any IP can set its PTR to a google.com name.
    const confirmed = forward.filter((f) => f.matches).map((f) => f.name);
    const theirs = confirmed.find((n) => provider.rdnsDomains.includes(organizationalDomain(n) ?? ''));
    const data = { name: helo.name, provider: provider.name };
    if (theirs) return { status: 'pass', messageId: 'genuine', data: { ...data, ptr: theirs } };
    return { status: 'fail', messageId: 'impersonating', data: { ...data, ptr: confirmed.length > 0 ? confirmed : 'none confirmed' } };
  },
});
