/**
 * The Node entry: wires a resolver, the SQLite store and the HTTP app onto
 * a listening server. Thin: everything it starts is built elsewhere.
 */
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AddressInfo } from 'node:net';
import { createApp } from './http/app.js';
import type { HttpConfig } from './http/deps.js';
import type { Resolver } from './dns/types.js';
import type { ReportStore } from './store/types.js';

export interface HttpServerOptions {
  resolver: Resolver;
  store: ReportStore;
  port: number;
  host: string;
  config?: Partial<HttpConfig>;
  /** Delete reports older than this many days (0 keeps them for ever); checked hourly. */
  retentionDays?: number;
}

export interface RunningHttp {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHttp(o: HttpServerOptions): Promise<RunningHttp> {
  const app = createApp({
    resolver: o.resolver,
    store: o.store,
    ...(o.config ? { config: o.config } : {}),
    clientIp: (c) => getConnInfo(c).remote.address ?? 'unknown',
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: o.port, hostname: o.host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const retention = o.retentionDays ?? 30;
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
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
