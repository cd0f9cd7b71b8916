/**
 * The layering, enforced (STYLE.md rule 7, DESIGN.md's layout): what may
 * import what. Each rule below is a "never"; breaking one fails here with
 * the offending import named.
 *
 * - node:* built-ins (and the Buffer global) only in the runtime entries,
 *   the Node transports and stores, and named exceptions; everything else
 *   also runs on Workers.
 * - rules/ imports only src/core/ (and its own lib/ and data/).
 * - src/core/ is the vocabulary: it imports only itself and the DNS types.
 * - src/dns/ imports nothing of the project outside itself.
 * - src/report/ imports no dns, gather or rules internals: the facts it
 *   needs (the provider, the generic class) are carried in the evidence.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/repo-root.js';

/** Where node:* may be imported: entries, Node-only transports and stores, and the Worker's compatibility shim. */
const NODE_ONLY = [/^src\/cli\//, /^src\/sink\/smtp\//, /^src\/node\.ts$/, /^src\/dns\/node\.ts$/, /^src\/dns\/tcp-pipeline\.ts$/, /^src\/dns\/direct-node\.ts$/, /^src\/probe\//, /^src\/observe\//, /^src\/store\/(sqlite|monitor-sqlite)\.ts$/, /^src\/workers\/crypto-compat\.ts$/, /^src\/message\/auth-thread(-main)?\.ts$/, /^src\/bounce\/thread(-main)?\.ts$/];

/** Shared code that hands bytes to a library that wants a Buffer (Workers provide it through nodejs_compat). */
const BUFFER_FOR_LIBRARIES: Record<string, string> = {
  'src/dns/wire.ts': 'dns-packet encodes and decodes Buffers',
  'src/message/authenticate.ts': 'mailauth reads the message from a Buffer',
};

interface Never {
  what: string;
  from: RegExp;
  /** Imports (as repository paths) the files matching `from` may have. */
  allowed: (target: string) => boolean;
}

const NEVERS: Never[] = [
  { what: 'rules/ imports only src/core/ and rules/', from: /^rules\//, allowed: (t) => t.startsWith('src/core/') || t.startsWith('rules/') },
  { what: 'src/core/ imports only itself and the DNS types', from: /^src\/core\//, allowed: (t) => t.startsWith('src/core/') || t === 'src/dns/types.ts' },
  { what: 'src/dns/ imports nothing of the project outside itself', from: /^src\/dns\//, allowed: (t) => t.startsWith('src/dns/') },
  { what: 'src/report/ imports no dns, gather or rules internals', from: /^src\/report\//, allowed: (t) => !/^(src\/dns|src\/gather|rules)\//.test(t) },
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Project files a source imports, as repository paths (.js specifiers mapped back to .ts/.tsx). */
export function projectImports(root: string, file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const base = normalize(join(dirname(file), m[1]!)).replace(/\.js$/, '');
    const found = ['.ts', '.tsx', '.cjs'].map((ext) => base + ext).find((p) => {
      try {
        return statSync(join(root, p)).isFile();
      } catch {
        return false;
      }
    });
    out.push(found ?? base);
  }
  return out;
}

/** Code without comments, so a comment that mentions Buffer or node: does not count. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('layering', () => {
  const root = repoRoot();
  const files = [...sources(join(root, 'src')), ...sources(join(root, 'rules'))].map((f) => relative(root, f));
  const text = (f: string) => readFileSync(join(root, f), 'utf8');

  it('finds the sources', () => {
    expect(files).toContain('src/worker.ts');
    expect(files).toContain('rules/fcrdns.ts');
    expect(files).toContain('src/pipeline/judge.ts');
  });

  it('keeps node:* imports and the Buffer global in the Node-only places', () => {
    const nodeImports = files.filter((f) => !NODE_ONLY.some((re) => re.test(f)) && /from ['"]node:|import\(['"]node:|require\(['"]node:/.test(text(f)));
    expect(nodeImports).toEqual([]);
    const buffers = files.filter((f) => !NODE_ONLY.some((re) => re.test(f)) && !(f in BUFFER_FOR_LIBRARIES) && /\bBuffer\b/.test(code(text(f))));
    expect(buffers).toEqual([]);
  });

  it.each(NEVERS.map((n) => [n.what, n] as const))('%s', (_what, never) => {
    const offenders = files
      .filter((f) => never.from.test(f))
      .flatMap((f) => projectImports(root, f, text(f)).filter((t) => !never.allowed(t)).map((t) => `${f} → ${t}`));
    expect(offenders).toEqual([]);
  });

  it('resolves imports to real files (so the checks above see every edge)', () => {
    const missing = files.flatMap((f) => projectImports(root, f, text(f)).filter((t) => !/\.(ts|tsx|cjs)$/.test(t)).map((t) => `${f} → ${t}`));
    expect(missing).toEqual([]);
  });

  it('would catch a broken never', () => {
    // The checker itself: a rule importing gather, a report importing rules, dns importing core.
    const cases: [string, string, string][] = [
      ['rules/x.ts', "import { gather } from '../src/gather/index.js';", 'src/gather/index.ts'],
      ['src/report/x.ts', "import { classifyName } from '../../rules/lib/generic.js';", 'rules/lib/generic.ts'],
      ['src/dns/x.ts', "import { InputError } from '../core/errors.js';", 'src/core/errors.ts'],
    ];
    for (const [file, line, target] of cases) {
      const never = NEVERS.find((n) => n.from.test(file))!;
      const imports = projectImports(root, file, line);
      expect(imports).toEqual([target]);
      expect(never.allowed(imports[0]!)).toBe(false);
    }
  });

  it('keeps the Worker entry off the Node-only modules', () => {
    const t = text('src/worker.ts');
    expect(t).not.toMatch(/from '\.\/(node|cli|sink\/smtp)[./]/);
    expect(t).not.toMatch(/store\/sqlite|dns\/node/);
  });
});
