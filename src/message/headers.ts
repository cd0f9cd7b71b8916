/**
 * The header section of an RFC 5322 message, read leniently (real mail is
 * messy) but bounded, with clear errors for what is not a message at all.
 */
import { InputError } from '../core/errors.js';

export interface HeaderField {
  /** Lower-case field name. */
  name: string;
  /** Unfolded value, trimmed. */
  value: string;
}

export interface ParsedHeaders {
  fields: HeaderField[];
  /** Lines in the header section that are neither a field nor a continuation. */
  malformedLines: number;
  size: number;
}

export const MAX_HEADER_FIELDS = 10_000;
/**
 * Bounds on the header section, checked before any parser sees it: parsers'
 * cost grows faster than the input (mailauth's header reader is quadratic in
 * folded lines). Postfix's header_size_limit is 100 KB; real messages,
 * ARC and DKIM included, stay far below these numbers. Measured at these
 * limits, the main thread's own header reading takes ≤ 15 ms per message.
 */
export const MAX_HEADER_BYTES = 256 * 1024;
export const MAX_CONTINUATION_LINES = 5_000;

export function parseHeaders(message: Uint8Array): ParsedHeaders {
  if (message.length === 0) throw new InputError('the message is empty');
  const end = headerEnd(message);
  if (end > MAX_HEADER_BYTES) throw new InputError(`the message is too complex to audit: its header section is over ${MAX_HEADER_BYTES / 1024} KB`);
  // UTF-8 (RFC 6532 allows it in headers); invalid bytes become U+FFFD instead of failing.
  const head = new TextDecoder('utf-8').decode(message.subarray(0, end));
  if (head.includes('\u0000')) throw new InputError('not a message: the header section contains NUL bytes (binary data?)');
  const lines = head.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines[0]?.startsWith('From ')) lines.shift(); // mbox separator line
  if (!/^[!-9;-~]+:/.test(lines[0] ?? '')) {
    throw new InputError('not an RFC 5322 message: it does not start with a header field ("Name: value")');
  }
  const fields: HeaderField[] = [];
  let malformedLines = 0;
  let continuations = 0;
  for (const line of lines) {
    if (line === '') continue;
    if (/^[ \t]/.test(line) && fields.length > 0) {
      if (++continuations > MAX_CONTINUATION_LINES) throw new InputError(`the message is too complex to audit: over ${MAX_CONTINUATION_LINES} folded header lines`);
      fields[fields.length - 1]!.value += ` ${line.trim()}`;
      continue;
    }
    const m = /^([!-9;-~]+)[ \t]*:(.*)$/.exec(line);
    if (!m) {
      malformedLines++;
      continue;
    }
    if (fields.length >= MAX_HEADER_FIELDS) throw new InputError(`the message has more than ${MAX_HEADER_FIELDS} header fields`);
    fields.push({ name: m[1]!.toLowerCase(), value: m[2]!.trim() });
  }
  return { fields, malformedLines, size: message.length };
}

export function headerValues(h: ParsedHeaders, name: string): string[] {
  return h.fields.filter((f) => f.name === name).map((f) => f.value);
}

/** Offset of the blank line that ends the header section (or the end of the message). */
function headerEnd(m: Uint8Array): number {
  for (let i = 0; i < m.length - 1; i++) {
    if (m[i] === 0x0a && (m[i + 1] === 0x0a || (m[i + 1] === 0x0d && m[i + 2] === 0x0a))) return i;
  }
  return m.length;
}
