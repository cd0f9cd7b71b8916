/**
 * The CLI on a Node older than 24 (the machine's own Node, which a user may
 * run by accident: `node dist/src/cli/main.js`): one line saying what it
 * needs and how to get it, exit 2, no stack trace from deep inside.
 * Runs wherever such a Node is on the PATH or in /usr/bin (this project's
 * machines have Node 20 there); skipped, saying so, where none is.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

function olderNode(): { path: string; version: string } | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter((d) => d && !d.includes('node_modules')), '/usr/bin', '/usr/local/bin'];
  for (const dir of dirs) {
    const path = join(dir, 'node');
    if (!existsSync(path)) continue;
    try {
      const version = execFileSync(path, ['-p', 'process.version'], { encoding: 'utf8', timeout: 5000 }).trim();
      if (Number(version.slice(1).split('.')[0]) < 24) return { path, version };
    } catch {
      // not runnable: look further
    }
  }
  return undefined;
}

const older = olderNode();

describe.skipIf(!older)(`ptrcheck on ${older?.version ?? 'an older Node (none found on this machine)'}`, () => {
  it.each([
    [['audit', '192.0.2.1']],
    [['batch', '-']],
    [['serve']],
  ])('%j: one line, exit 2', async (args) => {
    const r = await runCli(args, {}, '', older!.path);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`ptrcheck: needs Node.js 24 or newer, this is ${older!.version}; inside the project, 'npx ptrcheck' uses the Node 24 that 'npm ci' installs\n`);
  });
});
