/**
 * T-Online (Telekom): its postmaster page, section 4.1 ("Requirements for
 * smooth access to our e-mail exchanges"). The stored copy of the page holds
 * only its table of contents; the words of 4.1 are T-Online's in German as
 * quoted by sidenotes.de (2026-02-01), so every quote here is our summary
 * (verbatim: false), like rules/receivers/t-online.ts. Replies are copied
 * from there: (DIAL) for a dynamic-looking name, (NOWL) for an IP without
 * reputation.
 */
import type { ProgramSpec } from '../../src/core/requirements.js';

const POSTMASTER = 'https://postmaster.t-online.de/index.en.html';
// Where the (NOWL) behaviour is described (a sender's account, as in rules/receivers/t-online.ts).
const NOWL = 'https://bllmnn.de/2024/05/fehler-554-none-bad-reputation-beim-mailversand-an-t-online-de';
const CHECKED = '2026-12-07';
const quote = (text: string) => ({ text, source: POSTMASTER, checked: CHECKED, verbatim: false });
const HOST_NAME = 'T-Online asks (section 4.1) that the host name (FQDN) of the sending IP lead those affected, easily and traceably, to the operator\'s domain and so to its website with a direct means of contact, citing RFC 1912, FCrDNS and EU Directive 2000/31/EC Article 5.';

export const tOnline: ProgramSpec = {
  id: 't-online',
  receiver: 't-online',
  name: 'T-Online (Telekom)',
  appliesTo: 'every server that delivers to t-online.de and magenta.de mailboxes',
  requirements: [
    {
      id: 'ptr',
      title: 'The sending IP has a PTR record naming a valid, fully qualified host',
      quote: quote(HOST_NAME),
      check: { all: ['ptr-present', 'ptr-hostname'] },
    },
    {
      id: 'fcrdns',
      title: 'The PTR name resolves back to the IP (FCrDNS)',
      quote: quote(HOST_NAME),
      check: { all: ['fcrdns'] },
    },
    {
      id: 'website',
      title: 'The PTR name leads to the operator\'s website, with an imprint or contact',
      quote: quote(HOST_NAME),
      check: { all: ['ptr-website'] },
    },
    {
      id: 'ptr-not-generic',
      title: 'The PTR name does not look dial-up or dynamic',
      quote: quote('T-Online refuses mail from addresses it takes for dial-up or transient ones with a (DIAL) reply that points to a mail gateway (seen in real bounces; the page itself is read here only as its contents).'),
      // A name carrying the IP or a dynamic word (warn) is what gets (DIAL); only a clean or mail-host name meets it.
      check: { all: ['ptr-not-generic'] },
      reply: '554 IP=$SenderIPAddress - Dialup/transient IP not allowed. Use a mailgateway or contact toda@rx.t-online.de if obsolete. (DIAL)',
    },
    {
      id: 'standards',
      title: 'The session follows the mail standards (checked here: the HELO form, and sender domains that exist)',
      quote: quote('T-Online asks senders to pay attention to technical standards (section 3.1, read here only as its heading).'),
      check: { all: ['helo-fqdn', 'from-domain-resolves'] },
    },
    {
      id: 'reputation',
      title: 'The IP has a reputation with T-Online',
      quote: { ...quote('T-Online refuses an IP it has no reputation for (new, or silent for a long time), or a bad one, with (NOWL) until tobr@rx.t-online.de resets it.'), source: NOWL },
      check: { cannotTell: 'T-Online\'s reputation of the IP is visible only to T-Online' },
      reply: '554 IP=$SenderIPAddress - None/bad reputation. Ask your postmaster for help or to contact tobr@rx.t-online.de for reset. (NOWL)',
    },
  ],
};
