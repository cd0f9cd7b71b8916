/**
 * rspamd: the hfilter module scores host names (HFILTER_HOSTNAME_UNKNOWN
 * when the connecting IP has no usable PTR, HFILTER_HELO_* for the HELO),
 * and RDNS_NONE is added when there is no PTR. Weights as the default
 * configuration shows them in X-Spamd-Result headers. Checked 2026-12-01.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const HFILTER = 'https://rspamd.com/doc/modules/hfilter.html';
const CHECKED = '2026-12-01';

const rspamd: ReceiverSpec = {
  id: 'rspamd',
  name: 'rspamd (hfilter)',
  kind: 'filter',
  accept: 'no hfilter symbols',
  requirement: { text: 'hfilter checks the HELO name, the PTR name of the connecting IP and its forward confirmation, and the sender and message domains, and adds a scored symbol for each problem.', source: HFILTER, checked: CHECKED, verbatim: false },
  verdicts: [
    {
      when: { any: [{ rule: 'ptr-present', status: 'fail' }, { rule: 'fcrdns', status: 'fail' }] },
      outcome: 'spam-risk',
      reply: 'HFILTER_HOSTNAME_UNKNOWN(2.50), RDNS_NONE(1.00)',
      requirement: { text: 'HFILTER_HOSTNAME_UNKNOWN: the connecting IP has no PTR name, or it does not resolve back.', source: HFILTER, checked: CHECKED, verbatim: false },
    },
    {
      when: { any: [{ rule: 'helo-fqdn', status: 'fail' }, { rule: 'helo-resolves', status: 'fail' }, { rule: 'helo-not-generic', status: 'fail' }] },
      outcome: 'spam-risk',
      reply: 'HFILTER_HELO_* (bare IP, not an FQDN, unresolvable or dynamic-looking HELO)',
      requirement: { text: 'hfilter scores a HELO that is a bare IP, not a fully qualified name, does not resolve, or looks dynamic.', source: HFILTER, checked: CHECKED, verbatim: false },
    },
  ],
  recognise: { hosts: [], replies: [/\bHFILTER_[A-Z_]+\b/] },
  codes: {},
};
export default rspamd;
