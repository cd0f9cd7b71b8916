/**
 * The Node store: one SQLite file through node:sqlite (built into Node 24,
 * no native build), WAL so readers never wait for the writer.
 */
import { DatabaseSync } from 'node:sqlite';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../core/types.js';
import { MIGRATIONS_TABLE, migrationVersion, type Migration } from './migrations.js';
import { heloFromRow, heloSightings, inboxEntryFromRow, messageFromRow, SQL, type HeloRow, type InboxRow, type MessageRow } from './rows.js';
import type { ReportStore, SinkStore, StoredMessage } from './types.js';
import type { MonitorStore } from '../monitor/store.js';
import { sqliteMonitorStore } from './monitor-sqlite.js';

export interface SqliteStore extends ReportStore, SinkStore {
  readonly path: string;
  /** Watched targets, their confirmed states and history (the same file). */
  readonly monitors: MonitorStore;
  /** For /readyz: the file answers a query and every migration is applied. */
  health(): { database: Check; migrations: Check };
  close(): void;
}

export interface Check {
  ok: boolean;
  detail: string;
}

export function openSqliteStore(path: string, migrations: Migration[] = loadMigrations()): SqliteStore {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA busy_timeout = 5000');
  migrate(db, migrations);
  const insert = db.prepare(SQL.saveReport);
  const select = db.prepare(SQL.getReport);
  const purge = db.prepare(SQL.purgeReports);
  const purgeInboxes = db.prepare(SQL.purgeInboxes);
  const purgeMessages = db.prepare(SQL.purgeMessages);
  // Group commit: writes that arrive together share one transaction (and, for
  // messages, one fsync). Each write still resolves only after its own commit.
  const saveGroup = groupCommit<Report>(db, false, (r) => insert.run(r.id, Date.parse(r.createdAt), r.target.ip, r.verdict, r.score, JSON.stringify(r)));
  // A message acknowledged is a message kept: this commit reaches the disk before the 250.
  const storeGroup = groupCommit<StoredMessage>(db, true, (m) => {
    insMessage.run(m.id, m.token, m.receivedAt, JSON.stringify(m.session), m.raw);
    // The same session's copies for other recipients add no sighting (heloSightings keys on ip, helo, time).
    for (const [ip, helo, at] of heloSightings([m])) {
      if (recorded.has(`${ip} ${helo} ${at}`)) continue;
      recorded.add(`${ip} ${helo} ${at}`);
      if (recorded.size > 1000) recorded.delete(recorded.values().next().value!);
      seeHelo.run(ip, helo, at, at);
      trimHelos.run(ip, ip);
    }
  });
  const recorded = new Set<string>();
  const seeHelo = db.prepare(SQL.seeHelo);
  const trimHelos = db.prepare(SQL.trimHelos);
  const recent = db.prepare(SQL.recentHelos);
  const purgeHelos = db.prepare(SQL.purgeHelos);
  const insInbox = db.prepare(SQL.createInbox);
  const hasInbox = db.prepare(SQL.inboxExists);
  const insMessage = db.prepare(SQL.storeMessage);
  const pending = db.prepare(SQL.pending);
  const audited = db.prepare(SQL.markAudited);
  const byToken = db.prepare(SQL.inboxMessages);
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  const monitors = sqliteMonitorStore(db);
  let open = true;
  return {
    path,
    monitors,
    health() {
      if (!open) return { database: { ok: false, detail: 'closed' }, migrations: { ok: false, detail: 'closed' } };
      try {
        db.prepare('SELECT 1').get();
        const applied = Number((db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0);
        return {
          database: { ok: true, detail: path },
          migrations: { ok: applied >= latest, detail: `schema version ${applied} of ${latest}` },
        };
      } catch (e) {
        return { database: { ok: false, detail: (e as Error).message }, migrations: { ok: false, detail: 'unknown' } };
      }
    },
    async createInbox(token: string, now: number) {
      insInbox.run(token, now);
    },
    async inboxExists(token: string) {
      return hasInbox.get(token) !== undefined;
    },
    storeMessages: storeGroup,
    async pendingMessages(limit: number) {
      return (pending.all(limit) as unknown as MessageRow[]).map(messageFromRow);
    },
    async markAudited(id: string, now: number, error?: string) {
      audited.run(now, error ?? null, id);
    },
    async inboxMessages(token: string) {
      return (byToken.all(token) as unknown as InboxRow[]).map(inboxEntryFromRow);
    },
    save: (report: Report) => saveGroup([report]),
    async get(id: string) {
      const row = select.get(id) as { json: string } | undefined;
      return row ? (JSON.parse(row.json) as Report) : undefined;
    },
    async recentHelos(ip: string, limit: number) {
      return (recent.all(ip, limit) as unknown as HeloRow[]).map(heloFromRow);
    },
    async deleteOlderThan(epochMs: number) {
      monitors.purge(epochMs);
      purgeHelos.run(epochMs);
      purgeMessages.run(epochMs);
      purgeInboxes.run(epochMs);
      return Number(purge.run(epochMs).changes);
    },
    close() {
      open = false;
      db.close();
    },
  };
}

function groupCommit<T>(db: DatabaseSync, durable: boolean, write: (item: T) => void): (items: T[]) => Promise<void> {
  let queue: { items: T[]; done: (e?: unknown) => void }[] = [];
  const flush = (): void => {
    const batch = queue;
    queue = [];
    if (durable) db.exec('PRAGMA synchronous = FULL');
    try {
      db.exec('BEGIN IMMEDIATE');
      for (const b of batch) for (const item of b.items) write(item);
      db.exec('COMMIT');
      for (const b of batch) b.done();
    } catch (e) {
      if (db.isTransaction) db.exec('ROLLBACK');
      for (const b of batch) b.done(e);
    } finally {
      if (durable) db.exec('PRAGMA synchronous = NORMAL');
    }
  };
  return (items) =>
    new Promise<void>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ items, done: (e) => (e ? reject(e) : resolve()) });
    });
}

function migrate(db: DatabaseSync, migrations: Migration[]): void {
  db.exec(MIGRATIONS_TABLE);
  const done = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    db.exec('BEGIN');
    try {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
      db.exec('COMMIT');
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
  }
}

/** migrations/*.sql at the package root, found from src/ and from dist/src/ alike. */
export function loadMigrations(): Migration[] {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'migrations');
    try {
      return readdirSync(candidate)
        .flatMap((name) => {
          const version = migrationVersion(name);
          return version === undefined ? [] : [{ version, name, sql: readFileSync(join(candidate, name), 'utf8') }];
        });
    } catch {
      dir = dirname(dir);
    }
  }
  throw new Error('migrations/ not found');
}
