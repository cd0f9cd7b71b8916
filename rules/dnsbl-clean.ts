import { defineRule } from '../src/core/rule.js';
import { isBlock, list, listing, notes, scoring, view } from './lib/dnsbl-findings.js';

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
      clear: 'Not listed on {zones}.{notes}',
      listed: 'Listed on {listings}.{notes}',
      informational: 'Not listed on a list that counts; only informational lists list it (shown, not counted against the sender): {listings}.{notes}',
      refused: '{zones} refused to answer ({codes}): most lists do not answer queries that come through public or shared resolvers, or above a volume.{notes}',
      unknown: 'Could not check {zones} ({details}); try again.{notes}',
      'allow-only': 'No blocklist is configured, only allowlists ({zones}).{notes}',
      'not-asked': 'No configured blocklist gave an answer that counts for this address.{notes}',
    },
    fragments: {
      listing: '{zone} ({codes}{reason})',
      reason: ': {text}',
      'listing-known': '{name} ({zone}): {meanings}{said}{delist}{usedBy}',
      code: '{code} = {meaning}',
      'code-undocumented': '{code} = a code this list does not document (read as a listing, RFC 5782)',
      said: '; the list says: {text}',
      delist: '; delisting: {url}',
      'used-by': '; used by {receivers}',
      notes: ' Notes: {items}.',
      'note-allowed': 'allowlisted on {name} ({zone}): {meanings}',
      'note-informational': 'informational, not counted: {listing}',
      'note-no-ipv6': '{zone} does not answer for IPv6 addresses, so it was not asked (not clear, not listed)',
      'note-dead': '{zone} is {name}, dead since {since}: not asked, and its answers are never a listing',
      'note-domain-list': '{zone} lists domains, not IP addresses: not asked',
      'note-failed': '{zone} could not be checked ({codes}); it does not decide this result',
      'note-unregistered': '{zones} not in ptrcheck\'s registry of known lists: codes read as RFC 5782 says (any 127.0.0.0/8 answer but 127.0.0.1 is a listing)',
      'lookup-failed': '{zone}: {rcode}',
      'loopback-only': '{zone}: 127.0.0.1 is not a listing (RFC 5782 §2.1)',
      'outside-loopback': '{zone}: answers outside 127.0.0.0/8: the list may be dead and answering everything',
    },
    remedies: {
      listed: 'Find out why the list lists this IP (the code\'s meaning and the list\'s reason are shown; its delisting page has a lookup form), remove the cause (a compromised account or host, an open relay or proxy, a dynamic address sending mail directly), then ask the list for removal; many lists delist by themselves once the cause stops. A PBL listing means the address should send through its provider\'s mail server, or its owner must tell Spamhaus it is a mail server.',
      refused: 'Ask through your own recursive resolver (--dns), not a public one such as 8.8.8.8 or 1.1.1.1; some lists need a free data-feed key for volume.',
      unknown: 'Run the audit again; if the list keeps failing, it may be down or retired: remove it from --dnsbl.',
    },
  },
  run({ dnsbl }) {
    const lists = dnsbl.map(view);
    const blocks = dnsbl.filter(isBlock);
    const deciding = blocks.filter(scoring);
    const listed = deciding.filter((l) => l.result === 'listed');
    if (listed.length > 0) return { status: 'fail', messageId: 'listed', data: { listings: listed.map(listing), notes: notes(dnsbl, false), lists } };
    const refused = deciding.filter((l) => l.result === 'refused');
    if (refused.length > 0) return { status: 'error', messageId: 'refused', data: { zones: list(refused), codes: refused.flatMap((l) => l.codes).join(', '), notes: notes(dnsbl, false), lists } };
    const failed = deciding.filter((l) => l.result === 'error');
    if (failed.length > 0) return { status: 'error', messageId: 'unknown', data: { zones: list(failed), details: failed.map((l) => ({ messageId: l.problem?.kind ?? 'lookup-failed', zone: l.zone, rcode: l.problem?.kind === 'lookup-failed' ? l.problem.rcode : 'no answer' })), notes: notes(dnsbl, false), lists } };
    const informational = blocks.filter((l) => !scoring(l) && l.result === 'listed');
    if (informational.length > 0) return { status: 'info', messageId: 'informational', data: { listings: informational.map(listing), notes: notes(dnsbl, true), lists } };
    if (blocks.length === 0) return { status: 'info', messageId: 'allow-only', data: { zones: list(dnsbl), notes: notes(dnsbl, false), lists } };
    // Only the lists that answered "not listed" are named clear: a side list that failed or was not asked is a note.
    const clear = blocks.filter((l) => l.result === 'clear');
    if (clear.length === 0) return { status: 'skip', messageId: 'not-asked', data: { notes: notes(dnsbl, false), lists } };
    return { status: 'pass', messageId: 'clear', data: { zones: list(clear), notes: notes(dnsbl, false), lists } };
  },
});
