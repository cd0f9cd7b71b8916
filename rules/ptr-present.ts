import { defineRule } from '../src/core/rule.js';
import { isTemporary } from '../src/core/temporary.js';

export default defineRule({
  meta: {
    id: 'ptr-present',
    title: 'The IP has a PTR record',
    failureTitle: 'The IP has no PTR record',
    rationale: 'Gmail and Yahoo require a PTR for every sending IP; Postfix, Haraka and most filters reject or heavily penalise mail from IPs without one.',
    weight: 12,
    severity: 'critical',
    refs: ['RFC 1912 §2.1', 'Gmail sender guidelines (4.7.23, 5.7.25)', 'Yahoo sender requirements', 'Postfix reject_unknown_reverse_client_hostname'],
    requires: ['ip', 'ptr'],
    lookups: ['ptr'],
    messages: {
      present: '{reverseName} has a PTR record: {names}.',
      nxdomain: '{reverseName} does not exist (NXDOMAIN): the IP has no reverse DNS at all.',
      nodata: '{reverseName} exists but holds no PTR record (NODATA).',
      temporary: 'The PTR lookup failed temporarily ({outcome}{detail}); the audit is incomplete, try again.',
    },
    fragments: { detail: ': {text}' },
    remedies: {
      nxdomain: 'Create the PTR record shown under Remediation. Only the holder of the reverse zone can: your ISP, hosting or cloud provider, not your domain\'s DNS host.',
      nodata: 'Create the PTR record shown under Remediation. Only the holder of the reverse zone can: your ISP, hosting or cloud provider, not your domain\'s DNS host.',
      temporary: 'Run the audit again. If it keeps failing, the reverse zone\'s nameservers are broken or unreachable: tell whoever runs them (see Remediation).',
    },
  },
  run({ ip, ptr }) {
    const { answer } = ptr;
    const base = { reverseName: ip.reverseName };
    if (answer.outcome === 'ok') return { status: 'pass', messageId: 'present', data: { ...base, names: ptr.names } };
    if (answer.outcome === 'nxdomain') return { status: 'fail', messageId: 'nxdomain', data: base };
    if (answer.outcome === 'nodata') return { status: 'fail', messageId: 'nodata', data: base };
    const detail = answer.detail ? { messageId: 'detail', text: answer.detail } : '';
    return { status: isTemporary(answer.outcome) ? 'error' : 'fail', messageId: 'temporary', data: { ...base, outcome: answer.rcode, detail } };
  },
});
