/**
 * Asks the reverse zone's own nameservers, recursion off, what they publish
 * now (gathered only when the PTR or FCrDNS does not pass, or when asked):
 * each NS name at each of its addresses, for the PTR, the SOA serial and the
 * NS set. Beside it, the zone cuts above the zone (RIR → ISP → customer) and
 * the parent's own copy of the delegation. Round trips after the PTR: the
 * NS sets (the zone's and its ancestors'), their addresses, the direct
 * questions; nothing waits on anything it does not need.
 */
import type { DirectAnswer, DirectQuery } from '../dns/types.js';
import type { DnsAnswer, RecordType, Resolver } from '../dns/types.js';
import type { ParsedIp } from '../core/ip.js';
import { isTemporary } from '../core/temporary.js';
import type { DelegationStep, ReverseZone, ZoneAtServers, ZoneCheckReason, ZoneServer, ZoneServersEvidence } from '../core/types.js';
import { MAX_SERVERS_PER_ZONE } from '../core/zone-servers.js';
import { zoneOf, type LocatedZone } from './reverse-zone.js';

/** Bounds: a zone with more NS names or addresses than this is odd, and asking them all would be abuse. */
const MAX_NAMESERVERS = 8;
const MAX_ADDRESSES = 4;
const MAX_FORWARD_NAMES = 3;
/** IPv6 reverse zones are cut on these prefix lengths (nibble boundaries used in practice). */
const V6_CUTS = [64, 56, 48, 44, 40, 36, 32, 28, 24, 20, 16, 12, 8, 4];

export interface ZoneServersInput {
  ip: ParsedIp;
  why: ZoneCheckReason;
  located: LocatedZone;
  zone: Promise<ReverseZone>;
  /** PTR names whose forward lookups should be checked at their own zones' servers (FCrDNS failing), with the resolver's answer when known. */
  forwardNames: readonly { name: string; answer?: DnsAnswer | undefined }[];
}

export async function gatherZoneServers(input: ZoneServersInput, resolver: Resolver, direct: DirectQuery): Promise<ZoneServersEvidence> {
  const { ip, located } = input;
  const name = located.delegatedTo ?? ip.reverseName;
  const out: ZoneServersEvidence = { why: input.why, name, path: [], forward: [] };
  // The walk up starts with the zone (or, when none was found, with the reverse name itself).
  const walk = walkAncestors(located.zone ?? ip.reverseName, ip, resolver);
  const forward = Promise.all(input.forwardNames.slice(0, MAX_FORWARD_NAMES).map((n) => forwardAtItsZone(n.name, ip, resolver, direct, n.answer)));
  const zone = await input.zone;
  const cls = classless(ip, located);
  if (cls) out.classless = cls;
  const ownP = zone.zone
    ? atServers(zone.zone, zone.nameservers, [[name, 'PTR'], [zone.zone, 'SOA'], [zone.zone, 'NS']], resolver, direct).then((z) => (zone.nameserversFailed ? { ...z, nameserversFailed: zone.nameserversFailed } : z))
    : undefined;
  const cuts = await walk;
  const parentCut = cuts[cuts.length - 1];
  const parentP = parentCut && zone.zone ? atServers(parentCut.zone, parentCut.nameservers, [[zone.zone, 'NS']], resolver, direct) : undefined;
  out.path = zone.zone ? [...cuts, { zone: zone.zone, nameservers: zone.nameservers, ...who(zone) }] : cuts;
  const [own, parent] = await Promise.all([ownP, parentP]);
  if (own) {
    out.zone = own;
    const referral = own.servers.flatMap((s) => s.answers).find((a) => a.type === 'PTR' && !a.authoritative && a.referral.length > 0);
    if (referral) {
      const child = referral.referral[0]!.name;
      out.delegatedFurther = await atServers(child, [...new Set(referral.referral.map((r) => r.data))], [[child, 'SOA'], [name, 'PTR']], resolver, direct);
    }
  }
  if (parent) out.parent = parent;
  out.forward = await forward;
  return out;
}

/** The zone's servers, each at each of its addresses (MAX_SERVERS_PER_ZONE at most), asked the given questions. */
export async function atServers(zone: string, nameservers: readonly string[], questions: readonly [string, RecordType][], resolver: Resolver, direct: DirectQuery): Promise<ZoneAtServers> {
  const sorted = [...nameservers].sort();
  const names = sorted.slice(0, MAX_NAMESERVERS);
  const located = await Promise.all(names.map((ns) => addressesOf(ns, resolver)));
  const { chosen, unasked } = pickServers(located);
  unasked.push(...sorted.slice(MAX_NAMESERVERS).map((ns) => ({ ns })));
  const servers = await Promise.all(
    located.flatMap((l) => {
      if (l.addresses.length === 0) return [Promise.resolve<ZoneServer>({ ns: l.ns, answers: [], addressProblem: l.problem, ...(l.temporary ? { addressTemporary: true } : {}) })];
      return l.addresses.filter((address) => chosen.has(`${l.ns} ${address}`)).map(async (address): Promise<ZoneServer> => ({ ns: l.ns, address, answers: await Promise.all(questions.map(([n, t]) => askTwice(direct, address, n, t))) }));
    }),
  );
  return { zone, nameservers: names, servers, ...(unasked.length > 0 ? { unasked } : {}) };
}

/** Round robin over the names' addresses (first of each, then second…) up to MAX_SERVERS_PER_ZONE; the rest are listed, not asked. */
function pickServers(located: readonly { ns: string; addresses: string[] }[]): { chosen: Set<string>; unasked: { ns: string; address?: string }[] } {
  const chosen = new Set<string>();
  const unasked: { ns: string; address?: string }[] = [];
  const deepest = Math.max(0, ...located.map((l) => l.addresses.length));
  for (let i = 0; i < deepest; i++) {
    for (const l of located) {
      const address = l.addresses[i];
      if (address === undefined) continue;
      if (chosen.size < MAX_SERVERS_PER_ZONE) chosen.add(`${l.ns} ${address}`);
      else unasked.push({ ns: l.ns, address });
    }
  }
  return { chosen, unasked };
}

