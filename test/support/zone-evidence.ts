/**
 * Evidence of a reverse zone's own servers (evidence.zoneServers) for rule
 * tables: each server described in a few words, built into the answers
 * gather/zone-servers.ts records.
 */
import type { DirectAnswer, DnsOutcome, RecordType } from '../../src/dns/types.js';
import type { DelegationStep, Evidence, ZoneAtServers, ZoneCheckReason, ZoneServer, ZoneServersEvidence } from '../../src/core/types.js';
import { answer } from './evidence.js';

/** What a server answers to one question: names, an outcome, or (lame) a non-authoritative reply. */
export type Said = string[] | DnsOutcome | 'lame' | 'not-asked' | { referral: string; to: string[] } | { ok: string[]; ttl: number };

export interface ServerSpec {
  ns: string;
  /** null: the NS name has no address. */
  address: string | null;
  ptr?: Said;
  /** The SOA serial it serves, or what it answers instead. */
  soa?: number | Said;
  nsSet?: Said;
  /** Answers to A/AAAA (a forward zone's server). */
  a?: Said;
  /** A REFUSED/SERVFAIL asked twice. */
  twice?: boolean;
  addressTemporary?: boolean;
}

export function directAnswer(address: string, name: string, type: RecordType, said: Said, twice = false): DirectAnswer {
  if (typeof said === 'object' && !Array.isArray(said) && 'referral' in said) {
    const a = answer(name, type, []);
    return { ...a, address, authoritative: false, referral: said.to.map((to) => ({ name: said.referral, type: 'NS', ttl: 86400, data: to })) };
  }
  if (typeof said === 'object' && !Array.isArray(said) && 'ok' in said) {
    return { ...answer(name, type, said.ok, said.ttl), address, authoritative: true, referral: [] };
  }
  if (said === 'not-asked') return { ...answer(name, type, 'error'), rcode: 'NOT_ASKED', detail: 'not asked: a private, loopback or reserved address', address, authoritative: false, referral: [] };
  const lame = said === 'lame';
  const a = answer(name, type, lame ? [] : said);
  const out: DirectAnswer = { ...a, server: `${address}:53`, address, authoritative: !lame && a.outcome !== 'refused' && a.outcome !== 'servfail' && a.outcome !== 'timeout', referral: [] };
  if (twice) out.attempts = 2;
  return out;
}

export interface ZoneSpec {
  zone: string;
  servers: ServerSpec[];
  nameservers?: string[];
}

/** `nsName`: whose NS set the servers are asked (the zone's own; a parent is asked its child's). */
export function zoneAt(spec: ZoneSpec, name: string, type: RecordType = 'PTR', nsName = spec.zone): ZoneAtServers {
  const servers: ZoneServer[] = spec.servers.map((s) => {
    if (s.address === null) return { ns: s.ns, answers: [], addressProblem: 'A NXDOMAIN, AAAA NXDOMAIN', ...(s.addressTemporary ? { addressTemporary: true, addressProblem: 'A SERVFAIL, AAAA SERVFAIL' } : {}) };
    const answers: DirectAnswer[] = [];
    const main = type === 'PTR' ? s.ptr : s.a;
    if (main !== undefined) answers.push(directAnswer(s.address, name, type, main, s.twice));
    if (s.soa !== undefined) {
      const soa: Said = typeof s.soa === 'number' ? [`${s.ns} hostmaster.${spec.zone} ${s.soa} 7200 900 1209600 3600`] : s.soa;
      answers.push(directAnswer(s.address, spec.zone, 'SOA', soa, s.twice));
    }
    if (s.nsSet !== undefined) answers.push(directAnswer(s.address, nsName, 'NS', s.nsSet, s.twice));
    return { ns: s.ns, address: s.address, answers };
  });
  return { zone: spec.zone, nameservers: spec.nameservers ?? [...new Set(spec.servers.map((s) => s.ns))].sort(), servers };
}

export interface ZoneServersSpec {
  why?: ZoneCheckReason;
  /** The name asked at the servers; default: the IP's reverse name. */
  name?: string;
  zone?: ZoneSpec;
  parent?: ZoneSpec;
  delegatedFurther?: ZoneSpec;
  path?: DelegationStep[];
  classless?: ZoneServersEvidence['classless'];
  forward?: { name: string; zone?: ZoneSpec; unknownBecause?: string }[];
}

/** The base evidence (evidenceFor) with the zone's servers added. */
export function withZoneServers(base: Evidence, spec: ZoneServersSpec): Evidence {
  const name = spec.name ?? base.ip!.reverseName;
  const z: ZoneServersEvidence = { why: spec.why ?? 'ptr-missing', name, path: spec.path ?? [], forward: [] };
  if (spec.zone) z.zone = zoneAt(spec.zone, name);
  if (spec.parent) z.parent = zoneAt(spec.parent, name, 'NS', spec.zone?.zone ?? name);
  if (spec.delegatedFurther) z.delegatedFurther = zoneAt(spec.delegatedFurther, name);
  if (spec.classless) z.classless = spec.classless;
  const type: RecordType = base.ip!.version === 4 ? 'A' : 'AAAA';
  z.forward = (spec.forward ?? []).map((f) => ({ name: f.name, ...(f.zone ? { zone: zoneAt(f.zone, f.name, type) } : {}), ...(f.unknownBecause ? { unknownBecause: f.unknownBecause } : {}) }));
  return { ...base, zoneServers: z };
}
