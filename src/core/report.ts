/** The JSON report, version 1 (DESIGN.md): what renderers show and stores keep. */
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
  dns: ReportDnsEntry[];
  elapsedMs: number;
}
