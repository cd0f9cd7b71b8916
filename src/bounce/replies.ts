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
const REPLY_START = /(?:^|[\s:'(;[<"])(4[2-5]\d|47\d|5[0-5]\d|57\d)(?:[ -]|: ?|(?=;))(?:(?:[A-Za-z][\w-]{0,19} |\d{3} |'|#)?([245]\.\d{1,3}\.\d{1,3})(?=[\s\]:;,)'"]|$)|(?=[A-Za-z0-9<[#{_('"]))/;

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
  /** The reporting MTA's own words (a Diagnostic-Code of type X-Postfix, X-Unix…, or one with no reply code): no receiver spoke. */
  local?: boolean;
}

/**
 * The receiver's answer. A DSN's Diagnostic-Code is it (a transcript line that says the same at more length
 * completes it: Sendmail's Diagnostic-Code holds only the first line); without one, the first reply the remote side
 * wrote, never a complaint about the command sequence ("503 5.5.1 RCPT first" follows the real refusal).
 */
export function chooseReply(diagnostic: string | undefined, lines: readonly string[]): ChosenReply | undefined {
  const transcript = findReplies(lines).filter((r) => !isSequenceError(r));
  if (diagnostic) {
    const type = /^([\w-]{1,20})\s*;/.exec(diagnostic)?.[1]?.toLowerCase();
    const body = diagnostic.replace(/^[\w-]{1,20}\s*;\s*/, ''); // "smtp; ", "X-Postfix; "
    const local = type !== undefined && type !== 'smtp';
    const own = findReplies([body]).filter((r) => !isSequenceError(r))[0];
    if (own) {
      const head = own.text.slice(0, 60);
      const longer = transcript.find((r) => r.code === own.code && r.text.length > own.text.length && r.text.startsWith(head));
      // "5.3.0 - Other mail system problem 550-'Unknown user …'" (Amazon SES): the leading status is the answer's.
      const lead = STATUS_LINE.exec(body);
      const inner = nested(own.text);
      const enhanced = inner?.enhanced ?? own.enhanced ?? (lead ? lead[1] ?? lead[2] : undefined);
      return { text: (longer ?? own).text, code: inner?.code ?? own.code, ...(enhanced ? { enhanced } : {}), fromDiagnostic: true, ...(local ? { local } : {}) };
    }
    // A code with no text after it, or words without a code ("connect to mx[IP]: Connection timed out": the reporting MTA's own).
    const text = clean(body, '');
    const code = /^(4[2-5]\d|47\d|5[0-5]\d|57\d)\b/.exec(text)?.[1]; // "X-Unix; 255" is an exit status, no reply code
    const status = STATUS_LINE.exec(body);
    if (status) return { text, enhanced: (status[1] ?? status[2])!, fromDiagnostic: true, ...(local ? { local } : {}) };
    // Without a reply code of its own, a reply in the transcript says more ("X-Unix; 255" beside "554 5.3.0 unknown mailer error 255").
    if (!code && transcript.length > 0) return fromTranscript(transcript, lines);
    if (text !== '') return { text, ...(code ? { code } : {}), fromDiagnostic: true, ...(local || !code ? { local: true } : {}) };
  }
  if (transcript.length > 0) return fromTranscript(transcript, lines);
  // A refusal with no reply code: qmail's "(#5.1.1)" at the end of a line, or a line that starts with a status.
  for (const line of lines) {
    const m = QMAIL_STATUS.exec(line) ?? STATUS_LINE.exec(line);
    if (m) return { text: clean(line, ''), enhanced: (m[1] ?? m[2])!, fromDiagnostic: false };
  }
  return undefined;
}

/**
 * A reply quoted inside another ("554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection
 * timed out>", Amazon SES and WorkMail): the inner one is what the receiver said.
 */
function nested(text: string): { code: string; enhanced: string } | undefined {
  const m = /<([45]\d\d) ([245]\.\d{1,3}\.\d{1,3}) /.exec(text);
  return m ? { code: m[1]!, enhanced: m[2]! } : undefined;
}

/** The first reply the remote side wrote (else the first), with qmail's status when it carries none. */
function fromTranscript(transcript: FoundReply[], lines: readonly string[]): ChosenReply {
  const pick = transcript.find((r) => r.remote) ?? transcript[0]!;
  const enhanced = pick.enhanced ?? statusOnly(lines);
  return { text: pick.text, code: pick.code, ...(enhanced ? { enhanced } : {}), fromDiagnostic: false };
}

/** qmail's "(#5.5.0)" when the reply it follows carries no enhanced code. */
function statusOnly(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const m = QMAIL_STATUS.exec(line);
    if (m) return m[1];
  }
  return undefined;
}

/** qmail's "(#5.1.1)", also "(#5.1.1 - chkusr)" and "[#4.1.9]". */
const QMAIL_STATUS = /[([]#([245]\.\d{1,3}\.\d{1,3})(?:[\s-][^)\]]{0,40})?[)\]]/;
/**
 * A line that starts with an enhanced status and no reply code (GMX: "5.1.1 <x@example.jp>... User Unknown", Amazon
 * SES: "5.3.0 - Other mail system problem", Mimecast: "-- 5.4.1 Recipient address rejected"), or Zoho's "ERROR_CODE :5.2.1".
 */
const STATUS_LINE = /^\s*(?:--\s*)?([45]\.\d{1,3}\.\d{1,3}) \S|ERROR_CODE :([45]\.\d{1,3}\.\d{1,3})/;

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
