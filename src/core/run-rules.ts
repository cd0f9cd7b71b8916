/**
 * Runs the catalogue over the evidence: every rule yields exactly one
 * result. Missing evidence → skip (saying why, when the gather said why);
 * a rule that throws → error for that rule alone (STYLE.md rule 2).
 */
import type { Rule } from './rule.js';
import type { Evidence, EvidenceKey, RuleResult } from './types.js';

export const RUNNER_MESSAGES: Record<string, string> = {
  'runner/missing-input': 'Not checked: needs {missing}.',
  'runner/unavailable': 'Not checked: {reason}.',
  'runner/threw': 'This rule could not run ({error}); the rest of the audit is unaffected.',
};

/** What each piece of evidence is, in the words of the person running the audit. */
const INPUT_NAMES: Record<EvidenceKey, string> = {
  ip: 'a valid IP address',
  ptr: 'the PTR lookup',
  forward: 'the forward lookups of the PTR names',
  reverseZone: 'the reverse zone',
  helo: 'a HELO name (--helo)',
  senders: 'a From or MAIL FROM address (--from, --mail-from)',
  spf: 'a MAIL FROM or HELO to check SPF for (--mail-from, --helo)',
  dmarc: 'a header From address (--from)',
  auth: 'a received message (ptrcheck message)',
  message: 'a received message (ptrcheck message)',
  session: 'a live SMTP session (mail sent to the test address)',
  dnsbl: 'a DNS blocklist to check (--dnsbl ZONE; none is configured)',
};

export function runRule(rule: Rule, evidence: Evidence): RuleResult {
  const id = rule.meta.id;
  const missing = rule.meta.requires.filter((k) => evidence[k] === undefined);
  const reason = missing.map((k) => evidence.unavailable?.[k]).find((r) => r !== undefined);
  if (reason !== undefined) return { rule: id, status: 'skip', messageId: 'runner/unavailable', data: { reason } };
  if (missing.length > 0) {
    return { rule: id, status: 'skip', messageId: 'runner/missing-input', data: { missing: [...new Set(missing.map((k) => INPUT_NAMES[k]))] } };
  }
  try {
    return { rule: id, ...rule.run(evidence as Parameters<Rule['run']>[0]) };
  } catch (e) {
    return { rule: id, status: 'error', messageId: 'runner/threw', data: { error: e instanceof Error ? e.message : String(e) } };
  }
}

export function runRules(rules: readonly Rule[], evidence: Evidence): RuleResult[] {
  return rules.map((r) => runRule(r, evidence));
}
