import { defineRule } from '../src/core/rule.js';
import type { Fragment } from '../src/core/types.js';
import { answerOf, isDefinite, problemOf, serverLabel } from './lib/zone-servers.js';

/** A /64 is one IPv6 network; a /48 is the most a site is given. A reverse zone cut above /48 is the provider's block, not the customer's. */
const V6_NETWORK_NIBBLES = 16;
const V6_SITE_NIBBLES = 12;

export default defineRule({
  meta: {
    id: 'reverse-zone-delegation',
    title: 'The reverse zone is delegated to servers that serve it',
    failureTitle: 'The reverse zone\'s delegation is broken',
    rationale: 'A PTR can only be found through an unbroken chain of delegations (RIR → ISP → customer); a delegation to servers without the zone turns every lookup into a timeout, which receivers treat as a missing PTR after their retries.',
    weight: 2,
    severity: 'major',
    refs: ['RFC 2317 (classless in-addr.arpa delegation)', 'RFC 8501 (IPv6 reverse DNS)', 'RFC 1912 §2.8', 'Zonemaster DELEGATION tests'],
    requires: ['ip', 'zoneServers'],
    lookups: ['zoneServers'],
    messages: {
      delegated: 'The reverse zone is reached through {path}.',
      classless: '{block} is delegated the RFC 2317 way: {reverseName} is a CNAME to {cname}, so its PTR belongs in the zone {zone}, on {nameservers}. Delegation: {path}.',
      'broken-delegation': '{parent} delegates {child} to {nameservers}, but {problems}: lookups under it fail or time out instead of answering.',
      'no-v6-zone': 'No reverse zone exists for this address\'s /64 or its /48: the nearest is {zone}, a /{bits} held by the provider, and it has no PTR for the address. Delegation: {path}.',
      'no-zone': 'No reverse zone could be found for the address, so its delegation could not be followed.',
      'no-answer': 'No server of {zone} answered from its own data, so the delegation below it could not be followed (see reverse-zone-servers).',
    },
    fragments: {
      step: '{zone} ({nameservers})',
      lame: '{server} answers without the zone (no AA bit, no SOA)',
      refused: '{server} refuses (REFUSED)',
      servfail: '{server} fails (SERVFAIL)',
      silent: '{server} does not answer',
      'no-address': '{server} has no address',
      'not-asked': '{server} is at a private or reserved address',
    },
    remedies: {
      classless: 'Create the PTR at {cname} in the zone {zone}, on its own servers ({nameservers}): that zone is yours (or your DNS host\'s), not your ISP\'s.',
      'broken-delegation': 'The holder of {parent} delegated {child} to {nameservers}: either the operator of those servers loads the zone {child} (with an SOA and the PTR records), or the holder of {parent} removes the delegation and publishes the PTR records itself.',
      'no-v6-zone': 'Ask the holder of {zone}{contact} to add the PTR there, or to delegate your /64\'s reverse zone ({zone64}) to your nameservers so you can manage it.',
    },
  },
  run({ ip, zoneServers: z }) {
    const path: Fragment[] = z.path.map((s) => ({ messageId: 'step', zone: s.zone, nameservers: s.nameservers.join(', ') || 'no NS seen' }));
    const pathWords = path.length > 0 ? path : [{ messageId: 'step', zone: 'the reverse zone', nameservers: 'unknown' }];
    const further = z.delegatedFurther;
    if (further) {
      const apex = further.zone;
      const serving = further.servers.some((s) => isDefinite(answerOf(s, 'SOA', apex)));
      if (!serving) {
        const problems: Fragment[] = further.servers.map((s) => ({ messageId: problemOf(s, 'SOA', apex) ?? 'silent', server: serverLabel(s) }));
        return { status: 'fail', messageId: 'broken-delegation', data: { parent: z.zone?.zone ?? 'the parent zone', child: apex, nameservers: further.nameservers.join(', '), problems } };
      }
    }
    if (!z.zone) return { status: 'skip', messageId: 'no-zone' };
    const answered = z.zone.servers.some((s) => s.answers.some((a) => isDefinite(a) || a.referral.length > 0));
    if (!answered) return { status: 'skip', messageId: 'no-answer', data: { zone: z.zone.zone } };
    if (z.classless) {
      return { status: 'info', messageId: 'classless', data: { ...z.classless, reverseName: ip.reverseName, nameservers: z.zone.nameservers.join(', '), path: pathWords } };
    }
    const nibbles = z.zone.zone.endsWith('.ip6.arpa') ? z.zone.zone.split('.').length - 2 : undefined;
    const noPtr = z.zone.servers.some((s) => { const a = answerOf(s, 'PTR', z.name); return isDefinite(a) && a!.outcome !== 'ok'; });
    if (ip.version === 6 && nibbles !== undefined && nibbles < V6_SITE_NIBBLES && noPtr && !further) {
      const labels = ip.reverseName.split('.');
      const zone64 = labels.slice(labels.length - 2 - V6_NETWORK_NIBBLES).join('.');
      const contact = z.path.at(-1)?.contact;
      return { status: 'info', messageId: 'no-v6-zone', data: { zone: z.zone.zone, bits: nibbles * 4, zone64, contact: contact ? ` (${contact})` : '', path: pathWords } };
    }
    return { status: 'pass', messageId: 'delegated', data: { path: pathWords } };
  },
});
