/**
 * Target ──gather──▶ Evidence: what an audit is of, and everything gather
 * found (each DNS outcome kept as data, STYLE.md rule 3).
 */
import type { DnsAnswer } from '../dns/types.js';
import type { ParsedIp } from './ip.js';
import type { NameProblem } from './names.js';
import type { Fragment } from './result.js';
import type { ZoneServersEvidence } from './zone-servers.js';
import type { SmtpProbeEvidence } from './smtp-probe.js';
import type { WebProbeEvidence } from './web-probe.js';
export type * from './smtp-probe.js';
export type * from './web-probe.js';
export type * from './zone-servers.js';

/** What the sender claimed, as a report shows it: the IP and, optionally, HELO, MAIL FROM and header From. */
export interface TargetClaims {
  ip: string;
  helo?: string;
  mailFrom?: string;
  from?: string;
  /** The header From as given, when it holds more than the address (a display name). */
  fromHeader?: string;
  /** Message mode: the Received: header the IP and HELO came from, and why that one. */
  entry?: { header: string; reason: string };
}

/**
 * What to audit. Every mode becomes one: an IP with claims (audit), plus the
 * message as received (message mode, message/target.ts), plus the live SMTP
 * session (the sink).
 */
export interface Target extends TargetClaims {
  message?: ReceivedMessage;
  session?: SessionEvidence;
  /** A message was received but could not be read (too complex, not a message): why, so its checks say so. */
  unreadableMessage?: string;
}

/** A received message: its bytes (for mailauth) and what was read from its headers. */
export interface ReceivedMessage {
  raw: Uint8Array;
  facts: MessageEvidence;
}

/** The forward (A/AAAA) lookup of one PTR name. */
export interface ForwardLookup {
  name: string;
  /** Absent when the name was not looked up because it cannot exist in public DNS. */
  answer?: DnsAnswer;
  /** Why it was not looked up. */
  notLookedUp?: string;
  /** Addresses the name resolved to (after CNAMEs). */
  addresses: string[];
  /** True when one of `addresses` is the connecting IP. */
  matches: boolean;
}

/** What a host name looks like to receivers: a named mail host, or an address pool's automatic name. */
export type NameKind = 'clean' | 'mail-host' | 'static' | 'cloud-default' | 'dynamic-pool' | 'ip-in-name' | 'dynamic-word';

/** A host name judged once, in gather (rules/lib/generic.ts), for the rules and the remediation alike. */
export interface NameClass {
  kind: NameKind;
  /** What was seen (the encoding of the address, the words, the provider), as a fragment: words live in meta. */
  detail?: Fragment;
  /** The cloud or hosting provider whose default name this is. */
  provider?: string;
}

export interface PtrEvidence {
  answer: DnsAnswer;
  /** Distinct PTR names, lower-case, in answer order. */
  names: string[];
  /** Names whose forward lookups were made (the first `forwardCap`). */
  checked: string[];
  /** True when there were more names than the cap and the rest went unchecked. */
  capped: boolean;
  /** Each name in `names`, judged generic or not (same order). */
  classes: NameClass[];
}

/** The zone that holds the reverse name: it tells who controls the PTR. */
export interface ReverseZone {
  zone?: string;
  /** Set when the reverse name is a CNAME into another zone (RFC 2317 classless delegation). */
  delegatedTo?: string;
  primary?: string;
  /** SOA RNAME as an address: hostmaster.isp.example. → hostmaster@isp.example */
  contact?: string;
  /** Negative-caching TTL (SOA MINIMUM): how long resolvers remember "no PTR". */
  negativeTtl?: number;
  nameservers: string[];
  /** The NS lookup of the zone failed temporarily (its RCODE): the nameservers are unknown, not absent. */
  nameserversFailed?: string;
  /** When the zone could not be found, why. */
  unknownBecause?: string;
  /** The cloud or hosting provider that holds the block (by its default PTR names, or its DNS), and how its customers set a PTR. */
  provider?: { name: string; howToSet: string };
}

/** The HELO/EHLO name as given, classified, and (for a host name) resolved. */
export interface HeloEvidence {
  name: string;
  form: 'hostname' | 'address-literal' | 'bare-ip';
  /** For an address literal: the address inside, canonical; absent when it is not a valid address. */
  literal?: string;
  /** Host-name syntax problems (hostname form only). */
  problems: NameProblem[];
  /** Generic or not (hostname form only). */
  class?: NameClass;
  /** A and AAAA answers, when the name could exist in public DNS. */
  a?: DnsAnswer;
  aaaa?: DnsAnswer;
  addresses: string[];
}

/** A sender domain (header From or MAIL FROM) and whether it can receive mail. */
export interface DomainEvidence {
  role: 'from' | 'mail-from';
  /** The address as given. */
  address: string;
  /** A-label, lower case; absent when the address has no usable domain. */
  domain?: string;
  orgDomain?: string;
  /** Why the address or its domain is unusable. */
  problem?: string;
  mx?: DnsAnswer;
  a?: DnsAnswer;
  aaaa?: DnsAnswer;
  /** RFC 7505: a single MX "0 ." says the domain accepts no mail. */
  nullMx: boolean;
}

export type SpfResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'temperror' | 'permerror';

export interface SpfEvidence {
  /** Which identity was checked: the MAIL FROM domain, or the HELO name for a null reverse-path. */
  identity: 'mailfrom' | 'helo';
  domain: string;
  result: SpfResult;
  comment: string;
  record?: string;
  lookups?: number;
  explanation?: string;
}

