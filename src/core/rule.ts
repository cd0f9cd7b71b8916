/**
 * The rule contract (ESLint's meta + one function; Lighthouse's audits):
 * a rule is pure, declares the evidence it needs, and returns a status with
 * a message id. Words live in `meta.messages`; renderers fill them in.
 */
import type { Evidence, EvidenceKey, RuleOutcome } from './types.js';

export type Severity = 'critical' | 'major' | 'minor' | 'info';

export interface RuleMeta {
  /** Equals the file name under rules/. */
  id: string;
  /** Shown when the rule passes. */
  title: string;
  /** Shown when it does not. */
  failureTitle: string;
  /** Why it matters, one line. */
  rationale: string;
  /** Relative weight in the score; one source of weights (STYLE.md rule 5). */
  weight: number;
  /** `critical`: a failure makes the verdict `fail`. */
  severity: Severity;
  /** RFCs and peer checks this rule follows or predicts. */
  refs: string[];
  requires: readonly EvidenceKey[];
  /**
   * The inputs whose DNS answers this rule judges from: while one of them holds a
   * temporary failure, the runner turns the rule's fail, warn or skip into error.
   * Empty for rules that judge names and syntax only.
   */
  lookups: readonly EvidenceKey[];
  /** Message templates by id; `{name}` is filled from the result's data. */
  messages: Record<string, string>;
  /** Templates of the parts a message may be made of (a Fragment's messageId → words). */
  fragments?: Record<string, string>;
  /** Remedy templates by message id, for results that need action. */
  remedies?: Record<string, string>;
  /** The RFC 8601 Authentication-Results method this rule's result reports (its data carries `authres`). */
  authres?: 'iprev' | 'spf' | 'dkim' | 'dmarc';
}

export type EvidenceWith<K extends EvidenceKey> = Evidence & Required<Pick<Evidence, K>>;

export interface Rule<K extends EvidenceKey = EvidenceKey> {
  meta: RuleMeta & { requires: readonly K[] };
  run(evidence: EvidenceWith<K>): RuleOutcome;
}

/** Typed helper: `run` sees exactly the evidence `requires` promises. */
export function defineRule<K extends EvidenceKey>(rule: Rule<K>): Rule {
  return rule as unknown as Rule;
}
