/**
 * The HTTP app, built by a factory from its dependencies so that Node,
 * Workers and tests share it (hono's model). Web-standard Request/Response
 * only.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';
import { InputError } from '../core/errors.js';
import type { HttpDeps } from './deps.js';
import { AuditTimeout, errorJson, ServerBusy } from './errors.js';
import { clientKey, rateLimit } from './rate-limit.js';
import { apiRoutes } from './routes/api.js';
import { monitorPages, monitorRoutes } from './routes/monitors.js';
import { pageRoutes } from './routes/pages.js';
import { securityHeaders } from './security.js';
import { auditService } from './service.js';

/** Short, random, enough to find one request's lines in a day of logs. */
function newRequestId(): string {
  return [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The route a request matched ('/r/:id'), or 'unmatched': a bounded set, for metrics (a path is not).
 * Middleware (and the catch-all 404) is registered for ALL methods; a route for its own.
 */
function routeOf(c: Context): string {
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) if (routes[i]!.method !== 'ALL') return routes[i]!.path;
  return 'unmatched';
}

export function createApp(deps: HttpDeps): OpenAPIHono {
  const service = auditService(deps);
  const clientIp = deps.clientIp ?? ((c: Context) => c.req.header('cf-connecting-ip') ?? 'unknown');
  const now = deps.clock ?? Date.now;
  const limiter = rateLimit({
    perMinute: service.config.rateLimitPerMinute,
    burst: service.config.rateLimitBurst,
    now,
    key: (c) => clientKey(clientIp(c), service.config.rateLimitV6Prefix),
    onRefused: (c, client) => deps.observer?.rateLimited?.({ route: routeOf(c), client }),
  });
  const validation = {
    defaultHook: (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string; code?: string; input?: unknown }[] } }, c: Context) => {
      if (result.success) return undefined;
      const issue = result.error?.issues[0];
      const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'request';
      // zod 4 reports a missing field as a wrong type "received undefined".
      const missing = issue?.code === 'invalid_type' && (issue.input === undefined && /received undefined|required/i.test(issue.message));
      return errorJson(c, 400, 'bad_request', missing ? `${field} is required` : `${field}: ${issue?.message ?? 'invalid'}`);
    },
  };

  const app = new OpenAPIHono(validation);
  app.use('*', securityHeaders());
  // Shutting down: requests under way finish; new ones (but the probes) get 503, and each connection closes after its answer.
  if (deps.draining) {
    const draining = deps.draining;
    app.use('*', async (c, next) => {
      const probe = c.req.path === '/healthz' || c.req.path === '/readyz';
      if (draining() && !probe) {
        c.header('Connection', 'close');
        c.header('Retry-After', '5');
        return errorJson(c, 503, 'unavailable', 'the server is shutting down; try again in a few seconds');
      }
      await next();
      if (draining()) c.header('Connection', 'close');
    });
  }
  if (deps.observer?.request) {
    const observe = deps.observer.request.bind(deps.observer);
    app.use('*', async (c, next) => {
      const started = performance.now();
      const id = newRequestId();
      c.header('X-Request-Id', id);
      await next();
      observe({ id, method: c.req.method, path: new URL(c.req.url).pathname, route: routeOf(c), status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10, client: clientIp(c) });
    });
  }
  // Liveness: the process answers. Readiness: it can do its work (and is not draining for shutdown).
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const checks = deps.readiness ? await deps.readiness() : {};
    const ready = Object.values(checks).every((x) => x.ok);
    return c.json({ status: ready ? 'ready' : 'not-ready', checks }, ready ? 200 : 503);
  });
  app.use('/api/v1/audit/*', limiter); // in hono this also matches /api/v1/audit itself
  app.use('/api/v1/batch', limiter);
  app.use('/api/v1/watch', limiter); // each look asks every server of a zone: limited like an audit
  app.use('/api/v1/bounce', limiter);
  app.on('POST', '/bounce', limiter);
  app.use('/watch', limiter);
  const base = (c: Context): string => deps.publicUrl ?? new URL(c.req.url).origin;
  const inbox = deps.sink ? { sink: deps.sink, reports: deps.store, base, now } : undefined;
  app.on('POST', ['/api/v1/inbox', '/inbox'], limiter); // creating addresses is limited; polling them is not
  app.route('/api/v1', apiRoutes(service, validation as ConstructorParameters<typeof OpenAPIHono>[0], inbox));
  app.route('/', pageRoutes(service, limiter, base, inbox));
  if (deps.admin) {
    app.route('/api/v1', monitorRoutes(deps.admin));
    app.route('/', monitorPages(deps.admin));
  }
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'ptrcheck', version: '1', description: 'Reverse DNS, HELO and sender-domain audits for mail deliverability.' },
  });

  // Unknown paths spend the client's rate-limit tokens too: probing them costs this server logs and work.
  const notFound = (c: Context) => errorJson(c, 404, 'not_found', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`);
  app.all('*', limiter, notFound);
  app.notFound(notFound);
  app.onError((err, c) => {
    if (err instanceof InputError) return errorJson(c, 400, 'bad_request', err.message);
    if (err instanceof ServerBusy) {
      c.header('Retry-After', String(err.retryAfterSeconds));
      return errorJson(c, 503, 'busy', err.message);
    }
    if (err instanceof AuditTimeout) return errorJson(c, 504, 'timeout', err.message);
    const status = (err as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return errorJson(c, status as 400, status === 415 ? 'unsupported_media_type' : 'bad_request', err.message || 'bad request');
    }
    console.error('ptrcheck: internal error', err);
    return errorJson(c, 500, 'internal', 'internal error');
  });
  return app;
}
