import { defineRule } from '../src/core/rule.js';
import type { ForwardLookup, Fragment, Iprev } from '../src/core/types.js';
import { isTemporary } from '../src/core/temporary.js';

export default defineRule({
  meta: {
    id: 'fcrdns',
    title: 'Forward-confirmed reverse DNS (FCrDNS)',
    failureTitle: 'The PTR name does not resolve back to the IP (no FCrDNS)',
    rationale: 'Receivers trust a PTR only when its name resolves back to the same IP (iprev); Gmail requires matching forward and reverse DNS, and Postfix, Haraka fcrdns and rspamd test exactly this.',
    weight: 14,
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
    fragments: {
      'forward-addresses': '{name} → {addresses}',
      'forward-nxdomain': '{name} does not exist (NXDOMAIN)',
      'forward-nodata': '{name} has no {type} record',
      'forward-failed': '{name} {type} lookup {rcode}',
      'forward-impossible': '{name} cannot resolve (not a name that can exist in public DNS)',
      'ptr-failed': 'PTR {rcode}',
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
      return outcome('error', 'temporary', 'temperror', { address, details: [{ messageId: 'ptr-failed', rcode: ptr.answer.rcode }] });
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

/** What one forward lookup found, as a fragment. */
function describe(f: ForwardLookup): Fragment {
  const a = f.answer;
  if (f.notLookedUp || !a) return { messageId: 'forward-impossible', name: f.name };
  if (a.outcome === 'ok') return { messageId: 'forward-addresses', name: f.name, addresses: f.addresses.join(', ') };
  if (a.outcome === 'nxdomain') return { messageId: 'forward-nxdomain', name: f.name };
  if (a.outcome === 'nodata') return { messageId: 'forward-nodata', name: f.name, type: a.type };
  return { messageId: 'forward-failed', name: f.name, type: a.type, rcode: a.rcode };
}
