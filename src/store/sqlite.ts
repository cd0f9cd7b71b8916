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
import type { ReportStore } from './types.js';

export interface SqliteStore extends ReportStore {
  readonly path: string;
  close(): void;
}

export function openSqliteStore(path: string, migrations: Migration[] = loadMigrations()): SqliteStore {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA busy_timeout = 5000');
  migrate(db, migrations);
  const insert = db.prepare('INSERT OR REPLACE INTO reports (id, created_at, ip, verdict, score, json) VALUES (?, ?, ?, ?, ?, ?)');
  const select = db.prepare('SELECT json FROM reports WHERE id = ?');
  const purge = db.prepare('DELETE FROM reports WHERE created_at < ?');
  // Group commit: saves that arrive together share one transaction. Each save()
  // still resolves only after its row is committed, so a report that was
  // answered is a report that was kept.
  let queue: { report: Report; done: (e?: unknown) => void }[] = [];
  const flush = (): void => {
    const batch = queue;
    queue = [];
    try {
      db.exec('BEGIN');
      for (const { report: r } of batch) insert.run(r.id, Date.parse(r.createdAt), r.target.ip, r.verdict, r.score, JSON.stringify(r));
      db.exec('COMMIT');
      for (const b of batch) b.done();
    } catch (e) {
      if (db.isTransaction) db.exec('ROLLBACK');
      for (const b of batch) b.done(e);
    }
  };
  return {
    path,
    save(report: Report) {
      return new Promise<void>((resolve, reject) => {
        if (queue.length === 0) setImmediate(flush);
        queue.push({ report, done: (e) => (e ? reject(e) : resolve()) });
      });
    },
    async get(id: string) {
      const row = select.get(id) as { json: string } | undefined;
      return row ? (JSON.parse(row.json) as Report) : undefined;
    },
    async deleteOlderThan(epochMs: number) {
      return Number(purge.run(epochMs).changes);
    },
    close() {
      db.close();
    },
  };
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
