/**
 * Scratch directories for tests (SQLite files, TLS keys, batch inputs),
 * removed when the test file is done (test/support/cleanup.ts, a setup file
 * of the node project), so test runs leave nothing behind in /tmp.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

export function tempDir(purpose: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ptrcheck-${purpose}-`));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
