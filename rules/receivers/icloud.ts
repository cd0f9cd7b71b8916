/**
 * Apple iCloud Mail. Its mail servers refuse a HELO name that does not
 * resolve, with Postfix's reply. Checked 2026-12-01.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const POSTMASTER = 'https://support.apple.com/en-us/102322';
const CHECKED = '2026-12-01';

const icloud: ReceiverSpec = {
  id: 'icloud',
  name: 'Apple iCloud Mail',
  kind: 'mailbox-provider',
  accept: '250 2.0.0 Ok: queued',
  requirement: { text: 'iCloud Mail expects the sending server to use a HELO name that exists in DNS, a PTR record that resolves back to it, and SPF or DKIM.', source: POSTMASTER, checked: CHECKED, verbatim: false },
  verdicts: [
    {
      when: { any: [{ rule: 'helo-resolves', status: 'fail' }, { rule: 'helo-fqdn', status: 'fail' }] },
      outcome: 'deferred',
      reply: '450 4.7.1 <$Helo>: Helo command rejected: Host not found',
      requirement: { text: 'Helo command rejected: Host not found', source: POSTMASTER, checked: CHECKED, verbatim: true },
    },
    {
      when: { any: [{ rule: 'ptr-present', status: 'fail' }, { rule: 'fcrdns', status: 'fail' }] },
      outcome: 'spam-risk',
      reply: '',
      requirement: { text: 'iCloud Mail expects a PTR record that resolves back to the sending IP.', source: POSTMASTER, checked: CHECKED, verbatim: false },
    },
  ],
  recognise: {
    hosts: [/\.mail\.icloud\.com$/i, /(^|\.)icloud\.com$/i, /(^|\.)me\.com$/i, /(^|\.)mac\.com$/i, /\.me\.com\.akadns\.net$/i, /(^|\.)apple\.com$/i],
    // Its servers name themselves in replies: '554 st11p00im-smtpin013.me.com ESMTP not accepting connections'.
    replies: [/support\.apple\.com/i, /\b[a-z]{2}\d{2}p\d{2}im-[a-z0-9-]{1,40}\.(?:me|icloud)\.com\b/i],
  },
  codes: {},
};
export default icloud;
