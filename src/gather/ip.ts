/**
 * Gathers the evidence for a sending IP. The critical path is two round
 * trips: PTR, then A/AAAA of the PTR names; the reverse zone's SOA and NS
 * are asked beside it, never after it.
 */
import type { DnsAnswer, Resolver } from '../dns/types.js';
import type { ParsedIp } from '../core/ip.js';
import { sameAddress } from '../core/ip.js';
import { canonicalName, isResolvableName } from '../core/names.js';
import type { ForwardLookup, PtrEvidence, ReverseZone, ZoneCheckReason, ZoneServersEvidence } from '../core/types.js';
import { describeReverseZone, locateReverseZone, type LocatedZone } from './reverse-zone.js';
import { gatherZoneServers, type ZoneServersInput } from './zone-servers.js';
import type { DirectQuery } from '../dns/types.js';
import { isTemporary } from '../core/temporary.js';
import { classifyName } from '../../rules/lib/generic.js';
import { providerByDefaultName, providerByDnsDomain, type Provider } from '../../rules/data/providers.js';
import { organizationalDomain } from '../core/names.js';

export interface IpEvidence {
  ptr: PtrEvidence;
  forward: ForwardLookup[];
  /** Asked only when wanted (a full report's remediation; a batch skips it: two queries fewer per IP). */
  reverseZone?: ReverseZone;
  zoneServers?: ZoneServersEvidence;
}

export interface IpGatherConfig {
  forwardCap: number;
  reverseZone: boolean;
  /** Ask the reverse zone's own servers: `asked` always, else only when the PTR or FCrDNS does not pass. */
  zoneServers?: { direct: DirectQuery; asked: boolean } | undefined;
}

export async function gatherIp(ip: ParsedIp, resolver: Resolver, config: IpGatherConfig): Promise<IpEvidence> {
  const wantZone = config.reverseZone || config.zoneServers !== undefined;
  const locatedP = wantZone ? locateReverseZone(ip, resolver) : undefined;
  const zoneP = locatedP?.then((l) => describeReverseZone(l, resolver));
  const answer = await resolver.query(ip.reverseName, 'PTR');
  const names = ptrNames(answer);
  // A missing or failing PTR is known now: the zone's servers are asked beside the forward lookups, not after them.
  const early = config.zoneServers && locatedP && zoneP && (config.zoneServers.asked || answer.outcome !== 'ok')
    ? askZoneServers(ip, answer, config.zoneServers.asked ? names.slice(0, config.forwardCap).map((name) => ({ name })) : [], locatedP, zoneP, resolver, config.zoneServers) : undefined;
  const checked = names.slice(0, config.forwardCap);
  // One PTR name is the common case: no Promise.all for it (a batch does this per address).
  const forward = checked.length === 1 ? [await lookupForward(checked[0]!, ip, resolver)] : await Promise.all(checked.map((name) => lookupForward(name, ip, resolver)));
  const classes = names.map((n) => classifyName(n, ip.address));
  const out: IpEvidence = { ptr: { answer, names, checked, capped: names.length > checked.length, classes }, forward };
  const fcrdnsFailing = answer.outcome === 'ok' && !forward.some((f) => f.matches);
  const late = !early && config.zoneServers && locatedP && zoneP && fcrdnsFailing
    ? askZoneServers(ip, answer, forward.filter((f) => !f.notLookedUp).map((f) => ({ name: f.name, answer: f.answer })), locatedP, zoneP, resolver, config.zoneServers) : undefined;
  if (zoneP) {
    const zone = await zoneP;
    const provider = blockHolder(names, zone);
    out.reverseZone = provider ? { ...zone, provider: { name: provider.name, howToSet: provider.howToSet } } : zone;
  }
  const zoneServers = await (early ?? late);
  if (zoneServers) out.zoneServers = zoneServers;
  return out;
}

async function askZoneServers(
  ip: ParsedIp, answer: DnsAnswer, forwardNames: ZoneServersInput['forwardNames'], locatedP: Promise<LocatedZone>, zone: Promise<ReverseZone>,
  resolver: Resolver, how: { direct: DirectQuery; asked: boolean },
): Promise<ZoneServersEvidence> {
  const why: ZoneCheckReason = how.asked ? 'asked' : answer.outcome === 'ok' ? 'fcrdns-failing' : isTemporary(answer.outcome) ? 'ptr-failed' : 'ptr-missing';
  return gatherZoneServers({ ip, why, located: await locatedP, zone, forwardNames }, resolver, how.direct);
}

/** Distinct PTR names, canonical, in answer order. */
export function ptrNames(answer: DnsAnswer): string[] {
  return answer.outcome === 'ok' ? [...new Set(answer.records.map((r) => canonicalName(r.data)))] : [];
}

async function lookupForward(name: string, ip: ParsedIp, resolver: Resolver): Promise<ForwardLookup> {
  if (!isResolvableName(name)) {
    return { name, notLookedUp: 'not a name that can exist in public DNS', addresses: [], matches: false };
  }
  // FCrDNS compares within the address family (RFC 8601 iprev): A for IPv4, AAAA for IPv6.
  const answer = await resolver.query(name, ip.version === 4 ? 'A' : 'AAAA');
  const addresses = answer.records.map((r) => r.data);
  return { name, answer, addresses, matches: addresses.some((a) => sameAddress(a, ip.address)) };
}

/** The cloud or hosting provider holding the block: by its default PTR names, else by the reverse zone's DNS. */
function blockHolder(names: readonly string[], zone: ReverseZone): Provider | undefined {
  const byName = names.map(providerByDefaultName).find(Boolean);
  if (byName) return byName;
  const domains = [zone.primary, ...zone.nameservers, zone.contact?.split('@')[1]].filter((d): d is string => Boolean(d)).map((d) => organizationalDomain(d) ?? d);
  return providerByDnsDomain(domains);
}
