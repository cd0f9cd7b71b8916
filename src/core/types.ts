/**
 * The shapes that flow through the pipeline:
 * Target ──gather──▶ Evidence ──rules──▶ RuleResult[] ──score──▶ Report.
 */
import type { DnsAnswer } from '../dns/types.js';
import type { ParsedIp } from './ip.js';

/** What to audit: the sending IP and, optionally, what the sender claimed. */
export interface Target {
  ip: string;
  helo?: string;
  mailFrom?: string;
  from?: string;
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

export interface PtrEvidence {
  answer: DnsAnswer;
  /** Distinct PTR names, lower-case, in answer order. */
  names: string[];
  /** Names whose forward lookups were made (the first `forwardCap`). */
  checked: string[];
  /** True when there were more names than the cap and the rest went unchecked. */
  capped: boolean;
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
  /** When the zone could not be found, why. */
  unknownBecause?: string;
}

export interface Evidence {
  target: Target;
  ip?: ParsedIp;
  ptr?: PtrEvidence;
  forward?: ForwardLookup[];
  reverseZone?: ReverseZone;
  /** Every DNS answer the audit saw, in order. */
  dns: DnsAnswer[];
}

export type EvidenceKey = Exclude<keyof Evidence, 'target' | 'dns'>;

export type Status = 'pass' | 'warn' | 'fail' | 'info' | 'skip' | 'error';

/** What a rule returns: a status and a message id with its data, never prose (STYLE.md rule 4). */
export interface RuleOutcome {
  status: Status;
  messageId: string;
  data?: Record<string, unknown>;
}

export interface RuleResult extends RuleOutcome {
  rule: string;
}

export type Verdict = 'pass' | 'warn' | 'fail';
export type Iprev = 'pass' | 'fail' | 'temperror' | 'permerror';

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
}

export interface Report {
  version: 1;
  id: string;
  createdAt: string;
  target: Target;
  verdict: Verdict;
  score: number;
  /** True when some rule could not be judged (a temporary DNS failure): the score covers what ran. */
  partial: boolean;
  iprev: Iprev;
  ptr: string[];
  results: ReportResult[];
  remediation: Remediation;
  dns: ReportDnsEntry[];
  elapsedMs: number;
}
