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

export interface Observer {
  request?(e: { id: string; method: string; path: string; route: string; status: number; ms: number; client: string }): void;
  audit?(e: { mode: AuditMode; report: Report; url?: string; client?: string; requestId?: string }): void;
  rateLimited?(e: { route: string; client: string }): void;
  dns?(answer: DnsAnswer): void;
  smtpSession?(e: { id: string; ip: string; event: 'connect' | 'refused-draining' | 'close' }): void;
  smtpRefused?(e: { id: string; reason: string }): void;
  smtpMessage?(e: { id: string; ip: string; helo?: string | undefined; bytes: number; recipients: number; storeMs: number; result: 'accepted' | 'too-large' | 'store-failed' }): void;
  auditQueue?(e: { depth: number; lagSeconds?: number }): void;
  error?(e: { where: string; message: string }): void;
}
