/** What rules return: a status and a message id with its data, never prose (STYLE.md rule 4). */

export type Status = 'pass' | 'warn' | 'fail' | 'info' | 'skip' | 'error';

/**
 * A piece of a message: its template is `meta.fragments[messageId]`, filled
 * from the other fields. Results carry lists of these (each forward lookup,
 * each name problem) where one sentence has several parts.
 */
export interface Fragment {
  messageId: string;
  [field: string]: unknown;
}

/** What a rule returns: a status and a message id with its data, never prose (STYLE.md rule 4). */
export interface RuleOutcome {
  status: Status;
  messageId: string;
  data?: Record<string, unknown>;
  /** This particular failure is critical even if the rule is not (a bare-IP HELO). */
  critical?: boolean;
}

export interface RuleResult extends RuleOutcome {
  rule: string;
}

export type Verdict = 'pass' | 'warn' | 'fail';
export type Iprev = 'pass' | 'fail' | 'temperror' | 'permerror';

/** The RFC 8601 iprev result, as the fcrdns rule found it (temperror when it could not judge). */
export function iprevOf(results: readonly RuleResult[]): Iprev {
  return (results.find((r) => r.rule === 'fcrdns')?.data?.iprev as Iprev | undefined) ?? 'temperror';
}
