/**
 * SpamAssassin (default ruleset): no PTR adds RDNS_NONE, a dynamic-looking
 * one RDNS_DYNAMIC. Descriptions are the rules' own; the score is what the
 * default ruleset gives RDNS_NONE in X-Spam-Status headers of SpamAssassin
 * 3.4 and 4.0 (0.793). Checked 2026-12-01.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const RULES = 'https://spamassassin.apache.org/doc/';
const CHECKED = '2026-12-01';

const spamassassin: ReceiverSpec = {
  id: 'spamassassin',
  name: 'SpamAssassin',
  kind: 'filter',
  accept: 'no reverse DNS rule hits',
  requirement: { text: 'Delivered to internal network by a host with no rDNS', source: RULES, checked: CHECKED, verbatim: true },
  verdicts: [
    {
      when: { rule: 'ptr-present', status: 'fail' },
      outcome: 'spam-risk',
      reply: 'RDNS_NONE=0.793 (Delivered to internal network by a host with no rDNS)',
      requirement: { text: 'Delivered to internal network by a host with no rDNS', source: RULES, checked: CHECKED, verbatim: true },
    },
    {
      when: { rule: 'ptr-not-generic', status: 'fail' },
      outcome: 'spam-risk',
      reply: 'RDNS_DYNAMIC (Delivered to internal network by host with dynamic-looking rDNS)',
      requirement: { text: 'Delivered to internal network by host with dynamic-looking rDNS', source: RULES, checked: CHECKED, verbatim: true },
    },
  ],
  recognise: { hosts: [], replies: [/\bRDNS_(NONE|DYNAMIC)\b/] },
  codes: {},
};
export default spamassassin;
