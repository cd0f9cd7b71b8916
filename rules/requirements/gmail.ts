/**
 * Gmail's "Email sender guidelines" (support.google.com/mail/answer/81126),
 * as two programs: all senders, and senders of more than 5,000 messages a
 * day to personal Gmail accounts. Google's page itself is not in the stored
 * corpora; its wording was read in a dated copy (azumakuniyuki/
 * feb-2024-no-auth-no-entry, the page as of 2026-03-11), so every quote is
 * verbatim: false even where it keeps Google's words. Replies already quoted
 * in rules/receivers/gmail.ts are copied from there; the others are from the
 * same copy of "Gmail SMTP errors and codes" (answer 3726730, 2026-02-12).
 *
 * Authentication for all senders is SPF *or* DKIM with no alignment, but a
 * check's warnMeets covers every rule it names: dkim-pass warns on a valid
 * signature in another domain (which Gmail counts) while spf-pass warns on
 * softfail/neutral/none (which it does not). So the `any` below leaves
 * warnMeets off, and a message whose only pass is an unaligned DKIM signature
 * reads "not met" here: a known limit, reported to the lead.
 */
import type { ProgramSpec, RequirementSpec } from '../../src/core/requirements.js';

const GUIDELINES = 'https://support.google.com/mail/answer/81126';
const CHECKED = '2026-12-07';
const quote = (text: string) => ({ text, source: GUIDELINES, checked: CHECKED, verbatim: false });

const PTR: RequirementSpec = {
  id: 'ptr',
  title: 'The sending IP has a PTR record whose name resolves back to it',
  quote: quote('Ensure that sending domains or IPs have valid forward and reverse DNS records, also referred to as PTR records.'),
  check: { all: ['ptr-present', 'fcrdns'] },
  ipVersion: 4,
  reply: '550 5.7.25 The IP address sending this message does not have a PTR record setup, or the corresponding forward DNS entry does not point to the sending IP. As a policy, Gmail does not accept messages from IPs with missing PTR records. For more information, go to Email sender guidelines.',
};

/** Over IPv6 Gmail refuses mail without a PTR *and* SPF or DKIM; the authentication half is the `auth` row. */
const IPV6: RequirementSpec = {
  id: 'ipv6-ptr',
  title: 'Over IPv6: the sending IP has a PTR record whose name resolves back to it (and SPF or DKIM passes, see authentication)',
  quote: quote('Gmail refuses mail over IPv6 that does not meet its IPv6 sending guidelines regarding PTR records and authentication: the sending server needs a PTR record for its IPv6 address, and the message SPF or DKIM.'),
  check: { all: ['ptr-present', 'fcrdns'] },
  ipVersion: 6,
  reply: '550 5.7.1 This message does not meet IPv6 sending guidelines regarding PTR records and authentication. For more information, go to Email sender guidelines.',
};

const TLS: RequirementSpec = {
  id: 'tls',
  title: 'The message came over TLS',
  quote: quote('Use a TLS connection for transmitting email.'),
  // An old TLS version (warn) is still a TLS connection, which is all Gmail asks.
  check: { all: ['smtp-starttls'], warnMeets: true },
};

const RFC5322: RequirementSpec = {
  id: 'rfc5322',
  title: 'The message follows RFC 5322 (checked here: a valid Message-ID)',
  quote: quote('Format messages according to the Internet Message Format standard, RFC 5322. Make sure every message includes a valid Message-ID.'),
  check: { all: ['message-id-present'] },
  reply: '550 5.7.1 Messages missing a valid Message-ID: header are not accepted. For more information, go to Email sender guidelines and review RFC 5322 specifications.',
};

const NO_GMAIL_FROM: RequirementSpec = {
  id: 'no-gmail-from',
  title: 'The From address is not a Gmail address sent from outside Gmail',
  quote: quote("Don't impersonate Gmail From: headers. Gmail will begin using a DMARC quarantine enforcement policy, and impersonating Gmail From: headers might impact your email delivery."),
  check: { cannotTell: 'no rule here compares the From domain with gmail.com' },
};

