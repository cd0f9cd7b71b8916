/**
 * Every mode's path, in one function: a Target (an IP with what the sender
 * claimed, a received message, a live SMTP session) is gathered for exactly
 * what the chosen rules require, the rules judge it, the score sums it up.
 * audit() (./audit.ts) builds the full report from it; batch keeps a
 * compact record (batch/audit.ts).
 */
import { catalogue } from '../../rules/index.js';
import { DEFAULT_GATHER } from '../config/defaults.js';
import type { Rule, RuleMeta } from '../core/rule.js';
import { runRules } from '../core/run-rules.js';
import { scoreResults, type Score } from '../core/score.js';
import type { Evidence, EvidenceKey, RuleResult, Target } from '../core/types.js';
import type { Resolver } from '../dns/types.js';
import { gather, type GatherConfig } from '../gather/index.js';
import type { Authenticator } from '../message/authenticator.js';
import type { DirectQuery } from '../dns/types.js';
import type { SmtpProber } from '../core/smtp-probe.js';
import type { WebProber } from '../core/web-probe.js';

export interface JudgeDeps {
  resolver: Resolver;
  config?: Partial<GatherConfig> | undefined;
  /** How a message's SPF/DKIM/DMARC are checked (default: mailauth in this thread; a Node server uses worker threads). */
  authenticate?: Authenticator | undefined;
  /** Questions straight to a reverse zone's own nameservers (Node only). */
  direct?: DirectQuery | undefined;
  /** Reads the sender's SMTP banner when given (opt-in). */
  smtp?: SmtpProber | undefined;
  /** Fetches the PTR name's home page for an imprint or contact link when given (opt-in). */
  web?: WebProber | undefined;
}

export interface Judgement {
  evidence: Evidence;
  results: RuleResult[];
  score: Score;
  metaOf(id: string): RuleMeta | undefined;
}

interface Plan {
  wants: ReadonlySet<EvidenceKey>;
  metaOf(id: string): RuleMeta | undefined;
}

// Worked out once per rule list (a batch judges a million addresses with the same one).
const plans = new WeakMap<readonly Rule[], Map<string, Plan>>();

function planFor(rules: readonly Rule[], also: readonly EvidenceKey[]): Plan {
  let byAlso = plans.get(rules);
  if (!byAlso) plans.set(rules, (byAlso = new Map<string, Plan>()));
  const key = also.length === 0 ? '' : also.join(',');
  let plan = byAlso.get(key);
  if (!plan) {
    const metas = new Map(rules.map((r) => [r.meta.id, r.meta]));
    plan = { wants: new Set([...also, ...rules.flatMap((r) => [...r.meta.requires, ...r.meta.lookups])]), metaOf: (id) => metas.get(id) };
    byAlso.set(key, plan);
  }
  return plan;
}

/**
 * Throws InputError for a target whose IP is not an address; every other
 * problem (a DNS failure, a message mailauth cannot read) is in the results.
 * `also` names evidence wanted beside the rules' (a report's remediation wants the reverse zone).
 */
const NOTHING_ELSE: readonly EvidenceKey[] = [];

export async function judge(target: Target, deps: JudgeDeps, rules: readonly Rule[] = catalogue, also: readonly EvidenceKey[] = NOTHING_ELSE): Promise<Judgement> {
  const plan = planFor(rules, also);
  const config = deps.config ? { ...DEFAULT_GATHER, ...deps.config } : DEFAULT_GATHER;
  const evidence = await gather(target, deps.resolver, config, plan.wants, { authenticate: deps.authenticate, direct: deps.direct, smtp: deps.smtp, web: deps.web });
  const results = runRules(rules, evidence);
  return { evidence, results, score: scoreResults(results, plan.metaOf), metaOf: plan.metaOf };
}