/** REFUSED or SERVFAIL is asked once more: a lame server refuses every time, a busy one rarely twice. */
async function askTwice(direct: DirectQuery, address: string, name: string, type: RecordType): Promise<DirectAnswer> {
  const first = await direct.ask(address, name, type);
  if (first.outcome !== 'refused' && first.outcome !== 'servfail') return first;
  const again = await direct.ask(address, name, type);
  return { ...again, attempts: 2, ms: first.ms + again.ms };
}

async function addressesOf(ns: string, resolver: Resolver): Promise<{ ns: string; addresses: string[]; problem?: string; temporary?: boolean }> {
  const [a, aaaa] = await Promise.all([resolver.query(ns, 'A'), resolver.query(ns, 'AAAA')]);
  const addresses = [...a.records, ...aaaa.records].map((r) => r.data).slice(0, MAX_ADDRESSES);
  if (addresses.length > 0) return { ns, addresses };
  const temporary = isTemporary(a.outcome) || isTemporary(aaaa.outcome);
  return { ns, addresses, problem: `A ${a.rcode}, AAAA ${aaaa.rcode}`, temporary };
}

/** Zone cuts above `name`, top down, from NS questions to each ancestor (a cut answers with its NS set). */
async function walkAncestors(name: string, ip: ParsedIp, resolver: Resolver): Promise<DelegationStep[]> {
  const names = ancestorsOf(name, ip);
  const answers = await Promise.all(names.map((n) => resolver.query(n, 'NS')));
  const steps: DelegationStep[] = [];
  for (const [i, ns] of answers.entries()) {
    if (ns.outcome !== 'ok' || ns.chain.length > 0) continue;
    steps.push({ zone: names[i]!, nameservers: ns.records.map((r) => r.data).sort() });
  }
  return steps.reverse();
}

/** The reverse tree's names above `name`, deepest first, down to in-addr.arpa / ip6.arpa. */
function ancestorsOf(name: string, ip: ParsedIp): string[] {
  const labels = name.split('.');
  const top = 2; // in-addr.arpa, ip6.arpa
  const out: string[] = [];
  if (ip.version === 4 || !name.endsWith('ip6.arpa')) {
    for (let i = 1; i <= labels.length - top; i++) out.push(labels.slice(i).join('.'));
    return out;
  }
  const nibbles = labels.length - top;
  for (const bits of V6_CUTS) if (bits / 4 < nibbles) out.push(labels.slice(labels.length - top - bits / 4).join('.'));
  out.push('ip6.arpa');
  return out;
}

function who(zone: ReverseZone): Pick<DelegationStep, 'primary' | 'contact'> {
  return { ...(zone.primary ? { primary: zone.primary } : {}), ...(zone.contact ? { contact: zone.contact } : {}) };
}

/** RFC 2317: the reverse name is a CNAME into a zone named after the block ("64-127", "64/26"). */
function classless(ip: ParsedIp, located: LocatedZone): ZoneServersEvidence['classless'] {
  if (ip.version !== 4 || !located.delegatedTo || !located.zone) return undefined;
  const label = located.zone.split('.')[0]!;
  const net = ip.address.split('.').slice(0, 3).join('.');
  const range = /^(\d+)-(\d+)$/.exec(label);
  const prefix = /^(\d+)\/(\d+)$/.exec(label);
  let block = `${net}.${label}`;
  if (prefix) block = `${net}.${prefix[1]}/${prefix[2]}`;
  else if (range) {
    const [lo, hi] = [Number(range[1]), Number(range[2])];
    const size = hi - lo + 1;
    if (size > 0 && (size & (size - 1)) === 0 && lo % size === 0) block = `${net}.${lo}/${32 - Math.log2(size)}`;
    else block = `${net}.${lo}–${hi}`;
  }
  return { block, zone: located.zone, cname: located.delegatedTo };
}

/** A PTR name's A/AAAA at the servers of the zone that holds the name (the user's own DNS host). */
export async function forwardAtItsZone(name: string, ip: ParsedIp, resolver: Resolver, direct: DirectQuery, known?: DnsAnswer): Promise<ZoneServersEvidence['forward'][number]> {
  // A negative answer already names the zone (its SOA in the authority section): one round trip fewer.
  const soa = known?.authority && known.chain.length === 0 ? known : await resolver.query(name, 'SOA');
  const found = soa.authority ? { zone: soa.authority.name } : zoneOf(soa);
  const temporary = (a: DnsAnswer) => (isTemporary(a.outcome) ? { unknownTemporary: true } : {});
  if (!found) return { name, unknownBecause: `SOA lookup of ${name} gave ${soa.outcome}`, ...temporary(soa) };
  // The root zone's SOA: no zone below it holds the name (its own DNS host has nothing to ask).
  if (found.zone === '') return { name, unknownBecause: `no zone holds ${name} (its SOA lookup gave ${soa.outcome} from the root zone)`, ...temporary(soa) };
  const ns = await resolver.query(found.zone, 'NS');
  if (ns.outcome !== 'ok') return { name, unknownBecause: `NS lookup of ${found.zone} gave ${ns.outcome}`, ...temporary(ns) };
  const type = ip.version === 4 ? 'A' : 'AAAA';
  return { name, zone: await atServers(found.zone, ns.records.map((r) => r.data), [[name, type], [found.zone, 'SOA']], resolver, direct) };
}
