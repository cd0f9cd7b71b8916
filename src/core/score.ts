/**
 * Score and verdict from the results and the rules' weights only.
 * - pass counts 1, warn 0.5, fail 0; info and skip weigh nothing.
 * - error weighs nothing either (we score what ran) and marks the report
 *   partial; a partial audit is never a clean `pass`.
 * - verdict: fail when a critical rule fails, warn when anything else
 *   fails or warns (or the audit is partial), else pass.
 */
import type { RuleMeta } from './rule.js';
import type { RuleResult, Verdict } from './types.js';

const CREDIT: Partial<Record<RuleResult['status'], number>> = { pass: 1, warn: 0.5, fail: 0 };

export interface Score {
  score: number;
  verdict: Verdict;
  partial: boolean;
}

export function scoreResults(results: readonly RuleResult[], metaOf: (id: string) => RuleMeta | undefined): Score {
  let earned = 0;
  let possible = 0;
  let criticalFail = false;
  let blemish = false;
  let partial = false;
  for (const r of results) {
    const meta = metaOf(r.rule);
    const weight = meta?.weight ?? 0;
    const credit = CREDIT[r.status];
    if (credit !== undefined) {
      earned += weight * credit;
      possible += weight;
    }
    if (r.status === 'fail' && (r.critical || meta?.severity === 'critical')) criticalFail = true;
    if (r.status === 'fail' || r.status === 'warn') blemish = true;
    if (r.status === 'error') partial = true;
  }
  const score = possible === 0 ? 0 : Math.round((100 * earned) / possible);
  const verdict: Verdict = criticalFail ? 'fail' : blemish || partial ? 'warn' : 'pass';
  return { score, verdict, partial };
}
