/**
 * Mimecast, a gateway in front of organisations' mail. No reverse DNS
 * requirement was found in its published pages, so there is no rDNS
 * verdict. Its SMTP error-code page (read as copies: sisimai's Mimecast
 * module, lib/sisimai/rhost/mimecast.rb, and a mirror of the page) says it
 * rejects (550) an IP listed on an RBL, with text specific to that list; which
 * lists it uses is not published, so a listing found here is a risk there,
 * not a certain refusal. Real replies (sisimai's set-of-emails,
 * maildir/bsd/rhost-mimecast-01 and -02; a ListManager help page): '554 Host
 * network not allowed - https://community.mimecast.com/docs/DOC-1369#554
 * [z7qZw5BPd1zlDYHka4589ru.us222]', '554 email rejected due to security
 * policies - MCSpamSignature.sa.2.2', '451 Internal resource is temporarily
 * unavailable - https://community.mimecast.com/docs/DOC-1369#451 […]'.
 * Checked 2026-12-07.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const CODES = 'https://mimecastsupport.zendesk.com/hc/en-us/articles/34000709564691-Policies-Mimecast-SMTP-Error-Codes';
const CHECKED = '2026-12-07';
const RBL = {
  text: 'Mimecast rejects (550) mail from an IP listed on an RBL it uses, with text specific to that list; it defers (451) senders it greylists or whose IP has a poor reputation. Which lists it uses is not published.',
  source: CODES, checked: CHECKED, verbatim: false,
};

const mimecast: ReceiverSpec = {
  id: 'mimecast',
  name: 'Mimecast (gateway)',
  kind: 'filter',
  accept: '250 (each Mimecast customer\'s setup decides the text)',
  requirement: RBL,
  verdicts: [
    { when: { rule: 'dnsbl-clean', status: 'fail' }, outcome: 'spam-risk', reply: '', requirement: RBL },
  ],
  recognise: {
    hosts: [/\.mimecast\.com$/i],
    // Its reference tag ends the reply: [z7qZw5BPd1zlDYHka4589ru.us222], [Aj3QXapeMpqZYaeFwWhjzw.us32].
    replies: [/community\.mimecast\.com/i, /\bMCSpamSignature\b/, /\[[A-Za-z0-9_-]{16,40}\.[a-z]{2}\d{1,4}\]/, /Local CT IP Reputation/i],
  },
  codes: {
    'Internal resource': 'Mimecast: greylisting (the sender must retry, between one minute and 12 hours), or the sending IP has a poor reputation',
    'Host network not allowed': 'Mimecast: the recipient\'s Geographical Restriction policy refused the sending network',
    'email rejected due to security policies': 'Mimecast: refused by its security policies (the tag after it names the signature that matched)',
    'Sender address blocked': 'Mimecast: the sending IP is blocked by the recipient\'s Blocked Senders policy',
  },
};
export default mimecast;
