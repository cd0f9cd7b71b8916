/**
 * Runs the catalogue over the evidence: every rule yields exactly one
 * result. Missing evidence → skip (saying why, when the gather said why);
 * a rule that throws → error for that rule alone (STYLE.md rule 2); a rule
 * that would fail, warn or skip while a lookup it judges from
 * (`meta.lookups`) failed temporarily → error, naming that lookup. Only a
 * positive finding (a pass, e.g. one PTR name confirmed while another timed
 * out) stands on partial evidence.
 */
import type { Rule } from './rule.js';
import { temporaryFailures } from './temporary.js';
import type { Evidence, EvidenceKey, RuleResult, Status } from './types.js';

export const RUNNER_MESSAGES: Record<string, string> = {
  'runner/missing-input': 'Not checked: needs {missing}.',
  'runner/unavailable': 'Not checked: {reason}.',
  'runner/threw': 'This rule could not run ({error}); the rest of the audit is unaffected.',
  'runner/temporary': 'Not judged: {lookups} failed temporarily, so the answer is unknown (not a failure). Try again.',
};

/** Outcomes a temporary failure could have caused; a pass, info or error stands. */
const UNDECIDED: ReadonlySet<Status> = new Set(['fail', 'warn', 'skip']);

/** What each piece of evidence is, in the words of the person running the audit. */
const INPUT_NAMES: Record<EvidenceKey, string> = {
  ip: 'a valid IP address',
  ptr: 'the PTR lookup',
  forward: 'the forward lookups of the PTR names',
  reverseZone: 'the reverse zone',
  zoneServers: "the reverse zone's own nameservers, asked directly",
  smtpProbe: 'a probe of the sender\'s SMTP server (--probe-smtp)',
  webProbe: 'a look at the PTR name\'s website (--probe-web)',
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
  // The common case (everything there) allocates nothing: a batch runs this per rule per address.
  let complete = true;
  for (const k of rule.meta.requires) if (evidence[k] === undefined) complete = false;
  if (!complete) {
    const missing = rule.meta.requires.filter((k) => evidence[k] === undefined);
    const reason = missing.map((k) => evidence.unavailable?.[k]).find((r) => r !== undefined);
    if (reason !== undefined) return { rule: id, status: 'skip', messageId: 'runner/unavailable', data: { reason } };
    return { rule: id, status: 'skip', messageId: 'runner/missing-input', data: { missing: [...new Set(missing.map((k) => INPUT_NAMES[k]))] } };
  }
  let result: RuleResult;
  try {
    const r = rule.run(evidence as Parameters<Rule['run']>[0]);
    result = { rule: id, status: r.status, messageId: r.messageId };
    if (r.data !== undefined) result.data = r.data;
    if (r.critical !== undefined) result.critical = r.critical;
  } catch (e) {
    return { rule: id, status: 'error', messageId: 'runner/threw', data: { error: e instanceof Error ? e.message : String(e) } };
  }
  if (!UNDECIDED.has(result.status) || rule.meta.lookups.length === 0) return result;
  const lookups = temporaryFailures(evidence, rule.meta.lookups);
  if (lookups.length === 0) return result;
  const data: Record<string, unknown> = { lookups };
  // RFC 8601 reports a method that could not be decided as temperror; per-signature
  // results (DKIM, a list) are facts about each signature and stay as they were.
  const authres = result.data?.authres;
  if (rule.meta.authres) data.authres = Array.isArray(authres) ? authres : { props: {}, ...(authres as object | undefined), result: 'temperror' };
  return { rule: id, status: 'error', messageId: 'runner/temporary', data };
}

export function runRules(rules: readonly Rule[], evidence: Evidence): RuleResult[] {
  return rules.map((r) => runRule(r, evidence));
}
