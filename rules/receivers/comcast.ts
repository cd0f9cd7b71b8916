/** Comcast (Xfinity): refuses a connection from an IP without a PTR record. Text as its servers send it. Checked 2026-12-01. */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const CODES = 'http://postmaster.comcast.net/smtp-error-codes.php#554';
const CHECKED = '2026-12-01';
const PTR = { text: 'Comcast requires that all mail servers must have a PTR record with a valid Reverse DNS entry.', source: CODES, checked: CHECKED, verbatim: true };

const comcast: ReceiverSpec = {
  id: 'comcast',
  name: 'Comcast (Xfinity)',
  kind: 'mailbox-provider',
  accept: '250 2.0.0 ok',
  requirement: PTR,
  verdicts: [
    {
      when: { any: [{ rule: 'ptr-present', status: 'fail' }, { rule: 'fcrdns', status: 'fail' }] },
      outcome: 'rejected',
      reply: '554 comcast $SenderIPAddress Comcast requires that all mail servers must have a PTR record with a valid Reverse DNS entry. Currently your mail server does not fill that requirement. For more information, refer to: http://postmaster.comcast.net/smtp-error-codes.php#554',
      requirement: PTR,
    },
  ],
  recognise: { hosts: [/(^|\.)comcast\.net$/i], replies: [/Comcast requires/i, /postmaster\.comcast\.net/i] },
  codes: {},
};
export default comcast;
