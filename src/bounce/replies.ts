/**
 * SMTP replies in a bounce's lines: the code, the enhanced code, and the
 * lines that continue it, as one cleaned line; and which of them is the
 * receiver's answer. Every pattern here runs on one line (at most
 * LINE_CHARS) and is anchored or of bounded length; the trailing
 * "(in reply to …)" is found by a scan (scan.ts).
 */
import { withoutInReplyTo } from './scan.js';

/**
 * Where a reply starts in a line: a reply code (4xx/5xx as RFC 5321 and the receivers use them, so qmail's "487
 * invoked" is none), then an enhanced code (after a vendor's tag like "cuda_nsu", or with a colon: "4.7.0:"), or
 * text (letters, digits, an address, `{`, `_`, `<`, `[`, `#`, `(`).
 */
const REPLY_START = /(?:^|[\s:'(;])(4[25]\d|47\d|5[0-5]\d|57\d)(?:[ -]|(?=;))(?:(?:[A-Za-z][\w-]{0,19} )?([245]\.\d{1,3}\.\d{1,3})(?=[\s\]:;,)]|$)|(?=[A-Za-z0-9<[#{_(]))/;

/** A reply's own text before it is cleaned: continuation lines past this are passed over, not added. */
const REPLY_CHARS = 8 * 1024;

export interface FoundReply {
  text: string;
  code: string;
  enhanced?: string;
  /** The line (or the one before) says the remote side wrote it ("host … said:", "<<< ", "Remote Server returned"). */
  remote: boolean;
}

/** Words that introduce the receiver's own reply in a transcript, lower case. */
const REMOTE_MARKERS = ['said:', '<<< ', 'remote server', 'remote host', 'remote mail server', 'the response was', 'the error that the other server returned', 'response from the remote', 'server replied', 'server returned', 'smtp error from remote'];

/** Every SMTP reply with a reply code (at most 50), each with the lines that continue it. */
export function findReplies(lines: readonly string[]): FoundReply[] {
  const found: FoundReply[] = [];
  for (let i = 0; i < lines.length && found.length < 50; i++) {
    const line = lines[i]!;
    const m = REPLY_START.exec(line);
    if (!m) continue;
    const code = m[1]!;
    const at = m.index + m[0].indexOf(code);
    const remote = hasMarker(line.slice(0, at)) || (at === 0 && i > 0 && hasMarker(lines[i - 1]!));
    let reply = line.slice(at);
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
    found.push({ text: clean(reply, code), code, remote, ...(m[2] ? { enhanced: m[2] } : {}) });
  }
  return found;
}

export interface ChosenReply {
  text: string;
  code?: string;
  enhanced?: string;
  /** Read from the DSN's Diagnostic-Code: the receiver's answer for the recipient. */
  fromDiagnostic: boolean;
}

/**
 * The receiver's answer. A DSN's Diagnostic-Code is it (a transcript line that says the same at more length
 * completes it: Sendmail's Diagnostic-Code holds only the first line); without one, the first reply the remote side
 * wrote, never a complaint about the command sequence ("503 5.5.1 RCPT first" follows the real refusal).
 */
export function chooseReply(diagnostic: string | undefined, lines: readonly string[]): ChosenReply | undefined {
  const transcript = findReplies(lines).filter((r) => !isSequenceError(r));
  if (diagnostic) {
    const body = diagnostic.replace(/^[\w-]{1,20}\s*;\s*/, ''); // "smtp; ", "X-Postfix; "
    const own = findReplies([body]).filter((r) => !isSequenceError(r))[0];
    if (own) {
      const head = own.text.slice(0, 60);
      const longer = transcript.find((r) => r.code === own.code && r.text.length > own.text.length && r.text.startsWith(head));
      return { text: (longer ?? own).text, code: own.code, ...(own.enhanced ? { enhanced: own.enhanced } : {}), fromDiagnostic: true };
    }
    // A code with no text after it, or words without a code: still the receiver's answer.
    const text = clean(body, '');
    const code = /^(\d{3})\b/.exec(text)?.[1];
    if (text !== '') return { text, ...(code ? { code } : {}), fromDiagnostic: true };
  }
  const ranked = [...transcript.filter((r) => r.remote), ...transcript.filter((r) => !r.remote)];
  const pick = ranked[0];
  if (pick) return { text: pick.text, code: pick.code, ...(pick.enhanced ? { enhanced: pick.enhanced } : {}), fromDiagnostic: false };
  // qmail's own refusal: no reply code, its status in "(#5.1.1)" at the end of the line.
  for (const line of lines) {
    const m = QMAIL_STATUS.exec(line);
    if (m) return { text: clean(line, ''), enhanced: m[1]!, fromDiagnostic: false };
  }
  return undefined;
}

const QMAIL_STATUS = /\(#([245]\.\d{1,3}\.\d{1,3})\)\s*$/;

function isSequenceError(r: FoundReply): boolean {
  return r.code === '503' || /RCPT first|need RCPT|No valid recipients|bad sequence of commands|must precede DATA/i.test(r.text.slice(0, 300));
}

function hasMarker(text: string): boolean {
  const lower = text.toLowerCase();
  return REMOTE_MARKERS.some((m) => lower.includes(m));
}

/** One line: the repeated "550-5.7.25 " prefixes of a multi-line reply, the trailing "(in reply to …)" and quotes removed. */
function clean(reply: string, code: string): string {
  const first = reply.replace(/\s+/g, ' ').trim();
  const prefix = code ? new RegExp(`\\s${code}[ -](?:[245]\\.\\d{1,3}\\.\\d{1,3}\\s)?`, 'g') : undefined;
  const unprefixed = prefix ? first.replace(/^(\d{3})-/, '$1 ').replace(prefix, ' ') : first;
  const bare = withoutInReplyTo(unprefixed).trimEnd();
  return (bare.endsWith("'") ? bare.slice(0, -1) : bare)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 2000);
}
