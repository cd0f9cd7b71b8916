/**
 * The batch audit: the IP rules only (what the batch output reports), plus
 * dnsbl-clean when lists are named, over the same gather and rules as every
 * audit, without building a full report (remediation, texts,
 * Authentication-Results) that nobody reads in a batch.
 */
import { catalogue } from '../../rules/index.js';
import { runRules } from '../core/run-rules.js';
import { scoreResults } from '../core/score.js';
import type { Iprev } from '../core/types.js';
import type { Resolver } from '../dns/types.js';
import { DEFAULT_GATHER } from '../gather/index.js';
import { gatherIp } from '../gather/ip.js';
import { gatherDnsbl } from '../gather/dnsbl.js';
import { parseIp } from '../core/ip.js';
import { withRecorder } from '../dns/recorder.js';
import type { Evidence } from '../core/types.js';
import type { BatchReport } from './output.js';

const IP_RULES = catalogue.filter((r) => r.meta.requires.every((k) => k === 'ip' || k === 'ptr' || k === 'forward' || k === 'reverseZone'));
const WITH_DNSBL = catalogue.filter((r) => IP_RULES.includes(r) || r.meta.id === 'dnsbl-clean');
const CONFIG = { ...DEFAULT_GATHER, reverseZone: false, spf: false };
const metaOf = (id: string) => WITH_DNSBL.find((r) => r.meta.id === id)?.meta;

export async function auditForBatch(ip: string, resolver: Resolver, dnsbl: readonly string[] = []): Promise<BatchReport> {
  // The IP part of gather() alone: no HELO, sender or per-audit cache machinery to set up per address.
  const parsed = parseIp(ip);
  const recorder = withRecorder(resolver);
  const [ipEvidence, lists] = await Promise.all([gatherIp(parsed, recorder, CONFIG), dnsbl.length > 0 ? gatherDnsbl(parsed, dnsbl, recorder) : undefined]);
  const evidence: Evidence = { target: { ip: parsed.address }, ip: parsed, ...ipEvidence, ...(lists ? { dnsbl: lists } : {}), dns: recorder.log as Evidence['dns'] };
  const results = runRules(lists ? WITH_DNSBL : IP_RULES, evidence);
  const { score, verdict } = scoreResults(results, metaOf);
  return {
    target: { ip: evidence.target.ip },
    ptr: evidence.ptr?.names ?? [],
    iprev: (results.find((r) => r.rule === 'fcrdns')?.data?.iprev as Iprev | undefined) ?? 'temperror',
    score,
    verdict,
    results: results.map((r) => ({ rule: r.rule, status: r.status, messageId: r.messageId, evidence: r.data ?? {} })),
  };
}