export interface DmarcEvidence {
  /** The author (header From) domain. */
  domain: string;
  outcome: 'found' | 'none' | 'temperror';
  /** Effective policy after sp/np/t=y. */
  policy?: 'none' | 'quarantine' | 'reject';
  p?: string;
  sp?: string;
  testMode?: boolean;
  record?: string;
  /** Where the applied record was published (RFC 9989 policy domain). */
  recordDomain?: string;
  /** TXT records at _dmarc.<domain> that were not valid DMARC records. */
  rejected: string[];
  warnings: string[];
  error?: string;
}

export interface DkimSignature {
  domain: string;
  selector: string;
  result: string;
  comment?: string;
  /** True when the signing domain aligns (relaxed) with the From domain. */
  aligned: boolean;
  algorithm?: string;
  bodyHashOk?: boolean;
}

/** What mailauth found in a received message (message mode only). */
export interface AuthEvidence {
  dkim: DkimSignature[];
  dmarc?: { result: string; policy?: string; comment?: string; spfAligned?: string; dkimAligned?: string; skipReason?: string };
  arc?: { result: string; comment?: string; instances?: number };
  headerFrom: string[];
}

/** What the SMTP sink saw of the connection itself (sink mode only). */
export interface SessionEvidence {
  ip: string;
  /** The peer address before XCLIENT/XFORWARD, when a trusted proxy presented another. */
  peerIp?: string;
  helo?: string;
  mailFrom: string;
  rcpt: string[];
  tls: boolean;
  tlsProtocol?: string;
  tlsCipher?: string;
}

/** Whether the receiver's Received: line says the session used TLS (message/hop-tls.ts). */
export interface HopTls {
  /** True: TLS; false: the receiver wrote a plain-text protocol and no TLS note. */
  used: boolean;
  /** The TLS version as the receiver wrote it, normalised (TLSv1.3). */
  protocol?: string;
  cipher?: string;
  /** What said so: the protocol word, or the note. */
  how: string;
}

/** Where the connecting IP and HELO of a message came from. */
export interface MessageEvidence {
  size: number;
  headerCount: number;
  messageId?: string;
  subject?: string;
  /** The Received: header judged to be the receiving side's own, when one was used, and why it was chosen. */
  hop?: { index: number; raw: string; by?: string; reason?: string; tls?: HopTls };
  ipSource: 'received' | 'caller' | 'session';
  heloSource: 'received' | 'caller' | 'session' | 'none';
  receivedCount: number;
  listUnsubscribe?: string;
  listUnsubscribePost?: string;
  /** Headers that mark bulk mail (Precedence: bulk/list, List-Id, List-Unsubscribe, Feedback-ID). */
  bulkSignals: string[];
}

export interface Evidence {
  target: Target;
  ip?: ParsedIp;
  ptr?: PtrEvidence;
  forward?: ForwardLookup[];
  reverseZone?: ReverseZone;
  /** The reverse zone's own servers, asked directly (when the PTR or FCrDNS does not pass, or when asked). */
  zoneServers?: ZoneServersEvidence;
  /** The sender's own SMTP server, asked for its banner, EHLO name and certificate (opt-in: --probe-smtp). */
  smtpProbe?: SmtpProbeEvidence;
  /** The PTR name's website (and its organisational domain's), asked for an imprint or contact link (opt-in: --probe-web). */
  webProbe?: WebProbeEvidence;
  helo?: HeloEvidence;
  /** Header From and MAIL FROM domains that were given. */
  senders?: DomainEvidence[];
  spf?: SpfEvidence;
  dmarc?: DmarcEvidence;
  auth?: AuthEvidence;
  message?: MessageEvidence;
  session?: SessionEvidence;
  /** One lookup per configured DNSBL (RFC 5782); absent when none is configured. */
  dnsbl?: DnsblLookup[];
  /** Evidence that could not be gathered in this run, and why (a check this runtime cannot do). */
  unavailable?: Partial<Record<EvidenceKey, string>>;
  /** Every DNS answer the audit saw, in order. */
  dns: readonly DnsAnswer[];
}

export type EvidenceKey = Exclude<keyof Evidence, 'target' | 'dns' | 'unavailable'>;

/** What one DNS blocklist says of the IP (RFC 5782). */
export interface DnsblLookup {
  zone: string;
  /** The name asked: the reversed address (octets, or nibbles for IPv6) under the zone. */
  query: string;
  /**
   * listed: an A record in 127.0.0.0/8 (RFC 5782 §2.1); clear: NXDOMAIN (or no A);
   * refused: the list's "query refused" codes (127.255.255.x: public resolvers, limits;
   * a known list's own error codes);
   * error: no usable answer (SERVFAIL, timeout, 127.0.0.1, or addresses outside 127/8);
   * skipped: not asked, or its answer not taken (`skipped` says why).
   */
  result: 'listed' | 'clear' | 'refused' | 'error' | 'skipped';
  /** A blocklist (a listing counts against the sender) or an allowlist (a listing vouches for it); block unless the registry says otherwise. */
  kind?: 'block' | 'allow';
  /** informational: a listing is shown, never deducted (UCEPROTECT levels 2 and 3); scoring unless the registry says otherwise. */
  role?: 'scoring' | 'informational';
  /** The list's name in ptrcheck's registry (rules/data/dnsbl-registry.ts); absent for a zone it does not know. */
  list?: string;
  /** Why the list was not asked: it is dead, it does not answer for IPv6, or it lists domains. */
  skipped?: 'dead' | 'no-ipv6' | 'domain-list';
  /** The A records returned, when any. */
  codes: string[];
  /** The list's TXT explanation for a listing, when it gives one. */
  reason?: string;
  /** Why the result is `error`: the lookup failed (its rcode), 127.0.0.1 answered, or addresses outside 127/8 (a dead list). */
  problem?: { kind: 'lookup-failed'; rcode: string } | { kind: 'loopback-only' } | { kind: 'outside-loopback' };
}
