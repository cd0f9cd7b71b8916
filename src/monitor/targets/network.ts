/**
 * Network arithmetic for watched CIDRs and SPF ip4:/ip6: terms: an address
 * as a number, a network as its first address and prefix length, and its
 * addresses generated one at a time (a /16 is 65,536 steps, never an array).
 */
import ipaddr from 'ipaddr.js';
import { parseIp } from '../../core/ip.js';

export interface Network {
  version: 4 | 6;
  /** The network address (host bits cleared), as a number. */
  first: bigint;
  bits: number;
}

const width = (version: 4 | 6): number => (version === 4 ? 32 : 128);

/** How many addresses the network holds (2^96 for a /32 of IPv6: a bigint). */
export function networkSize(n: Network): bigint {
  return 1n << BigInt(width(n.version) - n.bits);
}

/** An address's number; the text must already be a valid address of that version. */
export function addressValue(text: string, version: 4 | 6): bigint {
  const bytes = version === 4 ? ipaddr.IPv4.parse(text).toByteArray() : ipaddr.IPv6.parse(text).toByteArray();
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

/** Canonical text of an address number: dotted quad, or RFC 5952 compressed IPv6 (as parseIp writes them). */
export function addressText(version: 4 | 6, value: bigint): string {
  if (version === 4) {
    const v = Number(value);
    return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  }
  const parts: number[] = [];
  for (let i = 7; i >= 0; i--) parts.push(Number((value >> BigInt(16 * i)) & 0xffffn));
  return new ipaddr.IPv6(parts).toString();
}

/** The network of `bits` that holds the address (host bits cleared). */
export function networkOf(text: string, version: 4 | 6, bits: number): Network {
  const host = BigInt(width(version) - bits);
  return { version, first: (addressValue(text, version) >> host) << host, bits };
}

export function networkText(n: Network): string {
  return `${addressText(n.version, n.first)}/${n.bits}`;
}

/** The last address of the network. */
export function lastAddress(n: Network): string {
  return addressText(n.version, n.first + networkSize(n) - 1n);
}

/** Addresses `offset`, `offset + 1`, … of the network, at most `count`, in order (every address: a sending host can be any). */
export function* addressesOf(n: Network, offset = 0, count = Infinity): Generator<string> {
  const size = networkSize(n);
  if (n.version === 4) {
    // Plain numbers: a /16 must not cost a bigint per address.
    const start = Number(n.first);
    const end = Math.min(Number(size), offset + count);
    for (let i = Math.max(0, offset); i < end; i++) yield addressText(4, BigInt(start + i));
    return;
  }
  let i = BigInt(Math.max(0, offset));
  const end = count === Infinity ? size : BigInt(offset + count) < size ? BigInt(offset + count) : size;
  for (; i < end; i++) yield addressText(6, n.first + i);
}

const V4_ZERO_END = 1n << 24n; // 0.0.0.0/8: "this network"
const V4_MULTICAST = 224n << 24n; // 224.0.0.0/4
const V4_RESERVED = 240n << 24n; // 240.0.0.0/4 (parseIp takes it) up to the broadcast address
const V4_BROADCAST = (1n << 32n) - 1n;
const V6_COMPATIBLE_END = 1n << 32n; // ::/96: unspecified, loopback and the deprecated IPv4-compatible addresses
const V6_MULTICAST = 0xffn << 120n; // ff00::/8

/**
 * The addresses of a network that could send mail, in order: what parseIp
 * refuses (unspecified, multicast, broadcast, IPv4-compatible IPv6) is
 * stepped over a range at a time, so ip4:0.0.0.0/0 costs no 16 M steps.
 * IPv4-mapped IPv6 comes out as the IPv4 address, as parseIp gives it.
 */
export function* sendableAddresses(n: Network): Generator<string> {
  const end = n.first + networkSize(n);
  let v = n.first;
  while (v < end) {
    if (n.version === 4) {
      if (v < V4_ZERO_END) v = V4_ZERO_END;
      else if (v >= V4_MULTICAST && v < V4_RESERVED) v = V4_RESERVED;
      else if (v === V4_BROADCAST) return;
      else {
        yield addressText(4, v);
        v++;
      }
      continue;
    }
    if (v < V6_COMPATIBLE_END) v = V6_COMPATIBLE_END;
    else if (v >= V6_MULTICAST) return;
    else {
      const address = canonicalAddress(addressText(6, v));
      if (address) yield address;
      v++;
    }
  }
}

/** The address as parseIp writes it, or undefined when parseIp refuses it. */
export function canonicalAddress(text: string): string | undefined {
  try {
    return parseIp(text).address;
  } catch {
    return undefined;
  }
}

/** Sorts canonical addresses by number, IPv4 before IPv6. */
export function compareAddresses(a: string, b: string): number {
  const va = a.includes(':') ? 6 : 4;
  const vb = b.includes(':') ? 6 : 4;
  if (va !== vb) return va - vb;
  const x = addressValue(a, va);
  const y = addressValue(b, vb);
  return x < y ? -1 : x > y ? 1 : 0;
}
