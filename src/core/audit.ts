/**
 * audit() = gather → rules → score → report. Everything it touches comes
 * in as an argument, so the CLI, the HTTP app, the SMTP sink, Workers and
 * tests share it.
 */
import type { Resolver } from '../dns/types.js';
import { gather, DEFAULT_GATHER, type ExtraGather, type GatherConfig } from '../gather/index.js';
import { catalogue as defaultCatalogue, ruleById } from '../../rules/index.js';
import { buildReport } from '../report/build.js';
import type { Rule } from './rule.js';
import { runRules } from './run-rules.js';
import { scoreResults } from './score.js';
import type { Report, Target } from './types.js';

export interface AuditDeps {
  resolver: Resolver;
  /** Wall clock, epoch ms (createdAt). */
  clock?: () => number;
  /** Monotonic ms (elapsedMs). */
  timer?: () => number;
  config?: Partial<GatherConfig>;
  rules?: readonly Rule[];
  /** The report's id when it must be known beforehand (the sink announces it in its 250 reply). */
  reportId?: string;
}

export async function audit(target: Target, deps: AuditDeps, extra?: ExtraGather): Promise<Report> {
  const timer = deps.timer ?? (() => performance.now());
  const started = timer();
  const rules = deps.rules ?? defaultCatalogue;
  const config = { ...DEFAULT_GATHER, ...deps.config };
  const evidence = await gather(target, deps.resolver, config, extra);
  const results = runRules(rules, evidence);
  const metaOf = (id: string) => (rules.find((r) => r.meta.id === id) ?? ruleById(id))?.meta;
  const score = scoreResults(results, metaOf);
  return buildReport({
    evidence,
    results,
    score,
    metaOf,
    authservId: config.authservId,
    ...(deps.reportId ? { id: deps.reportId } : {}),
    createdAt: new Date((deps.clock ?? Date.now)()),
    elapsedMs: timer() - started,
  });
}
