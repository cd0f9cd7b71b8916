/**
 * Yahoo's "Sender Requirements & Recommendations"
 * (senders.yahooinc.com/best-practices/) and its FAQ, as two programs: all
 * senders, and bulk senders (Yahoo names no volume: "a significant volume of
 * mail"). Yahoo's pages are not in the stored corpora; their wording was read
 * in dated copies (azumakuniyuki/feb-2024-no-auth-no-entry: best practices as
 * of 2025-04-10, FAQ 2025-08-02), so the quotes are verbatim: false. The
 * 5.7.9 reply is copied from rules/receivers/yahoo.ts.
 *
 * The all-senders `auth` row counts an unaligned DKIM pass (warnMeets names
 * dkim-pass only), and the unsubscribe row takes a mailto-only
 * List-Unsubscribe, which Yahoo calls acceptable (it recommends RFC 8058's POST).
 */
import type { ProgramSpec, RequirementSpec } from '../../src/core/requirements.js';

const BEST = 'https://senders.yahooinc.com/best-practices/';
const CHECKED = '2026-12-07';
const quote = (text: string) => ({ text, source: BEST, checked: CHECKED, verbatim: false });

const DNS: RequirementSpec = {
  id: 'ptr',
  title: 'The sending IP has a PTR record whose name resolves back to it',
  quote: quote('Have a valid forward and reverse DNS record for your sending IPs.'),
  check: { all: ['ptr-present', 'fcrdns'] },
};

const RFC: RequirementSpec = {
  id: 'rfc5321-5322',
  title: 'The session and message follow RFC 5321 and 5322 (checked here: the HELO form, sender domains that exist and accept mail, and an envelope sender that can take bounces)',
  quote: quote('Comply with RFCs 5321 and 5322.'),
  // Yahoo's error-code page lists an unresolvable RFC 5321 or 5322 From domain, and a null MX, among its refusals.
  check: { all: ['helo-fqdn', 'from-domain-resolves', 'mail-from-bounces'] },
};

const SPAM_RATE: RequirementSpec = {
  id: 'spam-rate',
  title: 'The spam complaint rate stays below 0.3%',
  quote: quote('Keep your spam rate below 0.3%.'),
  check: { cannotTell: 'the complaint rate is visible only to Yahoo (and in its Complaint Feedback Loop reports)' },
};

const NOT_GENERIC: RequirementSpec = {
  id: 'ptr-not-generic',
  title: 'Recommended: the PTR name is meaningful, not a generic or dynamic-looking one',
  quote: quote('Publish valid, meaningful, non-generic reverse DNS (PTR) records for all of your sending IPs. Do not use a reverse DNS that looks like a dynamically-assigned IP instead of a static mail server.'),
  // A name carrying the IP or a dynamic word (warn) is exactly the generic name Yahoo advises against.
  check: { all: ['ptr-not-generic'] },
};

export const yahooAll: ProgramSpec = {
  id: 'yahoo-all',
  receiver: 'yahoo',
  name: 'Yahoo, all senders',
  appliesTo: 'everyone who sends to Yahoo and AOL mailboxes',
  requirements: [
    {
      id: 'auth',
      title: 'SPF or DKIM passes',
      quote: quote('Authenticate your mail: implement SPF or DKIM at a minimum.'),
      check: { any: ['spf-pass', 'dkim-pass'], warnMeets: ['dkim-pass'] },
      reply: '550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo requires all senders to authenticate with either SPF or DKIM.',
    },
    SPAM_RATE,
    DNS,
    RFC,
    NOT_GENERIC,
  ],
};

export const yahooBulk: ProgramSpec = {
  id: 'yahoo-bulk',
  receiver: 'yahoo',
  name: 'Yahoo, bulk senders',
  appliesTo: 'senders of "a significant volume of mail" to Yahoo and AOL (Yahoo names no threshold)',
  requirements: [
    {
      id: 'spf',
      title: 'SPF passes',
      quote: quote('Implement both SPF & DKIM.'),
      check: { all: ['spf-pass'] },
    },
    {
      id: 'dkim',
      title: 'DKIM passes',
      quote: quote('Implement both SPF & DKIM.'),
      // A valid signature in another domain (warn) is DKIM; alignment is the dmarc-pass row.
      check: { all: ['dkim-pass'], warnMeets: true },
    },
    {
      id: 'dmarc',
      title: 'The From domain publishes a DMARC policy (p=none is enough)',
      quote: quote('Publish a valid DMARC policy with at least p=none.'),
      // dmarc-policy warns on p=none, which Yahoo accepts.
      check: { all: ['dmarc-policy'], warnMeets: true },
    },
    {
      id: 'alignment',
      title: 'DMARC passes: the From domain is aligned with the SPF or the DKIM domain',
      quote: quote('DMARC must pass. Relaxed alignment is acceptable. Ensure the domain in the From: header is aligned with either the SPF domain or the DKIM domain.'),
      check: { all: ['dmarc-pass'] },
    },
    {
      id: 'unsubscribe',
      title: 'Marketing and subscribed mail carries a List-Unsubscribe header with one-click unsubscribe',
      quote: quote('Implement a functioning list-unsubscribe header, which supports one-click unsubscribe for marketing and subscribed messages. The Post (RFC 8058) method is highly recommended; the mail-to: method is acceptable.'),
      // Yahoo takes a mailto: List-Unsubscribe too; Gmail does not (gmail.ts).
      check: { all: ['list-unsubscribe'], meetsWith: { 'list-unsubscribe': ['mailto-only'] } },
    },
    {
      id: 'unsubscribe-honoured',
      title: 'Unsubscribes are honoured within 2 days',
      quote: quote('Honor unsubscribes within 2 days.'),
      check: { cannotTell: 'whether unsubscribes are honoured shows only over time, not in one audit' },
    },
    SPAM_RATE,
    DNS,
    RFC,
    NOT_GENERIC,
  ],
};
