/**
 * GMX, WEB.DE and mail.com (one platform): they refuse a connection from an
 * IP without a usable PTR at the banner. Text as their servers send it.
 * Checked 2026-12-01.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const ERRORS = 'https://postmaster.gmx.net/en/error-messages';
const CHECKED = '2026-12-01';
const PTR = { text: 'Bad DNS PTR resource record.', source: ERRORS, checked: CHECKED, verbatim: true };

const gmxWebde: ReceiverSpec = {
  id: 'gmx-webde',
  name: 'GMX / WEB.DE / mail.com',
  kind: 'mailbox-provider',
  accept: '250 Requested mail action okay, completed',
  requirement: { text: 'GMX and WEB.DE expect a static, non-generic PTR name that is a fully qualified host name resolving back to the IP, and a HELO equal to that name.', source: ERRORS, checked: CHECKED, verbatim: false },
  verdicts: [
    {
      when: { any: [{ rule: 'ptr-present', status: 'fail' }, { rule: 'fcrdns', status: 'fail' }, { rule: 'ptr-not-generic', status: 'fail' }, { rule: 'ptr-hostname', status: 'fail' }] },
      outcome: 'rejected',
      reply: '554-No SMTP service 554-Bad DNS PTR resource record. 554 For explanation visit http://postmaster.gmx.com/en/error-messages?ip=$SenderIPAddress&c=rdns',
      requirement: PTR,
    },
    {
      when: { rule: 'helo-matches-ptr', status: ['fail', 'warn'] },
      outcome: 'spam-risk',
      reply: '',
      requirement: { text: 'GMX and WEB.DE expect the HELO name to equal the PTR name.', source: ERRORS, checked: CHECKED, verbatim: false },
    },
  ],
  recognise: { hosts: [/(^|\.)gmx\.(net|com|de)$/i, /(^|\.)web\.de$/i, /(^|\.)mail\.com$/i], replies: [/postmaster\.gmx\./i, /Nemesis ESMTP/i, /postmaster\.web\.de/i] },
  codes: { rdns: 'GMX/WEB.DE: the sending IP has no usable PTR record (missing, generic, or not resolving back)' },
};
export default gmxWebde;
