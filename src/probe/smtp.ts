/**
 * The SMTP probe on Node: connect to the audited IP only, read the 220
 * banner, EHLO, STARTTLS when offered (the certificate is read, not
 * trusted), QUIT. Nothing else is ever sent. Bounded: a connect timeout, a
 * timeout per reply, a total budget, 8 KB of reply per step; private and
 * loopback addresses only when allowed; one probe per IP per interval.
 */
import net from 'node:net';
import tls from 'node:tls';
import { isPublicUnicast } from '../dns/public-address.js';
import type { SmtpProbeEvidence, SmtpProber } from '../core/smtp-probe.js';

export interface SmtpProbeOptions {
  port?: number;
  /** The name we announce in EHLO. */
  ehloName?: string;
  connectTimeoutMs?: number;
  replyTimeoutMs?: number;
  totalTimeoutMs?: number;
  allowPrivate?: boolean;
  /** At most one probe of the same IP per this many ms (a server's rate limit); 0: none. */
  perIpIntervalMs?: number;
  now?: () => number;
}

const MAX_REPLY = 8192;

export function createSmtpProber(o: SmtpProbeOptions = {}): SmtpProber {
  const port = o.port ?? 25;
  const lastProbe = new Map<string, number>();
  const now = o.now ?? Date.now;
  return {
    async probe(address) {
      const started = performance.now();
      const base = { address, port };
      const notAsked = (detail: string): SmtpProbeEvidence => ({ ...base, outcome: 'not-asked', detail, ms: 0 });
      if (!o.allowPrivate && !isPublicUnicast(address)) return notAsked('not probed: a private, loopback or reserved address');
      const interval = o.perIpIntervalMs ?? 0;
      const last = lastProbe.get(address);
      if (interval > 0 && last !== undefined && now() - last < interval) return notAsked(`not probed: this IP was probed less than ${Math.round(interval / 1000)} s ago`);
      if (interval > 0) {
        lastProbe.set(address, now());
        if (lastProbe.size > 10_000) lastProbe.delete(lastProbe.keys().next().value!);
      }
      const result = await session(address, port, o).catch((e: Error & { kind?: SmtpProbeEvidence['outcome'] }) => ({ outcome: e.kind ?? 'error', detail: e.message }) as Partial<SmtpProbeEvidence>);
      return { ...base, outcome: 'ok', ...result, ms: Math.round(performance.now() - started) } as SmtpProbeEvidence;
    },
  };
}


function fail(kind: SmtpProbeEvidence['outcome'], message: string): Error & { kind: SmtpProbeEvidence['outcome'] } {
  return Object.assign(new Error(message), { kind });
}

