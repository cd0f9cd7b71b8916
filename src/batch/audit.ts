/**
 * The batch audit: the same judge() as every audit, with the IP rules only
 * (what the batch output reports), plus dnsbl-clean when lists are named,
 * and a compact record instead of a full report (remediation, texts,
 * Authentication-Results) that nobody reads in a batch.
 */
import { catalogue } from '../../rules/index.js';
import { iprevOf } from '../core/types.js';
import type { Resolver } from '../dns/types.js';
import { judge } from '../pipeline/judge.js';
import type { BatchReport } from './records.js';

const IP_KEYS = new Set(['ip', 'ptr', 'forward', 'reverseZone']);
/** The IP's own rules (what a batch record and a monitor look judge), and with dnsbl-clean. */
export const IP_RULES = catalogue.filter((r) => r.meta.requires.every((k) => IP_KEYS.has(k)));
export const WITH_DNSBL = catalogue.filter((r) => IP_RULES.includes(r) || r.meta.id === 'dnsbl-clean');

export async function auditForBatch(ip: string, resolver: Resolver, dnsbl: readonly string[] = []): Promise<BatchReport> {
  const { evidence, results, score } = await judge({ ip }, dnsbl.length > 0 ? { resolver, config: { dnsbl } } : { resolver }, dnsbl.length > 0 ? WITH_DNSBL : IP_RULES);
  return {
    target: { ip: evidence.target.ip },
    ptr: evidence.ptr?.names ?? [],
    iprev: iprevOf(results),
    score: score.score,
    verdict: score.verdict,
    results: results.map((r) => ({ rule: r.rule, status: r.status, messageId: r.messageId, evidence: r.data ?? {} })),
  };
}
