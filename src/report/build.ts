/**
 * Assembles the JSON report (version 1) from evidence, results and score.
 * Words come from the rules' meta; nothing is decided here.
 */
import { base64url } from '../core/base64url.js';
import type { RuleMeta } from '../core/rule.js';
import { RUNNER_MESSAGES } from '../core/run-rules.js';
import type { Score } from '../core/score.js';
import type { Evidence, Iprev, Report, ReportDnsEntry, ReportResult, RuleResult } from '../core/types.js';
import type { DnsAnswer } from '../dns/types.js';
import { format } from './format.js';
import { buildRemediation } from './remediation.js';
import { authenticationResults } from './authres.js';

export interface BuildInput {
  evidence: Evidence;
  results: RuleResult[];
  score: Score;
  metaOf: (id: string) => RuleMeta | undefined;
  createdAt: Date;
  elapsedMs: number;
  authservId: string;
  id?: string;
}

const NEEDS_REMEDY = new Set(['fail', 'warn', 'error']);

export function buildReport(input: BuildInput): Report {
  const { evidence, results, score, metaOf } = input;
  const fcrdns = results.find((r) => r.rule === 'fcrdns');
  const report: Report = {
    version: 1,
    id: input.id ?? newReportId(),
    createdAt: input.createdAt.toISOString(),
    target: evidence.target,
    verdict: score.verdict,
    score: score.score,
    partial: score.partial,
    iprev: (fcrdns?.data?.iprev as Iprev | undefined) ?? 'temperror',
    ptr: evidence.ptr?.names ?? [],
    results: results.map((r) => toReportResult(r, metaOf(r.rule))),
    remediation: buildRemediation(evidence, results),
    authenticationResults: authenticationResults(input.authservId, results, metaOf),
    dns: evidence.dns.map(toDnsEntry),
    elapsedMs: Math.round(input.elapsedMs * 10) / 10,
  };
  if (evidence.message) report.message = evidence.message;
  if (evidence.session) report.session = evidence.session;
  return report;
}

export function toReportResult(r: RuleResult, meta: RuleMeta | undefined): ReportResult {
  const template = meta?.messages[r.messageId] ?? RUNNER_MESSAGES[r.messageId] ?? r.messageId;
  const out: ReportResult = {
    rule: r.rule,
    status: r.status,
    title: (r.status === 'fail' || r.status === 'warn' ? meta?.failureTitle : meta?.title) ?? r.rule,
    message: format(template, r.data),
    messageId: r.messageId,
    evidence: r.data ?? {},
  };
  const remedy = meta?.remedies?.[r.messageId];
  if (remedy && NEEDS_REMEDY.has(r.status)) out.remedy = format(remedy, r.data);
  return out;
}

function toDnsEntry(a: DnsAnswer): ReportDnsEntry {
  const entry: ReportDnsEntry = {
    name: a.name,
    type: a.type,
    rcode: a.rcode,
    outcome: a.outcome,
    answers: [...a.chain.map((c) => `${c.name} CNAME ${c.data}`), ...a.records.map((r) => r.data)],
    ttl: a.ttl,
    ms: Math.round(a.ms * 10) / 10,
    server: a.server,
    transport: a.transport,
  };
  if (a.detail) entry.detail = a.detail;
  return entry;
}

/** 128 random bits, URL-safe: unguessable permalinks. */
export function newReportId(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}
