/**
 * Gmail. Reply texts as Google publishes them in "Gmail SMTP errors and
 * codes"; requirements from "Email sender guidelines". Gmail uses X.7.23 for
 * a missing or unconfirmed PTR (a rate limit); the IANA registry (RFC 7372)
 * assigns X.7.23 to "SPF validation failed". Checked 2026-12-01.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const ERRORS = 'https://support.google.com/a/answer/3726730';
const GUIDELINES = 'https://support.google.com/mail/answer/81126';
const CHECKED = '2026-12-01';
const PTR_REQUIREMENT = {
  text: 'Your sending IP address must have a PTR record. PTR records verify that the sending hostname is associated with the sending IP address. Every IP address must map to a hostname in the PTR record. The hostname specified in the PTR record must have a forward DNS that refers to the sending IP address.',
  source: GUIDELINES, checked: CHECKED, verbatim: true,
};

const gmail: ReceiverSpec = {
  id: 'gmail',
  name: 'Gmail',
  kind: 'mailbox-provider',
  accept: '250 2.0.0 OK - gsmtp',
  requirement: PTR_REQUIREMENT,
  verdicts: [
    {
      when: { all: [{ ipVersion: 6 }, { any: [{ rule: 'ptr-present', status: 'fail' }, { rule: 'fcrdns', status: 'fail' }] }] },
      outcome: 'rejected',
      reply: '550 5.7.1 This message does not meet IPv6 sending guidelines regarding PTR records and authentication. For more information, go to Email sender guidelines.',
      requirement: PTR_REQUIREMENT,
    },
    {
      when: { rule: 'ptr-present', status: 'fail' },
      outcome: 'rejected',
      reply: '550 5.7.25 The IP address sending this message does not have a PTR record setup, or the corresponding forward DNS entry does not point to the sending IP. As a policy, Gmail does not accept messages from IPs with missing PTR records. For more information, go to Email sender guidelines.',
      requirement: PTR_REQUIREMENT,
    },
    {
      when: { rule: 'fcrdns', status: 'fail' },
      outcome: 'deferred',
      reply: "421 4.7.23 The sending IP address for this message doesn't have a PTR record, or the PTR record's forward DNS entry doesn't match the sending IP address. To protect users from spam, your email has been temporarily rate limited.",
      requirement: PTR_REQUIREMENT,
    },
    {
      when: { rule: 'helo-fqdn', status: 'fail' },
      outcome: 'rejected',
      reply: '501 5.5.4 HELO/EHLO argument is invalid.',
      requirement: { text: 'HELO/EHLO argument is invalid.', source: ERRORS, checked: CHECKED, verbatim: true },
    },
    {
      when: { rule: 'dmarc-pass', status: 'fail' },
      outcome: 'rejected',
      reply: "550 5.7.26 Unauthenticated email from domain-name is not accepted due to domain's DMARC policy. Please contact the administrator of domain-name domain.",
      requirement: { text: 'Set up SPF or DKIM email authentication for your domain.', source: GUIDELINES, checked: CHECKED, verbatim: true },
    },
    {
      when: { all: [{ rule: 'spf-pass', status: 'fail' }, { rule: 'dkim-pass', status: ['fail', 'skip'] }] },
      outcome: 'spam-risk',
      reply: "421 4.7.27 Your email has been rate limited because SPF authentication didn't pass for this message. Gmail requires all bulk email senders to authenticate their email with SPF.",
      requirement: { text: 'Set up SPF or DKIM email authentication for your domain.', source: GUIDELINES, checked: CHECKED, verbatim: true },
    },
  ],
  recognise: {
    hosts: [/(^|\.)google\.com$/i, /(^|\.)googlemail\.com$/i],
    // Older replies link mail.google.com/support (answer.py?answer=6596); pasted ones may lack '- gsmtp'.
    replies: [/- gsmtp\b/i, /support\.google\.com\/mail/i, /mail\.google\.com\/support/i, /\bGmail requires\b/i],
  },
  codes: {
    '4.7.23': 'Gmail: the sending IP has no PTR record, or its name does not resolve back to the IP; mail is rate limited (the IANA registry, RFC 7372, assigns X.7.23 to an SPF validation failure)',
    '5.7.25': 'Gmail: the sending IP has no PTR record, or its name does not resolve back to the IP; mail is blocked',
    '5.7.1': 'Gmail: blocked by policy; over IPv6 it is the PTR-and-authentication requirement',
    '5.5.4': 'Gmail: the HELO/EHLO argument is invalid',
    '5.7.26': 'Gmail: the message is unauthenticated (SPF and DKIM did not pass, or DMARC policy)',
    '4.7.27': 'Gmail: rate limited because SPF did not pass (bulk senders)',
    '4.7.30': 'Gmail: rate limited because DKIM did not pass (bulk senders)',
    '5.7.30': 'Gmail: blocked because DKIM did not pass',
    '4.7.32': 'Gmail: rate limited because the From: domain is not aligned with the SPF or DKIM domain',
    '5.7.40': 'Gmail: blocked because the sending domain has no DMARC record (bulk senders)',
  },
};
export default gmail;
