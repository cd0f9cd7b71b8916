/**
 * Mail.ru. No published reverse DNS requirement was found (its postmaster
 * help pages were not reachable here), so there is no rDNS verdict. Its
 * servers enforce the sending domain's DMARC policy; the reply, from a real
 * bounce (sisimai's set-of-emails, maildir/bsd/lhost-postfix-72.eml, from
 * mxs.mail.ru), with the sending domain left out here: '550 5.7.1 This
 * message was not accepted due to domain (…) owner DMARC policy (RFC 7489)
 * https://help.mail.ru/mail-help/postmaster/dmarc'. Mail.ru publishes no
 * code table that was found. Checked 2026-12-07.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const DMARC = 'https://help.mail.ru/mail-help/postmaster/dmarc';
const CHECKED = '2026-12-07';
const POLICY = {
  text: 'Mail.ru refuses mail that fails the sending domain owner\'s DMARC policy (RFC 7489), naming this page in its reply; no reverse DNS requirement of Mail.ru\'s was found.',
  source: DMARC, checked: CHECKED, verbatim: false,
};

const mailru: ReceiverSpec = {
  id: 'mailru',
  name: 'Mail.ru',
  kind: 'mailbox-provider',
  accept: '250 (Mail.ru publishes no accept text)',
  requirement: POLICY,
  verdicts: [
    {
      when: { rule: 'dmarc-pass', status: 'fail' },
      outcome: 'rejected',
      reply: '550 5.7.1 This message was not accepted due to domain (…) owner DMARC policy (RFC 7489) https://help.mail.ru/mail-help/postmaster/dmarc',
      requirement: POLICY,
    },
  ],
  recognise: {
    hosts: [/(^|\.)mail\.ru$/i],
    replies: [/help\.mail\.ru\/mail-help\/postmaster/i, /postmaster\.mail\.ru/i],
  },
  codes: {},
};
export default mailru;
