/**
 * Every runnable example in the README and docs/ (test/support/doc-examples.ts)
 * runs here, as the reader would run it: the built CLI against the fixture
 * DNS server and, where an example says `serve`, a serve child. A renamed
 * flag or a reworded line breaks this test instead of a reader.
 */
import { readFileSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, fixtureFaults, type DnsTestServer } from './support/dns-server.js';
import { runCli } from './support/cli.js';
import { tempDir } from './support/tmp.js';
import { spawnServe, type ServeChild } from './support/serve-child.js';
import { repoRoot } from './support/repo-root.js';
import { docFiles, unmarkedCommandBlocks, missingLines, parseExamples, splitCommand, lineMatches, type DocCommand, type DocExample } from './support/doc-examples.js';

/** The address examples write for the test DNS server, and for a local serve. */
const DOC_DNS = '127.0.0.1:5300';
const DOC_HTTP = 'http://127.0.0.1:8025';

let dns: DnsTestServer;
let serve: ServeChild | undefined;
beforeAll(async () => {
  dns = await startDnsServer({ faults: fixtureFaults() });
});
afterAll(() => dns?.close());

async function serveUrl(): Promise<string> {
  serve ??= await spawnServe(dns);
  return serve.http;
}

/** curl as the docs use it (-s, -X, -H, --data-binary @file), done with fetch: the test needs no curl on the machine. */
async function curl(argv: string[]): Promise<{ code: number; out: string }> {
  let method = 'GET';
  let url = '';
  let body: Buffer | undefined;
  const headers: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-s' || a === '-sS' || a === '--silent') continue;
    else if (a === '-X') method = argv[++i]!;
    else if (a === '-H') {
      const [k, ...v] = argv[++i]!.split(':');
      headers[k!.trim()] = v.join(':').trim();
    } else if (a === '--data-binary') {
      const arg = argv[++i]!;
      if (!arg.startsWith('@')) throw new Error(`curl --data-binary takes @file in examples: ${arg}`);
      body = readFileSync(join(repoRoot(), arg.slice(1)));
      if (method === 'GET') method = 'POST';
    } else if (a.startsWith('-')) throw new Error(`curl option ${a} is not supported in examples`);
    else url = a;
  }
  const res = await fetch(url, { method, headers, ...(body ? { body: new Blob([new Uint8Array(body)]) } : {}) });
  return { code: res.ok ? 0 : 22, out: await res.text() };
}

async function run(c: DocCommand, ex: DocExample, cwd: string): Promise<{ code: number | null; out: string }> {
  const http = ex.serve ? await serveUrl() : undefined;
  const argv = c.argv.map((w) => w.replaceAll(DOC_DNS, dns.address).replaceAll(DOC_HTTP, http ?? DOC_HTTP));
  const [cmd, ...args] = argv[0] === 'npx' ? argv.slice(1) : argv;
  if (cmd === 'curl') return curl(args);
  if (cmd !== 'ptrcheck') throw new Error(`${relative(repoRoot(), ex.file)}:${ex.line}: examples run ptrcheck or curl, not ${cmd}`);
  const r = await runCli(args, {}, undefined, process.execPath, cwd);
  return { code: r.code, out: r.stdout + r.stderr };
}

/** A scratch directory per example, with the repository's fixtures at ./fixtures: files an example writes (a database) land here, unseen by the next. */
function workDir(): string {
  const work = tempDir('doc-examples');
  symlinkSync(join(repoRoot(), 'fixtures'), join(work, 'fixtures'));
  return work;
}

const examples = docFiles().flatMap((f) => parseExamples(f));

