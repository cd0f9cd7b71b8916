/**
 * Yandex Mail. No published reverse DNS requirement and no reply text tied
 * to one was found: Yandex's help on non-delivery reports covers the
 * domain's DNS records and SPF. So this receiver has no verdicts; it is here
 * for the bounce decoder. Real replies from its servers, for reference: '550
 * 5.7.1 No such user!' (mx.yandex.net, in a Postfix log published on
 * GitHub), '554 5.7.1 Message rejected under suspicion of SPAM;
 * https://ya.cc/1IrBc …' (mostly Yandex's submission servers refusing
 * outgoing mail), and its accept line below (a Postfix log of 2024-04-22).
 * Checked 2026-12-07.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const HELP = 'https://yandex.com/support/domain/troubleshooting/mail-send.html';
const CHECKED = '2026-12-07';

const yandex: ReceiverSpec = {
  id: 'yandex',
  name: 'Yandex Mail',
  kind: 'mailbox-provider',
  accept: '250 2.0.0 Ok: queued on mail-nwsmtp-mxfront-production-main-63.myt.yp-c.yandex.net 1713776738-b5Fuwi0olW20-QT44GJVK',
  requirement: {
    text: 'Yandex\'s help on non-delivery reports asks for correct DNS records for the domain and an SPF record; no reverse DNS (PTR) requirement for sending servers was found in it.',
    source: HELP, checked: CHECKED, verbatim: false,
  },
  verdicts: [],
  recognise: {
    hosts: [/(^|\.)yandex\.(?:net|ru|com)$/i],
    replies: [/\bya\.cc\//i, /\.yp-c\.yandex\.net\b/i],
  },
  codes: {},
};
export default yandex;
