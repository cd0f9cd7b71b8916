/**
 * Temporary failures, judged once for every rule (the product's core
 * promise): SERVFAIL, REFUSED, a timeout or a broken answer says nothing
 * about the sender, so no rule may turn one into `fail` or `warn`.
 *
 * Each evidence key says which of its lookups failed temporarily and left it
 * undecided; the runner (run-rules.ts) asks this for the keys a rule judges
 * from (`meta.lookups`).
 */
import type { DnsAnswer, DnsOutcome } from '../dns/types.js';
import type { DnsblLookup, Evidence, EvidenceKey } from './types.js';
import { isTemporaryPage } from './web-probe.js';

/** Temporary failures: a receiver would retry later, so rules must say `error`, never `fail`. */
export function isTemporary(outcome: DnsOutcome): boolean {
  return outcome === 'servfail' || outcome === 'timeout' || outcome === 'refused' || outcome === 'error';
}

/** "PTR 7.2.0.192.in-addr.arpa SERVFAIL", or nothing when the answer is definite. */
function failed(a: DnsAnswer | undefined): string[] {
  return a && isTemporary(a.outcome) ? [`${a.type} ${a.name} ${a.rcode}`] : [];
}

const NONE = (): string[] => [];

const BY_KEY: Record<EvidenceKey, (e: Evidence) => string[]> = {
  ip: NONE,
  ptr: (e) => failed(e.ptr?.answer),
  forward: (e) => (e.forward ?? []).flatMap((f) => failed(f.answer)),
  reverseZone: NONE, // remediation only; no rule judges the zone's SOA/NS
  // One server's silence or refusal beside a sibling's answer to the same question is a finding (a lame or
  // dead server); a question no server answered leaves everything judged from it unknown. A referral's child
  // servers are judged apart: the parent's referral is definite, their refusal (asked twice) is the finding.
  zoneServers: (e) => {
    const z = e.zoneServers;
    if (!z) return [];
    const out: string[] = [];
    for (const f of z.forward) if (f.unknownTemporary) out.push(`${f.name}: ${f.unknownBecause ?? 'its zone could not be found'}`);
    for (const zone of [z.zone, ...z.forward.map((f) => f.zone)]) {
      if (!zone) continue;
      if (zone.nameserversFailed) out.push(`NS ${zone.zone} ${zone.nameserversFailed}`);
      const byQuestion = new Map<string, DnsAnswer[]>();
      for (const a of zone.servers.flatMap((s) => s.answers)) {
        if (a.rcode === 'NOT_ASKED') continue; // a deliberate refusal to ask, not a failure
        const q = `${a.type} ${a.name}`;
        byQuestion.set(q, [...(byQuestion.get(q) ?? []), a]);
      }
      for (const [q, answers] of byQuestion) {
        if (answers.every((a) => isTemporary(a.outcome))) out.push(`${q} at ${zone.zone}'s servers (${answers[0]!.rcode})`);
      }
      // A server whose address could not be looked up is neither healthy nor broken: unknown.
      out.push(...zone.servers.filter((s) => s.addressTemporary).map((s) => `the address of ${s.ns} (${s.addressProblem ?? 'no answer'})`));
    }
    return out;
  },
  // Nothing listening (refused) is a fact; no answer in time is not.
  smtpProbe: (e) => (e.smtpProbe && (e.smtpProbe.outcome === 'timeout' || e.smtpProbe.outcome === 'error') ? [`the SMTP probe of ${e.smtpProbe.address}:${e.smtpProbe.port} (${e.smtpProbe.detail ?? e.smtpProbe.outcome})`] : []),
  // A page that could not be fetched for now leaves the imprint unknown, unless another page showed one.
  webProbe: (e) => {
    const pages = e.webProbe?.pages ?? [];
    if (pages.some((p) => p.outcome === 'found')) return [];
    return pages.filter(isTemporaryPage).map((p) => `the home page ${p.url} (${p.detail ?? p.outcome})`);
  },
  helo: (e) => [...failed(e.helo?.a), ...failed(e.helo?.aaaa)],
  senders: (e) => (e.senders ?? []).flatMap((s) => [...failed(s.mx), ...failed(s.a), ...failed(s.aaaa)]),
  spf: (e) => (e.spf?.result === 'temperror' ? [`SPF for ${e.spf.domain} (temperror${e.spf.comment ? `: ${e.spf.comment}` : ''})`] : []),
  dmarc: (e) => (e.dmarc?.outcome === 'temperror' ? [`DMARC record for ${e.dmarc.domain} (${e.dmarc.error ?? 'temperror'})`] : []),
  auth: (e) => [
    ...(e.auth?.dkim ?? []).filter((s) => s.result === 'temperror').map((s) => `DKIM key ${s.selector}._domainkey.${s.domain} (temperror)`),
    ...(e.auth?.dmarc?.result === 'temperror' ? ['DMARC (temperror)'] : []),
  ],
  message: NONE,
  session: NONE,
  // A listing is definite whatever another list did; only a list left unanswered is undecided. Only scoring
  // blocklists decide: an allowlist or an informational list that failed is a note, never an undecided verdict.
  dnsbl: (e) => {
    const deciding = (e.dnsbl ?? []).filter(scoringBlocklist);
    return deciding.some((l) => l.result === 'listed')
      ? []
      : deciding.filter((l) => l.result === 'error' || l.result === 'refused').map((l) => `DNSBL ${l.query} ${l.problem?.kind === 'lookup-failed' ? l.problem.rcode : l.result.toUpperCase()}`);
  },
};

/** A list whose listing counts against the sender (the registry's kind and role; an unknown zone is one). */
export function scoringBlocklist(l: DnsblLookup): boolean {
  return (l.kind ?? 'block') === 'block' && (l.role ?? 'scoring') === 'scoring';
}

/** The lookups behind these inputs that failed temporarily, described for the reader. */
export function temporaryFailures(evidence: Evidence, keys: readonly EvidenceKey[]): string[] {
  return [...new Set(keys.flatMap((k) => BY_KEY[k](evidence)))];
}
