import { defineRule } from '../src/core/rule.js';
import type { ForwardLookup, Iprev } from '../src/core/types.js';
import { isTemporary } from '../src/core/temporary.js';

export default defineRule({
  meta: {
    id: 'fcrdns',
    title: 'Forward-confirmed reverse DNS (FCrDNS)',
    failureTitle: 'The PTR name does not resolve back to the IP (no FCrDNS)',
    rationale: 'Receivers trust a PTR only when its name resolves back to the same IP (iprev); Gmail requires matching forward and reverse DNS, and Postfix, Haraka fcrdns and rspamd test exactly this.',
    weight: 16,
    severity: 'critical',
    refs: ['RFC 8601 §2.7.3 (iprev)', 'RFC 1912 §2.1', 'Gmail sender guidelines', 'Postfix reject_unknown_client_hostname', 'Haraka fcrdns'],
    requires: ['ip', 'ptr', 'forward'],
    lookups: ['ptr', 'forward'],
    authres: 'iprev',
    messages: {
      confirmed: '{name} resolves back to {address}: forward-confirmed (iprev=pass).',
      mismatch: 'No PTR name resolves back to {address}: {details} (iprev=fail).',
      'no-ptr': 'No PTR record, so nothing can confirm {address} (iprev=permerror).',
      temporary: 'A lookup failed temporarily ({details}); FCrDNS is unknown (iprev=temperror). Try again.',
    },
    remedies: {
      mismatch: 'Make the PTR name resolve to the IP: add the A/AAAA record shown under Remediation in that name\'s own DNS zone (your domain\'s DNS host), or point the PTR at a name that already does.',
      'no-ptr': 'Create the PTR record and its matching A/AAAA record shown under Remediation.',
      temporary: 'Run the audit again; if it persists, the nameservers for the failing name are broken.',
    },
  },
  run({ ip, ptr, forward }) {
    const address = ip.address;
    const ptrOutcome = ptr.answer.outcome;
    if (ptrOutcome === 'nxdomain' || ptrOutcome === 'nodata') {
      return outcome('fail', 'no-ptr', 'permerror', { address });
    }
    if (ptrOutcome !== 'ok') {
      return outcome('error', 'temporary', 'temperror', { address, details: `PTR ${ptr.answer.rcode}` });
    }
    const hit = forward.find((f) => f.matches);
    if (hit) return outcome('pass', 'confirmed', 'pass', { address, name: hit.name, names: ptr.checked, capped: ptr.capped });
    const details = forward.map(describe);
    if (forward.some((f) => f.answer && isTemporary(f.answer.outcome))) {
      return outcome('error', 'temporary', 'temperror', { address, details });
    }
    return outcome('fail', 'mismatch', 'fail', { address, details, capped: ptr.capped });
  },
});

function outcome(status: 'pass' | 'fail' | 'error', messageId: string, iprev: Iprev, data: Record<string, unknown> & { address: string }) {
  const authres = { result: iprev, props: { 'policy.iprev': data.address }, ...(typeof data.name === 'string' ? { comment: data.name } : {}) };
  return { status, messageId, data: { ...data, iprev, authres } };
}

function describe(f: ForwardLookup): string {
  if (f.notLookedUp) return `${f.name} cannot resolve (${f.notLookedUp})`;
  const a = f.answer!;
  if (a.outcome === 'ok') return `${f.name} → ${f.addresses.join(', ')}`;
  if (a.outcome === 'nxdomain') return `${f.name} does not exist (NXDOMAIN)`;
  if (a.outcome === 'nodata') return `${f.name} has no ${a.type} record`;
  return `${f.name} ${a.type} lookup ${a.rcode}`;
}
