/**
 * Received: headers (RFC 5321 §4.4): what each hop says about the client,
 * and which hop is the receiving side's own record of the sender's
 * connection, the only one that can be trusted.
 *
 * The client's address is read only where the receiving MTA's own format
 * records it; whatever sits in the HELO/EHLO/LHLO part is the sender's
 * claim and never the address. Formats read (the name after `from`, then
 * its comments):
 * - Postfix, Sendmail, Gmail, iCloud, Haraka, OpenSMTPD, Courier, Zimbra:
 *   `from HELO (RDNS [IP])`, `(ident@RDNS [IP])`, `(unknown [IP])`, `(<unknown> [IP])`, `(RDNS. [IP])`
 * - Exim 3/4, Momentum: `from RDNS ([IP]:port helo=HELO)`, `from [IP] (helo=HELO)`, `from RDNS ([IP])`, `([IP:port] helo=…)`
 * - qmail, Yahoo: `from RDNS (HELO helo) (ident@IP)`, `from RDNS (ident@IP)` (HELO = RDNS), `(HELO ) (IP)` (none)
 * - Exchange, Microsoft 365, SMTPSVC, Kerio, Domino: `from HELO (IP)`, `from HELO ([IP])`, `from  ([IP])` (no HELO)
 * - CommuniGate: `from [IP] (account user HELO helo)`; GMX: `from [HELO] ([IP])`, `from RDNS (EHLO helo) [IP]`
 * - HTTP submissions (no HELO), fetchmail retrievals and scanners' notes (not hops).
 */
import ipaddr from 'ipaddr.js';
import { canonicalName, organizationalDomain } from '../core/names.js';
import { inNetworks, providerByOrg, type ReceivingProvider } from './receivers.js';
import { tokenize, type Token } from './received-tokens.js';
import { isTrustedReceiver } from './trusted.js';
export { matches } from './trusted.js';
import { hopTls, type HopTls } from './hop-tls.js';

export interface ReceivedHop {
  raw: string;
  /** The name after `from`. */
  fromName?: string;
  /** The HELO/EHLO/LHLO name the client sent, as written; absent when it sent none (or the hop is not SMTP). */
  helo?: string;
  rdns?: string;
  ip?: string;
  by?: string;
  protocol?: string;
  /** Set when the header records no SMTP handover: a local submission, a retrieval, a scanner's note. */
  notHop?: string;
  /** Whether the receiver says the session used TLS, when it says (hop-tls.ts). */
  tls?: HopTls;
}

const CLAUSES = new Set(['from', 'by', 'via', 'with', 'id', 'for']);
const HELO_WORDS = new Set(['helo', 'ehlo', 'lhlo']);

