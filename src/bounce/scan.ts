/**
 * The two things the decoder looks for that a pattern would find by
 * back-scanning (a greedy run that has to give characters back when what
 * follows is missing): written as scans that look at each character a
 * bounded number of times.
 */
import { isSpace } from './lines.js';

export interface HostMention {
  name: string;
  address: string;
}

/**
 * Each `host NAME [ADDRESS]` in order (Postfix, Exim: the receiver's MX and
 * its address), as /\bhost ([a-z0-9.-]+)\s*\[([0-9a-f.:]+)\]/gi would find
 * them; at most `max`.
 */
export function hostMentions(text: string, max = 1000): HostMention[] {
  const out: HostMention[] = [];
  const word = /\bhost /gi;
  for (let m = word.exec(text); m && out.length < max; m = word.exec(text)) {
    let i = word.lastIndex;
    while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
    if (i === word.lastIndex) continue;
    const name = text.slice(word.lastIndex, i);
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 91) continue; // '['
    const a = ++i;
    while (i < text.length && isAddressChar(text.charCodeAt(i))) i++;
    if (i === a || text.charCodeAt(i) !== 93) continue; // ']'
    out.push({ name, address: text.slice(a, i) });
    word.lastIndex = i + 1;
  }
  return out;
}

/** A name that ends in a dot and two or more letters ([a-z0-9.-]+\.[a-z]{2,}, any case). */
export function hasTopLevel(name: string): boolean {
  const dot = name.lastIndexOf('.');
  if (dot < 1 || name.length - dot - 1 < 2) return false;
  for (let i = dot + 1; i < name.length; i++) if (!isLetter(name.charCodeAt(i))) return false;
  return true;
}

/**
 * The reply without a trailing "(in reply to …)" and the spaces before it,
 * as .replace(/\s*\(in reply to [^)]*\)\s*$/i, '') would leave it: the
 * last `)` must end the text, and the opener must come after the `)` before it.
 */
export function withoutInReplyTo(s: string): string {
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  if (end === 0 || s.charCodeAt(end - 1) !== 41) return s; // ')'
  const opener = /\(in reply to /gi;
  opener.lastIndex = s.lastIndexOf(')', end - 2) + 1;
  const m = opener.exec(s);
  if (!m || m.index >= end - 1) return s;
  let start = m.index;
  while (start > 0 && isSpace(s.charCodeAt(start - 1))) start--;
  return s.slice(0, start);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

function isAddressChar(c: number): boolean {
  return (c >= 48 && c <= 58) || c === 46 || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
