/**
 * Cox (cox.net). The requirement is Cox's own, from its Postmaster
 * Administration page ("Email Delivery Guidelines"). Cox's error-code page
 * (https://www.cox.com/residential/support/email-error-codes.html, linked
 * from its replies) was read as sisimai's Cox module
 * (lib/sisimai/rhost/cox.rb) and Cox's older postmaster wiki
 * (postmaster.cox.net) reproduce it; it gives the wordings 'rejected - no
 * rDNS' and 'DNS check failure - try again later' for reverse DNS, but no
 * whole reply, so the verdicts carry none. A real reply
 * (sisimai's set-of-emails, maildir/bsd/rhost-cox-01.eml, from
 * cxr.mx.a.cloudfilter.net): '550 5.1.0 <…> sender rejected. Refer to Error
 * Codes section at https://www.cox.com/residential/support/email-error-codes.html
 * for more information. AUP#CDRBL'. Checked 2026-12-07.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const POSTMASTER = 'https://www.cox.com/business/support/cox-postmaster-administration.html';
const CHECKED = '2026-12-07';
const DNS = {
  text: 'Cox requires that all sending IP addresses resolve to a valid reverse DNS entry. All sending domains must resolve to valid A or MX record. Connections from IPs or domains that do not have valid DNS entries will be rejected.',
  source: POSTMASTER, checked: CHECKED, verbatim: true,
};

/** AUP#IPBLabcd: each digit one list, as Cox's table defines them. */
const LISTS = ['Cloudmark CSI', 'Invaluement ivmSIP', 'Return Path', 'Spamhaus Zen'] as const;
const ipbl = Object.fromEntries(
  Array.from({ length: 15 }, (_, i) => (i + 1).toString(2).padStart(4, '0')).map((bits) => {
    const on = LISTS.filter((_, k) => bits[k] === '1');
    const names = on.length === 1 ? on[0] : `${on.slice(0, -1).join(', ')} and ${on.at(-1)}`;
    return [`AUP#IPBL${bits}`, `Cox: the sending IP is listed on ${names} (DNS block ${on.length === 1 ? 'list' : 'lists'} Cox uses); ask ${on.length === 1 ? 'that list' : 'those lists'} for removal`];
  }),
);

const cox: ReceiverSpec = {
  id: 'cox',
  name: 'Cox (cox.net)',
  kind: 'mailbox-provider',
  accept: '250 (Cox publishes no accept text)',
  requirement: DNS,
  verdicts: [
    { when: { rule: 'ptr-present', status: 'fail' }, outcome: 'rejected', reply: '', requirement: DNS },
    { when: { rule: 'from-domain-resolves', status: 'fail' }, outcome: 'rejected', reply: '', requirement: DNS },
  ],
  recognise: {
    hosts: [/(^|\.)cox\.net$/i, /^cxr\.mx\.[a-z]\.cloudfilter\.net$/i],
    replies: [/cox\.com\/residential\/support\/email-error-codes/i, /postmaster\.cox\.net/i, /\bAUP#[A-Z0-9]{2,10}\b/],
  },
  codes: {
    'AUP#CXBL': 'Cox: the sending IP is blocked for spam-like behaviour; ask Cox to unblock it (at its sole discretion)',
    'AUP#CDRBL': 'Cox: the sending IP is temporarily blocked for spam-like behaviour, for at most 24 hours; inspect the traffic and retry',
    'AUP#CXDNS': 'Cox: the reverse DNS (rDNS) lookup for the sending IP is failing; check its PTR, then retry after 24 hours',
    'AUP#CXSNDR': 'Cox: the mail failed authentication against the sending domain\'s SPF, DomainKeys or DKIM policy',
    'AUP#CXSMTP': 'Cox: an SMTP protocol violation; Cox could not verify that the mail came from a legitimate sender',
    'AUP#CXCNCT': 'Cox: too many concurrent connections from the IP (keep to at most 10)',
    'AUP#CXMXRT': 'Cox: the sender has exceeded the maximum number of messages allowed; wait before sending more',
    ...ipbl,
    'rejected - no rDNS': 'Cox: the sending IP has no reverse DNS (PTR) record; Cox requires one for every connecting server',
    'DNS check failure - try again later': 'Cox: the reverse DNS check of the sending IP failed; Cox requires a valid PTR record',
  },
};
export default cox;
