/**
 * ptrcheck backup <file> [--db FILE]: a consistent copy of the database
 * while `serve` keeps running (SQLite's VACUUM INTO reads one snapshot; WAL
 * lets the server keep writing meanwhile). The copy is checked before it
 * is called done.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DatabaseSync } from 'node:sqlite';
import type { CliIo } from '../io.js';
import { BACKUP_OPTIONS } from '../options.js';
import { UsageError } from '../usage.js';
import { shown } from '../../core/errors.js';

export async function backupCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: BACKUP_OPTIONS });
  if (positionals.length !== 1) throw new UsageError('backup needs the file to write: ptrcheck backup <file> [--db FILE]');
  const dest = positionals[0]!;
  if (!existsSync(values.db)) throw new UsageError(`no database at '${shown(values.db)}' (give --db)`);
  if (existsSync(dest)) throw new UsageError(`'${shown(dest)}' exists already; a backup never overwrites`);
  const started = Date.now();
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(values.db, { readOnly: true });
  } catch (e) {
    throw new UsageError(`cannot open '${shown(values.db)}': ${(e as Error).message}`);
  }
  try {
    db.exec('PRAGMA busy_timeout = 10000');
    db.prepare('VACUUM INTO ?').run(dest);
  } catch (e) {
    throw new UsageError(`cannot write the backup '${shown(dest)}': ${(e as Error).message}`);
  } finally {
    db.close();
  }
  const copy = new DatabaseSync(dest, { readOnly: true });
  try {
    const check = (copy.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check;
    if (check !== 'ok') throw new UsageError(`the backup '${shown(dest)}' fails its integrity check: ${check}`);
    const count = (table: string) => Number((copy.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
    io.stdout(`backup written to ${dest} in ${Date.now() - started} ms: ${count('reports')} reports, ${count('messages')} messages, ${count('inboxes')} test addresses (integrity ok)\n`);
  } finally {
    copy.close();
  }
  return 0;
}
