/**
 * Zoho Mail. No published reverse DNS requirement and no error-code page of
 * Zoho Mail's was found, so there is no rDNS verdict; the DMARC verdict and
 * the codes use real replies from smtpin.zoho.com and mx.zoho.com in
 * sisimai's set-of-emails (maildir/bsd/lhost-postfix-73.eml for DMARC, with
 * the sending domain left out here; rhost-zoho-02 for 5.7.7, rhost-zoho-04
 * for 5.4.1). Checked 2026-12-07.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const BOUNCE = 'https://github.com/sisimai/set-of-emails/blob/master/maildir/bsd/lhost-postfix-73.eml';
const CHECKED = '2026-12-07';
const DMARC = {
  text: 'Zoho Mail refuses mail that fails the sending domain\'s DMARC policy, as its reply in this real bounce says; no published requirement of Zoho\'s for senders, reverse DNS included, was found.',
  source: BOUNCE, checked: CHECKED, verbatim: false,
};

const zoho: ReceiverSpec = {
  id: 'zoho',
  name: 'Zoho Mail',
  kind: 'mailbox-provider',
  accept: '250 (Zoho publishes no accept text)',
  requirement: DMARC,
  verdicts: [
    { when: { rule: 'dmarc-pass', status: 'fail' }, outcome: 'rejected', reply: '550 5.7.1 Email rejected per DMARC policy for …', requirement: DMARC },
  ],
  recognise: {
    hosts: [/(^|\.)zoho\.(?:com|eu|in|jp|com\.au)$/i],
    // Its replies carry no mark of Zoho's own ('550 5.7.1 Email rejected per DMARC policy for …'): the host names it.
    replies: [],
  },
  codes: {
    '5.7.7': 'Zoho Mail: email policy violation detected (its words)',
    '5.4.1': 'Zoho Mail: mail rejected by the destination domain',
  },
};
export default zoho;
