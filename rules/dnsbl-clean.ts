import { defineRule } from '../src/core/rule.js';
import type { DnsblLookup } from '../src/core/types.js';

const list = (ls: DnsblLookup[]) => ls.map((l) => l.zone).join(', ');

export default defineRule({
  meta: {
    id: 'dnsbl-clean',
    title: 'The IP is on none of the configured DNS blocklists',
    failureTitle: 'The IP is listed on a DNS blocklist',
    rationale: 'Receivers query DNSBLs such as Spamhaus ZEN at connection time and refuse or junk mail from listed IPs, whatever its rDNS; a listing usually points at the cause (a compromised host, an open relay, a dynamic range sending directly).',
    weight: 4,
    severity: 'major',
    refs: ['RFC 5782', 'RFC 6471'],
    requires: ['ip', 'dnsbl'],
    lookups: ['dnsbl'],
    messages: {
      clear: 'Not listed on {zones}.',
      listed: 'Listed on {listings}.',
      refused: '{zones} refused to answer ({codes}): most lists do not answer queries that come through public or shared resolvers, or above a volume.',
      unknown: 'Could not check {zones} ({details}); try again.',
    },
    fragments: {
      listing: '{zone} ({codes}{reason})',
      reason: ': {text}',
      'lookup-failed': '{zone}: {rcode}',
      'loopback-only': '{zone}: 127.0.0.1 is not a listing (RFC 5782 §2.1)',
      'outside-loopback': '{zone}: answers outside 127.0.0.0/8: the list may be dead and answering everything',
    },
    remedies: {
      listed: 'Find out why the list lists this IP (its reason is shown; the list\'s website has a lookup form), remove the cause (a compromised account or host, an open relay or proxy, a dynamic address sending mail directly), then ask the list for removal; many lists delist by themselves once the cause stops.',
      refused: 'Ask through your own recursive resolver (--dns), not a public one such as 8.8.8.8 or 1.1.1.1; some lists need a free data-feed key for volume.',
      unknown: 'Run the audit again; if the list keeps failing, it may be down or retired: remove it from --dnsbl.',
    },
  },
  run({ dnsbl }) {
    const listed = dnsbl.filter((l) => l.result === 'listed');
    if (listed.length > 0) {
      const listings = listed.map((l) => ({ messageId: 'listing', zone: l.zone, codes: l.codes.join(', '), reason: l.reason ? { messageId: 'reason', text: l.reason } : '' }));
      return { status: 'fail', messageId: 'listed', data: { listings, lists: listed.map((l) => ({ zone: l.zone, codes: l.codes, reason: l.reason, query: l.query })) } };
    }
    const refused = dnsbl.filter((l) => l.result === 'refused');
    if (refused.length > 0) return { status: 'error', messageId: 'refused', data: { zones: list(refused), codes: refused.flatMap((l) => l.codes).join(', ') } };
    const failed = dnsbl.filter((l) => l.result === 'error');
    if (failed.length > 0) return { status: 'error', messageId: 'unknown', data: { zones: list(failed), details: failed.map((l) => ({ messageId: l.problem?.kind ?? 'lookup-failed', zone: l.zone, rcode: l.problem?.kind === 'lookup-failed' ? l.problem.rcode : 'no answer' })) } };
    return { status: 'pass', messageId: 'clear', data: { zones: list(dnsbl) } };
  },
});
