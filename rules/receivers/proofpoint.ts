/**
 * Proofpoint, the gateway many organisations (and Apple's iCloud) put in
 * front of their mail. Requirements quoted from its Postmaster portal ("Email
 * delivery best practices"), which says that improper DNS or authentication
 * "can negatively impact reputation, which may lead to delayed or blocked
 * messages"; it publishes no reply text for them, so the verdicts carry none
 * and say spam-risk. Its blocks come from its own reputation system
 * (Proofpoint Dynamic Reputation), which no rule here can see; as real
 * replies show them: '554 Blocked - see https://ipcheck.proofpoint.com/?ip=…'
 * (a bounce of 2017 quoted in a GitHub test), '5.7.1 Service unavailable;
 * client […] blocked using Proofpoint Dynamic Reputation' (a GitHub test
 * table), '554 mx.kent.edu.pph5a.pphosted.com ESMTP Blocked - see
 * https://support.proofpoint.com/dnsbl-lookup.cgi?ip=…' (a Postfix log) and
 * '550 5.7.0 Local Policy Violation - DMARC Reject' (from
 * mxa-00178001.gslb.pphosted.com, a Postfix log on a mailing list).
 * Checked 2026-12-07.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const POSTMASTER = 'https://www.proofpoint.com/postmaster';
const CHECKED = '2026-12-07';
const q = (text: string) => ({ text, source: POSTMASTER, checked: CHECKED, verbatim: true });
const PTR = q('Reverse DNS (PTR Record): The IP address must map back to the same hostname used in the forward DNS.');
const PDR = 'Proofpoint: the sending IP is blocked by Proofpoint Dynamic Reputation (its own block list); look it up and ask for removal at ipcheck.proofpoint.com';

const proofpoint: ReceiverSpec = {
  id: 'proofpoint',
  name: 'Proofpoint (gateway)',
  kind: 'filter',
  accept: '250 (each Proofpoint customer\'s setup decides the text)',
  requirement: PTR,
  verdicts: [
    { when: { any: [{ rule: 'ptr-present', status: 'fail' }, { rule: 'fcrdns', status: 'fail' }] }, outcome: 'spam-risk', reply: '', requirement: PTR },
    {
      when: { rule: 'ptr-not-generic', status: 'fail' },
      outcome: 'spam-risk',
      reply: '',
      requirement: q('Forward DNS: Ensure that your sending IP address resolves to a valid hostname. The hostname should be representative of a mail server (e.g. mail.example.com, mta.example.com, etc).'),
    },
    {
      when: { any: [{ rule: 'helo-fqdn', status: 'fail' }, { rule: 'helo-matches-ptr', status: 'fail' }] },
      outcome: 'spam-risk',
      reply: '',
      requirement: q('The HELO/EHLO command should use a fully qualified domain name (FQDN) that matches the sending server’s reverse DNS.'),
    },
  ],
  recognise: {
    hosts: [/\.pphosted\.com$/i],
    replies: [/ipcheck\.proofpoint\.com/i, /Proofpoint Dynamic Reputation/i, /support\.proofpoint\.com\/dnsbl-lookup/i, /\.pphosted\.com\b/i],
  },
  codes: {
    'ipcheck.proofpoint.com': PDR,
    'Proofpoint Dynamic Reputation': PDR,
    'dnsbl-lookup.cgi': PDR,
    'Local Policy Violation': 'Proofpoint: refused by the recipient organisation\'s own policy (the words after it say which, such as DMARC Reject)',
  },
};
export default proofpoint;
