/**
 * The Node entry: wires a resolver, the SQLite store and the HTTP app onto
 * a listening server. Thin: everything it starts is built elsewhere.
 */
import { DEFAULT_RETENTION_DAYS } from './config/defaults.js';
import { createThreadAuthenticator, type ThreadAuthenticator } from './message/auth-thread.js';
import { createThreadDecoder, type ThreadBounceDecoder } from './bounce/thread.js';
import { preloadGatherers } from './gather/index.js';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createApp } from './http/app.js';
import { auditConfig, type HttpConfig, type HttpDeps } from './http/deps.js';
import type { Resolver } from './dns/types.js';
import type { DirectQuery } from './dns/types.js';
import type { SmtpProber } from './core/smtp-probe.js';
import type { WebProber } from './core/web-probe.js';
import type { Observer } from './core/observer.js';
import type { ReportStore, SinkStore } from './store/types.js';
import { startSink, type RunningSink, type SinkOptions } from './sink/smtp/server.js';
import { startAuditor, type Auditor } from './sink/auditor.js';

export interface HttpServerOptions {
  resolver: Resolver;
  /** Questions straight to reverse zones' own nameservers. */
  direct?: DirectQuery;
  /** Reads senders' SMTP banners for audits that ask (serve --probe-smtp). */
  prober?: SmtpProber;
  /** Looks at PTR names' websites for audits that ask (serve --probe-web). */
  webProber?: WebProber;
  readiness?: HttpDeps['readiness'];
  /** Where requests, audits, SMTP sessions and errors are reported (metrics, logs). */
  observer?: Observer;
  store: ReportStore;
  port: number;
  host: string;
  config?: Partial<HttpConfig>;
  /** Delete reports older than this many days (0 keeps them for ever); checked hourly. */
  retentionDays?: number;
  /** The SMTP sink's store and domain, when one runs beside. */
  sink?: { store: SinkStore; domain: string };
  publicUrl?: string;
  /** Shared with the sink's auditor when both run (startServe); made here otherwise. */
  authenticate?: ThreadAuthenticator;
  /** The monitor API, only with an admin token. */
  admin?: HttpDeps['admin'];
  /** How bounces are decoded (tests give one with their own budget); made here otherwise. */
  decodeBounce?: ThreadBounceDecoder;
}

export interface RunningHttp {
  url: string;
  port: number;
  /** New requests get 503 (the probes still answer), each connection closes after its answer; resolves when none is under way, or at `deadline` (epoch ms). */
  drain(deadline: number): Promise<void>;
  close(): Promise<void>;
}

export async function startHttp(o: HttpServerOptions): Promise<RunningHttp> {
  // mailauth runs in worker threads: a message whose parsing is slow cannot hold up other requests.
  await preloadGatherers();
  const own = o.authenticate ? undefined : createThreadAuthenticator();
  const authenticate = o.authenticate ?? own!;
  // Bounces too: a 10 MB one is decoded beside the server, within a time budget.
  const ownDecoder = o.decodeBounce ? undefined : createThreadDecoder();
  const decodeBounce = o.decodeBounce ?? ownDecoder!;
  let draining = false;
  const app = createApp({
    draining: () => draining,
    resolver: o.resolver,
    ...(o.direct ? { direct: o.direct } : {}),
    ...(o.prober ? { prober: o.prober } : {}),
    ...(o.webProber ? { webProber: o.webProber } : {}),
    ...(o.readiness ? { readiness: o.readiness } : {}),
    ...(o.observer ? { observer: o.observer } : {}),
    ...(o.admin ? { admin: o.admin } : {}),
    authenticate,
    decodeBounce,
    store: o.store,
    ...(o.config ? { config: o.config } : {}),
    clientIp: (c) => getConnInfo(c).remote.address ?? 'unknown',
    ...(o.sink ? { sink: o.sink } : {}),
    ...(o.publicUrl ? { publicUrl: o.publicUrl } : {}),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: o.port, hostname: o.host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  // Requests under way, counted until their response is written out (a streamed batch too).
  let underWay = 0;
  let idle: (() => void) | undefined;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    underWay++;
    res.once('close', () => {
      if (--underWay === 0) idle?.();
    });
  });
  const retention = o.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const sweep = async (): Promise<void> => {
    if (retention > 0) await o.store.deleteOlderThan(Date.now() - retention * 86_400_000);
  };
  await sweep();
  const timer = setInterval(() => void sweep().catch(() => undefined), 3_600_000);
  timer.unref();
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    url: `http://${host}:${port}`,
    port,
    drain: async (deadline) => {
      draining = true;
      if (underWay === 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        idle = () => (clearTimeout(timer), resolve());
      });
    },
    close: async () => {
      await new Promise<void>((resolve) => {
        clearInterval(timer);
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await own?.close();
      await ownDecoder?.close();
    },
  };
}

