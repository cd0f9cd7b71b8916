/**
 * The scans that replaced back-scanning patterns (scan.ts, body.ts,
 * lines.ts): the same answers as the patterns they replace, on generated
 * text made of the pieces those patterns care about (seeded, so every run
 * sees the same 3,000 strings per row), and linear time on each pattern's
 * bomb: 4 times the text, at most 8 times the time (the patterns took 16).
 */
import { describe, expect, it } from 'vitest';
import { hasTopLevel, hostMentions, withoutInReplyTo } from './scan.js';
import { stripHtml } from './body.js';
import { field, splitLines } from './lines.js';

const PIECES = ['(in reply to ', '(IN REPLY TO ', 'RCPT TO', ')', '(', ' ', '  ', '\t', '\n', '\r\n', '\r', "'", '<', '>', '<br', '<br />', '</p>', '</DIV>', '<h2>', '</h3>', '<script', '<script>', '</script>', '<SCRIPT>', '<style', '</style>', '</Style>', '<!--', '-->', '&amp;', '&lt;', '&gt;', '&nbsp;', '&quot;', '&#39;', '&amp;lt;', 'host ', 'Host ', 'xhost ', 'mx.example.com', 'a.b', 'mx-1.b.c0', 'a.', '.com', '[', ']', '192.0.2.1', '3fff::1', 'ABCDEF', 'g', ':', 'Status:', 'status: ', 'Remote-MTA:', 'X-A: ', '\u00a0', '\u2028', 'é', 'İ'];

function corpus(seed: number, count = 3000, pieces = 40): string[] {
  let s = seed;
  const next = (n: number) => ((s = (s * 1103515245 + 12345) % 2147483648), s % n);
  return Array.from({ length: count }, () => Array.from({ length: 1 + next(pieces) }, () => PIECES[next(PIECES.length)]).join(''));
}

/** The patterns as they were (src/bounce before issue 25): the reference. */
const BEFORE = {
  withoutInReplyTo: (s: string) => s.replace(/\s*\(in reply to [^)]*\)\s*$/i, ''),
  hostMentions: (s: string) => [...s.matchAll(/\bhost ([a-z0-9.-]+)\s*\[([0-9a-f.:]+)\]/gi)].map((m) => ({ name: m[1]!, address: m[2]! })),
  hasTopLevel: (s: string) => /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(s),
  stripHtml: (s: string) =>
    s
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<br\s*\/?>|<\/(p|div|tr|li|h\d)>/gi, '\n')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
  splitLines: (s: string) => s.split(/\r\n|\r|\n/),
  field: (s: string, name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(s.replace(/\r?\n[ \t]+/g, ' '))?.[1]?.trim(),
};

describe('the scans give what the patterns gave', () => {
  it.each([
    ['withoutInReplyTo', 1, (s: string) => expect(withoutInReplyTo(s)).toBe(BEFORE.withoutInReplyTo(s))],
    ['hostMentions', 2, (s: string) => expect(hostMentions(s)).toEqual(BEFORE.hostMentions(s))],
    // Names as hostMentions finds them: [a-z0-9.-] only.
    ['hasTopLevel', 3, (s: string) => expect(hasTopLevel(s.replace(/[^a-z0-9.-]/gi, ''))).toBe(BEFORE.hasTopLevel(s.replace(/[^a-z0-9.-]/gi, '')))],
    ['stripHtml', 4, (s: string) => expect(stripHtml(s)).toBe(BEFORE.stripHtml(s))],
    ['splitLines', 5, (s: string) => expect(splitLines(s).lines).toEqual(BEFORE.splitLines(s))],
    // Lines as the decoder has them (split, \r gone): the pattern's field, looked up in them.
    ['field', 6, (s: string) => {
      const text = s.replace(/[\r\u2028\u2029]/g, '');
      for (const name of ['status', 'remote-mta', 'x-a']) expect(field(splitLines(text).lines, name)).toBe(BEFORE.field(text, name));
    }],
  ])('%s', (_name, seed, check) => {
    for (const s of corpus(seed)) check(s);
  });

  it.each([
    ['a.example', true], ['mx.example.com', true], ['a.b', false], ['.com', false], ['a.c0m', false], ['a.COM', true], ['example', false],
  ])('hasTopLevel(%j) is %s', (name, want) => expect(hasTopLevel(name)).toBe(want));
});

/** Best of three, in ms. */
const time = (f: () => unknown) => Math.min(...[0, 1, 2].map(() => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}));
const MB = 1024 * 1024;
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

describe('linear on the bombs that made the patterns back-scan', () => {
  it.each([
    ['stripHtml: <a<a<a…', (n: number) => stripHtml(fill('<a', n))],
    ['stripHtml: <script<script…', (n: number) => stripHtml(fill('<script', n))],
    ['stripHtml: <style … <br   …', (n: number) => stripHtml(`<style>${fill('<br    x', n)}`)],
    ['withoutInReplyTo: (in reply to (in reply to …)', (n: number) => withoutInReplyTo(`550 x ${fill('(in reply to ', n)})`)],
    ['withoutInReplyTo: ) ) ) …)', (n: number) => withoutInReplyTo(fill('(in reply to x) ', n) + ')')],
    ['hostMentions: host a.b.c.d…', (n: number) => hostMentions(fill('host a.b.c.d.e.f ', n))],
    ['hostMentions: host x      x', (n: number) => hostMentions(fill(`host x${' '.repeat(64)}x`, n))],
    ['splitLines: \\r\\n\\r\\n…', (n: number) => splitLines(fill('\r\n', n / 4), Infinity)],
  ])('%s: 4 times the text, at most 8 times the time', (_what, run) => {
    const [small, big] = [time(() => run(MB)), time(() => run(4 * MB))];
    expect(big).toBeLessThan(8 * small + 5);
  });
});
