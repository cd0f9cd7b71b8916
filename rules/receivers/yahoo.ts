/**
 * Yahoo and AOL (one platform). Its sender requirements ask for valid
 * forward and reverse DNS and recommend a meaningful, non-generic PTR; it
 * publishes no PTR-specific reply text. Checked 2026-12-01.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const BEST = 'https://senders.yahooinc.com/best-practices/';
const CHECKED = '2026-12-01';
const DNS = { text: 'a valid forward and reverse DNS record', source: BEST, checked: CHECKED, verbatim: true };

const yahoo: ReceiverSpec = {
  id: 'yahoo',
  name: 'Yahoo / AOL',
  kind: 'mailbox-provider',
  accept: '250 ok dirdel',
  requirement: DNS,
  verdicts: [
    { when: { any: [{ rule: 'ptr-present', status: 'fail' }, { rule: 'fcrdns', status: 'fail' }] }, outcome: 'spam-risk', reply: '', requirement: DNS },
    { when: { rule: 'ptr-not-generic', status: ['fail', 'warn'] }, outcome: 'spam-risk', reply: '', requirement: { text: 'meaningful, non-generic', source: BEST, checked: CHECKED, verbatim: true } },
    {
      when: { all: [{ rule: 'spf-pass', status: 'fail' }, { rule: 'dkim-pass', status: ['fail', 'skip'] }] },
      outcome: 'rejected',
      reply: '550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo requires all senders to authenticate with either SPF or DKIM.',
      requirement: { text: 'Yahoo requires all senders to authenticate with either SPF or DKIM.', source: 'https://senders.yahooinc.com/smtp-error-codes/', checked: CHECKED, verbatim: true },
    },
  ],
  recognise: {
    hosts: [/\.yahoodns\.net$/i, /(^|\.)yahoo\.com$/i, /(^|\.)aol\.com$/i],
    replies: [
      /postmaster\.yahooinc\.com/i, /senders\.yahooinc\.com/i, /postmaster\.verizonmedia\.com/i, /\[(?:TSS|IPTS)\d\d\]/,
      // Yahoo's own refusals: '554 delivery error: dd This user doesn't have a yahoo.com account (…) [0] - mta1061.mail.ne1.yahoo.com'.
      /\bdelivery error: dd\b/i, /- mta\d{1,6}\.mail\.[a-z0-9]{1,10}\.yahoo\.com\b/i,
    ],
  },
  codes: { '5.7.9': 'Yahoo: the message is unauthenticated (neither SPF nor DKIM passed)', TSS04: 'Yahoo: deferred for volume or complaints (reputation)' },
};
export default yahoo;
