/**
 * The attachments of a MIME message (RFC 2045/2046) as bytes: the parts a
 * caller wants by media type and file name, base64 and quoted-printable
 * decoded. Bounded like the bounce reader (bounce/text.ts): how many parts,
 * how deep, how much of each header block, how many attachments; the
 * caller bounds the message itself. Web-standard code only.
 */
import { multipartParts } from '../core/multipart.js';

export interface Attachment {
  /** Media type, lower case, without parameters. */
  type: string;
  /** The file name the sender gave ('' when none). */
  name: string;
  bytes: Uint8Array;
}

export interface Attachments {
  found: Attachment[];
  /** Some of the message was not looked at (too many parts, too deep, too many attachments). */
  cut: boolean;
}

const PARTS = 64;
const DEPTH = 4;
const FOUND = 8;
const HEADER_CHARS = 64 * 1024;
/** RFC 2046 §5.1.1: a boundary is 1 to 70 characters. */
const BOUNDARY_CHARS = 70;

/**
 * The leaf parts (a single-part message's body included) that `wanted(type, name)` accepts, in
 * order. Parts of message/rfc822 parts (a forwarded message) are looked into too.
 */
export function attachmentsOf(raw: Uint8Array, wanted: (type: string, name: string) => boolean): Attachments {
  // One character per byte (windows-1252 is a single-byte encoding): positions in the text are positions in the bytes.
  const text = new TextDecoder('windows-1252').decode(raw);
  const found: Attachment[] = [];
  let parts = 0;
  let cut = false;

  const walk = (start: number, end: number, depth: number): void => {
    if (++parts > PARTS || found.length >= FOUND) return void (cut = true);
    const { fields, bodyStart } = readHead(text, start, end);
    const contentType = fields.get('content-type') ?? 'text/plain';
    const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
    if (type.startsWith('multipart/')) {
      const boundary = param(contentType, 'boundary');
      if (!boundary || boundary.length > BOUNDARY_CHARS) return;
      if (depth >= DEPTH) return void (cut = true);
      for (const [a, b] of multipartParts(text, bodyStart, end, boundary)) {
        walk(a, b, depth + 1);
        if (cut) return;
      }
      return;
    }
    if (type === 'message/rfc822') {
      if (depth >= DEPTH) return void (cut = true);
      return walk(bodyStart, end, depth + 1);
    }
    const disposition = fields.get('content-disposition') ?? '';
    const name = param(disposition, 'filename') ?? param(contentType, 'name') ?? '';
    if (!wanted(type, name)) return;
    const encoding = (fields.get('content-transfer-encoding') ?? '').trim().toLowerCase();
    const bytes = encoding === 'base64' ? fromBase64(text.slice(bodyStart, end)) : encoding === 'quoted-printable' ? fromQuotedPrintable(raw.subarray(bodyStart, end)) : raw.slice(bodyStart, end);
    found.push({ type, name, bytes });
  };
  walk(0, text.length, 0);
  return { found, cut };
}

/** The header fields of the entity at [start, end) (lower-case names, the first of each, unfolded) and where its body starts. */
function readHead(s: string, start: number, end: number): { fields: Map<string, string>; bodyStart: number } {
  const fields = new Map<string, string>();
  let last = '';
  let at = start;
  while (at < end && at - start < HEADER_CHARS) {
    let lf = s.indexOf('\n', at);
    if (lf < 0 || lf >= end) lf = end;
    const line = s.slice(at, lf > at && s.charCodeAt(lf - 1) === 13 ? lf - 1 : lf);
    at = Math.min(end, lf + 1);
    if (line === '') break;
    if ((line[0] === ' ' || line[0] === '\t') && last) {
      fields.set(last, `${fields.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    last = fields.has(name) ? '' : name;
    if (last) fields.set(name, line.slice(colon + 1).trim());
  }
  return { fields, bodyStart: at };
}

/** A parameter of a header field (name="value", name=value, or RFC 2231 name*=charset''value). */
function param(field: string, name: string): string | undefined {
  for (const piece of field.split(';').slice(1)) {
    const eq = piece.indexOf('=');
    if (eq < 0) continue;
    const key = piece.slice(0, eq).trim().toLowerCase();
    let value = piece.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (key === name) return value;
    if (key === `${name}*`) return decodeUriSafe(value.slice(value.indexOf("''") + 2));
  }
  return undefined;
}

function decodeUriSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function fromBase64(s: string): Uint8Array {
  let binary: string;
  try {
    const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
    binary = atob(clean.slice(0, clean.length - (clean.length % 4 === 1 ? 1 : 0)));
  } catch {
    return new Uint8Array();
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Soft line breaks removed, =XX as its byte, every other byte as it is. */
function fromQuotedPrintable(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  const hex = (c: number | undefined): number => (c === undefined ? -1 : c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);
  let n = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 61 /* = */) {
      if (b[i + 1] === 10) {
        i += 1;
        continue;
      }
      if (b[i + 1] === 13 && b[i + 2] === 10) {
        i += 2;
        continue;
      }
      const hi = hex(b[i + 1]);
      const lo = hex(b[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = b[i]!;
  }
  return out.slice(0, n);
}
