import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { openSqliteStore, loadMigrations } from './sqlite.js';
import { isReportId } from './types.js';
import type { Report } from '../core/types.js';

const dbFile = () => join(mkdtempSync(join(tmpdir(), 'ptrcheck-store-')), 'reports.sqlite');
const report = (id: string, createdAt: string): Report =>
  ({ version: 1, id, createdAt, target: { ip: '192.0.2.1' }, verdict: 'pass', score: 100, partial: false, iprev: 'pass', ptr: [], results: [], dns: [], elapsedMs: 1, authenticationResults: '', remediation: {} }) as unknown as Report;

describe('SQLite report store (a real file)', () => {
  it('keeps reports across reopening the file', async () => {
    const path = dbFile();
    const a = openSqliteStore(path);
    await a.save(report('AAAAAAAAAAAAAAAAAAAAAA', '2026-11-25T10:00:00.000Z'));
    a.close();
    const b = openSqliteStore(path);
    expect((await b.get('AAAAAAAAAAAAAAAAAAAAAA'))?.createdAt).toBe('2026-11-25T10:00:00.000Z');
    expect(await b.get('BBBBBBBBBBBBBBBBBBBBBB')).toBeUndefined();
    b.close();
  });

  it('runs in WAL mode and applies each migration once', () => {
    const path = dbFile();
    openSqliteStore(path).close();
    openSqliteStore(path).close();
    const db = new DatabaseSync(path);
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    const applied = db.prepare('SELECT version, name FROM schema_migrations').all();
    expect(applied).toEqual(loadMigrations().map((m) => ({ version: m.version, name: m.name })));
    db.close();
  });

  it('deletes reports past retention and only those', async () => {
    const s = openSqliteStore(dbFile());
    await s.save(report('oldoldoldoldoldoldold0', '2026-01-01T00:00:00.000Z'));
    await s.save(report('newnewnewnewnewnewnew0', '2026-11-25T00:00:00.000Z'));
    expect(await s.deleteOlderThan(Date.parse('2026-06-01T00:00:00.000Z'))).toBe(1);
    expect(await s.get('oldoldoldoldoldoldold0')).toBeUndefined();
    expect(await s.get('newnewnewnewnewnewnew0')).toBeDefined();
    s.close();
  });

  it('recognises report ids', () => {
    expect(isReportId('IqKjRN8TeI80dHFGcFfDPA')).toBe(true);
    expect(isReportId('../../etc/passwd')).toBe(false);
    expect(isReportId("x' OR 1=1 --")).toBe(false);
  });
});
