/**
 * DNS blocklist lookups (RFC 5782): the reversed address under each
 * configured list zone. A gives the verdict; TXT, asked only for a listing
 * (lists count queries), the reason. Both fit beside PTR → A, so they add
 * no round trip to the audit.
 */
import type { ParsedIp } from '../core/ip.js';
import type { DnsblLookup } from '../core/types.js';
import type { DnsAnswer, Resolver } from '../dns/types.js';

export function dnsblQueryName(ip: ParsedIp, zone: string): string {
  const reversed = ip.reverseName.replace(/\.(in-addr|ip6)\.arpa$/, '');
  return `${reversed}.${zone.replace(/\.$/, '').toLowerCase()}`;
}

export async function gatherDnsbl(ip: ParsedIp, zones: readonly string[], resolver: Resolver): Promise<DnsblLookup[]> {
  return Promise.all(
    zones.map(async (zone) => {
      const query = dnsblQueryName(ip, zone);
      const name = zone.replace(/\.$/, '').toLowerCase();
      const a = await resolver.query(query, 'A');
      const found = classify(name, query, a);
      if (found.result !== 'listed') return found;
      return classify(name, query, a, await resolver.query(query, 'TXT'));
    }),
  );
}

/** RFC 5782 §2.1: listings are A records in 127.0.0.0/8; 127.0.0.1 is never one, and lists answer 127.255.255.x to refuse. */
export function classify(zone: string, query: string, a: DnsAnswer, txt?: DnsAnswer): DnsblLookup {
  const base = { zone, query, codes: a.records.map((r) => r.data) };
  if (a.outcome === 'nxdomain' || a.outcome === 'nodata') return { ...base, result: 'clear' };
  if (a.outcome !== 'ok') return { ...base, result: 'error', problem: { kind: 'lookup-failed', rcode: a.rcode } };
  const codes = base.codes;
  if (codes.some((c) => !c.startsWith('127.'))) return { ...base, result: 'error', problem: { kind: 'outside-loopback' } };
  const listing = codes.filter((c) => !c.startsWith('127.255.255.') && c !== '127.0.0.1');
  if (listing.length === 0) {
    if (codes.some((c) => c.startsWith('127.255.255.'))) return { ...base, result: 'refused' };
    return { ...base, result: 'error', problem: { kind: 'loopback-only' } };
  }
  const reason = txt?.outcome === 'ok' ? txt.records.map((r) => r.data).join(' ').trim() : '';
  return { ...base, result: 'listed', ...(reason ? { reason: reason.slice(0, 300) } : {}) };
}
