/**
 * What each big receiver requires of senders, requirement by requirement
 * (rules/requirements/*.ts), and whether this audit shows each one met.
 * A requirement is judged from rule results only, like a receiver's
 * prediction (receivers.ts): met, not met, or cannot tell, and why not.
 * A rule in `error` (a temporary failure) is never "not met".
 */
import type { RuleResult, Status } from './result.js';
import type { Quote } from './receivers.js';

/** Whether a rule's `warn` meets it: for every rule named (true), or only for these (a DKIM signature from another domain is DKIM; an SPF softfail is not SPF). */
export type WarnMeets = boolean | readonly string[];

/**
 * How a requirement is shown by rules: every rule meets it (`all`), one is
 * enough (`any`), or nothing this audit can see shows it (`cannotTell`,
 * with why: a spam rate is visible only at the receiver).
 */
/** Findings (rule → message ids) that meet a requirement although the rule fails: Yahoo accepts the mailto-only List-Unsubscribe that Gmail's one-click rule fails. */
export type MeetsWith = Readonly<Record<string, readonly string[]>>;

/** The only passing findings (rule → message ids) that meet it: GMX wants the HELO to be the PTR name, not only in its domain. */
export type PassOnly = Readonly<Record<string, readonly string[]>>;

export type RequirementCheck =
  | { all: readonly string[]; warnMeets?: WarnMeets; meetsWith?: MeetsWith; passOnly?: PassOnly }
  | { any: readonly string[]; warnMeets?: WarnMeets; meetsWith?: MeetsWith; passOnly?: PassOnly }
  | { cannotTell: string };

export interface RequirementSpec {
  /** Stable within its program: ptr, fcrdns, spf, dkim, dmarc, tls, … */
  id: string;
  /** In our words, short: "The sending IP has a PTR record". */
  title: string;
  /** The receiver's own words, where and when read. */
  quote: Quote;
  check: RequirementCheck;
  /** Applies only to mail over this IP version (Gmail's IPv6 rule). */
  ipVersion?: 4 | 6;
  /** The reply a sender gets when it is not met, as the receiver publishes it. */
  reply?: string;
}

/** One receiver's requirements for one kind of sender (Gmail for all senders; Gmail for bulk senders). */
export interface ProgramSpec {
  id: string;
  /** The receiver in rules/receivers whose verdict this program explains. */
  receiver: string;
  name: string;
  /** Who it applies to, in the receiver's terms where it gives them (5,000 messages a day to its users). */
  appliesTo: string;
  requirements: readonly RequirementSpec[];
  /** Where the receiver enforces some of them together with one reply (Outlook.com's 5.7.515: SPF and DKIM and DMARC). */
  enforced?: { requirements: readonly string[]; reply: string };
}

/** The enforced requirements taken together: rejected when one is not met; unknown while one cannot be told. */
export interface ProgramVerdict {
  outcome: 'accept' | 'rejected' | 'unknown';
  /** The requirements that decide it (not met, or cannot tell). */
  because: string[];
  reply?: string;
}

export type RequirementState = 'met' | 'not-met' | 'cannot-tell';

export interface RequirementResult {
  id: string;
  title: string;
  state: RequirementState;
  /** The rules that show it (those that decided, or all the check names). */
  rules: string[];
  /** With cannot-tell: why (not visible here; needs a message; a lookup failed and will be tried again). */
  why?: string;
  /** True when a rule it needs failed temporarily: ask again, it is not a verdict. */
  temporary?: boolean;
  quote: string;
  verbatim: boolean;
  source: string;
  checked: string;
  reply?: string;
}

export interface ProgramResult {
  id: string;
  receiver: string;
  name: string;
  appliesTo: string;
  met: number;
  notMet: number;
  cannotTell: number;
  requirements: RequirementResult[];
  verdict?: ProgramVerdict;
}

const MEETS: readonly Status[] = ['pass', 'info'];

/** Why a skipped rule shows nothing: what it needs that this audit did not have. */
export type SkipReason = (rule: string) => string;

