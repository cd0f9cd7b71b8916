/**
 * T-Online (Deutsche Telekom: t-online.de, magenta.de). Its postmaster page
 * (section 4.1, "Requirements for smooth access to our e-mail exchanges")
 * asks that the host name (FQDN) of the sending IP lead those affected,
 * easily, to the operator's domain and so to its website with a direct means
 * of contact (an imprint), citing RFC 1912, FCrDNS and EU Directive
 * 2000/31/EC Article 5. The wording is T-Online's in German, quoted by
 * sidenotes.de (2026-02-01); the page itself was read only as its table of
 * contents, so the requirement here is a summary.
 *
 * Its refusals end in a tag, each with its own address (reply texts as real
 * bounces show them):
 * - (DIAL) toda@rx.t-online.de: '554 IP=23.88.46.137 - Dialup/transient IP not
 *   allowed. Use a mailgateway or contact toda@rx.t-online.de if obsolete.
 *   (DIAL)' (a Postfix bounce of 2025-08-12 published on GitHub; the same text
 *   at help.creoline.com, which says T-Online also answers it when no imprint
 *   can be found for the host name);
 * - (NOWL) tobr@rx.t-online.de: '554 IP=185.162.248.209 - None/bad reputation.
 *   Ask your postmaster for help or to contact tobr@rx.t-online.de for reset.
 *   (NOWL)' (https://bllmnn.de/2024/05/fehler-554-none-bad-reputation-beim-mailversand-an-t-online-de:
 *   an IP not seen sending for a long time is refused until reset);
 * - (BL) tosa@rx.t-online.de: '554 IP=… - A problem occurred. (Ask your
 *   postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)'
 *   (stefanblaimer.de, 2020; newsportal.koeln).
 * NOWL and BL are about the IP's standing with T-Online, which no rule here
 * can see; a generic (dial-up looking) PTR name is DIAL. For a missing PTR
 * T-Online publishes no reply text. Checked 2026-12-07.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const POSTMASTER = 'https://postmaster.t-online.de/index.en.html';
const CHECKED = '2026-12-07';
const HOST_NAME = {
  text: 'T-Online asks (postmaster page, section 4.1) that the host name (FQDN) of the sending IP lead those affected, easily and traceably, to the operator\'s domain and so to its website with a direct means of contact (an imprint), citing RFC 1912, FCrDNS and EU Directive 2000/31/EC Article 5.',
  source: POSTMASTER, checked: CHECKED, verbatim: false,
};

const DIAL = '554 IP=$SenderIPAddress - Dialup/transient IP not allowed. Use a mailgateway or contact toda@rx.t-online.de if obsolete. (DIAL)';

const tOnline: ReceiverSpec = {
  id: 't-online',
  name: 'T-Online (Telekom)',
  kind: 'mailbox-provider',
  accept: '250 (no published text); an IP new to T-Online, or silent for a long time, is still refused with (NOWL) until tobr@rx.t-online.de resets its reputation',
  requirement: HOST_NAME,
  verdicts: [
    {
      when: { any: [{ rule: 'ptr-present', status: 'fail' }, { rule: 'fcrdns', status: 'fail' }, { rule: 'ptr-hostname', status: 'fail' }] },
      outcome: 'rejected',
      reply: '',
      requirement: HOST_NAME,
    },
    {
      when: { rule: 'ptr-not-generic', status: 'fail' },
      outcome: 'rejected',
      reply: DIAL,
      requirement: HOST_NAME,
    },
    // The same (DIAL) refusal when the host name leads to no website with an imprint (help.creoline.com; judged only with --probe-web).
    {
      when: { rule: 'ptr-website', status: 'fail' },
      outcome: 'rejected',
      reply: DIAL,
      requirement: HOST_NAME,
    },
  ],
  recognise: {
    hosts: [/(^|\.)t-online\.de$/i],
    replies: [/@rx\.t-online\.de\b/i, /Dialup\/transient IP not allowed/i, /None\/bad reputation/i],
  },
  codes: {
    '(DIAL)': 'T-Online: the IP is treated as a dial-up or transient (dynamic) address, or its host name leads to no operator with an imprint; send through a mail gateway, or once the address is a named, static server write to toda@rx.t-online.de',
    '(NOWL)': 'T-Online: the IP has no reputation with T-Online (new, or silent for a long time) or a bad one; write to tobr@rx.t-online.de to have it reset',
    '(BL)': 'T-Online: the IP is blocked ("A problem occurred"); write to tosa@rx.t-online.de to clarify why',
  },
};
export default tOnline;
