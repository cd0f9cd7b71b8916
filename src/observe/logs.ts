/**
 * One log line per event (request, SMTP session, stored message, audit,
 * refusal, error) to stderr, through pino: JSON by default, `text` for a
 * terminal. Message bodies are never logged; attacker strings (HELO,
 * addresses) are data, JSON-escaped, and in text mode their control
 * characters are shown, not obeyed.
 */
import { pino, type Logger } from 'pino';
import type { Observer } from '../core/observer.js';

export type LogFormat = 'json' | 'text' | 'off';

export function createLogger(format: LogFormat, write?: (line: string) => void): Logger {
  if (format === 'off') return pino({ level: 'silent' });
  // stderr through sonic-boom, asynchronously: a log line never blocks the SMTP and audit work (flushed at exit).
  const json = write ? { write } : pino.destination({ dest: 2, sync: false });
  if (format === 'json') return pino({ base: { service: 'ptrcheck' }, timestamp: pino.stdTimeFunctions.isoTime }, json);
  const out = write ?? ((l: string) => void process.stderr.write(l));
  return pino({ base: null, timestamp: pino.stdTimeFunctions.isoTime }, { write: (line: string) => out(textLine(line)) });
}

/** A JSON line as "time level event key=value …", control characters escaped. */
function textLine(json: string): string {
  const o = JSON.parse(json) as Record<string, unknown>;
  const { time, level, msg, ...rest } = o;
  const fields = Object.entries(rest).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  const levelName = ({ 30: 'info', 40: 'warn', 50: 'error' } as Record<number, string>)[level as number] ?? String(level);
  return `${String(time)} ${levelName} ${String(msg)} ${fields.join(' ')}`.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`) + '\n';
}

export function logObserver(log: Logger): Observer {
  return {
    request: (e) => log.info({ event: 'request', requestId: e.id, method: e.method, path: e.path, status: e.status, ms: e.ms, client: e.client }, 'request'),
    audit: ({ mode, report, url, client, requestId }) =>
      log.info({ event: 'audit', mode, reportId: report.id, url, ip: report.target.ip, helo: report.target.helo, verdict: report.verdict, score: report.score, partial: report.partial, client, requestId, ms: report.elapsedMs }, 'audit'),
    rateLimited: (e) => log.warn({ event: 'rate-limited', route: e.route, client: e.client }, 'rate-limited'),
    smtpSession: (e) => log.info({ event: `smtp-${e.event}`, sessionId: e.id, ip: e.ip }, 'smtp session'),
    smtpRefused: (e) => log.info({ event: 'smtp-refused', sessionId: e.id, reason: e.reason }, 'smtp refused'),
    smtpMessage: (e) => log.info({ event: 'smtp-message', sessionId: e.id, ip: e.ip, helo: e.helo, bytes: e.bytes, recipients: e.recipients, result: e.result, storeMs: Math.round(e.storeMs * 10) / 10 }, 'smtp message'),
    dmarcMail: (e) => log.info({ event: 'dmarc-report', sessionId: e.id, ip: e.ip, domains: e.domains, added: e.added, already: e.already, skipped: e.skipped, refused: e.refused, note: e.note }, 'dmarc report'),
    error: (e) => log.error({ event: 'error', where: e.where, message: e.message }, 'error'),
  };
}

/** Several observers as one: each event goes to every one that takes it. */
export function combine(...observers: Observer[]): Observer {
  const out: Observer = {};
  const keys = new Set(observers.flatMap((o) => Object.keys(o))) as Set<keyof Observer>;
  for (const k of keys) {
    const fns = observers.map((o) => o[k]).filter((f): f is NonNullable<typeof f> => typeof f === 'function') as ((e: unknown) => void)[];
    (out as Record<string, (e: unknown) => void>)[k] = (e) => {
      for (const f of fns) f(e);
    };
  }
  return out;
}
