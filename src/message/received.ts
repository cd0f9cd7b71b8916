/**
 * Received: headers (RFC 5321 §4.4): what each hop says about the client,
 * and which hop is the receiving side's own record of the sender's
 * connection, the only one that can be trusted.
 *
 * Formats read: Postfix and Sendmail `from HELO (RDNS [IP])`, Exim
 * `from RDNS ([IP] helo=HELO)` / `from [IP] (helo=HELO)`, Microsoft 365 /
 * Exchange `from HELO (IP)`, Gmail `from HELO (RDNS. [IP])`, qmail
 * `from unknown (HELO x) (IP)`, Haraka and Cloudflare Email Routing (the
 * Postfix shape).
 */
import ipaddr from 'ipaddr.js';
import { canonicalName, organizationalDomain } from '../core/names.js';

export interface ReceivedHop {
  raw: string;
  /** The name after `from`. */
  fromName?: string;
  helo?: string;
  rdns?: string;
  ip?: string;
  by?: string;
  protocol?: string;
}

export function parseReceived(raw: string): ReceivedHop {
  const text = raw.replace(/\s+/g, ' ').trim();
  const hop: ReceivedHop = { raw };
  // `by` and `with` are read outside comments: "(using TLSv1.3 with cipher …)" is not the protocol.
  const bare = text.replace(/\((?:[^()]|\([^()]*\))*\)/g, ' ');
  const by = /(?:^|\s)by ([^\s;()]+)/i.exec(bare);
  if (by) hop.by = canonicalName(by[1]!);
  const withClause = /(?:^|\s)with ([^\s;()]+)/i.exec(bare);
  if (withClause) hop.protocol = withClause[1];
  const from = /^from ([^\s()]+) ?((?:\((?:[^()]|\([^()]*\))*\) ?)*)/i.exec(text);
  if (!from) return hop;
  const name = from[1]!;
  const comments = from[2] ?? '';
  hop.fromName = name;

  hop.ip = findIp(comments) ?? literalIp(name);
  const heloEq = /helo=([^\s)\]]+)/i.exec(comments) ?? /\(HELO ([^\s)]+)\)/i.exec(comments);
  const rdnsBeforeIp = /\(([^\s()[\]]+)\.? \[/.exec(comments);
  if (heloEq) {
    // Exim (and qmail): the name after `from` is the reverse DNS name, HELO is in the comment.
    hop.helo = heloEq[1]!;
    if (!name.startsWith('[') && name.toLowerCase() !== 'unknown') hop.rdns = canonicalName(name);
  } else {
    hop.helo = name;
    if (/^\(\[/.test(comments.trim())) {
      // Exim writes `from NAME ([IP])` when HELO and reverse DNS agree.
      if (!name.startsWith('[')) hop.rdns = canonicalName(name);
    } else if (rdnsBeforeIp && rdnsBeforeIp[1]!.toLowerCase() !== 'unknown') {
      hop.rdns = canonicalName(rdnsBeforeIp[1]!);
    }
  }
  return hop;
}

function findIp(comments: string): string | undefined {
  for (const m of comments.matchAll(/\[(?:IPv6:)?([0-9a-fA-F:.]+)\]/g)) {
    const ip = canonical(m[1]!);
    if (ip) return ip;
  }
  for (const tok of comments.split(/[\s()[\],]+/)) {
    const ip = canonical(tok.replace(/^IPv6:/i, ''));
    if (ip) return ip;
  }
  return undefined;
}

function literalIp(name: string): string | undefined {
  const m = /^\[(?:IPv6:)?([^\]]+)\]$/i.exec(name);
  return m ? canonical(m[1]!) : undefined;
}

function canonical(text: string): string | undefined {
  if (!(ipaddr.IPv4.isValidFourPartDecimal(text) || (text.includes(':') && ipaddr.IPv6.isValid(text)))) return undefined;
  const addr = ipaddr.parse(text);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) return (addr as ipaddr.IPv6).toIPv4Address().toString();
  return addr.toString();
}

const INTERNAL_RANGES: ReadonlySet<string> = new Set(['private', 'loopback', 'linkLocal', 'uniqueLocal', 'carrierGradeNat', 'unspecified']);

export interface TrustedHop {
  hop: ReceivedHop;
  index: number;
}

/**
 * The hop where the sender handed the message to the receiving side. Walking
 * down from the top (newest), hops from the receiver's own hosts are
 * internal: private addresses, names in the receiving organization (the
 * topmost `by`), or names matching `trusted` (e.g. *.prod.outlook.com, a
 * filtering service in front). The first hop from outside is the entry.
 */
export function findTrustedHop(hops: readonly ReceivedHop[], trusted: readonly string[] = []): TrustedHop | undefined {
  // The receiving organization: the domain of the topmost hop named by a host name (Gmail's
  // topmost internal hops are named by bare IPv6 addresses).
  const receiverOrg = hops.map((h) => (h.by ? organizationalDomain(h.by) : undefined)).find(Boolean);
  let fallback: TrustedHop | undefined;
  for (let index = 0; index < hops.length; index++) {
    const hop = hops[index]!;
    if (!hop.ip) continue;
    if (isInternal(hop, receiverOrg, trusted)) {
      // A message entirely inside one organization (Gmail to Gmail): its deepest public hop is the sender.
      if (!INTERNAL_RANGES.has(ipaddr.parse(hop.ip).range())) fallback = { hop, index };
      continue;
    }
    return { hop, index };
  }
  return fallback ?? firstWithIp(hops);
}

function isInternal(hop: ReceivedHop, receiverOrg: string | undefined, trusted: readonly string[]): boolean {
  if (INTERNAL_RANGES.has(ipaddr.parse(hop.ip!).range())) return true;
  const names = [hop.rdns, hop.helo, hop.fromName].filter((n): n is string => Boolean(n)).map(canonicalName);
  if (receiverOrg && names.some((n) => organizationalDomain(n) === receiverOrg)) return true;
  return names.some((n) => trusted.some((pattern) => matches(n, pattern)));
}

/** `host.example.com`, `*.example.com` or `.example.com`. */
export function matches(name: string, pattern: string): boolean {
  const p = canonicalName(pattern);
  if (p.startsWith('*.')) return name.endsWith(p.slice(1));
  if (p.startsWith('.')) return name.endsWith(p);
  return name === p;
}

function firstWithIp(hops: readonly ReceivedHop[]): TrustedHop | undefined {
  const index = hops.findIndex((h) => h.ip);
  return index >= 0 ? { hop: hops[index]!, index } : undefined;
}
