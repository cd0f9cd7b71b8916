/**
 * Runs the catalogue over the evidence: every rule yields exactly one
 * result. Missing evidence → skip; a rule that throws → error for that
 * rule alone (STYLE.md rule 2).
 */
import type { Rule } from './rule.js';
import type { Evidence, RuleResult } from './types.js';

export const RUNNER_MESSAGES: Record<string, string> = {
  'runner/missing-input': 'Not checked: it needs {missing}, which this audit did not have.',
  'runner/threw': 'This rule could not run ({error}); the rest of the audit is unaffected.',
};

export function runRule(rule: Rule, evidence: Evidence): RuleResult {
  const id = rule.meta.id;
  const missing = rule.meta.requires.filter((k) => evidence[k] === undefined);
  if (missing.length > 0) return { rule: id, status: 'skip', messageId: 'runner/missing-input', data: { missing } };
  try {
    return { rule: id, ...rule.run(evidence as Parameters<Rule['run']>[0]) };
  } catch (e) {
    return { rule: id, status: 'error', messageId: 'runner/threw', data: { error: e instanceof Error ? e.message : String(e) } };
  }
}

export function runRules(rules: readonly Rule[], evidence: Evidence): RuleResult[] {
  return rules.map((r) => runRule(r, evidence));
}
