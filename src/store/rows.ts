/**
 * Table rows ↔ store types, shared by the SQLite and D1 stores (one schema,
 * migrations/).
 */
import type { InboxEntry, SeenHelo, StoredMessage } from './types.js';

export interface MessageRow {
  id: string;
  token: string;
  received_at: number;
  session: string;
  /** node:sqlite gives a Uint8Array; D1 gives an array of byte values. */
  raw: Uint8Array | ArrayBuffer | number[];
}

export interface InboxRow {
  id: string;
  received_at: number;
  audited_at: number | null;
  audit_error: string | null;
}

export const SQL = {
  saveReport: 'INSERT OR REPLACE INTO reports (id, created_at, ip, verdict, score, json) VALUES (?, ?, ?, ?, ?, ?)',
  getReport: 'SELECT json FROM reports WHERE id = ?',
  purgeReports: 'DELETE FROM reports WHERE created_at < ?',
  // Retention expires test addresses too: the sink refuses mail for them from then on.
  purgeInboxes: 'DELETE FROM inboxes WHERE created_at < ?',
  purgeMessages: 'DELETE FROM messages WHERE received_at < ?',
  createInbox: 'INSERT OR IGNORE INTO inboxes (token, created_at) VALUES (?, ?)',
  inboxExists: 'SELECT 1 AS one FROM inboxes WHERE token = ?',
  storeMessage: 'INSERT INTO messages (id, token, received_at, session, raw) VALUES (?, ?, ?, ?, ?)',
  pending: 'SELECT id, token, received_at, session, raw FROM messages WHERE audited_at IS NULL ORDER BY received_at LIMIT ?',
  markAudited: 'UPDATE messages SET audited_at = ?, audit_error = ? WHERE id = ?',
  inboxMessages: 'SELECT id, received_at, audited_at, audit_error FROM messages WHERE token = ? ORDER BY received_at',
  seeHelo:
    'INSERT INTO helo_seen (ip, helo, first_seen, last_seen, count) VALUES (?, ?, ?, ?, 1) ' +
    'ON CONFLICT (ip, helo) DO UPDATE SET last_seen = MAX(last_seen, excluded.last_seen), first_seen = MIN(first_seen, excluded.first_seen), count = count + 1',
  // Bounded per IP: a sender that cycles through names cannot grow the table.
  trimHelos: `DELETE FROM helo_seen WHERE ip = ? AND helo NOT IN (SELECT helo FROM helo_seen WHERE ip = ? ORDER BY last_seen DESC LIMIT ${20})`,
  recentHelos: 'SELECT helo, first_seen, last_seen, count FROM helo_seen WHERE ip = ? ORDER BY last_seen DESC LIMIT ?',
  purgeHelos: 'DELETE FROM helo_seen WHERE last_seen < ?',
} as const;

export interface HeloRow {
  helo: string;
  first_seen: number;
  last_seen: number;
  count: number;
}

export function heloFromRow(r: HeloRow): SeenHelo {
  return { helo: r.helo, firstSeen: r.first_seen, lastSeen: r.last_seen, count: r.count };
}

/** One HELO sighting per SMTP session (a message to several test addresses is one session): ip, helo, time. */
export function heloSightings(rows: readonly StoredMessage[]): [string, string, number][] {
  const seen = new Map<string, [string, string, number]>();
  for (const m of rows) {
    const s = m.session;
    if ('via' in s || !s.helo) continue;
    seen.set(`${s.ip} ${s.helo} ${m.receivedAt}`, [s.ip, s.helo.slice(0, 255), m.receivedAt]);
  }
  return [...seen.values()];
}

export function messageFromRow(r: MessageRow): StoredMessage {
  return {
    id: r.id,
    token: r.token,
    receivedAt: r.received_at,
    session: JSON.parse(r.session) as StoredMessage['session'],
    raw: r.raw instanceof Uint8Array ? r.raw : new Uint8Array(r.raw),
  };
}

export function inboxEntryFromRow(r: InboxRow): InboxEntry {
  return {
    id: r.id,
    receivedAt: r.received_at,
    ...(r.audited_at !== null ? { auditedAt: r.audited_at } : {}),
    ...(r.audit_error !== null ? { error: r.audit_error } : {}),
  };
}