export function judgeRequirement(spec: RequirementSpec, results: ReadonlyMap<string, RuleResult>, skipReason: SkipReason): RequirementResult {
  const q = spec.quote;
  const base = { id: spec.id, title: spec.title, quote: q.text, verbatim: q.verbatim, source: q.source, checked: q.checked, ...(spec.reply ? { reply: spec.reply } : {}) };
  const check = spec.check;
  if ('cannotTell' in check) return { ...base, state: 'cannot-tell', rules: [], why: check.cannotTell };
  const names = 'all' in check ? check.all : check.any;
  const warnMeets = (rule: string) => check.warnMeets === true || (Array.isArray(check.warnMeets) && check.warnMeets.includes(rule));
  const statusOf = (rule: string): Status => {
    const r = results.get(rule);
    if (!r) return 'skip';
    if ((r.status === 'fail' || r.status === 'warn') && check.meetsWith?.[rule]?.includes(r.messageId)) return 'pass';
    const only = check.passOnly?.[rule];
    if ((r.status === 'pass' || r.status === 'info') && only && !only.includes(r.messageId)) return 'fail';
    return r.status;
  };
  const statuses = names.map((rule) => ({ rule, status: statusOf(rule) }));
  const yes = statuses.filter((s) => MEETS.includes(s.status) || (s.status === 'warn' && warnMeets(s.rule)));
  const no = statuses.filter((s) => s.status === 'fail' || (s.status === 'warn' && !warnMeets(s.rule)));
  const errors = statuses.filter((s) => s.status === 'error');
  const skipped = statuses.filter((s) => s.status === 'skip');
  const cannot = (why: string, rules: string[], temporary: boolean): RequirementResult => ({ ...base, state: 'cannot-tell', rules, why, ...(temporary ? { temporary } : {}) });
  const failedLookups = (rs: typeof errors) => `a lookup for ${rs.map((s) => s.rule).join(', ')} failed temporarily; ask again`;
  if ('all' in check) {
    if (no.length > 0) return { ...base, state: 'not-met', rules: no.map((s) => s.rule) };
    if (errors.length > 0) return cannot(failedLookups(errors), errors.map((s) => s.rule), true);
    if (skipped.length > 0) return cannot(reasons(skipped, skipReason), skipped.map((s) => s.rule), false);
    return { ...base, state: 'met', rules: [...names] };
  }
  if (yes.length > 0) return { ...base, state: 'met', rules: yes.map((s) => s.rule) };
  if (errors.length > 0) return cannot(failedLookups(errors), errors.map((s) => s.rule), true);
  // One that was not judged could still meet it.
  if (skipped.length > 0) return cannot(reasons(skipped, skipReason), skipped.map((s) => s.rule), false);
  return { ...base, state: 'not-met', rules: no.map((s) => s.rule) };
}

/** Why the skipped rules show nothing, each reason once (DKIM and DMARC both need a received message). */
function reasons(skipped: readonly { rule: string }[], skipReason: SkipReason): string {
  return [...new Set(skipped.map((s) => skipReason(s.rule)))].join('; ');
}

export function judgePrograms(specs: readonly ProgramSpec[], results: readonly RuleResult[], ipVersion: 4 | 6, skipReason: SkipReason): ProgramResult[] {
  const byRule = new Map(results.map((r) => [r.rule, r]));
  return specs.map((p) => {
    const requirements = p.requirements.filter((r) => r.ipVersion === undefined || r.ipVersion === ipVersion).map((r) => judgeRequirement(r, byRule, skipReason));
    const count = (s: RequirementState) => requirements.filter((r) => r.state === s).length;
    const out: ProgramResult = { id: p.id, receiver: p.receiver, name: p.name, appliesTo: p.appliesTo, met: count('met'), notMet: count('not-met'), cannotTell: count('cannot-tell'), requirements };
    if (p.enforced) out.verdict = enforcedVerdict(p.enforced, requirements);
    return out;
  });
}

function enforcedVerdict(enforced: NonNullable<ProgramSpec['enforced']>, results: readonly RequirementResult[]): ProgramVerdict {
  const chosen = results.filter((r) => enforced.requirements.includes(r.id));
  const notMet = chosen.filter((r) => r.state === 'not-met').map((r) => r.id);
  if (notMet.length > 0) return { outcome: 'rejected', because: notMet, reply: enforced.reply };
  const unknown = chosen.filter((r) => r.state === 'cannot-tell').map((r) => r.id);
  if (unknown.length > 0) return { outcome: 'unknown', because: unknown };
  return { outcome: 'accept', because: [] };
}
