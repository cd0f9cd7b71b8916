import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { openSqliteStore, loadMigrations } from './sqlite.js';
import { isReportId } from './ids.js';
import { fakeId, storeContract, storedReport } from '../../test/support/store-contract.js';
import { tempDir } from '../../test/support/tmp.js';

const dbFile = () => join(tempDir('store'), 'reports.sqlite');

storeContract('SQLite store (a real file)', async () => openSqliteStore(dbFile()));

describe('SQLite store on disk', () => {
  it('keeps reports across reopening the file', async () => {
    const path = dbFile();
    const a = openSqliteStore(path);
    await a.save(storedReport(fakeId('reopen'), '2026-11-25T10:00:00.000Z'));
    a.close();
    const b = openSqliteStore(path);
    expect((await b.get(fakeId('reopen')))?.createdAt).toBe('2026-11-25T10:00:00.000Z');
    b.close();
  });

  it('lists watched targets in the order they were added, even within one millisecond (ids are random)', async () => {
    const store = openSqliteStore(dbFile());
    const targets = ['203.0.113.9', '192.0.2.11', '23.192.228.80', '198.51.100.4', '2001:db8::1'];
    // Ids that sort against the order added: the list must follow the order added, not the id.
    for (const [i, target] of targets.entries()) await store.monitors.addMonitor({ id: `m_${String(9 - i).repeat(12)}`, target, kind: 'ip', createdAt: 1_700_000_000_000 });
    expect((await store.monitors.monitors()).map((m) => m.target)).toEqual(targets);
    expect(await store.monitors.monitorIds()).toEqual((await store.monitors.monitors()).map((m) => m.id));
    store.close();
  });

  it('runs in WAL mode and applies each migration once', () => {
    const path = dbFile();
    openSqliteStore(path).close();
    openSqliteStore(path).close();
    const db = new DatabaseSync(path);
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    const applied = db.prepare('SELECT version, name FROM schema_migrations').all();
    expect(applied).toEqual(loadMigrations().map((m) => ({ version: m.version, name: m.name })));
    expect(applied.length).toBeGreaterThanOrEqual(3);
    db.close();
  });

  it('recognises report ids', () => {
    expect(isReportId('IqKjRN8TeI80dHFGcFfDPA')).toBe(true);
    expect(isReportId('../../etc/passwd')).toBe(false);
    expect(isReportId("x' OR 1=1 --")).toBe(false);
  });
});
