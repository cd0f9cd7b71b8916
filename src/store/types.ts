/**
 * Where reports live, so permalinks outlast the process. One interface for
 * SQLite on Node and D1 on Workers; the SQL in migrations/ serves both.
 */
import type { Report, SessionEvidence } from '../core/types.js';

export interface ReportStore {
  save(report: Report): Promise<void>;
  get(id: string): Promise<Report | undefined>;
  /** Deletes reports created before `epochMs` (and, in a sink store, test addresses issued and messages received before it); returns how many reports. */
  deleteOlderThan(epochMs: number): Promise<number>;
}

/**
 * What Cloudflare Email Routing tells a Worker: the envelope only. The
 * connecting IP and HELO are in the Received: header its receiver added.
 */
export interface EnvelopeFacts {
  via: 'email-routing';
  mailFrom: string;
  rcpt: string[];
}

export interface StoredMessage {
  id: string;
  token: string;
  receivedAt: number;
  session: SessionEvidence | EnvelopeFacts;
  raw: Uint8Array;
}

export interface InboxEntry {
  id: string;
  receivedAt: number;
  auditedAt?: number;
  /** Why no report could be made, when the audit failed. */
  error?: string;
}

/** The sink's durable side: inboxes and accepted messages. */
export interface SinkStore {
  createInbox(token: string, now: number): Promise<void>;
  /** Commits every row (one per recipient token) in one transaction, flushed to disk, before it resolves. */
  storeMessages(rows: StoredMessage[]): Promise<void>;
  /** Accepted messages that have no report yet, oldest first. */
  pendingMessages(limit: number): Promise<StoredMessage[]>;
  /** The message is done with: its report is stored, or `error` says why there is none. */
  markAudited(id: string, now: number, error?: string): Promise<void>;
  inboxMessages(token: string): Promise<InboxEntry[]>;
  inboxExists(token: string): Promise<boolean>;
  /** The HELO names this IP used at the sink (recorded with each stored message), most recent first. */
  recentHelos(ip: string, limit: number): Promise<SeenHelo[]>;
}

export interface SeenHelo {
  helo: string;
  firstSeen: number;
  lastSeen: number;
  count: number;
}
