/**
 * The rule catalogue as others see it, generated from each rule's meta
 * (STYLE.md rule 9): `ptrcheck rules`, GET /api/v1/rules and docs/rules.md
 * table all come from here.
 */
import type { Rule, RuleMeta } from '../core/rule.js';

export type RuleSummary = Pick<RuleMeta, 'id' | 'title' | 'failureTitle' | 'rationale' | 'weight' | 'severity' | 'refs'> & { requires: string[] };

export function ruleSummaries(rules: readonly Rule[]): RuleSummary[] {
  return rules.map(({ meta: { id, title, failureTitle, rationale, weight, severity, refs, requires } }) => ({
    id, title, failureTitle, rationale, weight, severity, refs: [...refs], requires: [...requires],
  }));
}

/** The table `ptrcheck rules` prints. */
export function catalogueText(rules: readonly Rule[]): string {
  const lines = ruleSummaries(rules).map(
    (m) => `${m.id.padEnd(22)} ${String(m.weight).padStart(3)}  ${m.severity.padEnd(8)}  ${m.title}\n${' '.repeat(38)}${m.rationale}\n${' '.repeat(38)}refs: ${m.refs.join(', ')}`,
  );
  return `${'id'.padEnd(22)} ${'wt'.padStart(3)}  ${'severity'.padEnd(8)}  title\n${lines.join('\n')}\n`;
}
