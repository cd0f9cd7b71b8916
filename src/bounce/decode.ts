/**
 * A bounce, read: the receiver's SMTP reply (from a DSN's Diagnostic-Code,
 * or from reply lines in the text Postfix, Exim, Exchange, Sendmail or
 * Gmail write), its enhanced status code in that receiver's meaning, which
 * receiver said it, the sending IP the reply names, and what kind of
 * problem it is. Pure: the audit of the IP happens elsewhere.
 *
 * Linear in the input and bounded whatever its size: text.ts cuts parts,
 * text and lines before any pattern runs, and the patterns that remain are
 * anchored or of bounded length (a scan replaces the ones that back-scanned).
 */
import type { ReceiverSpec } from '../core/receivers.js';
import { parseIp } from '../core/ip.js';
import { bounceText, unreadNote } from './text.js';
import { field } from './lines.js';
import { hasTopLevel, hostMentions } from './scan.js';
import { IANA_CODES, REPLY_CODES } from './iana-codes.js';
import { authenticationResults, categorize, type BounceCategory } from './classify.js';
import { chooseReply } from './replies.js';

export type { BounceCategory } from './classify.js';

export interface DecodedBounce {
  /** dsn: an RFC 3464 delivery-status report; text: reply lines found in free text. */
  format: 'dsn' | 'text';
  /** The software that wrote the bounce, when its wording says so. */
  writtenBy?: 'postfix' | 'exim' | 'exchange' | 'sendmail' | 'gmail';
  /** The receiver's reply, unfolded, its continuation prefixes removed. */
  reply?: string;
  code?: string;
  enhanced?: string;
  receiver?: { id: string; name: string };
  /** The code as the receiver uses it; `iana` when the registry (RFC 3463, RFC 7372) says something else or alone. */
  meaning?: string;
  iana?: string;
  category: BounceCategory;
  /** The sending IP the reply names (Gmail quotes it in brackets, Comcast after its name, GMX in its link); never taken from anywhere else. */
  ip?: string;
  /** Per-method results the reply lists (Microsoft's 5.7.515: "Spf= Fail , Dkim= Pass , DMARC= Pass"). */
  authentication?: Partial<Record<'spf' | 'dkim' | 'dmarc', string>>;
  remoteMta?: string;
  reportingMta?: string;
  recipient?: string;
  /** What could not be worked out, in words. */
  notes: string[];
}

