/**
 * --trusted-receiver patterns: a host of the receiving side (a gateway, a
 * filtering service in front of the MX) whose Received: hops are skipped.
 * A host name (`mx.example.net`), a domain's hosts (`*.example.net`,
 * `.example.net`), an address in any spelling, or a network (CIDR). Each is
 * checked and canonicalised once, where it is given: a pattern that could
 * never match (`10.0.0.0/33`, `192.168.1.300`) is refused, not ignored.
 */
import ipaddr from 'ipaddr.js';
import { InputError, shown } from '../core/errors.js';
import { canonicalName } from '../core/names.js';

/** One label of a host name pattern: letters, digits, hyphens, underscores (as in _dmarc-style service names). */
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/** The pattern as it is matched: a lower-case name pattern, or a network `address/bits` in canonical form. */
export function trustedReceiverPattern(text: string, name = '--trusted-receiver'): string {
  const t = text.trim();
  const refuse = (why: string): never => {
    throw new InputError(`${name} '${shown(t)}' ${why}`);
  };
  if (t === '') refuse('is empty: give a host name (mx.example.net), *.example.net, an address or a CIDR');
  if (t.includes('/')) {
    try {
      const [net, bits] = ipaddr.parseCIDR(t);
      return `${networkOf(net, bits)}/${bits}`;
    } catch {
      return refuse('is not a network: write ADDRESS/BITS (192.0.2.0/24, 2001:db8::/32)');
    }
  }
  const bare = t.startsWith('[') && t.endsWith(']') ? t.slice(1, -1) : t;
  if (ipaddr.isValid(bare) && (bare.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(bare))) {
    const ip = ipaddr.parse(bare);
    return `${ip.toString()}/${ip.kind() === 'ipv4' ? 32 : 128}`;
  }
  if (/^[\d.]+$/.test(bare) || bare.includes(':')) refuse('is not an IP address (four decimal numbers 0-255, or IPv6)');
  const host = canonicalName(t.replace(/^\*\./, '').replace(/^\./, ''));
  const labels = host.split('.');
  if (host.length > 253 || labels.length < 2 || !labels.every((l) => LABEL.test(l))) refuse('is not a host name pattern (mx.example.net, *.example.net, .example.net)');
  return t.startsWith('*.') ? `*.${host}` : t.startsWith('.') ? `.${host}` : host;
}

function networkOf(net: ipaddr.IPv4 | ipaddr.IPv6, bits: number): string {
  const bytes = net.toByteArray();
  for (let bit = bits; bit < bytes.length * 8; bit++) bytes[bit >> 3]! &= ~(0x80 >> (bit & 7));
  return ipaddr.fromByteArray(bytes).toString();
}

/** Whether the client (its looked-up name, its address) is one of the trusted receivers. */
export function isTrustedReceiver(patterns: readonly string[], rdns: string | undefined, ip: string): boolean {
  const addr = ipaddr.process(ip);
  return patterns.some((p) => {
    // A library caller's pattern may not have been through trustedReceiverPattern: a bare address counts as itself.
    const slash = p.indexOf('/');
    const host = slash < 0 ? p : p.slice(0, slash);
    if (!ipaddr.isValid(host) || !(host.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(host))) return slash < 0 && rdns !== undefined && matches(rdns, p);
    const net = ipaddr.process(host);
    const bits = slash < 0 ? (net.kind() === 'ipv4' ? 32 : 128) : Number(p.slice(slash + 1));
    return net.kind() === addr.kind() && addr.match(net, bits);
  });
}

/** `host.example.com`, `*.example.com` or `.example.com`. */
export function matches(name: string, pattern: string): boolean {
  const p = canonicalName(pattern);
  if (p.startsWith('*.')) return name.endsWith(p.slice(1));
  if (p.startsWith('.')) return name.endsWith(p);
  return name === p;
}
