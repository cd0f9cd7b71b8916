/**
 * E-mail alerts through an SMTP relay (monitor run / serve --alert-email ADDR
 * --smtp-relay HOST:PORT): one message per round, built by
 * monitor/alerts/email.ts, sent with nodemailer. The relay is the operator's
 * own (given on the command line); STARTTLS when it offers it.
 */
import nodemailer from 'nodemailer';
import { alertEmail } from '../monitor/alerts/index.js';
import type { DeliveryAttempt, TransitionEvent } from '../monitor/alerts/index.js';
import { parseServer } from './resolver.js';
import { UsageError } from './usage.js';
import { shown } from '../core/errors.js';

export interface EmailAlerts {
  to: string;
  relay: { host: string; port: number };
  from: string;
}

/** --alert-email and --smtp-relay go together; both checked here. */
export function emailAlerts(to: string | undefined, relay: string | undefined, from = 'ptrcheck <ptrcheck@localhost>'): EmailAlerts | undefined {
  if (to === undefined && relay === undefined) return undefined;
  if (to === undefined || relay === undefined) throw new UsageError('--alert-email and --smtp-relay go together');
  if (!/^[^\s@<>\u0000-\u001f\u007f]{1,64}@[^\s@<>\u0000-\u001f\u007f]{1,253}$/.test(to)) throw new UsageError(`--alert-email '${shown(to)}' is not an e-mail address`);
  return { to, from, relay: parseServer(relay, '--smtp-relay') };
}

/** A digest channel for the round: the message, one attempt (the relay queues and retries itself). */
export function emailDigest(o: EmailAlerts, publicUrl?: string): (events: TransitionEvent[]) => Promise<{ ok: boolean; attempts: DeliveryAttempt[] }> {
  return async (events) => {
    const mail = alertEmail(events, { from: o.from, to: o.to, ...(publicUrl ? { publicUrl } : {}) });
    const started = Date.now();
    const transport = nodemailer.createTransport({ host: o.relay.host, port: o.relay.port, secure: false, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000, tls: { rejectUnauthorized: false } });
    const url = `smtp://${o.relay.host.includes(':') ? `[${o.relay.host}]` : o.relay.host}:${o.relay.port}`;
    try {
      await transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text });
      return { ok: true, attempts: [{ channel: 'email', url, attempt: 1, at: new Date(started).toISOString(), ms: Date.now() - started, ok: true }] };
    } catch (e) {
      return { ok: false, attempts: [{ channel: 'email', url, attempt: 1, at: new Date(started).toISOString(), ms: Date.now() - started, ok: false, error: (e as Error).message.slice(0, 200) }] };
    } finally {
      transport.close();
    }
  };
}
