/**
 * The sink on Workers: Cloudflare Email Routing hands each message for
 * <token>@<sink domain> to the Worker's `email` handler. There is no SMTP
 * session to watch, so the message is audited in message mode: the IP and
 * HELO come from the Received: header Email Routing's receiver added.
 */
import { readAtMost } from '../core/streams.js';
import type { AuditDeps } from '../pipeline/audit.js';
import type { Report } from '../core/types.js';
import { newReportId } from '../store/ids.js';
import type { ReportStore, SinkStore, StoredMessage } from '../store/types.js';
import { auditStored, failureReason } from './auditor.js';
import { isToken } from './tokens.js';

/** The part of Email Workers' ForwardableEmailMessage used here. */
export interface IncomingEmail {
  readonly from: string;
  readonly to: string;
  readonly raw: ReadableStream<Uint8Array>;
  readonly rawSize: number;
  setReject(reason: string): void;
}

export interface EmailRoutingOptions {
  sink: SinkStore;
  reports: ReportStore;
  audit: Omit<AuditDeps, 'reportId'>;
  domain: string;
  trustedReceivers: readonly string[];
  maxMessageBytes: number;
  clock?: () => number;
}

export type EmailOutcome =
  | { kind: 'rejected'; reason: string }
  | { kind: 'audited'; id: string; report: Report }
  | { kind: 'not-audited'; id: string; reason: string };


export async function receiveEmail(message: IncomingEmail, o: EmailRoutingOptions): Promise<EmailOutcome> {
  const reject = (reason: string): EmailOutcome => {
    message.setReject(reason);
    return { kind: 'rejected', reason };
  };
  const at = message.to.lastIndexOf('@');
  const local = message.to.slice(0, at);
  if (at < 1 || message.to.slice(at + 1).toLowerCase() !== o.domain.toLowerCase()) return reject(`this sink accepts mail for @${o.domain} only`);
  if (!isToken(local.toLowerCase())) return reject('no such test address');
  // Only addresses this server issued (and retention has not expired) take mail, as on the SMTP sink.
  if (!(await o.sink.inboxExists(local.toLowerCase()))) return reject('no such test address');
  if (message.rawSize > o.maxMessageBytes) return reject(`message larger than ${o.maxMessageBytes} bytes`);
  const raw = await readAtMost(message.raw, o.maxMessageBytes);
  if (!raw) return reject(`message larger than ${o.maxMessageBytes} bytes`);

  const now = (o.clock ?? Date.now)();
  const stored: StoredMessage = {
    id: newReportId(),
    token: local.toLowerCase(),
    receivedAt: now,
    session: { via: 'email-routing', mailFrom: message.from, rcpt: [message.to] },
    raw,
  };
  // Kept before it is judged: if the audit cannot finish here, the scheduled catch-up does it.
  await o.sink.storeMessages([stored]);
  let report: Report;
  try {
    report = await auditStored(stored, o.audit, o.trustedReceivers);
  } catch (e) {
    const reason = failureReason(e);
    await o.sink.markAudited(stored.id, (o.clock ?? Date.now)(), reason);
    return { kind: 'not-audited', id: stored.id, reason };
  }
  try {
    await o.reports.save(report);
    await o.sink.markAudited(stored.id, (o.clock ?? Date.now)());
  } catch {
    // The message is kept and still pending: the scheduled catch-up audits it again. Failing
    // here would make Email Routing deliver it a second time.
    return { kind: 'not-audited', id: stored.id, reason: 'the report could not be stored yet; it will be' };
  }
  return { kind: 'audited', id: stored.id, report };
}
