/**
 * ptrcheck backup <file> [--db FILE]: a consistent copy of the database
 * while `serve` keeps running (SQLite's VACUUM INTO reads one snapshot; WAL
 * lets the server keep writing meanwhile). The copy is written under a
 * temporary name beside <file>, checked, and only then given its name (never
 * over a file that is there): a copy that fails (a full disk) leaves nothing,
 * so the next try starts clean. Both names are checked before anything is
 * created, and SQLite only ever sees absolute paths (never a `file:` URI or
 * `:memory:` it would read its own way).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, lstatSync, openSync, readSync, renameSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DatabaseSync } from 'node:sqlite';
import type { CliIo } from '../io.js';
import { BACKUP_OPTIONS } from '../options.js';
import { UsageError } from '../usage.js';
import { fileErrorWords, shown } from '../../core/errors.js';

export async function backupCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: BACKUP_OPTIONS });
  if (positionals.length !== 1) throw new UsageError('backup needs the file to write: ptrcheck backup <file> [--db FILE]');
  const given = positionals[0]!;
  const dest = destination(given);
  const source = database(values.db);
  const started = Date.now();
  const temp = `${dest}.partial-${randomBytes(6).toString('hex')}`;
  try {
    const db = new DatabaseSync(source, { readOnly: true });
    try {
      db.exec('PRAGMA busy_timeout = 10000');
      db.prepare('VACUUM INTO ?').run(temp);
    } catch (e) {
      throw new UsageError(`cannot write the backup '${shown(given)}': ${(e as Error).message}`);
    } finally {
      db.close();
    }
    const summary = checked(temp, given);
    place(temp, dest, given);
    io.stdout(`backup written to ${shown(given, 1000)} in ${Date.now() - started} ms: ${summary} (integrity ok)\n`);
  } finally {
    // The temporary copy and what SQLite keeps beside a file it was writing (a rollback journal when VACUUM INTO fails).
    for (const path of [temp, `${temp}-journal`, `${temp}-wal`, `${temp}-shm`]) {
      try {
        unlinkSync(path);
      } catch {
        // Not there: never created, or renamed to its name.
      }
    }
  }
  return 0;
}

/** The backup's absolute path, refused when SQLite would not take it as a plain new file in a directory that exists. */
function destination(given: string): string {
  if (given === '') throw new UsageError('the backup file name is empty: ptrcheck backup <file> [--db FILE]');
  if (/^file:/i.test(given) || given.includes(':memory:') || /[?&]mode=memory/i.test(given)) {
    throw new UsageError(`'${shown(given)}' is a SQLite URI or in-memory name, not a file: give a plain path for the backup`);
  }
  if (given.endsWith('/')) throw new UsageError(`'${shown(given)}' names a directory: give a file name for the backup`);
  const path = resolve(given);
  if (statOrNull(path, given, true)) throw new UsageError(`'${shown(given)}' exists already; a backup never overwrites`);
  const dir = statOrNull(dirname(path), dirname(given));
  if (!dir) throw new UsageError(`cannot write the backup '${shown(given)}': its directory does not exist`);
  if (!dir.isDirectory()) throw new UsageError(`cannot write the backup '${shown(given)}': '${shown(dirname(given))}' is not a directory`);
  return path;
}

/** --db's absolute path, refused unless it is a regular file holding a ptrcheck database. */
function database(given: string): string {
  if (given === '') throw new UsageError('--db is empty: give the database serve uses');
  const path = resolve(given);
  const st = statOrNull(path, given);
  if (!st) throw new UsageError(`no database at '${shown(given)}' (give --db)`);
  if (!st.isFile()) throw new UsageError(`--db '${shown(given)}' is ${kind(st)}, not a database file`);
  if (st.size === 0) throw new UsageError(`--db '${shown(given)}' is empty, not a ptrcheck database`);
  const header = Buffer.alloc(16);
  try {
    const fd = openSync(path, 'r');
    try {
      readSync(fd, header, 0, 16, 0);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw new UsageError(`cannot open '${shown(given)}': ${fileErrorWords(e)}`);
  }
  if (!header.equals(Buffer.from('SQLite format 3\0', 'latin1'))) throw new UsageError(`--db '${shown(given)}' is not a SQLite database`);
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(path, { readOnly: true });
    db.exec('PRAGMA busy_timeout = 10000');
    if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'reports'`).get()) {
      throw new UsageError(`--db '${shown(given)}' is a SQLite database but not ptrcheck's (no reports table)`);
    }
  } catch (e) {
    throw e instanceof UsageError ? e : new UsageError(`cannot open '${shown(given)}': ${(e as Error).message}`);
  } finally {
    db?.close();
  }
  return path;
}

/** The copy passes SQLite's integrity check; what it holds, in words. */
function checked(temp: string, given: string): string {
  const copy = new DatabaseSync(temp, { readOnly: true });
  try {
    const check = (copy.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check;
    if (check !== 'ok') throw new UsageError(`the backup '${shown(given)}' fails its integrity check: ${shown(check)}`);
    const tables = new Set((copy.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
    // A database from before the sink (0001 only) has reports alone.
    return [['reports', 'reports'], ['messages', 'messages'], ['inboxes', 'test addresses']]
      .filter(([table]) => tables.has(table!))
      .map(([table, words]) => `${Number((copy.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n)} ${words}`)
      .join(', ');
  } finally {
    copy.close();
  }
}

/** The checked copy takes its name only if nothing has it: a hard link fails on an existing name, atomically. */
function place(temp: string, dest: string, given: string): void {
  try {
    linkSync(temp, dest);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`'${shown(given)}' exists already (it appeared during the backup); a backup never overwrites`);
    // No hard links on this file system (FAT, some network ones): look once more, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EMLINK') {
      throw new UsageError(`cannot write the backup '${shown(given)}': ${(e as Error).message}`);
    }
    if (statOrNull(dest, given, true)) throw new UsageError(`'${shown(given)}' exists already (it appeared during the backup); a backup never overwrites`);
    renameSync(temp, dest);
  }
}

function kind(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The file's status, null when there is none; any other failure (permission denied…) is the user's one line. */
function statOrNull(path: string, given: string, link = false): Stats | null {
  try {
    return link ? lstatSync(path) : statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    // The words, never the system's message: it repeats the whole path, however long.
    throw new UsageError(`cannot use '${shown(given)}': ${code === 'ENAMETOOLONG' ? 'the name is too long' : code === 'EACCES' ? fileErrorWords(e) : (code ?? 'failed')}`);
  }
}
