import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, found the same way from test/ and from dist/test/. */
export function repoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'ptrcheck') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('ptrcheck package.json not found above ' + from);
    dir = up;
  }
}
