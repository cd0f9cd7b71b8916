/**
 * The HELO/EHLO name: classified (host name, address literal, bare IP) and,
 * for a host name, its A and AAAA asked at once, beside the PTR lookup.
 */
import ipaddr from 'ipaddr.js';
import type { Resolver } from '../dns/types.js';
import type { HeloEvidence } from '../core/types.js';
import { canonicalName, hostnameProblems, isResolvableName } from '../core/names.js';
import { classifyName } from '../../rules/lib/generic.js';

/** The HELO's form, syntax problems and, for a host name, whether it looks generic for this connecting address. */
export function classifyHelo(raw: string, address?: string): Omit<HeloEvidence, 'a' | 'aaaa' | 'addresses'> {
  const name = raw.trim();
  const literal = /^\[(.*)\]$/.exec(name);
  if (literal) {
    const inner = literal[1]!;
    const v6 = /^ipv6:(.+)$/i.exec(inner);
    const addr = v6 ? (ipaddr.IPv6.isValid(v6[1]!) ? ipaddr.IPv6.parse(v6[1]!) : undefined)
      : ipaddr.IPv4.isValidFourPartDecimal(inner) ? ipaddr.IPv4.parse(inner) : undefined;
    const out: Omit<HeloEvidence, 'a' | 'aaaa' | 'addresses'> = { name, form: 'address-literal', problems: [] };
    if (addr) out.literal = addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress() ? (addr as ipaddr.IPv6).toIPv4Address().toString() : addr.toString();
    return out;
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(name) || (name.includes(':') && ipaddr.IPv6.isValid(name))) {
    return { name, form: 'bare-ip', problems: [] };
  }
  return { name, form: 'hostname', problems: hostnameProblems(name), class: classifyName(name, address) };
}

export async function gatherHelo(raw: string, address: string, resolver: Resolver): Promise<HeloEvidence> {
  const base = classifyHelo(raw, address);
  if (base.form !== 'hostname' || !isResolvableName(base.name) || base.problems.includes('bad-character')) {
    return { ...base, addresses: [] };
  }
  const name = canonicalName(base.name);
  const [a, aaaa] = await Promise.all([resolver.query(name, 'A'), resolver.query(name, 'AAAA')]);
  return { ...base, a, aaaa, addresses: [...a.records, ...aaaa.records].map((r) => r.data) };
}
