/**
 * GMX and WEB.DE (United Internet, one mail platform). Quotes marked
 * verbatim were read, in these words, on the pages named: WEB.DE's
 * "Requirements and Recommendations", GMX's email policy, sender guidelines,
 * best practices and error messages. The rdns reply is copied from
 * rules/receivers/gmx-webde.ts; the block-list reply is GMX's published
 * example with the IP as a placeholder and its case reference left out.
 */
import type { ProgramSpec } from '../../src/core/requirements.js';

const REQUIREMENTS = 'https://postmaster.web.de/en/requirements-and-recommendations';
const POLICY = 'https://postmaster.gmx.com/en/email-policy';
const GUIDELINES = 'https://www.gmx.net/mail/senderguidelines/';
const BEST = 'https://postmaster.gmx.net/en/best-practices';
const CHECKED = '2026-12-07';
const exact = (text: string, source = REQUIREMENTS) => ({ text, source, checked: CHECKED, verbatim: true });
const RDNS = '554-No SMTP service 554-Bad DNS PTR resource record. 554 For explanation visit http://postmaster.gmx.com/en/error-messages?ip=$SenderIPAddress&c=rdns';

export const gmxWebde: ProgramSpec = {
  id: 'gmx-webde',
  receiver: 'gmx-webde',
  name: 'GMX / WEB.DE',
  appliesTo: 'every server that delivers to GMX, WEB.DE and mail.com mailboxes; the imprint row to bulk mail',
  requirements: [
    {
      id: 'not-dynamic',
      title: 'The IP is static, not a dial-up or dynamic address',
      quote: exact('IP addresses from dial-up ranges or dynamically assigned addresses are not accepted.'),
      // Only a dynamic-pool name (fail) marks the address as dynamic; a generic static name is the ptr-not-generic row.
      check: { all: ['ptr-not-generic'], warnMeets: true },
      reply: RDNS,
    },
    {
      id: 'ptr',
      title: 'The sending IP has a PTR record naming a fully qualified host',
      quote: exact('The IP address of the mail server must have a valid reverse DNS entry (PTR-RR) that refers to a fully qualified domain name (FQDN).'),
      check: { all: ['ptr-present', 'ptr-hostname'] },
      reply: RDNS,
    },
    {
      id: 'fcrdns',
      title: 'The PTR name resolves back to the IP (FCrDNS)',
      quote: exact('Ensure you have valid DNS records of your domain pointing to your IP address and valid reverse DNS records of your IP address pointing to your domain.', GUIDELINES),
      check: { all: ['fcrdns'] },
      reply: RDNS,
    },
    {
      id: 'ptr-not-generic',
      title: 'The PTR name is not a provider\'s generic default name',
      quote: exact('Generic default entries (e.g. 123-123-123-123-static.ihrprovider.tld) usually result in rejection.'),
      // A name carrying the IP (warn) is this generic default entry.
      check: { all: ['ptr-not-generic'] },
      reply: RDNS,
    },
    {
      id: 'helo',
      title: 'The HELO name is a fully qualified host name that resolves',
      quote: exact('The mail server must send a valid HELO/EHLO when establishing a connection - as an FQDN, e.g. host.yourdomain.tld.'),
      check: { all: ['helo-fqdn', 'helo-resolves'] },
    },
    {
      id: 'helo-ptr',
      title: 'The HELO name is the PTR name',
      quote: exact('The Reverse DNS entry should be used as the HELO when sending emails.', POLICY),
      // The name itself: helo-matches-ptr also passes a HELO that only shares the PTR name's domain.
      check: { all: ['helo-matches-ptr'], passOnly: { 'helo-matches-ptr': ['equal'] } },
    },
    {
      id: 'dnsbl',
      title: 'The IP is on none of the blocklists checked here (the domain\'s listings are not checked)',
      quote: exact('Make sure that neither the IP address nor the domain is listed on known block lists (e.g. Spamhaus.org).'),
      check: { all: ['dnsbl-clean'] },
      reply: '554-gmx.net (mxgmx104) Nemesis ESMTP Service not available 554-No SMTP service 554-IP address is block listed. 554 For explanation visit https://postmaster.gmx.net/en/case?c=r0201&i=ip&v=$SenderIPAddress',
    },
    {
      id: 'mx',
      title: 'The sender domains can receive mail (MX, or an address record)',
      quote: exact('The domain must have valid MX or A resource records in the DNS that specify email servers for receiving, in order to enable an email response.'),
      check: { all: ['from-domain-resolves'] },
    },
    {
      id: 'rfc5321-5322',
      title: 'The session and message follow RFC 5321 and 5322',
      quote: exact('Emails must comply with the standards set out in RFC 5321 and RFC 5322.'),
      check: { cannotTell: 'no rule here checks the message against RFC 5321 and 5322 as a whole' },
    },
    {
      id: 'dkim',
      title: 'A valid DKIM signature aligned with the From domain',
      quote: exact('To ensure the security and confidentiality of messages, the use of a valid DKIM signature is mandatory. An essential component is DKIM alignment. The DKIM domain must match the sender domain (RFC 5322.From) - at least in “relaxed” mode.'),
      // Alignment is required, so a valid signature in another domain (warn) does not meet it.
      check: { all: ['dkim-pass'] },
    },
    {
      id: 'spf',
      title: 'Recommended: SPF authorizes the IP',
      quote: exact('An SPF record in the DNS is recommended.'),
      check: { all: ['spf-pass'] },
    },
    {
      id: 'dmarc',
      title: 'Recommended: the From domain publishes a DMARC policy',
      quote: exact('Support DMARC to prevent spoofing and phishing of your domain and to maintain the authenticity of your emails.'),
      check: { all: ['dmarc-policy'], warnMeets: true },
    },
    {
      id: 'imprint',
      title: 'Bulk mail carries an imprint naming the sender',
      quote: { text: 'For bulk mail an imprint is mandatory: the sender\'s contract partner must be clearly identifiable.', source: BEST, checked: CHECKED, verbatim: false },
      check: { cannotTell: 'the message body is not read here' },
    },
  ],
};
