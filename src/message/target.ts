/**
 * Message mode as a Target: find who connected (the trusted Received: hop,
 * or what the caller or the SMTP session says), and read the message's From,
 * envelope sender and list headers. The audit itself is the same as every
 * other (pipeline/audit.ts); gather runs mailauth on the message.
 */
import { InputError } from '../core/errors.js';
import type { MessageEvidence, SessionEvidence, Target } from '../core/types.js';
import { DEFAULT_CLI_MESSAGE_BYTES } from '../config/defaults.js';
import { headerValues, parseHeaders } from './headers.js';
import { findTrustedHop, parseReceived } from './received.js';

export interface MessageOverrides {
  ip?: string | undefined;
  helo?: string | undefined;
  mailFrom?: string | undefined;
  /** Where ip/helo/mailFrom came from when given: the caller (CLI/API) or a live SMTP session. */
  source?: 'caller' | 'session';
  /** Received: `by`/`from` host patterns that belong to the receiving side (`*.prod.outlook.com`). */
  trustedReceivers?: readonly string[];
  /** The live SMTP session (sink mode), carried in the target as is. */
  session?: SessionEvidence;
  /** Larger messages are refused (InputError) before any parsing. */
  maxBytes?: number;
}

export function messageTarget(message: Uint8Array, overrides: MessageOverrides = {}): Target {
  const max = overrides.maxBytes ?? DEFAULT_CLI_MESSAGE_BYTES;
  if (message.length > max) {
    // The CLI reads one byte past the limit and no more, so the size is only known to be larger.
    throw new InputError(`the message is larger than the ${mb(max)} limit`);
  }
  const headers = parseHeaders(message);
  const received = headerValues(headers, 'received').map(parseReceived);
  const hop = findTrustedHop(received, overrides.trustedReceivers ?? []);
  const ip = overrides.ip ?? hop?.hop.ip;
  if (!ip) {
    throw new InputError('no Received: header names the connecting IP; pass it (--ip, or ip= in the API) to audit this message');
  }
  const helo = overrides.helo ?? (overrides.ip === undefined ? hop?.hop.helo : undefined);
  const returnPath = headerValues(headers, 'return-path')[0];
  const mailFrom = overrides.mailFrom ?? returnPath;
  const from = headerValues(headers, 'from');
  const target: Target = { ip };
  if (helo !== undefined) target.helo = helo;
  if (mailFrom !== undefined) target.mailFrom = mailFrom;
  if (from.length > 0) target.from = from.join(', ');

  const source = overrides.source ?? 'caller';
  const messageEvidence: MessageEvidence = {
    size: message.length,
    headerCount: headers.fields.length,
    ipSource: overrides.ip !== undefined ? source : 'received',
    heloSource: overrides.helo !== undefined ? source : helo !== undefined ? 'received' : 'none',
    receivedCount: received.length,
    bulkSignals: bulkSignals(headers),
  };
  const listUnsubscribe = headerValues(headers, 'list-unsubscribe')[0];
  if (listUnsubscribe) messageEvidence.listUnsubscribe = listUnsubscribe;
  const listUnsubscribePost = headerValues(headers, 'list-unsubscribe-post')[0];
  if (listUnsubscribePost) messageEvidence.listUnsubscribePost = listUnsubscribePost;
  const messageId = headerValues(headers, 'message-id')[0];
  if (messageId) messageEvidence.messageId = messageId;
  const subject = headerValues(headers, 'subject')[0];
  if (subject) messageEvidence.subject = subject;
  if (hop && overrides.ip === undefined) {
    messageEvidence.hop = { index: hop.index, raw: hop.hop.raw, reason: hop.reason + confirmation(headers, hop.index, hop.hop.ip) };
    if (hop.hop.by) messageEvidence.hop.by = hop.hop.by;
    if (hop.hop.tls) messageEvidence.hop.tls = hop.hop.tls;
  }

  target.message = { raw: message, facts: messageEvidence };
  if (overrides.session) target.session = overrides.session;
  return target;
}

/** Headers by which Gmail and Yahoo recognise bulk (list, marketing) mail. */
function bulkSignals(h: ReturnType<typeof parseHeaders>): string[] {
  const out: string[] = [];
  const precedence = headerValues(h, 'precedence')[0]?.toLowerCase();
  if (precedence === 'bulk' || precedence === 'list') out.push(`Precedence: ${precedence}`);
  for (const [name, shown] of [['list-id', 'List-ID'], ['list-unsubscribe', 'List-Unsubscribe'], ['feedback-id', 'Feedback-ID']] as const) {
    if (headerValues(h, name).length > 0) out.push(shown);
  }
  return out;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The receiver's own Received-SPF, written with its entry hop (above it, as
 * Exchange Online does, or right below it, as Gmail does), names the client
 * it saw: when it agrees, the report says so. One further down is the
 * sender's and is ignored.
 */
function confirmation(h: ReturnType<typeof parseHeaders>, hopIndex: number, ip: string | undefined): string {
  let received = -1;
  for (const f of h.fields) {
    if (f.name === 'received') received++;
    else if (f.name === 'received-spf' && received <= hopIndex) {
      const client = /client-ip=([0-9a-f:.]+)/i.exec(f.value)?.[1];
      if (client && ip && client.toLowerCase() === ip.toLowerCase()) return `; confirmed by the receiver's Received-SPF (client-ip=${client})`;
    }
    if (received > hopIndex) break;
  }
  return '';
}