describe('the examples in the docs run as written', () => {
  it('there are examples to run (the README and every task page have some)', () => {
    expect(examples.length).toBeGreaterThan(0);
    for (const f of docFiles()) expect(examples.some((e) => e.file === f), `${relative(repoRoot(), f)} has no runnable example`).toBe(true);
  });

  it('every block that shows a ptrcheck command is run here, or says why not (<!-- no-run: why -->)', () => {
    expect(docFiles().flatMap((f) => unmarkedCommandBlocks(f)).map((w) => relative(repoRoot(), w))).toEqual([]);
  });

  it.each(examples.map((e) => [`${relative(repoRoot(), e.file)}:${e.line}`, e] as const))('%s', async (_where, ex) => {
    const cwd = workDir();
    for (const [i, c] of ex.commands.entries()) {
      const last = i === ex.commands.length - 1;
      const { code, out } = await run(c, ex, cwd);
      expect(code, `$ ${c.argv.join(' ')}\n${out}`).toBe(last ? ex.exit : 0);
      expect(missingLines(c.expect, out), `$ ${c.argv.join(' ')}\n${out}`).toEqual([]);
    }
  }, 60_000);
});

describe('the example reader itself', () => {
  it.each([
    ['ptrcheck audit 192.0.2.11 --dns 127.0.0.1:5300', ['ptrcheck', 'audit', '192.0.2.11', '--dns', '127.0.0.1:5300']],
    ["ptrcheck audit 192.0.2.11 --helo 'mail .example'", ['ptrcheck', 'audit', '192.0.2.11', '--helo', 'mail .example']],
    ['curl -s "http://127.0.0.1:8025/api/v1/audit?ip=192.0.2.11"', ['curl', '-s', 'http://127.0.0.1:8025/api/v1/audit?ip=192.0.2.11']],
  ])('splits %s', (line, words) => expect(splitCommand(line)).toEqual(words));

  it.each(['ptrcheck audit x | head', 'ptrcheck audit x > out', 'ptrcheck audit $IP', 'ptrcheck audit `id`', 'ptrcheck audit x && rm y', 'ptrcheck audit "$HOME"', "ptrcheck audit 'x"])('refuses %s', (line) => {
    expect(() => splitCommand(line)).toThrow();
  });

  it('matches key lines in order, whitespace runs equal, … for anything', () => {
    const out = ' FAIL   score 40/100  iprev=fail\n  ✖ fail  ptr-present  The IP has no PTR record\nReport abc123 at http://x/r/abc123\n';
    expect(missingLines(['FAIL score 40/100', 'ptr-present The IP has no PTR', 'Report … at http://x/r/…'], out)).toEqual([]);
    expect(missingLines(['ptr-present', 'FAIL score'], out)).toEqual(['FAIL score']);
    expect(lineMatches('score …/100', 'score 40/100')).toBe(true);
    expect(lineMatches('score 41/100', 'score 40/100')).toBe(false);
  });

  it('finds a command block that is neither run nor marked no-run, outside generated sections', () => {
    const text = '```sh\nnpx ptrcheck serve\n```\n<!-- no-run: runs until stopped -->\n```sh\nnpx ptrcheck serve\n```\n<!-- generated: ptrcheck --help -->\n```\nptrcheck audit <ip>\n```\n<!-- end generated -->\n```sh\ndig -x 192.0.2.1\n```\n';
    expect(unmarkedCommandBlocks('t.md', text)).toEqual(['t.md:1']);
  });

  it('reads markers, exit codes and serve; refuses a marker without a console block', () => {
    const text = 'x\n<!-- example: exit=1 serve -->\n```console\n$ ptrcheck audit 192.0.2.11\n FAIL\n…\n$ ptrcheck rules\n```\n';
    expect(parseExamples('t.md', text)).toEqual([{ file: 't.md', line: 2, exit: 1, serve: true, commands: [{ argv: ['ptrcheck', 'audit', '192.0.2.11'], expect: [' FAIL'] }, { argv: ['ptrcheck', 'rules'], expect: [] }] }]);
    expect(() => parseExamples('t.md', '<!-- example -->\n```sh\n$ ptrcheck rules\n```\n')).toThrow(/console block/);
    expect(() => parseExamples('t.md', '<!-- example: fast -->\n```console\n$ ptrcheck rules\n```\n')).toThrow(/unknown example option/);
  });
});
