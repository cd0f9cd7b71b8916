/**
 * DMARC policy discovery for the From domain by mailauth (RFC 9989 DNS tree
 * walk, not the superseded PSL fallback), with our resolver. No SPF or DKIM
 * identifiers are passed: this asks only what policy the domain publishes.
 */
import { dmarc } from 'mailauth';
import type { Resolver } from '../dns/types.js';
import { toNodeStyle } from '../dns/node-style.js';
import { withRecorder } from '../dns/recorder.js';
import type { DmarcEvidence } from '../core/types.js';

const POLICIES: ReadonlySet<string> = new Set(['none', 'quarantine', 'reject']);

export async function gatherDmarc(fromAddress: string, domain: string, resolver: Resolver): Promise<DmarcEvidence> {
  const seen = withRecorder(resolver);
  const r = await dmarc({ headerFrom: fromAddress, spfDomains: [], dkimDomains: [], resolver: toNodeStyle(seen) as never });
  const out: DmarcEvidence = { domain, outcome: 'none', rejected: [], warnings: [] };
  if (r === false) return { ...out, error: 'the From address has no usable domain' };
  const result = String(r.status.result);
  if (r.rr) {
    out.outcome = 'found';
    out.record = r.rr;
    out.p = r.p;
    out.sp = r.sp;
    out.testMode = r.testMode;
    if (POLICIES.has(r.policy)) out.policy = r.policy as DmarcEvidence['policy'];
    if (r.policyDomain) out.recordDomain = r.policyDomain;
  }
  if (result === 'temperror') {
    out.outcome = 'temperror';
    out.error = (r as { error?: string }).error ?? r.status.comment ?? 'DNS failure during the tree walk';
  }
  out.warnings = (r as { warnings?: string[] }).warnings ?? [];
  // TXT records that look like DMARC but were not taken: the report explains them.
  out.rejected = seen.log
    .filter((a) => a.type === 'TXT' && a.name.startsWith('_dmarc.'))
    .flatMap((a) => a.records.map((rec) => rec.data))
    .filter((txt) => /^\s*v\s*=\s*dmarc/i.test(txt) && txt !== r.rr);
  return out;
}
