/**
 * AT&T (att.net, sbcglobal.net, bellsouth.net and the other legacy AT&T
 * domains; MX hosts under prodigy.net). The only AT&T page found that states
 * an rDNS requirement is its mail-block inquiry page (a legacy Worldnet
 * page), which lists '421-failure in DNS look-up.' with: "There seems to be a
 * failure in your IP reverse DNS lookup. Your IP address must have a valid
 * reverse DNS entry to send mail to the AT&T domain." The same page explains
 * '521 <…> is blocked': "The sending system has been identified as a source
 * of spam." As AT&T's servers send that block today (a real SMTP session of
 * 2025-03-09 published on GitHub): '553 5.3.0 alph731 DNSBL:RBL
 * 521< 5.161.254.101 >_is_blocked.For assistance forward this error to
 * abuse_rbl@abuse-att.net'. No rule here sees AT&T's own list, so that is a
 * code, not a verdict. Checked 2026-12-07.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const BLOCKS = 'http://rbl.att.net/block_enduser.html';
const CHECKED = '2026-12-07';
const RDNS = { text: 'Your IP address must have a valid reverse DNS entry to send mail to the AT&T domain.', source: BLOCKS, checked: CHECKED, verbatim: true };

const att: ReceiverSpec = {
  id: 'att',
  name: 'AT&T (att.net, sbcglobal.net, bellsouth.net)',
  kind: 'mailbox-provider',
  accept: '250 (AT&T publishes no accept text)',
  requirement: RDNS,
  verdicts: [
    { when: { rule: 'ptr-present', status: 'fail' }, outcome: 'deferred', reply: '421-failure in DNS look-up.', requirement: RDNS },
  ],
  recognise: {
    hosts: [/(^|\.)prodigy\.net$/i, /(^|\.)att\.net$/i, /(^|\.)sbcglobal\.net$/i, /(^|\.)bellsouth\.net$/i],
    replies: [/abuse_rbl@abuse-att\.net/i, /\bDNSBL:RBL\b/, /\batt\.net\/blocks\b/i, /\b[af]lph\d{3,4} DNSBL\b/],
  },
  codes: {
    'DNSBL:RBL': 'AT&T: the sending IP is on AT&T\'s own block list, as a system identified as a source of spam (521 … is blocked); forward the whole error to abuse_rbl@abuse-att.net to ask for its removal',
  },
};
export default att;