/** A line-based reader over a socket that can be swapped for its TLS successor. */
class Replies {
  private buf = '';
  private waiting: ((r: { code: number; lines: string[] } | Error) => void) | undefined;
  private failed: Error | undefined;
  private socket: net.Socket | tls.TLSSocket;
  constructor(socket: net.Socket | tls.TLSSocket) {
    this.socket = socket;
    this.attach(socket);
  }
  attach(socket: net.Socket | tls.TLSSocket): void {
    this.socket = socket;
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => {
      this.buf += d;
      if (this.buf.length > MAX_REPLY) return this.abort(fail('error', `a reply longer than ${MAX_REPLY} bytes`));
      this.tryDeliver();
    });
    socket.on('error', (e) => this.abort(fail(/ECONNREFUSED/.test(e.message) ? 'refused' : 'error', e.message)));
    socket.on('close', () => this.abort(fail('error', 'the server closed the connection')));
  }
  private abort(e: Error): void {
    this.failed ??= e;
    const w = this.waiting;
    this.waiting = undefined;
    w?.(e);
  }
  private tryDeliver(): void {
    if (!this.waiting) return;
    const lines: string[] = [];
    let rest = this.buf;
    for (;;) {
      const nl = rest.indexOf('\n');
      if (nl < 0) return;
      const line = rest.slice(0, nl).replace(/\r$/, '');
      rest = rest.slice(nl + 1);
      lines.push(line);
      if (/^\d{3} /.test(line) || !/^\d{3}-/.test(line)) break;
    }
    this.buf = rest;
    const w = this.waiting;
    this.waiting = undefined;
    w({ code: Number(lines[lines.length - 1]!.slice(0, 3)) || 0, lines });
  }
  next(timeoutMs: number): Promise<{ code: number; lines: string[] }> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        reject(fail('timeout', `no reply in ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting = (r) => {
        clearTimeout(timer);
        if (r instanceof Error) reject(r);
        else resolve(r);
      };
      this.tryDeliver();
    });
  }
  write(line: string): void {
    this.socket.write(`${line}\r\n`);
  }
}

async function session(address: string, port: number, o: SmtpProbeOptions): Promise<Partial<SmtpProbeEvidence>> {
  const replyMs = o.replyTimeoutMs ?? 10_000;
  const socket = net.connect({ host: address, port });
  const total = setTimeout(() => socket.destroy(fail('timeout', 'the probe took longer than its budget')), o.totalTimeoutMs ?? 20_000);
  try {
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(fail('timeout', `no connection in ${o.connectTimeoutMs ?? 5000} ms`)), o.connectTimeoutMs ?? 5000);
      socket.once('connect', () => (clearTimeout(t), resolve()));
      socket.once('error', (e) => (clearTimeout(t), reject(fail(/ECONNREFUSED/.test(e.message) ? 'refused' : 'error', e.message))));
    });
    const replies = new Replies(socket);
    const banner = await replies.next(replyMs);
    const out: Partial<SmtpProbeEvidence> = { banner: banner.lines.join(' ').slice(0, 500) };
    const bannerName = /^220[ -](\S+)/.exec(banner.lines[0] ?? '')?.[1];
    if (bannerName) out.bannerName = bannerName.toLowerCase();
    if (banner.code !== 220) return { ...out, outcome: 'ok', detail: `the banner is ${banner.code}, not 220` };
    replies.write(`EHLO ${o.ehloName ?? 'ptrcheck.invalid'}`);
    const ehlo = await replies.next(replyMs);
    const ehloName = /^250[ -](\S+)/.exec(ehlo.lines[0] ?? '')?.[1];
    if (ehloName) out.ehloName = ehloName.toLowerCase();
    if (!ehlo.lines.some((l) => /^250[ -]STARTTLS\b/i.test(l))) {
      out.starttls = 'not-offered';
    } else {
      replies.write('STARTTLS');
      const go = await replies.next(replyMs);
      if (go.code !== 220) out.starttls = 'failed';
      else {
        // The raw socket's listeners would read the TLS bytes: the TLS socket takes over from here.
        for (const ev of ['data', 'close', 'error']) socket.removeAllListeners(ev);
        socket.on('error', () => undefined);
        const secure = tls.connect({ socket, servername: bannerName && net.isIP(bannerName) === 0 ? bannerName : undefined, rejectUnauthorized: false });
        await new Promise<void>((resolve, reject) => {
          const t = setTimeout(() => reject(fail('timeout', 'no TLS handshake in time')), replyMs);
          secure.once('secureConnect', () => (clearTimeout(t), resolve()));
          secure.once('error', (e) => (clearTimeout(t), reject(fail('error', e.message))));
        }).then(
          () => {
            out.starttls = 'ok';
            out.certNames = certNames(secure.getPeerCertificate());
            replies.attach(secure);
          },
          () => {
            out.starttls = 'failed';
          },
        );
        if (out.starttls === 'ok') {
          replies.write('QUIT');
          await replies.next(replyMs).catch(() => undefined);
        }
        secure.destroy();
        return { ...out, outcome: 'ok' };
      }
    }
    replies.write('QUIT');
    await replies.next(replyMs).catch(() => undefined);
    return { ...out, outcome: 'ok' };
  } finally {
    clearTimeout(total);
    socket.destroy();
  }
}

function certNames(cert: tls.PeerCertificate): string[] {
  const names = new Set<string>();
  const cn = cert?.subject?.CN;
  if (typeof cn === 'string') names.add(cn.toLowerCase());
  for (const part of (cert?.subjectaltname ?? '').split(',')) {
    const m = /^\s*DNS:(.+)$/.exec(part);
    if (m) names.add(m[1]!.trim().toLowerCase());
  }
  return [...names];
}
