/**
 * DNS blocklist lookups (RFC 5782): the reversed address under each
 * configured list zone. A gives the verdict; TXT, asked only for a listing
 * (lists count queries), the reason. Both fit beside PTR → A, so they add
 * no round trip to the audit. The registry (rules/data/dnsbl-registry.ts)
 * says which lists are dead (never asked), which answer for IPv6, and
 * which codes are the list's own errors; a zone it does not know is read
 * as RFC 5782 says.
 */
import type { ParsedIp } from '../core/ip.js';
import type { DnsblLookup } from '../core/types.js';
import type { DnsAnswer, Resolver } from '../dns/types.js';
import { findDnsList } from '../../rules/lib/dnsbl.js';
import type { DnsList } from '../../rules/data/dnsbl-registry.js';

export function dnsblQueryName(ip: ParsedIp, zone: string): string {
  const reversed = ip.reverseName.replace(/\.(in-addr|ip6)\.arpa$/, '');
  return `${reversed}.${zone.replace(/\.$/, '').toLowerCase()}`;
}

export async function gatherDnsbl(ip: ParsedIp, zones: readonly string[], resolver: Resolver): Promise<DnsblLookup[]> {
  return Promise.all(
    zones.map(async (zone) => {
      const query = dnsblQueryName(ip, zone);
      const name = zone.replace(/\.$/, '').toLowerCase();
      const skip = notAsked(findDnsList(name), ip.version);
      if (skip) return { ...facts(name, findDnsList(name)), query, codes: [], result: 'skipped' as const, skipped: skip };
      const a = await resolver.query(query, 'A');
      const found = classify(name, query, a);
      if (found.result !== 'listed') return found;
      return classify(name, query, a, await resolver.query(query, 'TXT'));
    }),
  );
}

/** Lists never asked: a dead one (it answers nothing, or everything), a domain list, an IPv4-only list for an IPv6 address. */
function notAsked(list: DnsList | undefined, version: 4 | 6): DnsblLookup['skipped'] {
  if (list?.status === 'dead') return 'dead';
  if (list?.keys === 'domain') return 'domain-list';
  if (list && version === 6 && !list.ipv6) return 'no-ipv6';
  return undefined;
}

function facts(zone: string, list: DnsList | undefined): Pick<DnsblLookup, 'zone' | 'kind' | 'role' | 'list'> {
  return list ? { zone, kind: list.kind, role: list.role, list: list.name } : { zone, kind: 'block', role: 'scoring' };
}

/**
 * RFC 5782 §2.1: listings are A records in 127.0.0.0/8; 127.0.0.1 is never one, and lists answer 127.255.255.x
 * (or, for a known list, its own error codes) to refuse. A dead list's answer is never a listing, whatever it says.
 */
export function classify(zone: string, query: string, a: DnsAnswer, txt?: DnsAnswer): DnsblLookup {
  const list = findDnsList(zone);
  const base = { ...facts(zone, list), query, codes: a.records.map((r) => r.data) };
  const skip = list?.status === 'dead' ? 'dead' : list?.keys === 'domain' ? 'domain-list' : undefined;
  if (skip) return { ...base, result: 'skipped', skipped: skip };
  if (a.outcome === 'nxdomain' || a.outcome === 'nodata') return { ...base, result: 'clear' };
  if (a.outcome !== 'ok') return { ...base, result: 'error', problem: { kind: 'lookup-failed', rcode: a.rcode } };
  const codes = base.codes;
  if (codes.some((c) => !c.startsWith('127.'))) return { ...base, result: 'error', problem: { kind: 'outside-loopback' } };
  const isError = (c: string) => c.startsWith('127.255.255.') || (list !== undefined && c in list.errors);
  const listing = codes.filter((c) => !isError(c) && c !== '127.0.0.1');
  if (listing.length === 0) {
    if (codes.some(isError)) return { ...base, result: 'refused' };
    return { ...base, result: 'error', problem: { kind: 'loopback-only' } };
  }
  const reason = txt?.outcome === 'ok' ? txt.records.map((r) => r.data).join(' ').trim() : '';
  return { ...base, result: 'listed', ...(reason ? { reason: reason.slice(0, 300) } : {}) };
}
