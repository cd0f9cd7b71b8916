/**
 * IONOS mailboxes (United Internet, like GMX and WEB.DE). Its postmaster
 * pages ("Recommendations for sending emails to IONOS mailboxes", "Email
 * policy", read in their Canadian English versions) ask for a static IP
 * that is not dial-up, a PTR naming a fully qualified host and correct
 * reverse DNS, a plausible HELO, and no listing on "various established RBL
 * lists". It publishes no reply text tied to these; its SMTP error page
 * (ionos.de, "SMTP-Fehlermeldungen der IONOS Mailserver") lists policy and
 * rate-limit replies only. So the refusals below carry no reply text.
 * Checked 2026-12-07.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const RECOMMENDATIONS = 'https://www.ionos.ca/help/email/postmaster/recommendations-for-sending-emails-to-11-ionos-mailboxes/';
const POLICY = 'https://www.ionos.ca/help/email/postmaster/email-policy/';
const CHECKED = '2026-12-07';
const exact = (text: string, source = RECOMMENDATIONS) => ({ text, source, checked: CHECKED, verbatim: true });
const PTR = exact('A Reverse DNS entry (FQDN) of the delivering server must exist.');

const ionos: ReceiverSpec = {
  id: 'ionos',
  name: 'IONOS',
  kind: 'mailbox-provider',
  accept: '250 (no published text)',
  requirement: exact('The sending server must have a static IP address. This must also be configured correctly. This concerns in particular the correct reverse DNS entry of the IP address used.', POLICY),
  verdicts: [
    {
      when: { any: [{ rule: 'ptr-present', status: 'fail' }, { rule: 'ptr-hostname', status: 'fail' }, { rule: 'fcrdns', status: 'fail' }] },
      outcome: 'rejected',
      reply: '',
      requirement: PTR,
    },
    {
      when: { rule: 'ptr-not-generic', status: 'fail' },
      outcome: 'rejected',
      reply: '',
      requirement: exact('The email may not be sent directly to our mail servers from dialup networks. Emails from users with a dynamic IP address must be sent via a smart host or SMTP relay server protected against misuse.'),
    },
    {
      when: { rule: 'dnsbl-clean', status: 'fail' },
      outcome: 'rejected',
      reply: '',
      requirement: exact('We check various established RBL lists. Make sure that your server is not on such a list.'),
    },
    {
      when: { rule: 'helo-fqdn', status: 'fail' },
      outcome: 'rejected',
      reply: '',
      requirement: exact('A meaningful and plausible HELO/EHLO in the sense of RFC 5321 must be sent.'),
    },
  ],
  // Its own MX hosts (mx00.ionos.de, …); its outgoing relays (kundenserver.de) send for customers and are not it answering.
  recognise: { hosts: [/(^|\.)ionos\.(de|com|co\.uk|fr|es|it|at|ca|mx)$/i], replies: [] },
  codes: {},
};
export default ionos;
