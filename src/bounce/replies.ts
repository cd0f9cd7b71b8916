/**
 * SMTP replies in a bounce's lines: the code, the enhanced code, and the
 * lines that continue it, as one cleaned line. Every pattern here runs on
 * one line (at most LINE_CHARS) and is anchored or of bounded length; the
 * trailing "(in reply to …)" is found by a scan (scan.ts).
 */
import { withoutInReplyTo } from './scan.js';

/** Where a reply starts in a line: a 4xx/5xx code, then an enhanced code or words (not a number in a date or a size). */
const REPLY_START = /(?:^|[\s:'(])([45]\d\d)[ -](?:([245]\.\d{1,3}\.\d{1,3})(?=[\s\]]|$)|(?=[A-Za-z<\[#]))/;

/** A reply's own text before it is cleaned: continuation lines past this are passed over, not added. */
const REPLY_CHARS = 8 * 1024;

/** Every SMTP reply with a 4xx/5xx code (at most 50), each with the lines that continue it. */
export function findReplies(lines: readonly string[]): { text: string; code: string; enhanced?: string }[] {
  const found: { text: string; code: string; enhanced?: string }[] = [];
  for (let i = 0; i < lines.length && found.length < 50; i++) {
    const line = lines[i]!;
    const m = REPLY_START.exec(line);
    if (!m) continue;
    const code = m[1]!;
    let reply = line.slice(m.index + m[0].indexOf(code));
    // Continuation: lines that repeat the code ("550-5.7.25 …", "<<< 550-…"), or indented lines that are not a new field.
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j]!;
      const bare = next.replace(/^\s*(?:<<<\s*)?/, '');
      const same = bare.startsWith(code) && (bare[3] === ' ' || bare[3] === '-');
      if (same) reply += reply.length < REPLY_CHARS ? ` ${bare}` : '';
      else if (/^[ \t]+\S/.test(next) && !/^\s*[A-Z][\w-]*:\s/.test(next)) reply += reply.length < REPLY_CHARS ? ` ${next.trim()}` : '';
      else break;
      i = j;
      if (same && bare[3] === ' ') break;
    }
    found.push({ text: clean(reply, code), code, ...(m[2] ? { enhanced: m[2] } : {}) });
  }
  return found;
}

/** One line: the repeated "550-5.7.25 " prefixes of a multi-line reply, the trailing "(in reply to …)" and quotes removed. */
function clean(reply: string, code: string): string {
  const first = reply.replace(/\s+/g, ' ').trim();
  const prefix = new RegExp(`\\s${code}[ -](?:[245]\\.\\d{1,3}\\.\\d{1,3}\\s)?`, 'g');
  const bare = withoutInReplyTo(first.replace(/^(\d{3})-/, '$1 ').replace(prefix, ' ')).trimEnd();
  return (bare.endsWith("'") ? bare.slice(0, -1) : bare)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 2000);
}
