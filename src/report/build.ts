/**
 * Assembles the JSON report (version 1) from evidence, results and score.
 * Words come from the rules' meta; nothing is decided here.
 */
import { newReportId } from '../store/ids.js';
import { parseAddressField } from '../core/address.js';
import type { RuleMeta } from '../core/rule.js';
import { RUNNER_MESSAGES } from '../core/run-rules.js';
import type { Score } from '../core/score.js';
import { iprevOf, type Evidence, type Report, type ReportDnsEntry, type ReportResult, type RuleResult, type Target, type TargetClaims } from '../core/types.js';

type DnsAnswer = Evidence['dns'][number];
import { format } from './format.js';
import { buildRemediation } from './remediation.js';
import { authenticationResults } from './authres.js';
import { zoneServersView } from './zone-servers.js';
import type { ReceiverVerdict } from '../core/receivers.js';
import { judgePrograms, type ProgramResult, type ProgramSpec } from '../core/requirements.js';

export interface BuildInput {
  evidence: Evidence;
  results: RuleResult[];
  score: Score;
  metaOf: (id: string) => RuleMeta | undefined;
  createdAt: Date;
  elapsedMs: number;
  authservId: string;
  receivers: ReceiverVerdict[];
  /** Receivers' requirement programs to judge (rules/requirements); none: the report has no checklist. */
  programs?: readonly ProgramSpec[];
  id?: string;
}

const NEEDS_REMEDY = new Set(['fail', 'warn', 'error']);

export function buildReport(input: BuildInput): Report {
  const { evidence, results, score, metaOf } = input;
  const shown = results.map((r) => toReportResult(r, metaOf(r.rule)));
  const report: Report = {
    version: 1,
    id: input.id ?? newReportId(),
    createdAt: input.createdAt.toISOString(),
    target: claims(evidence.target),
    verdict: score.verdict,
    score: score.score,
    partial: score.partial,
    iprev: iprevOf(results),
    ptr: evidence.ptr?.names ?? [],
    results: shown,
    remediation: buildRemediation(evidence, results),
    authenticationResults: authenticationResults(input.authservId, results, metaOf),
    receivers: input.receivers,
    ...(input.programs ? { requirements: requirementsOf(input.programs, results, shown, evidence.ip?.version ?? 4) } : {}),
    dns: evidence.dns.map(toDnsEntry),
    elapsedMs: Math.round(input.elapsedMs * 10) / 10,
  };
  const zoneServers = zoneServersView(evidence);
  if (zoneServers) report.zoneServers = zoneServers;
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
    message: format(template, r.data, meta?.fragments),
    messageId: r.messageId,
    evidence: r.data ?? {},
  };
  const remedy = meta?.remedies?.[r.messageId];
  if (remedy && NEEDS_REMEDY.has(r.status)) out.remedy = format(remedy, r.data, meta?.fragments);
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
  if ('authoritative' in a && typeof a.authoritative === 'boolean') entry.authoritative = a.authoritative;
  return entry;
}

/** The report shows what the sender claimed; the message's bytes and the session are shown apart. */
function claims(t: Target): TargetClaims {
  const out: TargetClaims = { ip: t.ip };
  const hop = t.message?.facts.hop;
  if (hop?.reason) out.entry = { header: hop.raw.replace(/\s+/g, ' ').slice(0, 500), reason: hop.reason };
  if (t.helo !== undefined) out.helo = t.helo;
  if (t.mailFrom !== undefined) out.mailFrom = t.mailFrom;
  if (t.from !== undefined) {
    // DESIGN.md: the report's `from` is the header From address; the whole header (display name…) beside it when it differs.
    const mailboxes = parseAddressField(t.from);
    const only = mailboxes.length === 1 && !mailboxes[0]!.problem ? mailboxes[0]!.address : undefined;
    out.from = only ?? t.from;
    if (only !== undefined && only !== t.from.trim()) out.fromHeader = t.from;
  }
  return out;
}

/** Judged here, not in render: a requirement a rule skipped says why in that rule's own words (already formatted in `shown`). */
function requirementsOf(programs: readonly ProgramSpec[], results: readonly RuleResult[], shown: readonly ReportResult[], ipVersion: 4 | 6): ProgramResult[] {
  const messages = new Map(shown.map((r) => [r.rule, r.message]));
  // The rule is named beside the requirement already; the reason alone lets equal reasons be said once.
  const why = (rule: string) => (messages.get(rule) ?? `${rule} did not run`).replace(/^Not checked: /, '').replace(/\.$/, '');
  return judgePrograms(programs, results, ipVersion, why);
}