export interface ServeOptions extends Omit<HttpServerOptions, 'store' | 'sink' | 'publicUrl'> {
  store: ReportStore & SinkStore;
  /** null: no SMTP sink. */
  smtp: null | (Omit<SinkOptions, 'store' | 'publicUrl' | 'onStored'> & { publicUrl?: string });
  trustedReceivers?: string[];
}

export interface Running {
  http: RunningHttp;
  smtp?: RunningSink;
  auditor?: Auditor;
  /** Stop taking work (HTTP not ready, new SMTP clients 421) and let messages in DATA finish, until `deadline` (epoch ms). */
  drain(deadline: number): Promise<void>;
  close(): Promise<void>;
}

/** HTTP, and the SMTP sink with its auditor: everything `ptrcheck serve` runs. */
export async function startServe(o: ServeOptions): Promise<Running> {
  const sink = o.smtp ? { store: o.store, domain: o.smtp.domain } : undefined;
  // The public URL must be known before HTTP listens when port 0 is asked: fill it in after.
  let publicUrl = o.smtp?.publicUrl;
  const authenticate = createThreadAuthenticator();
  const state: { draining: boolean; smtp?: RunningSink } = { draining: false };
  const readiness = o.readiness ?? serveReadiness(o, state);
  const http = await startHttp({ ...o, readiness, authenticate, ...(sink ? { sink } : {}), ...(publicUrl ? { publicUrl } : {}) }).catch(async (e: unknown) => {
    await authenticate.close();
    throw e;
  });
  publicUrl ??= http.url;
  if (!o.smtp) {
    return {
      http,
      drain: async (deadline) => {
        state.draining = true;
        await http.drain(deadline);
      },
      close: async () => (await http.close(), await authenticate.close()),
    };
  }
  const auditor = startAuditor({
    sink: o.store,
    reports: o.store,
    audit: { resolver: o.resolver, direct: o.direct, config: auditConfig(o.config), authenticate },
    trustedReceivers: o.trustedReceivers ?? [],
    log: (line) => (o.observer?.error ? o.observer.error({ where: 'auditor', message: line }) : console.error(`ptrcheck: ${line}`)),
    observer: o.observer,
    publicUrl,
  });
  let smtp: RunningSink;
  try {
    smtp = await startSink({ ...o.smtp, store: o.store, publicUrl, observer: o.observer, onStored: () => auditor.kick() });
  } catch (e) {
    // A sink that cannot start (its port taken, its certificate refused) stops the whole server.
    await auditor.stop();
    await http.close();
    await authenticate.close();
    throw e;
  }
  state.smtp = smtp;
  return {
    http,
    smtp,
    auditor,
    async drain(deadline) {
      state.draining = true;
      await Promise.all([smtp.drain(deadline), http.drain(deadline)]);
      // Audits under way finish; those not started stay pending in the database and resume at the next start.
      await Promise.race([auditor.stop(), new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
    },
    async close() {
      await smtp.close();
      await auditor.stop();
      await http.close();
      await authenticate.close();
    },
  };
}

type Check = { ok: boolean; detail: string };

/** /readyz for `serve`: the database and its migrations, the resolver, the sink; never while draining. */
function serveReadiness(o: ServeOptions, state: { draining: boolean; smtp?: RunningSink }): NonNullable<HttpDeps['readiness']> {
  let resolverCheck: { at: number; check: Check } | undefined;
  const resolver = async (): Promise<Check> => {
    if (resolverCheck && Date.now() - resolverCheck.at < 10_000) return resolverCheck.check;
    // Any answer at all (even REFUSED) shows the resolver is reachable; a timeout does not.
    const a = await o.resolver.query('', 'NS');
    const check = a.outcome === 'timeout' || (a.outcome === 'error' && a.rcode === 'NETWORK') ? { ok: false, detail: `${a.rcode}: ${a.detail ?? ''}`.trim() } : { ok: true, detail: `${a.server} answered ${a.rcode}` };
    resolverCheck = { at: Date.now(), check };
    return check;
  };
  return async () => {
    const checks: Record<string, Check> = {};
    const health = (o.store as Partial<{ health(): Record<string, Check> }>).health;
    if (health) Object.assign(checks, health.call(o.store));
    checks.resolver = await resolver();
    if (o.smtp) checks.sink = state.smtp ? { ok: !state.smtp.draining, detail: state.smtp.draining ? 'draining' : `listening on port ${state.smtp.port}` } : { ok: false, detail: 'not started yet' };
    if (state.draining) checks.shutdown = { ok: false, detail: 'draining for shutdown' };
    return checks;
  };
}
