/**
 * Runnable examples in the README and docs/: a console block marked
 *
 *     <!-- example: exit=1 serve -->
 *     ```console
 *     $ ptrcheck audit 192.0.2.11 --dns 127.0.0.1:5300
 *      FAIL   score 40/100  iprev=fail
 *     …
 *     ```
 *
 * is run by test/doc-examples.test.ts against the fixture DNS server (every
 * 127.0.0.1:5300 in it is that server) and, with `serve`, a serve child
 * (http://127.0.0.1:8025 is it). Each `$ ` line is a command; the lines
 * under it are key lines that must appear in its output, in order, each
 * inside one output line (whitespace runs equal; `…` matches anything).
 * `exit=N` is the last command's exit code (default 0; earlier ones must
 * exit 0). No shell: pipes, redirections and substitutions are refused, so
 * what a reader copies is exactly what ran.
 */
import { readFileSync } from 'node:fs';
import { docPages } from '../../src/cli/doc-pages.js';
import { repoRoot } from './repo-root.js';

export interface DocCommand {
  argv: string[];
  /** The key lines under it, as written. */
  expect: string[];
}

export interface DocExample {
  file: string;
  /** 1-based line of the marker. */
  line: number;
  exit: number;
  serve: boolean;
  commands: DocCommand[];
}

const MARKER = /^<!-- example(?::([^>]*))? -->$/;
const SHELL = new Set(['|', '||', '&&', ';', '>', '>>', '<', '&']);

/** Words as a POSIX shell splits them, for the simple quoting docs use; throws on anything a shell would expand. */
export function splitCommand(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      if (end < 0) throw new Error(`unclosed ${c} in: ${line}`);
      const quoted = line.slice(i + 1, end);
      if (c === '"' && /[$`\\]/.test(quoted)) throw new Error(`no expansion inside double quotes: ${line}`);
      word += quoted;
      inWord = true;
      i = end;
    } else if (c === ' ' || c === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      if (c === '$' || c === '`' || c === '\\' || c === '*' || c === '?') throw new Error(`no shell expansion in examples (${c}): ${line}`);
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  const op = words.find((w) => SHELL.has(w) || /^[|;&<>]|[|;&<>]$/.test(w));
  if (op !== undefined) throw new Error(`no pipes or redirections in examples (${op}): ${line}`);
  return words;
}

export function parseExamples(file: string, text = readFileSync(file, 'utf8')): DocExample[] {
  const lines = text.split('\n');
  const out: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = MARKER.exec(lines[i]!.trim());
    if (!m) continue;
    const opts = (m[1] ?? '').trim().split(/\s+/).filter(Boolean);
    let exit = 0;
    let serve = false;
    for (const o of opts) {
      if (o === 'serve') serve = true;
      else if (/^exit=\d$/.test(o)) exit = Number(o.slice(5));
      else throw new Error(`${file}:${i + 1}: unknown example option '${o}'`);
    }
    if (lines[i + 1]?.trim() !== '```console') throw new Error(`${file}:${i + 1}: an example marker must be followed by a \`\`\`console block`);
    const commands: DocCommand[] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j]!.trim() !== '```'; j++) {
      const l = lines[j]!;
      if (l.startsWith('$ ')) commands.push({ argv: splitCommand(l.slice(2).trim()), expect: [] });
      else if (commands.length === 0) throw new Error(`${file}:${j + 1}: output before the first $ command`);
      else if (l.trim() !== '' && l.trim() !== '…') commands.at(-1)!.expect.push(l);
    }
    if (j >= lines.length) throw new Error(`${file}:${i + 1}: the example's block is not closed`);
    if (commands.length === 0) throw new Error(`${file}:${i + 1}: an example without a $ command`);
    out.push({ file, line: i + 1, exit, serve, commands });
    i = j;
  }
  return out;
}

const squash = (s: string) => s.trim().replace(/\s+/g, ' ');

/** Does `expected` (with `…` for anything) appear inside `actual`? */
export function lineMatches(expected: string, actual: string): boolean {
  const parts = squash(expected).split('…').map((p) => p.trim()).filter(Boolean);
  const hay = squash(actual);
  let at = 0;
  for (const p of parts) {
    const found = hay.indexOf(p, at);
    if (found < 0) return false;
    at = found + p.length;
  }
  return true;
}

/** The key lines not found, in order, in the output (empty: all there). */
export function missingLines(expected: readonly string[], output: string): string[] {
  const actual = output.split('\n');
  let at = 0;
  const missing: string[] = [];
  for (const e of expected) {
    const found = actual.findIndex((a, k) => k >= at && lineMatches(e, a));
    if (found < 0) missing.push(e);
    else at = found + 1;
  }
  return missing;
}

/** The README and every page under docs/. */
export function docFiles(root = repoRoot()): string[] {
  return docPages(root);
}

const COMMAND_LINE = /^(\$ )?(npx )?ptrcheck /;

/**
 * Code blocks that show a ptrcheck command but are neither a runnable example
 * nor marked `<!-- no-run: why -->` (a server that runs until stopped, a
 * command for a real host): each is a place a reader could be misled unseen.
 * Generated sections (the usage) are not examples.
 */
export function unmarkedCommandBlocks(file: string, text = readFileSync(file, 'utf8')): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  let generated = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l.startsWith('<!-- generated:')) generated = true;
    if (l === '<!-- end generated -->') generated = false;
    if (!l.startsWith('```') || generated) continue;
    const start = i;
    let shows = false;
    for (i++; i < lines.length && lines[i]!.trim() !== '```'; i++) if (COMMAND_LINE.test(lines[i]!.trim())) shows = true;
    const before = (lines[start - 1] ?? '').trim();
    if (shows && !MARKER.test(before) && !/^<!-- no-run: .+ -->$/.test(before)) out.push(`${file}:${start + 1}`);
  }
  return out;
}