export const gmailAll: ProgramSpec = {
  id: 'gmail-all',
  receiver: 'gmail',
  name: 'Gmail, all senders',
  appliesTo: 'everyone who sends to personal Gmail accounts (@gmail.com, @googlemail.com)',
  requirements: [
    {
      id: 'auth',
      title: 'SPF or DKIM passes',
      quote: quote('Set up SPF or DKIM email authentication for your sending domains.'),
      check: { any: ['spf-pass', 'dkim-pass'], warnMeets: ['dkim-pass'] },
      reply: '550 5.7.26 This email has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM. Authentication results: DKIM = did not pass SPF [domain-name] with ip: [ip-address] = did not pass. For instructions on setting up authentication, go to Email sender guidelines.',
    },
    PTR,
    IPV6,
    TLS,
    {
      id: 'spam-rate',
      title: 'The spam rate stays below 0.3%',
      quote: quote('Keep spam rates reported in Postmaster Tools below 0.3%.'),
      check: { cannotTell: 'the spam rate is visible only in Google Postmaster Tools' },
    },
    RFC5322,
    NO_GMAIL_FROM,
  ],
};

export const gmailBulk: ProgramSpec = {
  id: 'gmail-bulk',
  receiver: 'gmail',
  name: 'Gmail, bulk senders',
  appliesTo: 'senders of more than 5,000 messages a day to personal Gmail accounts',
  requirements: [
    {
      id: 'spf',
      title: 'SPF passes',
      quote: quote('Set up SPF and DKIM email authentication for your domain.'),
      check: { all: ['spf-pass'] },
      reply: "421 4.7.27 Your email has been rate limited because SPF authentication didn't pass for this message. Gmail requires all bulk email senders to authenticate their email with SPF.",
    },
    {
      id: 'dkim',
      title: 'DKIM passes',
      quote: quote('Set up SPF and DKIM email authentication for your domain.'),
      // A valid signature in another domain (warn) is DKIM passing; alignment is the next row's business.
      check: { all: ['dkim-pass'], warnMeets: true },
      reply: "550 5.7.30 This message was blocked because it didn't pass DKIM authentication. Gmail requires bulk email senders to authenticate their email with DKIM. Authentication results: DKIM = did not pass",
    },
    {
      id: 'dmarc',
      title: 'The From domain publishes a DMARC policy (p=none is enough)',
      quote: quote('Set up DMARC email authentication for your sending domain. Your DMARC enforcement policy can be set to none.'),
      // dmarc-policy warns on p=none, which Gmail accepts.
      check: { all: ['dmarc-policy'], warnMeets: true },
      reply: "550 5.7.40 Your message was blocked because the sending domain doesn't have a DMARC record or the DMARC record doesn't specify a DMARC policy. Gmail requires all bulk email senders to add a DMARC record to their sending domain.",
    },
    {
      id: 'alignment',
      title: 'The From domain is aligned with the SPF or the DKIM domain',
      quote: quote("For direct email, the domain in the sender's From: header must be aligned with either the SPF domain or the DKIM domain. This is required to pass DMARC alignment."),
      // DMARC pass means an aligned SPF or DKIM pass; an aligned DKIM pass shows it even without a DMARC record.
      check: { any: ['dmarc-pass', 'dkim-pass'] },
      reply: "421 4.7.32 Your email has been rate limited because the From: header (RFC5322) in this message isn't aligned with either the authenticated SPF or DKIM organizational domain.",
    },
    PTR,
    IPV6,
    { ...TLS, reply: "421 4.7.29 Your email has been rate limited because you're not using a TLS connection. Gmail requires all bulk email senders to use TLS/SSL for SMTP connections." },
    {
      id: 'spam-rate',
      title: 'The spam rate stays below 0.3%',
      quote: quote('Keep spam rates reported in Postmaster Tools below 0.30%.'),
      check: { cannotTell: 'the spam rate is visible only in Google Postmaster Tools' },
    },
    RFC5322,
    NO_GMAIL_FROM,
    {
      id: 'unsubscribe',
      title: 'Marketing and subscribed mail offers one-click unsubscribe (RFC 8058)',
      quote: quote('Marketing messages and subscribed messages must support one-click unsubscribe, and include a clearly visible unsubscribe link in the message body.'),
      // list-unsubscribe is info (meets) for a message that does not look like bulk mail.
      check: { all: ['list-unsubscribe'] },
    },
  ],
};
