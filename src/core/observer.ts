/**
 * What a running server reports about itself, as events: the Node server
 * turns them into Prometheus metrics and JSON log lines (src/observe/);
 * everything else passes none and pays nothing. Each method is optional.
 * Attacker-controlled strings (HELO, addresses) pass through as data; the
 * logger escapes them, metrics never label by them.
 */
import type { DnsAnswer } from '../dns/types.js';
import type { Report } from './report.js';

export type AuditMode = 'ip' | 'message' | 'sink' | 'bounce';

export interface MonitorGauge {
  id: string;
  /** The worst confirmed verdict among its addresses; 'none' before the first look. */
  verdict: 'pass' | 'warn' | 'fail' | 'none';
  /** Confirmed failing rules, counted over its addresses. */
  failing: number;
  addresses: number;
  /** When it was last looked at with a result (ms); absent until then, or when this process has not seen one. */
  lastLook?: number;
}

export interface Observer {
  request?(e: { id: string; method: string; path: string; route: string; status: number; ms: number; client: string }): void;
  audit?(e: { mode: AuditMode; report: Report; url?: string; client?: string; requestId?: string }): void;
  rateLimited?(e: { route: string; client: string }): void;
  dns?(answer: DnsAnswer): void;
  smtpSession?(e: { id: string; ip: string; event: 'connect' | 'refused-draining' | 'close' }): void;
  smtpRefused?(e: { id: string; reason: string }): void;
  smtpMessage?(e: { id: string; ip: string; helo?: string | undefined; bytes: number; recipients: number; storeMs: number; result: 'accepted' | 'too-large' | 'store-failed' }): void;
  auditQueue?(e: { depth: number; lagSeconds?: number }): void;
  /** A message to the sink's DMARC report address, read: what its reports added to the watch list, what was refused and why. */
  dmarcMail?(e: { id: string; ip: string; domains: string[]; added: number; already: number; skipped: number; refused: string[]; note?: string }): void;
  /** After each monitoring round: every watched target's confirmed state (its worst address), by target id only. */
  monitors?(e: { at: number; targets: MonitorGauge[] }): void;
  error?(e: { where: string; message: string }): void;
}
