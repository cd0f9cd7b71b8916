/**
 * A Postfix receiver with the usual restrictions (postconf(5)):
 * reject_unknown_reverse_client_hostname (no PTR), reject_unknown_client_hostname
 * (no FCrDNS), reject_unknown_helo_hostname (a HELO without A or MX). Each
 * answers 450 by default (unknown_client_reject_code, unknown_hostname_reject_code);
 * many sites set 550. Replies are Postfix's own. Checked 2026-12-01.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const POSTCONF = 'https://www.postfix.org/postconf.5.html';
const CHECKED = '2026-12-01';

const postfix: ReceiverSpec = {
  id: 'postfix',
  name: 'Postfix (reject_unknown_* restrictions)',
  kind: 'filter',
  accept: '250 2.0.0 Ok: queued',
  requirement: { text: 'Reject the request when the client IP address has no address->name mapping (reject_unknown_reverse_client_hostname), or when the name->address mapping fails or does not match the client IP address (reject_unknown_client_hostname).', source: POSTCONF, checked: CHECKED, verbatim: false },
  verdicts: [
    {
      when: { rule: 'ptr-present', status: 'fail' },
      outcome: 'deferred',
      reply: '450 4.7.1 Client host rejected: cannot find your reverse hostname, [$SenderIPAddress]',
      requirement: { text: 'reject_unknown_reverse_client_hostname: Reject the request when the client IP address has no address->name mapping.', source: POSTCONF, checked: CHECKED, verbatim: false },
    },
    {
      when: { rule: 'fcrdns', status: 'fail' },
      outcome: 'deferred',
      reply: '450 4.7.1 Client host rejected: cannot find your hostname, [$SenderIPAddress]',
      requirement: { text: 'reject_unknown_client_hostname: Reject the request when the name->address mapping fails, or does not match the client IP address.', source: POSTCONF, checked: CHECKED, verbatim: false },
    },
    {
      when: { rule: 'helo-resolves', status: 'fail' },
      outcome: 'deferred',
      reply: '450 4.7.1 <$Helo>: Helo command rejected: Host not found',
      requirement: { text: 'reject_unknown_helo_hostname: Reject the request when the HELO or EHLO hostname has no DNS A or MX record.', source: POSTCONF, checked: CHECKED, verbatim: false },
    },
  ],
  recognise: { hosts: [], replies: [/Client host rejected: cannot find your (reverse )?hostname/i, /Helo command rejected: Host not found/i] },
  codes: { '4.7.1': 'Postfix: a client or HELO restriction refused the session (450 is the default for a DNS name that cannot be found; many sites use 550)' },
};
export default postfix;
