/**
 * Audits what the sink accepted, after the 250: every stored message
 * without a report, oldest first, a few at a time. Started at boot, so
 * messages accepted before a crash are audited after it.
 */
import { audit, type AuditDeps } from '../pipeline/audit.js';
import { InputError } from '../core/errors.js';
import type { Report, Target } from '../core/types.js';
import { messageTarget } from '../message/target.js';
import type { ReportStore, SinkStore, StoredMessage } from '../store/types.js';
import { withHeloHistory } from '../store/helo-history.js';
import type { Observer } from '../core/observer.js';

export interface AuditorOptions {
  /** Audits and the queue are reported here (metrics, logs). */
  observer?: Observer | undefined;
  /** Base of report links in what is reported. */
  publicUrl?: string | undefined;
  sink: SinkStore;
  reports: ReportStore;
  audit: Omit<AuditDeps, 'reportId'>;
  trustedReceivers?: readonly string[];
  concurrency?: number;
  /** Epoch milliseconds, for the audited-at mark. */
  clock?: () => number;
  /** Called with each finished report (the inbox page, metrics, tests). */
  onReport?: (report: Report, message: StoredMessage) => void;
  log?: (line: string) => void;
}

/**
 * One accepted message, judged: its report carries the message's id. An SMTP
 * message is audited with the session's IP and HELO; an Email Routing one
 * with the IP and HELO of the trusted Received: hop.
 */
export async function auditStored(m: StoredMessage, audit_: Omit<AuditDeps, 'reportId'>, trustedReceivers: readonly string[]): Promise<Report> {
  const deps = { ...audit_, reportId: m.id };
  const s = m.session;
  // The sink already bounded the size while reading DATA.
  const maxBytes = Infinity;
  if ('via' in s) return audit(messageTarget(m.raw, { mailFrom: s.mailFrom, source: 'session', trustedReceivers, maxBytes }), deps);
  let target: Target;
  try {
    target = messageTarget(m.raw, { ip: s.ip, helo: s.helo, mailFrom: s.mailFrom, source: 'session', session: s, trustedReceivers, maxBytes });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    // The data is not a message we can read (or too complex to): the connection itself can still be
    // judged, and the message's checks say why they were not made. The report marks it audited, so a
    // restart's catch-up never tries it again.
    target = { ip: s.ip, ...(s.helo ? { helo: s.helo } : {}), mailFrom: s.mailFrom, session: s, unreadableMessage: e.message };
  }
  return audit(target, deps);
}

/** What the inbox shows when a message got no report: input problems as they are, anything else without internals. */
export function failureReason(e: unknown): string {
  return e instanceof InputError ? e.message : 'internal error while auditing';
}

export interface Auditor {
  /** Look for pending messages now. */
  kick(): void;
  /** Resolves once nothing is pending. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function startAuditor(o: AuditorOptions): Auditor {
  const concurrency = o.concurrency ?? 2;
  const now = o.clock ?? Date.now;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let pendingSeen = 0;

  async function one(m: StoredMessage): Promise<void> {
    const report = await withHeloHistory(await auditStored(m, o.audit, o.trustedReceivers ?? []), o.sink);
    await o.reports.save(report);
    o.observer?.audit?.({ mode: 'sink', report, ...(o.publicUrl ? { url: `${o.publicUrl}/r/${report.id}` } : {}) });
    o.observer?.auditQueue?.({ depth: Math.max(0, pendingSeen - 1), lagSeconds: (now() - m.receivedAt) / 1000 });
    await o.sink.markAudited(m.id, now());
    o.onReport?.(report, m);
  }

  async function loop(): Promise<void> {
    do {
      again = false;
      for (;;) {
        if (stopped) return;
        const batch = await o.sink.pendingMessages(concurrency * 4);
        pendingSeen = batch.length;
        o.observer?.auditQueue?.({ depth: batch.length });
        if (batch.length === 0) break;
        let next = 0;
        await Promise.all(
          Array.from({ length: Math.min(concurrency, batch.length) }, async () => {
            while (next < batch.length) {
              const m = batch[next++]!;
              try {
                await one(m);
              } catch (e) {
                o.log?.(`audit of ${m.id} failed: ${(e as Error).message}`);
                await o.sink.markAudited(m.id, now(), failureReason(e)); // never retry a poison message for ever
              }
            }
          }),
        );
      }
    } while (again && !stopped);
  }

  const kick = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = loop().finally(() => {
      running = undefined;
    });
  };
  kick();
  return {
    kick,
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      await running;
    },
  };
}
