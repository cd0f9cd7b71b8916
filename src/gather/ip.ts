/**
 * Gathers the evidence for a sending IP. The critical path is two round
 * trips: PTR, then A/AAAA of the PTR names; the reverse zone's SOA and NS
 * are asked beside it, never after it.
 */
import type { DnsAnswer, Resolver } from '../dns/types.js';
import type { ParsedIp } from '../core/ip.js';
import { sameAddress } from '../core/ip.js';
import { canonicalName, isResolvableName } from '../core/names.js';
import type { ForwardLookup, PtrEvidence, ReverseZone } from '../core/types.js';
import { discoverReverseZone } from './reverse-zone.js';
import { classifyName } from '../../rules/lib/generic.js';
import { providerByDefaultName, providerByDnsDomain, type Provider } from '../../rules/data/providers.js';
import { organizationalDomain } from '../core/names.js';

export interface IpEvidence {
  ptr: PtrEvidence;
  forward: ForwardLookup[];
  /** Asked only when wanted (a full report's remediation; a batch skips it: two queries fewer per IP). */
  reverseZone?: ReverseZone;
}

export async function gatherIp(ip: ParsedIp, resolver: Resolver, config: { forwardCap: number; reverseZone: boolean }): Promise<IpEvidence> {
  const zoneP = config.reverseZone ? discoverReverseZone(ip, resolver) : undefined;
  const answer = await resolver.query(ip.reverseName, 'PTR');
  const names = ptrNames(answer);
  const checked = names.slice(0, config.forwardCap);
  const forward = await Promise.all(checked.map((name) => lookupForward(name, ip, resolver)));
  const classes = names.map((n) => classifyName(n, ip.address));
  const out: IpEvidence = { ptr: { answer, names, checked, capped: names.length > checked.length, classes }, forward };
  if (zoneP) {
    const zone = await zoneP;
    const provider = blockHolder(names, zone);
    out.reverseZone = provider ? { ...zone, provider: { name: provider.name, howToSet: provider.howToSet } } : zone;
  }
  return out;
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