export function parseReceived(raw: string): ReceivedHop {
  const hop: ReceivedHop = { raw };
  const clauses = splitClauses(tokenize(raw));
  const by = firstWord(clauses.get('by'));
  if (by) hop.by = canonicalName(by);
  const protocol = firstWord(clauses.get('with')) ?? firstWord(clauses.get('via'));
  if (protocol) hop.protocol = protocol;
  const tls = hopTls(clauses, protocol);
  if (tls) hop.tls = tls;
  const note = notAHop(raw, clauses, protocol);
  if (note) hop.notHop = note;
  const from = clauses.get('from');
  if (!from) return hop;

  // The name after `from`: a word, an address literal, or nothing (an empty HELO, SMTPSVC's `from  ([IP])`).
  const head = from[0];
  const name = head?.kind === 'word' ? head.text : head?.kind === 'literal' ? `[${head.text}]` : undefined;
  const rest = name === undefined ? from : from.slice(1);
  if (name !== undefined) hop.fromName = name;

  let claim: string | undefined; // the HELO the client sent, when a comment says so
  let claimed = false;
  let exim = false;
  // Where the receiver wrote the client's address: an Exim-style comment (`[IP] helo=…`: the address comes before the
  // claim the client controls), else the last comment holding one (qmail `(HELO x) (IP)`, Postfix `HELO (RDNS [IP])`:
  // text a client smuggles into its HELO comes before it), else a literal after the comments (GMX, fetchmail).
  let eximFacts: CommentFacts | undefined;
  let lastFacts: CommentFacts | undefined;
  let trailing: string | undefined;
  // CommuniGate Pro writes the client's address before the HELO (`from [IP] (account … HELO …)`, `from NAME ([IP] verified)`):
  // whatever follows its HELO claim is the client's text.
  const communigate = byMentions(clauses, 'communigate');
  const exim3 = byMentions(clauses, 'exim 3');
  for (const [i, t] of rest.entries()) {
    if (communigate && claimed) break;
    if (t.kind === 'literal') {
      trailing ??= addressOf(t.text);
      continue;
    }
    if (t.kind !== 'comment') continue;
    // Exim 3 writes `from RDNS (HELO) [IP]` when they differ: a lone name in a comment before the address literal.
    const only = t.tokens.length === 1 ? t.tokens[0] : undefined;
    const lone = only?.kind === 'word' ? only.text : undefined;
    if (exim3 && lone && !lone.includes('=') && !addressOf(lone) && rest[i + 1]?.kind === 'literal' && !claimed) {
      claim = lone;
      claimed = true;
      continue;
    }
    const c = readComment(t.tokens);
    if (c.helo !== undefined && !claimed) {
      claim = c.helo;
      claimed = true;
    }
    if (c.eximStyle) exim = true;
    if (c.ip && c.eximStyle) eximFacts ??= c;
    if (c.ip) lastFacts = c;
  }
  const facts = eximFacts ?? lastFacts;
  const ip = facts?.ip ?? trailing;
  const rdnsWord = facts?.rdns;
  const identAddress = facts?.ident ?? false;
  // MDaemon writes the client's HELO as the name and records no address: a literal there is the client's claim.
  const mdaemon = byMentions(clauses, 'mdaemon');
  const nameIp = name !== undefined && !mdaemon ? addressOf(name.startsWith('[') ? name.slice(1, -1) : name) : undefined;
  // The name is the client's address only when nothing the receiver recorded says otherwise (Exim `from [IP] (helo=…)`).
  hop.ip = ip ?? nameIp;
  const http = /^https?$/i.test(protocol ?? '') || byMentions(clauses, 'via http');
  const hostName = name !== undefined && nameIp === undefined && name.toLowerCase() !== 'unknown' ? name : undefined;
  if (claimed) {
    // qmail, Exim, CommuniGate, Momentum: the HELO is in a comment, the name is the looked-up name (or the address).
    if (claim) hop.helo = claim;
    if (rdnsWord) hop.rdns = rdnsWord;
    else if (hostName) hop.rdns = canonicalName(hostName);
  } else {
    if (name !== undefined && !http && !(ip === undefined && nameIp !== undefined)) hop.helo = name;
    if (rdnsWord) hop.rdns = rdnsWord;
    // qmail leaves out `(HELO …)` when it equals the name it looked up (`from RDNS (ident@IP)`, `from RDNS (IP) … with SMTP`: a bare
    // address, where Microsoft's `from HELO (IP)` says "with Microsoft SMTP…"); Exim `from NAME ([IP])` likewise.
    else if (hostName && (identAddress || (exim && ip !== undefined) || byMentions(clauses, 'exim') || (facts?.bare && /^e?smtp/i.test(protocol ?? '')))) hop.rdns = canonicalName(hostName);
  }
  if (http) {
    delete hop.helo; // a webmail or API submission sends no HELO
    // …and a webmail's `from NAME ([IP])` names the client as it looked it up (SquirrelMail's REMOTE_HOST); Microsoft's
    // `from NAME (IP) … with HTTPS` names the client by its own name.
    if (!hop.rdns && hostName && facts && !facts.bare) hop.rdns = canonicalName(hostName);
  }
  return hop;
}

/** The clauses of the value by keyword (the first of each); tokens before `from` are dropped. */
function splitClauses(tokens: Token[]): Map<string, Token[]> {
  const out = new Map<string, Token[]>();
  let current: Token[] | undefined;
  for (const t of tokens) {
    const key = t.kind === 'word' ? t.text.toLowerCase() : '';
    // The word right after `from` is the name whatever it says: a client may HELO as "by" or "with".
    const isName = current !== undefined && current === out.get('from') && current.length === 0;
    if (CLAUSES.has(key) && !isName && !(key === 'from' && out.has('from'))) {
      current = [];
      if (!out.has(key)) out.set(key, current);
      continue;
    }
    current?.push(t);
  }
  // `(qmail 487 invoked from network)` alone, or a comment before `by`: kept for notAHop.
  if (!out.has('from') && tokens[0]?.kind === 'comment') out.set('lead', [tokens[0]]);
  return out;
}

function firstWord(tokens: Token[] | undefined): string | undefined {
  const t = tokens?.find((x) => x.kind === 'word');
  return t?.kind === 'word' ? t.text : undefined;
}