export function decodeBounce(raw: string, receivers: readonly ReceiverSpec[]): DecodedBounce {
  const { text, lines, cut } = bounceText(raw);
  const notes: string[] = [];
  const unread = unreadNote(cut);
  if (unread) notes.push(unread);
  const diagnostic = field(lines, 'diagnostic-code');
  const format: DecodedBounce['format'] = diagnostic || field(lines, 'reporting-mta') ? 'dsn' : 'text';
  const hosts = hostMentions(text);
  const remoteMta = dnsField(field(lines, 'remote-mta')) ?? hosts.find((h) => hasTopLevel(h.name))?.name;
  const reportingMta = dnsField(field(lines, 'reporting-mta'));
  const recipient = field(lines, 'final-recipient')?.replace(/^rfc822;\s*/i, '');
  // The receiver's answer: the DSN's per-recipient Diagnostic-Code and Status first, the transcript's lines only without them.
  const reply = chooseReply(diagnostic, lines);
  const out: DecodedBounce = { format, category: 'other', notes };
  // The wording as sent (a header of the original message, a preamble), or else in a decoded part (an NDR in base64).
  const writtenBy = writer(raw.length > WRITER_CHARS ? raw.slice(0, WRITER_CHARS) : raw) ?? writer(text);
  if (writtenBy) out.writtenBy = writtenBy;
  if (remoteMta) out.remoteMta = remoteMta.toLowerCase();
  if (reportingMta) out.reportingMta = reportingMta.toLowerCase();
  if (recipient) out.recipient = recipient;
  const status = field(lines, 'status')?.split(/[\s(]/)[0];
  const dsnStatus = status && /^[245]\.\d{1,3}\.\d{1,3}$/.test(status) ? status : undefined;
  if (!reply) {
    notes.push('no SMTP reply (a line like "550 5.7.25 …") was found, so the receiver\'s answer could not be read');
  } else {
    out.reply = reply.text;
    if (reply.code) out.code = reply.code;
  }
  // A reply from the Diagnostic-Code carries the receiver's code; else the DSN's Status is the receiver's answer.
  // A generic Status (5.0.0) says less than the reply's own code.
  const specific = dsnStatus && !/^\d\.0\.0$/.test(dsnStatus) ? dsnStatus : undefined;
  const enhanced = reply?.fromDiagnostic ? reply.enhanced ?? dsnStatus : specific ?? reply?.enhanced ?? dsnStatus;
  if (enhanced) out.enhanced = enhanced;
  const receiver = receivers.find((r) => (out.remoteMta && r.recognise.hosts.some((h) => h.test(out.remoteMta!))) || (out.reply && r.recognise.replies.some((p) => p.test(out.reply!))));
  if (receiver) out.receiver = { id: receiver.id, name: receiver.name };
  else notes.push(out.remoteMta ? `${out.remoteMta} is not a receiver ptrcheck knows; the code is read as the IANA registry defines it` : 'the receiver could not be identified (no Remote-MTA, no known wording)');
  const key = out.enhanced ?? '';
  const own = receiver ? receiver.codes[key] ?? ownCode(receiver, out.reply) : undefined;
  if (own) out.meaning = own;
  const iana = IANA_CODES[key] ?? (out.enhanced ? undefined : REPLY_CODES[out.code ?? '']);
  if (iana) out.iana = iana;
  if (!own && !iana && out.reply) notes.push(`the status code ${out.enhanced ?? out.code} has no meaning ptrcheck knows`);
  // The reporting MTA's own words (a timeout, a lost connection) are no refusal by a receiver: nothing to categorize, no IP.
  const spoke = reply !== undefined && !reply.local;
  out.category = spoke ? categorize(out.reply ?? '', out.enhanced, receiver?.id) : categorize('', out.enhanced, receiver?.id);
  const auth = out.reply ? authenticationResults(out.reply) : undefined;
  if (auth) out.authentication = auth;
  // Only the receiver's reply names the sending IP: the bounce's own Received: lines, queue ids and "host mx[IP]" do not.
  const ip = spoke ? sendingIp(out.reply!, out.remoteMta, new Set(hosts.map((h) => h.address))) : undefined;
  if (ip) out.ip = ip;
  else notes.push('the reply does not name the sending IP; give it (ptrcheck audit <ip>) to check it');
  // A refusal that names the sending IP and says it is blocked or refused is about that IP, whatever else it says.
  if (out.category === 'other' && ip && REFUSES_IP.test(out.reply!)) out.category = 'reputation';
  return out;
}

const REFUSES_IP = /\b(blocked|block|rejected|denied|refused|banned|not allowed|not permitted)\b/i;

/** "dns; mx.example.net" → "mx.example.net". */
function dnsField(v: string | undefined): string | undefined {
  return v?.replace(/^dns;\s*/i, '').trim() || undefined;
}

/** A receiver's own meaning, found by wording when the code is generic (Outlook.com's DY-001, GMX's rdns link). */
function ownCode(receiver: ReceiverSpec, reply: string | undefined): string | undefined {
  if (!reply) return undefined;
  for (const [key, meaning] of Object.entries(receiver.codes)) if (!/^\d/.test(key) && reply.includes(key)) return meaning;
  return undefined;
}

/** Candidates of each kind tried (each a parse that may throw): enough for any reply, bounded for a hostile text. */
const IP_CANDIDATES = 200;

/** An address the reply names that is not the receiver's own (a Postfix/Exim "host mx[1.2.3.4]" is the receiver). Patterns of bounded length only. */
function sendingIp(reply: string, remoteMta: string | undefined, receiverIps: ReadonlySet<string>): string | undefined {
  for (const kind of [/\[([0-9a-f.:]{3,45})\]/gi, /[?&]ip=([0-9a-f.:]{3,45})/gi, /\b((?:\d{1,3}\.){3}\d{1,3})\b/g]) {
    let tried = 0;
    for (const m of reply.matchAll(kind)) {
      const c = m[1]!;
      if (++tried > IP_CANDIDATES) break;
      if (receiverIps.has(c) || (remoteMta && c === remoteMta)) continue;
      // Sun/Oracle Messaging Server's connection tuple "(TCP|receiver|port|sender|port)" names the receiver first.
      if (reply[m.index - 1] === '|' || reply[m.index + m[0].length] === '|') continue;
      try {
        return parseIp(c).address;
      } catch {
        // not an address (a version number, a reserved range): keep looking
      }
    }
  }
  return undefined;
}

/** How much of the bounce as sent is searched for its writer's wording. */
const WRITER_CHARS = 1024 * 1024;

/** Fixed wordings (no quantifier over the text): each attempt is a few characters. */
function writer(text: string): DecodedBounce['writtenBy'] {
  if (/X-Postfix-Queue-ID:|This is the mail system at host/i.test(text)) return 'postfix';
  if (/X-Failed-Recipients:|This message was created automatically by mail delivery software|eximdsn/i.test(text)) return 'exim';
  if (/Diagnostic information for administrators|Microsoft Exchange|X-MS-Exchange/i.test(text)) return 'exchange';
  if (/----- Transcript of session follows -----|Mail Delivery Subsystem/i.test(text)) return 'sendmail';
  if (/mailer-daemon@googlemail\.com|Delivery Status Notification \(Failure\)/i.test(text)) return 'gmail';
  return undefined;
}
