/**
 * The body parts of a multipart entity (RFC 2046 §5.1.1), for every reader
 * of MIME here (message attachments, bounces): one linear scan. A delimiter
 * is `--boundary` at the start of a line, then optional spaces or tabs and
 * the line's end (`--boundary--` closes); `--boundaryX` is body text. Each
 * part runs from after its delimiter line to before the line break that
 * precedes the next delimiter (that break belongs to the delimiter). The
 * preamble is never a part.
 */

export interface PartOptions {
  /** After the closing delimiter: stop, or keep reading what follows as one more part (a bounce whose close came too early). */
  afterClose: 'stop' | 'continue';
}

export function* multipartParts(s: string, start: number, end: number, boundary: string, o: PartOptions = { afterClose: 'stop' }): Generator<[number, number]> {
  const dash = `--${boundary}`;
  let from = -1; // the start of the current part; -1 until the first delimiter
  for (let i = s.indexOf(dash, start); i >= 0 && i + dash.length <= end; i = s.indexOf(dash, i + 1)) {
    if (i > start && !isLineEnd(s.charCodeAt(i - 1))) continue;
    const close = i + dash.length + 2 <= end && s.startsWith('--', i + dash.length) ? delimiterEnd(s, i + dash.length + 2, end) : -1;
    const matched = close >= 0 ? close : delimiterEnd(s, i + dash.length, end);
    if (matched < 0) continue;
    if (from >= 0) yield [from, Math.max(from, beforeLineBreak(s, i, from))];
    if (close >= 0 && o.afterClose === 'stop') return;
    from = afterLineBreak(s, matched, end);
    i = matched - 1;
  }
  if (from >= 0 && from < end) yield [from, end];
}

/** After a boundary: `[ \t]*` and the line's end (or the body's); where the line's end is, or -1. */
function delimiterEnd(s: string, k: number, end: number): number {
  while (k < end && (s.charCodeAt(k) === 32 || s.charCodeAt(k) === 9)) k++;
  if (k === end) return k;
  return isLineEnd(s.charCodeAt(k)) ? k : -1;
}

/** Past one line break (\r\n, \n, \r, U+2028, U+2029) at k. */
function afterLineBreak(s: string, k: number, end: number): number {
  if (k >= end) return end;
  if (s.charCodeAt(k) === 13 && k + 1 < end && s.charCodeAt(k + 1) === 10) return k + 2;
  return isLineEnd(s.charCodeAt(k)) ? k + 1 : k;
}

/** Before the line break that ends just before k (the delimiter's own). */
function beforeLineBreak(s: string, k: number, floor: number): number {
  if (k - 1 < floor || !isLineEnd(s.charCodeAt(k - 1))) return k;
  return s.charCodeAt(k - 1) === 10 && k - 2 >= floor && s.charCodeAt(k - 2) === 13 ? k - 2 : k - 1;
}

/** What ends a line for /^…$/m: \n, \r, U+2028, U+2029. */
function isLineEnd(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}
