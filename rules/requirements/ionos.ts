/**
 * IONOS mailboxes (United Internet, like GMX and WEB.DE): its postmaster
 * "Recommendations for sending emails to IONOS mailboxes" and "Email
 * policy" (the Canadian English pages; the German ones say the same).
 * Quotes marked verbatim were read, in these words, on the page named. IONOS
 * names no blocklist there ("various established RBL lists"); it publishes
 * no reply text tied to these rows. Its receiver is rules/receivers/ionos.ts.
 */
import type { ProgramSpec } from '../../src/core/requirements.js';

const RECOMMENDATIONS = 'https://www.ionos.ca/help/email/postmaster/recommendations-for-sending-emails-to-11-ionos-mailboxes/';
const POLICY = 'https://www.ionos.ca/help/email/postmaster/email-policy/';
const CHECKED = '2026-12-07';
const exact = (text: string, source = RECOMMENDATIONS) => ({ text, source, checked: CHECKED, verbatim: true });

export const ionos: ProgramSpec = {
  id: 'ionos',
  receiver: 'ionos',
  name: 'IONOS',
  appliesTo: 'every server that delivers to IONOS mailboxes; the last two rows to mass and commercial mail',
  requirements: [
    {
      id: 'not-dynamic',
      title: 'The IP is not a dial-up or dynamic address',
      quote: exact('The email may not be sent directly to our mail servers from dialup networks. Emails from users with a dynamic IP address must be sent via a smart host or SMTP relay server protected against misuse.'),
      // Only a dynamic-pool name (fail) marks a dial-up address; a generic static name is not refused for it.
      check: { all: ['ptr-not-generic'], warnMeets: true },
    },
    {
      id: 'ptr',
      title: 'The sending IP has a PTR record naming a fully qualified host',
      quote: exact('A Reverse DNS entry (FQDN) of the delivering server must exist.'),
      check: { all: ['ptr-present', 'ptr-hostname'] },
    },
    {
      id: 'fcrdns',
      title: 'The reverse DNS entry is correct: its name resolves back to the IP',
      quote: exact('The sending server must have a static IP address. This must also be configured correctly. This concerns in particular the correct reverse DNS entry of the IP address used.', POLICY),
      check: { all: ['fcrdns'] },
    },
    {
      id: 'helo',
      title: 'The HELO is a host name or address literal as RFC 5321 allows',
      quote: exact('A meaningful and plausible HELO/EHLO in the sense of RFC 5321 must be sent.'),
      check: { all: ['helo-fqdn'] },
    },
    {
      id: 'spf',
      title: 'SPF authorizes the IP (IONOS checks it where the recipient asks for it)',
      quote: exact('We check the SPF records at the customer\'s request. The sender addresses of forwarded emails should therefore be rewritten using SRS.'),
      check: { all: ['spf-pass'] },
    },
    {
      id: 'dnsbl',
      title: 'The IP is on none of the blocklists checked here',
      quote: exact('We check various established RBL lists. Make sure that your server is not on such a list.'),
      check: { all: ['dnsbl-clean'] },
    },
    {
      id: 'rfc5321-5322',
      title: 'The session and message follow RFC 5321 and 5322',
      quote: exact('The sender must comply with the standards required by RFC 5321 and RFC 5322.', POLICY),
      check: { cannotTell: 'no rule here checks the message against RFC 5321 and 5322 as a whole' },
    },
    {
      id: 'consent',
      title: 'Mass and commercial mail goes only to those who agreed, with an easy way to object',
      quote: exact('Mass emails or emails with commercial content may only be sent to users whose explicit consent has been obtained. It must be made easy for the recipient to object to the further sending of such emails.', POLICY),
      check: { cannotTell: 'consent is not visible in a message' },
    },
    {
      id: 'imprint',
      title: 'Mass and commercial mail carries a valid imprint',
      quote: exact('Mass mails or emails with commercial content must contain a valid imprint. This includes valid, non-electronic contact information such as the complete real address and telephone number.', POLICY),
      check: { cannotTell: 'the message body is not read here' },
    },
  ],
};
