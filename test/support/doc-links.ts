/**
 * Links between the README and docs/: every relative link names a file that
 * exists and, with #anchor, a heading in it (GitHub's slugs). Linear scans,
 * code blocks skipped (a `[x](y)` in a code sample is not a link).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
}

export function headings(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of prose(text)) {
    const m = /^#{1,6} (.+)$/.exec(line);
    if (!m) continue;
    const base = slug(m[1]!.replace(/`/g, ''));
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** The lines outside fenced code blocks. */
function prose(text: string): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const line of text.split('\n')) {
    if (line.trimStart().startsWith('```')) fenced = !fenced;
    else if (!fenced) out.push(line);
  }
  return out;
}

export function links(text: string): string[] {
  const out: string[] = [];
  for (const line of prose(text)) {
    let at = 0;
    for (;;) {
      const open = line.indexOf('](', at);
      if (open < 0) break;
      const close = line.indexOf(')', open + 2);
      if (close < 0) break;
      out.push(line.slice(open + 2, close).split(' ')[0]!);
      at = close + 1;
    }
  }
  return out;
}

/** What is wrong with each relative link of `file` (empty: all good). */
export function brokenLinks(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const broken: string[] = [];
  for (const link of links(text)) {
    if (/^(https?:|mailto:)/.test(link)) continue;
    const [path, anchor] = link.split('#') as [string, string | undefined];
    const target = path === '' ? file : join(dirname(file), decodeURIComponent(path));
    if (!existsSync(target)) {
      broken.push(`${link}: no such file`);
      continue;
    }
    if (anchor && target.endsWith('.md') && !headings(readFileSync(target, 'utf8')).has(anchor)) broken.push(`${link}: no heading #${anchor}`);
  }
  return broken;
}

/** Image sources (`![alt](src)`, and `src="…"`/`srcset="…"` in a <picture>) outside code blocks. */
export function images(text: string): string[] {
  const out: string[] = [];
  for (const line of prose(text)) {
    for (const attr of ['src="', 'srcset="']) {
      const at = line.indexOf(attr);
      const end = at < 0 ? -1 : line.indexOf('"', at + attr.length);
      if (end > 0 && (line.includes('<img') || line.includes('<source'))) out.push(line.slice(at + attr.length, end));
    }
    let at = 0;
    for (;;) {
      const open = line.indexOf('![', at);
      if (open < 0) break;
      const mid = line.indexOf('](', open);
      const close = mid < 0 ? -1 : line.indexOf(')', mid + 2);
      if (close < 0) break;
      out.push(line.slice(mid + 2, close).split(' ')[0]!);
      at = close + 1;
    }
  }
  return out;
}
