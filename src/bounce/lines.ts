/**
 * A bounce's text as lines, cut before any pattern runs: each line at most
 * LINE_CHARS, at most MAX_LINES of them, so a pattern's work is bounded by
 * a line, never by the bounce. Header fields are looked up in the lines
 * (first occurrence, folded lines joined) without copying the whole text.
 */
export const LINE_CHARS = 4 * 1024;
export const MAX_LINES = 20_000;

export interface Lines {
  lines: string[];
  /** Lines longer than LINE_CHARS, cut to it. */
  long: number;
  /** True when lines after the first MAX_LINES were not kept. */
  dropped: boolean;
}

/** Lines split at \r\n, \r or \n (one pass: the next \r and \n are each searched for once). */
export function splitLines(text: string, maxLines = MAX_LINES): Lines {
  const lines: string[] = [];
  let long = 0;
  let at = 0;
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  for (;;) {
    if (lf >= 0 && lf < at) lf = text.indexOf('\n', at);
    if (cr >= 0 && cr < at) cr = text.indexOf('\r', at);
    const end = Math.min(lf < 0 ? text.length : lf, cr < 0 ? text.length : cr);
    if (lines.length === maxLines) return { lines, long, dropped: true };
    if (end - at > LINE_CHARS) long++;
    lines.push(text.slice(at, Math.min(end, at + LINE_CHARS)));
    if (end === text.length) return { lines, long, dropped: false };
    at = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}

/**
 * The first field `name:` (ASCII, any case, at a line's start), its folded
 * continuation lines (starting with a space or tab) joined with one space,
 * trimmed; at most LINE_CHARS.
 */
export function field(lines: readonly string[], name: string): string | undefined {
  for (let i = 0; i < lines.length; i++) {
    if (!startsWithField(lines[i]!, name)) continue;
    let value = lines[i]!.slice(name.length + 1);
    for (let j = i + 1; j < lines.length && isFolded(lines[j]!) && value.length < LINE_CHARS; j++) value += ` ${lines[j]!.replace(/^[ \t]+/, '')}`;
    return value.trim().slice(0, LINE_CHARS);
  }
  return undefined;
}

/** `name` is lower-case ASCII; the line's letters compare without case (ASCII only, like /i on an ASCII pattern). */
function startsWithField(line: string, name: string): boolean {
  if (line.charCodeAt(name.length) !== 58) return false; // ':'
  for (let k = 0; k < name.length; k++) {
    const c = line.charCodeAt(k);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== name.charCodeAt(k)) return false;
  }
  return true;
}

function isFolded(line: string): boolean {
  const c = line.charCodeAt(0);
  return c === 32 || c === 9;
}

/** What `\s` matches (ECMAScript WhiteSpace and LineTerminator). */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
