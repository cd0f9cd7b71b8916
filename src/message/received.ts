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
import { inNetworks, providerByOrg, type ReceivingProvider } from './receivers.js';

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

/** `from [192.0.2.1]`, or a bare address as Yahoo writes its internal hops (`from 10.217.151.75 by atlas…`). */
function literalIp(name: string): string | undefined {
  const m = /^\[(?:IPv6:)?([^\]]+)\]$/i.exec(name);
  return m ? canonical(m[1]!) : canonical(name);
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
  /** Why the hops above it were the receiving side's own, in words for the report. */
  reason: string;
}

/**
 * The hop where the sender handed the message to the receiving side. Walking
 * down from the top (newest), a hop's client is the receiving side's own
 * only on what the receiver itself recorded: a private address, the reverse
 * DNS name the receiver looked up (never the HELO, which the sender writes)
 * in the receiver's organization or matching `trusted` (a gateway in front,
 * *.relay.example.net), or, for a big provider, one of its internal relays
 * at one of its own addresses. A provider's *outbound* service (another of
 * its customers sending) is where mail entered. The first client from
 * outside is the entry; nothing below it is trusted.
 */
export function findTrustedHop(hops: readonly ReceivedHop[], trusted: readonly string[] = []): TrustedHop | undefined {
  // The receiving organization: the domain of the topmost hop named by a host name (Gmail's
  // topmost internal hops are named by bare IPv6 addresses).
  const receiverOrg = hops.map((h) => (h.by ? organizationalDomain(h.by) : undefined)).find(Boolean);
  const provider = providerByOrg(receiverOrg);
  const skipped: string[] = [];
  for (let index = 0; index < hops.length; index++) {
    const hop = hops[index]!;
    if (!hop.ip) continue; // "by 2002:…" alone: a step inside the receiver, no client to judge
    const inside = internalBecause(hop, receiverOrg, provider, trusted);
    if (inside) {
      skipped.push(inside);
      continue;
    }
    const above = skipped.length > 0 ? `, below ${skipped.length} hop(s) of the receiving side (${[...new Set(skipped)].join('; ')})` : '';
    return { hop, index, reason: `the first Received: hop whose client is outside the receiving side${above}` };
  }
  // Every hop is the receiver's own (a message that never left it): its deepest client is the sender.
  const index = hops.map((h) => Boolean(h.ip)).lastIndexOf(true);
  return index >= 0 ? { hop: hops[index]!, index, reason: 'the deepest Received: hop (every hop is inside the receiving side)' } : undefined;
}

/** Why the hop's client is the receiving side's own, or undefined when it is not. */
function internalBecause(hop: ReceivedHop, receiverOrg: string | undefined, provider: ReceivingProvider | undefined, trusted: readonly string[]): string | undefined {
  const ip = hop.ip!;
  if (INTERNAL_RANGES.has(ipaddr.parse(ip).range())) return 'private addresses';
  // What the receiver looked up, not what the client said.
  const rdns = hop.rdns ? canonicalName(hop.rdns) : undefined;
  const claimed = [hop.helo, hop.fromName].filter((n): n is string => Boolean(n)).map(canonicalName);
  if (provider) {
    const names = rdns ? [rdns] : claimed; // Exchange Online writes the client's HELO, never a looked-up name
    if (names.some((n) => provider.outbound.test(n))) return undefined;
    if (inNetworks(ip, provider.networks) && names.some((n) => provider.internal.test(n))) return `${provider.name} internal relays`;
  }
  if (rdns && trusted.some((pattern) => matches(rdns, pattern))) return 'hosts named by --trusted-receiver';
  if (rdns && receiverOrg && organizationalDomain(rdns) === receiverOrg && !provider) return `hosts of ${receiverOrg}`;
  // A gateway may also be named by its address; a name the client gave (HELO) never counts.
  if (trusted.some((pattern) => pattern === ip)) return 'hosts named by --trusted-receiver';
  return undefined;
}
/** `host.example.com`, `*.example.com` or `.example.com`. */
export function matches(name: string, pattern: string): boolean {
  const p = canonicalName(pattern);
  if (p.startsWith('*.')) return name.endsWith(p.slice(1));
  if (p.startsWith('.')) return name.endsWith(p);
  return name === p;
}
