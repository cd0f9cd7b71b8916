/**
 * The Workers store: Cloudflare D1, on the same tables as the SQLite store
 * (migrations/ is applied by `wrangler d1 migrations apply`). Only the few
 * D1 calls used here are typed, so this compiles without the Workers types.
 */
import type { Report } from '../core/types.js';
import { heloFromRow, heloSightings, inboxEntryFromRow, messageFromRow, SQL, type HeloRow, type InboxRow, type MessageRow } from './rows.js';
import type { ReportStore, SinkStore, StoredMessage } from './types.js';

/** The part of D1's binding this store uses (a D1Database satisfies it). */
export interface D1Like {
  prepare(sql: string): D1StatementLike;
  batch(statements: D1StatementLike[]): Promise<unknown[]>;
}

export interface D1StatementLike {
  bind(...values: unknown[]): D1StatementLike;
  run(): Promise<{ meta: { changes?: number } }>;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  all<T = Record<string, unknown>>(): Promise<{ results: T[] }>;
}

export function openD1Store(db: D1Like): ReportStore & SinkStore {
  const run = async (sql: string, ...values: unknown[]) => db.prepare(sql).bind(...values).run();
  return {
    async save(report: Report) {
      await run(SQL.saveReport, report.id, Date.parse(report.createdAt), report.target.ip, report.verdict, report.score, JSON.stringify(report));
    },
    async get(id: string) {
      const row = await db.prepare(SQL.getReport).bind(id).first<{ json: string }>();
      return row ? (JSON.parse(row.json) as Report) : undefined;
    },
    async recentHelos(ip: string, limit: number) {
      return (await db.prepare(SQL.recentHelos).bind(ip, limit).all<HeloRow>()).results.map(heloFromRow);
    },
    async deleteOlderThan(epochMs: number) {
      await run(SQL.purgeHelos, epochMs);
      await run(SQL.purgeMessages, epochMs);
      await run(SQL.purgeInboxes, epochMs);
      return (await run(SQL.purgeReports, epochMs)).meta.changes ?? 0;
    },
    async createInbox(token: string, now: number) {
      await run(SQL.createInbox, token, now);
    },
    async inboxExists(token: string) {
      return (await db.prepare(SQL.inboxExists).bind(token).first()) !== null;
    },
    // One batch is one transaction in D1, and a write has reached storage when it resolves.
    async storeMessages(rows: StoredMessage[]) {
      if (rows.length === 0) return;
      const insert = db.prepare(SQL.storeMessage);
      const see = db.prepare(SQL.seeHelo);
      const trim = db.prepare(SQL.trimHelos);
      const sightings = heloSightings(rows).flatMap(([ip, helo, at]) => [see.bind(ip, helo, at, at), trim.bind(ip, ip)]);
      await db.batch([...rows.map((m) => insert.bind(m.id, m.token, m.receivedAt, JSON.stringify(m.session), m.raw)), ...sightings]);
    },
    async pendingMessages(limit: number) {
      return (await db.prepare(SQL.pending).bind(limit).all<MessageRow>()).results.map(messageFromRow);
    },
    async markAudited(id: string, now: number, error?: string) {
      await run(SQL.markAudited, now, error ?? null, id);
    },
    async inboxMessages(token: string) {
      return (await db.prepare(SQL.inboxMessages).bind(token).all<InboxRow>()).results.map(inboxEntryFromRow);
    },
  };
}