/** Why the header is not an SMTP handover, or undefined when it is one. */
function notAHop(raw: string, clauses: Map<string, Token[]>, protocol: string | undefined): string | undefined {
  const lead = clauses.get('lead')?.[0];
  if (lead?.kind === 'comment' && /^qmail \d+ invoked /i.test(lead.text)) return 'a qmail note (local injection)';
  if (!clauses.has('from') && !clauses.has('by')) return 'no from or by part';
  // Postfix's pickup: `by host (Postfix, from userid 1000) id …`
  if (!clauses.has('from') && (clauses.get('by') ?? []).some((t) => t.kind === 'comment' && /\bfrom userid\b/i.test(t.text))) return 'a local submission';
  // Sendmail's `(from user@localhost) by host (…/Submit) id …`: a local submission.
  if (!clauses.has('from') && lead?.kind === 'comment' && /^from \S+@/i.test(lead.text)) return 'a local submission';
  const p = (protocol ?? '').toLowerCase();
  if (p === 'local' || p === 'local-esmtp' || p === 'local-smtp' || p === 'local-bsmtp' || p === 'pipe') return 'a local submission';
  if (p.includes('scanned') || p.includes('scanner')) return 'a scanner\'s note';
  const from = clauses.get('from') ?? [];
  // OpenSMTPD's `from localhost (localhost [local])`, Exchange's `from mail pickup service`: no network client.
  if (from.some((t) => t.kind === 'comment' && t.tokens.some((x) => x.kind === 'literal' && x.text.toLowerCase() === 'local'))) return 'a local submission';
  if (/^from mail pickup service\b/i.test(raw.trimStart())) return 'a local submission';
  // Neither an address nor a protocol: a note of the receiving host's own (Sendmail's `from localhost (localhost) by … id`, a signing daemon).
  if (!protocol && !from.some((t) => t.kind === 'literal' || (t.kind === 'comment' && t.tokens.some((x) => x.kind === 'literal' || (x.kind === 'word' && addressOf(x.text.slice(x.text.lastIndexOf('@') + 1)))))) && !(from[0]?.kind === 'word' && addressOf(from[0].text))) return 'a local submission';
  if (p === 'pop3' || p === 'imap' || p === 'imap4' || p === 'pop' || p === 'pop3s' || p === 'imaps' || p === 'odmr' || p === 'etrn') return 'a retrieval (fetchmail)';
  if (p.startsWith('qmail-scanner') || /\bwith qmail-scanner/i.test(raw.slice(0, 4096))) return 'a scanner\'s note';
  return undefined;
}

/** Whether the receiver names its software so (`by mx (Exim 4.97)`, `(CommuniGate Pro SMTP 6.1)`). */
function byMentions(clauses: Map<string, Token[]>, software: string): boolean {
  for (const key of ['by', 'with']) {
    for (const t of clauses.get(key) ?? []) if ((t.kind === 'comment' ? t.text : t.kind === 'word' ? t.text : '').toLowerCase().includes(software)) return true;
  }
  return false;
}

interface CommentFacts {
  /** A HELO claim the comment carries (qmail `HELO x`, Exim `helo=x`, CommuniGate `… HELO x`); '' for an empty one. */
  helo?: string;
  /** The client's address as the receiver wrote it, outside any HELO claim. */
  ip?: string;
  /** The looked-up name written before the address (Postfix `RDNS [IP]`). */
  rdns?: string;
  /** qmail's `ident@IP`. */
  ident: boolean;
  /** The address stood alone, not in brackets and with no name before it (qmail's, Microsoft's `(IP)`). */
  bare: boolean;
  eximStyle: boolean;
}

