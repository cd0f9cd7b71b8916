/** The JSON report, version 1 (DESIGN.md): what renderers show and stores keep. */
import type { ReceiverVerdict } from './receivers.js';
import type { ProgramResult } from './requirements.js';
import type { MessageEvidence, SessionEvidence, TargetClaims } from './evidence.js';
import type { Iprev, Status, Verdict } from './result.js';

export interface ReportResult {
  rule: string;
  status: Status;
  title: string;
  message: string;
  messageId: string;
  evidence: Record<string, unknown>;
  remedy?: string;
}

export interface Remediation {
  /** Whether anything about the PTR or its forward record needs fixing. */
  needed: boolean;
  reverseName: string;
  zone?: string;
  delegatedTo?: string;
  nameservers: string[];
  contact?: string;
  /** Who controls the PTR, in words: the holder of the reverse zone. */
  controlledBy: string;
  /** Provider-specific steps when the zone belongs to a known cloud or hosting provider. */
  providerSteps?: string;
  hostname: string;
  /** True when `hostname` is a stand-in the user must replace with their mail server's name. */
  hostnameIsPlaceholder: boolean;
  record: string;
  forwardRecord: string;
  verify: string[];
  propagation: string;
}

export interface ReportDnsEntry {
  name: string;
  type: string;
  rcode: string;
  outcome: string;
  answers: string[];
  ttl: number;
  ms: number;
  server: string;
  transport: string;
  detail?: string;
  /** Present for a question put straight to a zone's own server (recursion off): whether it answered with AA set. */
  authoritative?: boolean;
}

/** One source of an answer: a resolver, or one of a zone's own servers at one address. */
export interface ZoneServerRow {
  /** The NS name, or the resolver's address. */
  server: string;
  address?: string;
  /** The names it gives, or "none"; absent when it gave no definite answer (then `problem`). */
  answer?: string;
  /** lame | refused | servfail | silent | no-address | not-asked (the server's side), or the resolver's RCODE. */
  problem?: string;
  /** Seconds the answer may still be cached (a resolver's TTL counts down). */
  ttl?: number;
  /** The zone's SOA serial at this server. */
  serial?: number;
}

/** What the reverse zone's own servers answered, beside the resolver (evidence.zoneServers, for people). */
export interface ReportZoneServers {
  why: string;
  /** The name asked (the CNAME target under RFC 2317). */
  name: string;
  zone?: string;
  resolver: ZoneServerRow;
  servers: ZoneServerRow[];
  /** Zone cuts from the top of the reverse tree down to the zone. */
  path: { zone: string; nameservers: string[] }[];
  /** The zone's servers referred the name to this child zone, whose servers answered so. */
  delegatedFurther?: { zone: string; servers: ZoneServerRow[] };
  /** Each PTR name's A/AAAA at its own zone's servers. */
  forward: { name: string; zone?: string; resolver?: ZoneServerRow; servers: ZoneServerRow[] }[];
}

export interface Report {
  version: 1;
  id: string;
  createdAt: string;
  target: TargetClaims;
  verdict: Verdict;
  score: number;
  /** True when some rule could not be judged (a temporary DNS failure): the score covers what ran. */
  partial: boolean;
  iprev: Iprev;
  ptr: string[];
  results: ReportResult[];
  remediation: Remediation;
  /** RFC 8601 header line (iprev, spf, dkim, dmarc) as a receiver would write it. */
  authenticationResults: string;
  /** Message mode: what was audited and where the connecting IP came from. */
  message?: MessageEvidence;
  /** Sink mode: the SMTP session as the sink saw it. */
  session?: SessionEvidence;
  /** The reverse zone's own servers, asked directly: present when the PTR or FCrDNS did not pass, or when asked. */
  zoneServers?: ReportZoneServers;
  /** How each big receiver and common filter will treat this sender, judged from the results. */
  receivers: ReceiverVerdict[];
  /** Each big receiver's published requirements, one by one: met, not met, or cannot tell from this audit (and why). Absent in reports stored before it existed. */
  requirements?: ProgramResult[];
  /** HELO names this IP used in mail to this server's sink, most recent first (a server with a sink adds them). */
  heloSeen?: { helo: string; firstSeen: string; lastSeen: string; count: number }[];
  dns: ReportDnsEntry[];
  elapsedMs: number;
}
