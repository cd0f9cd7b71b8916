/**
 * Evidence fixtures for rule tables: the same shapes gather produces,
 * built from a few words per case.
 */
import { parseIp, sameAddress } from '../../src/core/ip.js';
import type { AuthEvidence, DmarcEvidence, DomainEvidence, Evidence, ForwardLookup, HeloEvidence, MessageEvidence, SessionEvidence, SpfEvidence, Target } from '../../src/core/types.js';
import { classifyHelo } from '../../src/gather/helo.js';
import { senderAddress } from '../../src/gather/senders.js';
import type { DnsAnswer, DnsOutcome, RecordType } from '../../src/dns/types.js';
import { isResolvableName, organizationalDomain } from '../../src/core/names.js';
import { ptrNames } from '../../src/gather/ip.js';
import { classifyName } from '../../rules/lib/generic.js';
import { isNullPath } from '../../src/core/claims.js';

const RCODE: Record<DnsOutcome, string> = {
  ok: 'NOERROR', nodata: 'NOERROR', nxdomain: 'NXDOMAIN', servfail: 'SERVFAIL', refused: 'REFUSED', timeout: 'TIMEOUT', error: 'FORMERR',
};

export function answer(name: string, type: RecordType, result: string[] | DnsOutcome, ttl = 3600): DnsAnswer {
  const outcome: DnsOutcome = Array.isArray(result) ? (result.length > 0 ? 'ok' : 'nodata') : result;
  const data = Array.isArray(result) ? result : [];
  return {
    name, type, outcome, rcode: RCODE[outcome], chain: [],
    records: data.map((d) => ({ name, type, ttl, data: d })),
    ttl: outcome === 'ok' ? ttl : 300, ms: 1, server: '127.0.0.1:53', transport: 'udp',
  };
}

export interface HeloSpec {
  name: string;
  /** A answers; default: the audited IP when it is IPv4, else none. */
  a?: string[] | DnsOutcome;
  aaaa?: string[] | DnsOutcome;
}

export interface SenderSpec {
  address: string;
  mx?: string[] | DnsOutcome;
  a?: string[] | DnsOutcome;
  aaaa?: string[] | DnsOutcome;
}

export interface EvidenceSpec {
  helo?: string | HeloSpec;
  from?: string | SenderSpec;
  mailFrom?: string | SenderSpec;
  spf?: SpfEvidence;
  dmarc?: DmarcEvidence;
  auth?: AuthEvidence;
  message?: Partial<MessageEvidence>;
  session?: SessionEvidence;
  /** PTR names, or the outcome of the PTR lookup. */
  ptr?: string[] | DnsOutcome;
  /** Forward answers by PTR name; a name not listed resolves to the IP itself. */
  forward?: Record<string, string[] | DnsOutcome>;
  target?: Partial<Target>;
  forwardCap?: number;
}

export function evidenceFor(ip: string, spec: EvidenceSpec = {}): Evidence {
  const parsed = parseIp(ip);
  const ptrAnswer = answer(parsed.reverseName, 'PTR', spec.ptr ?? []);
  const names = ptrNames(ptrAnswer);
  const cap = spec.forwardCap ?? 10;
  const checked = names.slice(0, cap);
  const type: RecordType = parsed.version === 4 ? 'A' : 'AAAA';
  const forward: ForwardLookup[] = checked.map((name) => {
    if (!isResolvableName(name)) return { name, notLookedUp: 'not a name that can exist in public DNS', addresses: [], matches: false };
    const a = answer(name, type, spec.forward?.[name] ?? [parsed.address]);
    const addresses = a.records.map((r) => r.data);
    return { name, answer: a, addresses, matches: addresses.some((x) => sameAddress(x, parsed.address)) };
  });
  const evidence: Evidence = {
    target: { ip: parsed.address, ...spec.target },
    ip: parsed,
    ptr: { answer: ptrAnswer, names, checked, capped: names.length > checked.length, classes: names.map((n) => classifyName(n, parsed.address)) },
    forward,
    reverseZone: { zone: parsed.reverseName.split('.').slice(1).join('.'), nameservers: ['ns1.isp.example'] },
    dns: [ptrAnswer, ...forward.flatMap((f) => (f.answer ? [f.answer] : []))],
  };
  if (spec.helo !== undefined) evidence.helo = heloEvidence(typeof spec.helo === 'string' ? { name: spec.helo } : spec.helo, parsed.address, parsed.version);
  const senders = [
    ...(spec.from !== undefined ? [senderEvidence('from', spec.from)] : []),
    // As gather: a null reverse-path (a bounce) names no domain to judge.
    ...(spec.mailFrom !== undefined && !(typeof spec.mailFrom === 'string' && isNullPath(spec.mailFrom)) ? [senderEvidence('mail-from', spec.mailFrom)] : []),
  ];
  if (senders.length > 0) evidence.senders = senders;
  if (spec.spf) evidence.spf = spec.spf;
  if (spec.dmarc) evidence.dmarc = spec.dmarc;
  if (spec.auth) evidence.auth = spec.auth;
  if (spec.message) evidence.message = { size: 1000, headerCount: 10, ipSource: 'received', heloSource: 'received', receivedCount: 1, bulkSignals: [], ...spec.message };
  if (spec.session) evidence.session = spec.session;
  return evidence;
}

/** As gatherHelo builds it. */
function heloEvidence(spec: HeloSpec, ip: string, version: 4 | 6): HeloEvidence {
  const base = classifyHelo(spec.name, ip);
  if (base.form !== 'hostname' || !isResolvableName(base.name) || base.problems.includes('bad-character')) return { ...base, addresses: [] };
  const name = base.name.toLowerCase();
  const a = answer(name, 'A', spec.a ?? (version === 4 ? [ip] : []));
  const aaaa = answer(name, 'AAAA', spec.aaaa ?? (version === 6 ? [ip] : []));
  return { ...base, a, aaaa, addresses: [...a.records, ...aaaa.records].map((r) => r.data) };
}

/** As gatherSender builds it; MX defaults to one mail host. */
function senderEvidence(role: DomainEvidence['role'], raw: string | SenderSpec): DomainEvidence {
  const spec = typeof raw === 'string' ? { address: raw } : raw;
  const parsed = senderAddress(role, spec.address);
  const base: DomainEvidence = { role, address: parsed.address, nullMx: false };
  if (parsed.problem || !parsed.domain) return { ...base, problem: parsed.problem ?? 'no domain' };
  const d = parsed.domain;
  const mx = answer(d, 'MX', spec.mx ?? [`10 mx.${d}`]);
  const out: DomainEvidence = { ...base, domain: d, mx, a: answer(d, 'A', spec.a ?? []), aaaa: answer(d, 'AAAA', spec.aaaa ?? []), nullMx: mx.records.length === 1 && /^0\s*\.?$/.test(mx.records[0]!.data.trim()) };
  const org = organizationalDomain(d);
  if (org) out.orgDomain = org;
  return out;
}
