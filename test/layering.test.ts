/**
 * STYLE.md rule 7: only the runtime entries and the Node transports touch
 * node:* built-ins; everything below them (core, rules, gather, message,
 * report, http, store interface, sink) also runs on Workers. A new import of
 * node:* in the shared code fails here, before it fails a deploy.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/repo-root.js';

/** Where node:* may be imported: entries, Node-only transports and stores, and the Worker's compatibility shim. */
const NODE_ONLY = [/^src\/cli\//, /^src\/smtp\//, /^src\/node\.ts$/, /^src\/dns\/node\.ts$/, /^src\/dns\/tcp-pipeline\.ts$/, /^src\/store\/sqlite\.ts$/, /^src\/workers\/crypto-compat\.ts$/];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('layering', () => {
  const root = repoRoot();
  const files = [...sources(join(root, 'src')), ...sources(join(root, 'rules'))].map((f) => relative(root, f));

  it('finds the sources', () => {
    expect(files).toContain('src/worker.ts');
    expect(files).toContain('rules/fcrdns.ts');
  });

  it('keeps node:* imports in the Node-only places', () => {
    const offenders = files.filter((f) => !NODE_ONLY.some((re) => re.test(f)) && /from ['"]node:|import\(['"]node:|require\(['"]node:/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps the Worker entry off the Node-only modules', () => {
    const text = readFileSync(join(root, 'src/worker.ts'), 'utf8');
    expect(text).not.toMatch(/from '\.\/(node|cli|smtp)[./]/);
    expect(text).not.toMatch(/store\/sqlite|dns\/node/);
  });
});
