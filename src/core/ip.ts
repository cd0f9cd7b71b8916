/**
 * Parsing what a user typed as "the sending IP", strictly: a mail server's
 * address is one IPv4 or IPv6 unicast address, nothing looser. Anything
 * else gets an error that says what was given and what to do instead.
 */
import ipaddr from 'ipaddr.js';
import { InputError, shown } from './errors.js';

export interface ParsedIp {
  /** Canonical text: dotted quad, or RFC 5952 compressed IPv6. */
  address: string;
  version: 4 | 6;
  /** ipaddr.js range name: unicast, private, loopback, reserved, … */
  range: string;
  /** Reverse DNS name, no trailing dot: 55.2.0.192.in-addr.arpa */
  reverseName: string;
  /** Set when the input was an IPv4-mapped IPv6 address (::ffff:192.0.2.1) and was normalised. */
  mappedFrom?: string;
}

const IPV4_STRICT = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function parseIp(input: string): ParsedIp {
  const trimmed = input.trim();
  if (trimmed === '') throw new InputError('no IP address given');
  const text = trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
  // The common case first, and checked strictly, so the octets need no second parse (this runs per address in a batch).
  if (IPV4_STRICT.test(text)) {
    // Strict means canonical already (no leading zeros): the text is the address.
    const p = text.split('.');
    const range = new ipaddr.IPv4([Number(p[0]), Number(p[1]), Number(p[2]), Number(p[3])]).range();
    return unicast({ address: text, version: 4, range, reverseName: `${p[3]}.${p[2]}.${p[1]}.${p[0]}.in-addr.arpa` }, trimmed);
  }
  const raw = shown(trimmed);
  if (/^[0-9a-f:.]+\/\d{1,3}$/i.test(text)) {
    throw new InputError(`'${raw}' is a CIDR range, not one address; use 'ptrcheck batch' for ranges`);
  }
  if (/^[0-9a-f:.]+%[\w.-]+$/i.test(text)) throw new InputError(`'${raw}' has an IPv6 zone index; give the global address`);
  if (/^[\d.]+$/.test(text)) {
    throw new InputError(`'${raw}' is not a valid IPv4 address (four decimal numbers 0-255, no leading zeros)`);
  }
  // ipaddr.js reads an IPv6 address's IPv4 tail loosely (::ffff:010.8.8.8 as octal 10.8.8.8, ::0x8.8.8.8): held to the IPv4 rule above.
  if (/^[0-9a-f:]*:[0-9a-fx]+(\.[0-9a-fx]+)+$/i.test(text) && !IPV4_STRICT.test(text.slice(text.lastIndexOf(':') + 1))) {
    throw new InputError(`'${raw}' is not a valid IPv6 address: its IPv4 part must be four decimal numbers 0-255, no leading zeros`);
  }
  if (text.includes(':') && ipaddr.IPv6.isValid(text)) {
    const v6 = ipaddr.IPv6.parse(text);
    // ::a.b.c.d is IPv4-compatible, deprecated since RFC 4291 §2.5.5.1 (ipaddr.js reads it as mapped): never guess which was meant.
    const compatible = v6.parts.slice(0, 5).every((p) => p === 0) && (/^[0:]*:(\d{1,3}\.){3}\d{1,3}$/.test(text) || (v6.parts[5] === 0 && (v6.parts[6] !== 0 || v6.parts[7]! > 1)));
    if (compatible) {
      throw new InputError(`'${raw}' is a deprecated IPv4-compatible IPv6 address (RFC 4291 §2.5.5.1): give the IPv4 address, or ::ffff:… for IPv4-mapped`);
    }
    if (v6.isIPv4MappedAddress()) return unicast({ ...describe(v6.toIPv4Address()), mappedFrom: v6.toString() }, trimmed);
    return unicast(describe(v6), trimmed);
  }
  if (/^[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$/i.test(text) && /[a-z]/i.test(text)) {
    throw new InputError(`'${raw}' is a hostname, not an IP address; give the address mail is sent from (e.g. dig +short A ${shown(text, 60)})`);
  }
  throw new InputError(`'${raw}' is not an IP address`);
}


/** What each kind of address that can never send mail is, in the refusal. */
const NOT_A_SENDER: Record<string, string> = {
  unspecified: 'an unspecified address (0.0.0.0/8 or ::, "this network": no host)',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
};

/** Mail comes from one host: unspecified, broadcast and multicast addresses are refused, with what they are. */
function unicast(p: ParsedIp, input: string): ParsedIp {
  const what = NOT_A_SENDER[p.range];
  if (what) throw new InputError(`'${shown(input)}' is ${what}: mail is never sent from one; give the address of the sending host`);
  return p;
}

function describe(addr: ipaddr.IPv4 | ipaddr.IPv6): ParsedIp {
  if (addr.kind() === 'ipv4') {
    const v4 = addr as ipaddr.IPv4;
    return {
      address: v4.toString(),
      version: 4,
      range: v4.range(),
      reverseName: `${[...v4.octets].reverse().join('.')}.in-addr.arpa`,
    };
  }
  const v6 = addr as ipaddr.IPv6;
  return {
    address: v6.toString(),
    version: 6,
    range: v6.range(),
    reverseName: `${nibbles(v6).reverse().join('.')}.ip6.arpa`,
  };
}

/** The 32 hex digits of an IPv6 address, most significant first. */
export function nibbles(v6: ipaddr.IPv6): string[] {
  return v6.parts.flatMap((p) => p.toString(16).padStart(4, '0').split(''));
}

/** True when two textual addresses are the same address (any IPv6 spelling, mapped IPv4). */
export function sameAddress(a: string, b: string): boolean {
  // The common case (an A record's dotted quad against the audited IPv4) needs no parse.
  if (a === b && IPV4_STRICT.test(a)) return true;
  try {
    return normalizeAddress(a) === normalizeAddress(b);
  } catch {
    return false;
  }
}

export function normalizeAddress(text: string): string {
  const parsed = ipaddr.process(text);
  return parsed.toNormalizedString();
}
