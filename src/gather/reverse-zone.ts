/**
 * Finds the zone that holds a reverse name, its primary server, contact and
 * nameservers: together they say who controls the PTR (the holder of the IP
 * block, not the domain's DNS host). One SOA question usually suffices: a
 * negative answer carries the zone's SOA in its authority section
 * (RFC 2308). Only when it does not are the parent zones asked, all at once.
 */
import type { DnsAnswer, DnsRecord, Resolver } from '../dns/types.js';
import { parseSoa } from '../dns/soa.js';
import { isTemporary } from '../core/temporary.js';
import type { ParsedIp } from '../core/ip.js';
import type { ReverseZone } from '../core/types.js';

/** IPv6 reverse zones are usually cut at these prefix lengths. */
const V6_CUTS = [64, 56, 48, 44, 40, 36, 32, 28, 24, 20];

export async function discoverReverseZone(ip: ParsedIp, resolver: Resolver): Promise<ReverseZone> {
  return describeReverseZone(await locateReverseZone(ip, resolver), resolver);
}

/** Where the reverse name lives: found after the first round trip, so what depends on the zone alone can start then. */
export type LocatedZone =
  | { zone: string; soa: DnsRecord; delegatedTo?: string }
  | { zone?: undefined; unknownBecause: string; delegatedTo?: string };

export async function locateReverseZone(ip: ParsedIp, resolver: Resolver): Promise<LocatedZone> {
  const first = await resolver.query(ip.reverseName, 'SOA');
  const delegatedTo = first.chain.length > 0 ? first.chain[first.chain.length - 1]!.data : undefined;
  let found = zoneOf(first);
  if (!found) {
    const candidates = ancestors(ip);
    const answers = await Promise.all(candidates.map((name) => resolver.query(name, 'SOA')));
    found = answers.map(zoneOf).find((z) => z !== undefined);
  }
  const via = delegatedTo ? { delegatedTo } : {};
  if (!found) return { unknownBecause: `SOA lookup of ${ip.reverseName} gave ${first.outcome}${first.detail ? ` (${first.detail})` : ''}`, ...via };
  return { ...found, ...via };
}

export async function describeReverseZone(found: LocatedZone, resolver: Resolver): Promise<ReverseZone> {
  if (found.zone === undefined) return { nameservers: [], unknownBecause: found.unknownBecause };
  const ns = await resolver.query(found.zone, 'NS');
  const soa = parseSoa(found.soa.data);
  const zone: ReverseZone = {
    zone: found.zone,
    nameservers: ns.outcome === 'ok' ? ns.records.map((r) => r.data).sort() : [],
  };
  if (found.delegatedTo) zone.delegatedTo = found.delegatedTo;
  if (isTemporary(ns.outcome)) zone.nameserversFailed = ns.rcode;
  if (soa) {
    zone.primary = soa.mname;
    zone.contact = rnameToEmail(soa.rname);
    zone.negativeTtl = Math.min(found.soa.ttl, soa.minimum);
  }
  return zone;
}

export function zoneOf(a: DnsAnswer): { zone: string; soa: DnsRecord } | undefined {
  if (a.outcome === 'ok' && a.records[0]) return { zone: a.records[0].name, soa: a.records[0] };
  if (a.authority) return { zone: a.authority.name, soa: a.authority };
  return undefined;
}

/** Parent names to try, deepest first. */
function ancestors(ip: ParsedIp): string[] {
  const labels = ip.reverseName.split('.');
  const suffix = 2; // in-addr.arpa, ip6.arpa
  const out: string[] = [];
  if (ip.version === 4) {
    for (let i = 1; i < labels.length - suffix; i++) out.push(labels.slice(i).join('.'));
  } else {
    for (const bits of V6_CUTS) out.push(labels.slice(32 - bits / 4).join('.'));
  }
  return out;
}

/** RFC 1035 RNAME: the first unescaped dot is the @. */
export function rnameToEmail(rname: string): string {
  const m = /^((?:[^.\\]|\\.)+)\.(.+)$/.exec(rname);
  return m ? `${m[1]!.replace(/\\\./g, '.')}@${m[2]}` : rname;
}