/** One comment of the `from` part: its HELO claim (never an address source) and the address the receiver recorded. */
function readComment(tokens: Token[]): CommentFacts {
  const out: CommentFacts = { ident: false, eximStyle: false, bare: false };
  const first = tokens[0];
  if (first?.kind === 'word' && HELO_WORDS.has(first.text.toLowerCase())) {
    out.helo = claimText(tokens.slice(1));
    return out; // qmail's `(HELO x)`: all of it is the client's claim
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'comment') continue; // "(may be forged)"
    if (t.kind === 'word') {
      const lower = t.text.toLowerCase();
      if (lower.startsWith('helo=')) {
        out.eximStyle = true;
        const value = t.text.slice(5);
        // `helo=[192.0.2.1]`: the literal that follows is the claim
        const next = tokens[i + 1];
        if (value === '' && next?.kind === 'literal') {
          out.helo = `[${next.text}]`;
          i++;
        } else out.helo = value;
        continue;
      }
      if (lower.includes('=')) continue; // ident=, port=, …: not the client
      if (HELO_WORDS.has(lower)) {
        // CommuniGate `(account user@example.edu HELO [10.10.10.10])`: the rest is the claim
        out.helo = claimText(tokens.slice(i + 1));
        return out;
      }
      // ZMailer: `([IP]:port "EHLO helo" rhost-flags-…)`: the quoted HELO is the client's claim.
      if (/^"(HELO|EHLO|LHLO)$/i.test(t.text)) {
        const next = tokens[i + 1];
        out.helo = next?.kind === 'word' ? next.text.replace(/"$/, '') : next?.kind === 'literal' ? `[${next.text}]` : '';
        i++;
        continue;
      }
      if (!out.ip) {
        const at = t.text.lastIndexOf('@');
        const tail = at >= 0 ? t.text.slice(at + 1) : t.text;
        // qmail-ldap writes `ident@[IP]`
        const address = addressOf(tail.startsWith('[') && tail.endsWith(']') ? tail.slice(1, -1) : tail);
        if (address) {
          out.ip = address;
          out.ident = at >= 0;
          out.bare = at < 0 && tokens.length === 1;
        }
      }
      continue;
    }
    // An address literal: the client's address, with the looked-up name written before it.
    if (!out.ip) {
      const address = addressOf(t.port === undefined ? t.text : t.text);
      if (address) {
        out.ip = address;
        const before = tokens[i - 1];
        if (before?.kind === 'word') out.rdns = rdnsOf(before.text);
      }
    }
  }
  return out;
}

/** The HELO a claim holds: one word or literal, as written; '' when empty. */
function claimText(tokens: Token[]): string {
  const t = tokens[0];
  if (!t) return '';
  if (t.kind === 'literal') return `[${t.text}]`;
  return t.kind === 'word' ? t.text : '';
}

/** The looked-up name before an address: without an ident (`user@`) and its root dot; none for "unknown". */
function rdnsOf(word: string): string | undefined {
  const name = word.slice(word.lastIndexOf('@') + 1).replace(/\.$/, '');
  const lower = name.toLowerCase();
  // Courier writes "softdnserr" when the lookup failed for now.
  if (name === '' || lower === 'unknown' || lower === '<unknown>' || lower === 'softdnserr' || addressOf(name)) return undefined;
  return canonicalName(name);
}

/**
 * An address as a receiver writes one: IPv4 or IPv6, in brackets or not, with `IPv6:` (RFC 5321 literal), a port
 * (`192.0.2.1:25`, `192.0.2.1.25`), IPv4-mapped IPv6 as its IPv4. Undefined for anything else.
 */
function addressOf(text: string): string | undefined {
  let t = text.replace(/^IPv6:/i, '');
  const direct = canonical(t);
  if (direct) return direct;
  // IPv4 with a port: 192.0.2.1:50387, or five dotted parts (192.0.2.1.25)
  const colon = t.indexOf(':');
  if (colon > 0 && colon === t.lastIndexOf(':') && /^\d{1,5}$/.test(t.slice(colon + 1))) t = t.slice(0, colon);
  else {
    const parts = t.split('.');
    if (parts.length === 5 && /^\d{1,5}$/.test(parts[4]!)) t = parts.slice(0, 4).join('.');
    else return undefined;
  }
  return t.includes(':') ? undefined : canonical(t);
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
    if (!hop.ip || hop.notHop) continue; // "by 2002:…" alone, a local note or a retrieval: no client to judge
    const inside = internalBecause(hop, receiverOrg, provider, trusted);
    if (inside) {
      skipped.push(inside);
      continue;
    }
    const above = skipped.length > 0 ? `, below ${skipped.length} hop(s) of the receiving side (${[...new Set(skipped)].join('; ')})` : '';
    return { hop, index, reason: `the first Received: hop whose client is outside the receiving side${above}` };
  }
  // Every hop is the receiver's own (a message that never left it): its deepest client is the sender.
  const index = hops.map((h) => Boolean(h.ip) && !h.notHop).lastIndexOf(true);
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
  // A gateway is named by its looked-up name, its address or its network; a name the client gave (HELO) never counts.
  if (isTrustedReceiver(trusted, rdns, ip)) return 'hosts named by --trusted-receiver';
  if (rdns && receiverOrg && organizationalDomain(rdns) === receiverOrg && !provider) return `hosts of ${receiverOrg}`;
  return undefined;
}
