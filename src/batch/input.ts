/**
 * Batch input: one IP or CIDR a line, comments (#) and blank lines allowed.
 * CIDRs expand lazily, so a /16 is 65,536 iterations, never an array; a bad
 * line is reported with its number and skipped.
 */
import ipaddr from 'ipaddr.js';
import { parseIp } from '../core/ip.js';
import { InputError } from '../core/errors.js';

export type BatchItem =
  | { kind: 'ip'; line: number; ip: string; source: string }
  | { kind: 'error'; line: number; text: string; message: string };

export interface InputOptions {
  /** Refuse a CIDR holding more addresses than this (a /64 holds 2^64). */
  maxPerCidr: number;
}

export { DEFAULT_MAX_PER_CIDR } from '../config/defaults.js';
import { DEFAULT_MAX_PER_CIDR } from '../config/defaults.js';

export async function* batchItems(lines: AsyncIterable<string> | Iterable<string>, o: InputOptions = { maxPerCidr: DEFAULT_MAX_PER_CIDR }): AsyncGenerator<BatchItem> {
  let n = 0;
  for await (const raw of lines) {
    n++;
    const text = entryText(raw);
    if (text === '') continue;
    if (text.includes('/')) {
      yield* expandCidr(text, n, o.maxPerCidr);
      continue;
    }
    // A plain dotted quad is already canonical: the audit parses and checks it (a refusal there is
    // reported for this line the same way), so it is not parsed twice.
    if (IPV4_PLAIN.test(text)) {
      yield { kind: 'ip', line: n, ip: text, source: text };
      continue;
    }
    try {
      yield { kind: 'ip', line: n, ip: parseIp(text).address, source: text };
    } catch (e) {
      yield { kind: 'error', line: n, text: clip(text), message: e instanceof InputError ? e.message : String(e) };
    }
  }
}

/** What a line of batch input holds: its comment (# …) and surrounding blanks removed. */
export function entryText(raw: string): string {
  return raw.replace(/#.*$/, '').trim();
}

function* expandCidr(text: string, line: number, max: number): Generator<BatchItem> {
  let net: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    net = ipaddr.parseCIDR(text);
  } catch {
    yield { kind: 'error', line, text: clip(text), message: `'${clip(text)}' is not a CIDR range` };
    return;
  }
  const [addr, bits] = net;
  if (addr.kind() === 'ipv4') {
    yield* expandV4((addr as ipaddr.IPv4).octets, bits, text, line, max);
    return;
  }
  const width = 128;
  const size = 1n << BigInt(width - bits);
  if (size > BigInt(max)) {
    yield { kind: 'error', line, text, message: `${text} holds ${size} addresses, over the limit of ${max} (--max-per-cidr)` };
    return;
  }
  const bytes = addr.toByteArray();
  let start = 0n;
  for (const b of bytes) start = (start << 8n) | BigInt(b);
  start &= ~(size - 1n); // the network address, even if the line named a host inside it
  for (let i = 0n; i < size; i++) {
    const v = start + i;
    const out: number[] = [];
    for (let k = bytes.length - 1; k >= 0; k--) out[k] = Number((v >> BigInt(8 * (bytes.length - 1 - k))) & 0xffn);
    yield { kind: 'ip', line, ip: ipaddr.fromByteArray(out).toString(), source: text };
  }
}

/** Canonical dotted quads (no leading zeros): what parseIp would give back unchanged. */
const IPV4_PLAIN = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** An IPv4 range in plain numbers (a /8 is 16 M iterations: BigInt and ipaddr.js per address cost more than the audit's own parse). */
function* expandV4(octets: readonly number[], bits: number, text: string, line: number, max: number): Generator<BatchItem> {
  const size = 2 ** (32 - bits);
  if (size > max) {
    yield { kind: 'error', line, text, message: `${text} holds ${size} addresses, over the limit of ${max} (--max-per-cidr)` };
    return;
  }
  const value = ((octets[0]! << 24) >>> 0) + (octets[1]! << 16) + (octets[2]! << 8) + octets[3]!;
  const start = value - (value % size); // the network address, even if the line named a host inside it
  for (let i = 0; i < size; i++) {
    const v = start + i;
    yield { kind: 'ip', line, ip: `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`, source: text };
  }
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}
