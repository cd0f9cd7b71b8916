/**
 * The readable text of a bounce: a DSN (multipart/report, RFC 3464), an
 * Exchange NDR (HTML, often base64), or pasted text. MIME parts are
 * decoded (base64, quoted-printable), HTML loses its tags, headers stay
 * (a DSN's fields are headers of its message/delivery-status part).
 *
 * Bounded before any pattern runs, whatever the caller let in: what is
 * read (READ), how many parts and how deep (PARTS, DEPTH), how much of each
 * header block and each part's body (HEADER_CHARS, PART_CHARS), how much
 * text in all (TEXT_CHARS), then each line and how many (lines.ts). The
 * parts are walked as positions in the one input string (no copies until a
 * part is read), and `cut` says what was left out.
 */
import { decodeBase64, decodeQuotedPrintable, stripHtml } from './body.js';
import { field, isSpace, LINE_CHARS, MAX_LINES, splitLines } from './lines.js';
import { multipartParts } from '../core/multipart.js';

const KB = 1024;
export const READ_CHARS = 10 * KB * KB;
const PARTS = 64;
const DEPTH = 4;
const HEADER_CHARS = 64 * KB;
const PART_CHARS = 256 * KB;
const TEXT_CHARS = 1024 * KB;
/** RFC 2046 §5.1.1: a boundary is 1 to 70 characters; a longer one is not a boundary. */
const BOUNDARY_CHARS = 70;

export interface Cut {
  /** The input was longer than READ_CHARS. */
  input: boolean;
  /** Parts after the first PARTS were not read. */
  parts: boolean;
  /** Header blocks longer than HEADER_CHARS, and bodies longer than PART_CHARS, read in part. */
  headers: number;
  bodies: number;
  /** The text reached TEXT_CHARS: what came after was not read. */
  text: boolean;
  /** Lines cut to their first LINE_CHARS; lines after MAX_LINES dropped. */
  long: number;
  lines: boolean;
}

export interface BounceText {
  /** The lines joined with \n. */
  text: string;
  lines: string[];
  cut: Cut;
}

export function bounceText(input: string): BounceText {
  const raw = input.length > READ_CHARS ? input.slice(0, READ_CHARS) : input;
  const cut: Cut = { input: raw !== input, parts: false, headers: 0, bodies: 0, text: false, long: 0, lines: false };
  const out: string[] = [];
  let room = TEXT_CHARS;
  let parts = 0;
  const keep = (s: string): void => {
    if (s.length > room) cut.text = true;
    out.push(s.length > room ? s.slice(0, room) : s);
    room = Math.max(0, room - s.length);
  };

  const walk = (start: number, end: number, depth: number): void => {
    if (room === 0) return void (cut.text = true);
    if (++parts > PARTS) return void (cut.parts = true);
    const { headEnd, bodyStart } = splitEntity(raw, start, end);
    if (headEnd - start > HEADER_CHARS) cut.headers++;
    const headers = raw.slice(start, Math.min(headEnd, start + HEADER_CHARS));
    const head = splitLines(headers).lines;
    const type = field(head, 'content-type') ?? 'text/plain';
    const boundary = /boundary="?([^";\r\n]+)"?/i.exec(type)?.[1];
    keep(headers);
    if (/^\s*multipart\//i.test(type) && boundary && boundary.length <= BOUNDARY_CHARS && depth < DEPTH) {
      let found = 0;
      for (const [a, b] of multipartParts(raw, bodyStart, end, boundary, { afterClose: 'continue' })) {
        found++;
        if (!isBlank(raw, a, b)) walk(a, b, depth + 1);
        if (cut.parts || cut.text) return;
      }
      // A boundary the body never uses (a mangled header) leaves the body to be read as text, not dropped.
      if (found > 0) return;
    }
    // A message/rfc822 or delivery-status part is itself headers and a body.
    if (/^\s*message\//i.test(type) && depth < DEPTH) return walk(afterNewline(raw, bodyStart, end), end, depth + 1);
    const encoding = (field(head, 'content-transfer-encoding') ?? '').trim().toLowerCase();
    const short = end - bodyStart > PART_CHARS;
    if (short) cut.bodies++;
    let body = raw.slice(bodyStart, short ? bodyStart + PART_CHARS : end);
    if (/^\s*multipart\//i.test(type)) return keep(body); // its parts as they stand
    if (encoding === 'base64') body = decodeBase64(body, short);
    else if (encoding === 'quoted-printable') body = decodeQuotedPrintable(body);
    if (/^\s*text\/html/i.test(type)) body = stripHtml(body);
    keep(body);
  };
  walk(0, raw.length, 0);
  const split = splitLines(out.join('\n'));
  cut.long = split.long;
  cut.lines = split.dropped;
  return { text: split.lines.join('\n'), lines: split.lines, cut };
}

/**
 * Headers and body of the entity at [start, end): the headers end at the
 * first blank line (\r?\n\r?\n); text that does not start with a field
 * name and a colon is all body.
 */
function splitEntity(s: string, start: number, end: number): { headEnd: number; bodyStart: number } {
  for (let lf = s.indexOf('\n', start); lf >= 0 && lf < end; lf = s.indexOf('\n', lf + 1)) {
    const after = s.charCodeAt(lf + 1) === 10 ? lf + 2 : s.charCodeAt(lf + 1) === 13 && s.charCodeAt(lf + 2) === 10 ? lf + 3 : -1;
    if (after < 0 || after > end) continue;
    const headEnd = lf > start && s.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
    let k = start;
    while (k < headEnd && isFieldNameChar(s.charCodeAt(k))) k++;
    return k > start && k < headEnd && s.charCodeAt(k) === 58 ? { headEnd, bodyStart: after } : { headEnd: start, bodyStart: start };
  }
  return { headEnd: start, bodyStart: start };
}

/** [\x21-\x39\x3b-\x7e]: printable, not a colon. */
function isFieldNameChar(c: number): boolean {
  return c >= 0x21 && c <= 0x7e && c !== 0x3a;
}

/** Past one leading \r?\n, if there is one. */
function afterNewline(s: string, start: number, end: number): number {
  if (s.charCodeAt(start) === 10 && start < end) return start + 1;
  if (s.charCodeAt(start) === 13 && s.charCodeAt(start + 1) === 10 && start + 1 < end) return start + 2;
  return start;
}

function isBlank(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

const size = (chars: number) => (chars >= KB * KB ? `${chars / (KB * KB)} MB` : `${chars / KB} KB`);

/** What was not read, in words; undefined when all of it was. */
export function unreadNote(cut: Cut): string | undefined {
  const said = [
    cut.input ? `it is longer than ${size(READ_CHARS)}: only its first ${size(READ_CHARS)} was read` : '',
    cut.parts ? `MIME parts after the first ${PARTS} were not read` : '',
    cut.headers > 0 ? `${cut.headers} header block(s) longer than ${size(HEADER_CHARS)}: the first ${size(HEADER_CHARS)} of each was read` : '',
    cut.bodies > 0 ? `${cut.bodies} part(s) longer than ${size(PART_CHARS)}: the first ${size(PART_CHARS)} of each was read` : '',
    cut.text ? `the text read reached ${size(TEXT_CHARS)}: the rest was not read` : '',
    cut.long > 0 ? `${cut.long} line(s) longer than ${size(LINE_CHARS)}: the first ${size(LINE_CHARS)} of each was read` : '',
    cut.lines ? `lines after the first ${MAX_LINES.toLocaleString('en')} were not read` : '',
  ].filter(Boolean);
  return said.length > 0 ? `the bounce was read in part (${said.join('; ')})` : undefined;
}
