/**
 * Whether a server may contact an address a stranger's DNS named: public
 * unicast only (not private, loopback, reserved…), and an IPv6 address that
 * carries an IPv4 one is judged by where a packet to it would really go.
 */
import ipaddr from 'ipaddr.js';

/** Decimal octets without leading zeros: a spelling no resolver or OS reads another way (not 010.0.0.1, 127.1, 0x7f…). */
const DOTTED = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** 64:ff9b::/96, the NAT64 well-known prefix (RFC 6052 §2.1): the IPv4 address is the last 32 bits. */
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96') as [ipaddr.IPv6, number];

export function isPublicUnicast(address: string): boolean {
  const v6 = ipv6(address);
  if (v6 === undefined) return DOTTED.test(address) && ipaddr.IPv4.parse(address).range() === 'unicast';
  if (v6 === null) return false;
  const p = v6.parts;
  // IPv4-compatible ::a.b.c.d / ::7f00:1 (RFC 4291 §2.5.5.1, deprecated): routed nowhere on the Internet, and a host
  // that still tunnels them automatically (Linux sit0) sends them to the embedded IPv4. Never worth contacting.
  if (p.slice(0, 6).every((x) => x === 0) && (p[6] !== 0 || p[7]! > 1)) return false;
  // IPv4-mapped ::ffff:a.b.c.d / ::ffff:7f00:1: a dual-stack socket sends it to the IPv4 address itself.
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().range() === 'unicast';
  // NAT64 well-known prefix: a DNS64 resolver on an IPv6-only network synthesises these for IPv4-only hosts, and the
  // translator forwards to the embedded IPv4; RFC 6052 §3.1 forbids the prefix for non-global IPv4, but a translator
  // need not enforce that, so the embedded address decides.
  if (v6.match(NAT64_WELL_KNOWN)) return new ipaddr.IPv4([p[6]! >> 8, p[6]! & 255, p[7]! >> 8, p[7]! & 255]).range() === 'unicast';
  // Everything else is judged by its own range, which refuses every other embedding outright:
  // IPv4-translated ::ffff:0:a.b.c.d (RFC 6145, 'rfc6145') means something only inside one translator's domain;
  // 64:ff9b:1::/48 (RFC 8215, also 'rfc6052') is local-use, with a prefix length (so an embedding) we cannot know;
  // 6to4 2002::/16 and Teredo 2001::/32 go through relays chosen by the address's owner, toward an IPv4 address
  // (Teredo's client address obfuscated) that the owner picked: refused whatever they embed, as before.
  return v6.range() === 'unicast';
}

/**
 * The IPv6 address as the OS would read it; undefined when the text is not IPv6 (maybe IPv4), null when it is
 * unusable (a zone index, a loose dotted tail). ipaddr.js reads `::a.b.c.d` as IPv4-mapped; the OS reads it as
 * IPv4-compatible (`::7f00:1`), so a dotted tail is spelled in hex before ipaddr.js sees it.
 */
function ipv6(text: string): ipaddr.IPv6 | null | undefined {
  if (!text.includes(':')) return undefined;
  let hex = text;
  if (text.includes('.')) {
    const at = text.lastIndexOf(':') + 1;
    if (!DOTTED.test(text.slice(at))) return null;
    const o = text.slice(at).split('.').map(Number) as [number, number, number, number];
    hex = `${text.slice(0, at)}${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}`;
  }
  if (!ipaddr.IPv6.isValid(hex) || hex.includes('%')) return null;
  return ipaddr.IPv6.parse(hex);
}
