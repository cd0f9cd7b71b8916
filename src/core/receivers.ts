/**
 * How each receiver will treat a sender, judged from rule results only (no
 * lookups): a receiver (rules/receivers/*.ts) is data, an ordered list of
 * verdicts each with a condition on rule statuses; the first that holds is
 * the prediction, else the receiver accepts. A rule that could not be judged
 * (`error`) makes a condition on it unknown; when such a condition comes
 * before the verdict that holds, it could change the answer, so the outcome
 * is `unknown` (with what it could be), never a guess.
 */
import type { RuleResult, Status } from './result.js';

/** `unknown`: a rule that decides the answer could not be judged (a temporary DNS failure); `possible` says between what. */
export type ReceiverOutcome = 'accept' | 'deferred' | 'rejected' | 'spam-risk' | 'unknown';

export type Condition =
  | { rule: string; status: Status | readonly Status[] }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { ipVersion: 4 | 6 };

/** A provider's published text and where it is published, when it was read, and whether `text` is its exact words or our summary of them. */
export interface Quote {
  text: string;
  source: string;
  checked: string;
  verbatim: boolean;
}

export interface ReceiverVerdictSpec {
  when: Condition;
  outcome: Exclude<ReceiverOutcome, 'accept' | 'unknown'>;
  /** The reply the receiver sends, as it publishes it (empty when it publishes none). */
  reply: string;
  requirement: Quote;
}

export interface ReceiverSpec {
  id: string;
  name: string;
  kind: 'mailbox-provider' | 'filter';
  /** What it answers when nothing below applies. */
  accept: string;
  /** Its general requirement for senders. */
  requirement: Quote;
  verdicts: readonly ReceiverVerdictSpec[];
  /** For the bounce decoder: hosts (Remote-MTA, the host that said it) and reply texts that identify it. */
  recognise: { hosts: readonly RegExp[]; replies: readonly RegExp[] };
  /** Enhanced status codes as this receiver uses them, where that differs from or adds to the IANA registry. */
  codes: Readonly<Record<string, string>>;
}

export interface ReceiverVerdict {
  id: string;
  name: string;
  outcome: ReceiverOutcome;
  reply: string;
  requirement: string;
  /** True when `requirement` is the provider's exact words; false when it is our summary of a page that words it otherwise. */
  verbatim: boolean;
  source: string;
  checked: string;
  /** The rules whose results make this prediction. */
  rules: string[];
  /** Rules that could not be judged (temporary DNS failures) and could change it. */
  unknown?: string[];
  /** With outcome `unknown`: the answers it could be, once those rules are judged. */
  possible?: Exclude<ReceiverOutcome, 'unknown'>[];
}

type Truth = { value: true | false | 'unknown'; rules: string[]; unknown: string[] };

function evaluate(c: Condition, status: (rule: string) => Status | undefined, ipVersion: 4 | 6): Truth {
  if ('ipVersion' in c) return { value: c.ipVersion === ipVersion, rules: [], unknown: [] };
  if ('rule' in c) {
    const s = status(c.rule);
    const wanted = typeof c.status === 'string' ? [c.status] : c.status;
    if (s === 'error' && !wanted.includes('error')) return { value: 'unknown', rules: [], unknown: [c.rule] };
    const holds = s !== undefined && wanted.includes(s);
    return { value: holds, rules: holds ? [c.rule] : [], unknown: [] };
  }
  const parts = ('all' in c ? c.all : c.any).map((p) => evaluate(p, status, ipVersion));
  const unknown = parts.flatMap((p) => p.unknown);
  if ('all' in c) {
    if (parts.some((p) => p.value === false)) return { value: false, rules: [], unknown: [] };
    if (parts.some((p) => p.value === 'unknown')) return { value: 'unknown', rules: [], unknown };
    return { value: true, rules: parts.flatMap((p) => p.rules), unknown: [] };
  }
  const yes = parts.filter((p) => p.value === true);
  if (yes.length > 0) return { value: true, rules: yes.flatMap((p) => p.rules), unknown: [] };
  if (parts.some((p) => p.value === 'unknown')) return { value: 'unknown', rules: [], unknown };
  return { value: false, rules: [], unknown: [] };
}

/** What a reply's placeholders stand for in this audit ($SenderIPAddress, $Helo). */
export interface ReplyValues {
  ip?: string | undefined;
  helo?: string | undefined;
}

function fill(reply: string, values: ReplyValues): string {
  return reply.replace(/\$SenderIPAddress/g, values.ip ?? '$SenderIPAddress').replace(/\$Helo/g, values.helo ?? '$Helo');
}

export function judgeReceiver(spec: ReceiverSpec, results: readonly RuleResult[], ipVersion: 4 | 6, values: ReplyValues = {}): ReceiverVerdict {
  const byRule = new Map(results.map((r) => [r.rule, r.status]));
  const status = (rule: string) => byRule.get(rule);
  const unknown: string[] = [];
  // Verdicts before the one that holds whose conditions could not be judged: each could be the answer instead.
  const couldBe: Exclude<ReceiverOutcome, 'unknown'>[] = [];
  for (const v of spec.verdicts) {
    const t = evaluate(v.when, status, ipVersion);
    if (t.value === 'unknown') {
      unknown.push(...t.unknown);
      couldBe.push(v.outcome);
    }
    if (t.value !== true) continue;
    const verdict: ReceiverVerdict = { id: spec.id, name: spec.name, outcome: v.outcome, reply: fill(v.reply, values), requirement: v.requirement.text, verbatim: v.requirement.verbatim, source: v.requirement.source, checked: v.requirement.checked, rules: [...new Set(t.rules)] };
    return undecided(verdict, unknown, couldBe);
  }
  const r = spec.requirement;
  return undecided({ id: spec.id, name: spec.name, outcome: 'accept', reply: spec.accept, requirement: r.text, verbatim: r.verbatim, source: r.source, checked: r.checked, rules: [] }, unknown, couldBe);
}

/** The verdict reached, or `unknown` when an unjudged condition before it could have given another answer. */
function undecided(v: ReceiverVerdict, unknown: string[], couldBe: Exclude<ReceiverOutcome, 'unknown'>[]): ReceiverVerdict {
  if (unknown.length === 0) return v;
  const reached = v.outcome as Exclude<ReceiverOutcome, 'unknown'>;
  const possible = [...new Set([...couldBe, reached])];
  if (possible.length === 1) return { ...v, unknown: [...new Set(unknown)] }; // every way it goes, the same answer
  return { ...v, outcome: 'unknown', possible, unknown: [...new Set(unknown)] };
}

export function judgeReceivers(specs: readonly ReceiverSpec[], results: readonly RuleResult[], ipVersion: 4 | 6, values: ReplyValues = {}): ReceiverVerdict[] {
  return specs.map((s) => judgeReceiver(s, results, ipVersion, values));
}
