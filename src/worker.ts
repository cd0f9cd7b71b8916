/**
 * The Cloudflare Workers entry: the same app, rules and sink as Node, on a
 * DoH resolver and a D1 store. `fetch` serves the API and pages, `email`
 * takes the sink's mail from Email Routing, `scheduled` audits whatever an
 * `email` run left pending and applies retention. Thin: it only wires.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ExecutionContext } from 'hono';
import './workers/crypto-compat.js';
import { createApp } from './http/app.js';
import { auditConfig } from './http/deps.js';
import { startAuditor } from './sink/auditor.js';
import { receiveEmail, type IncomingEmail } from './sink/email-routing.js';
import { ConfigError, readSettings, type WorkerEnv, type WorkerSettings } from './workers/env.js';
import { isMonitorId, runMonitorRound } from './monitor/service.js';
import { enqueueMonitors, roundDue, type MonitorBatch } from './workers/monitor-queue.js';

interface Wired {
  env: WorkerEnv;
  settings: WorkerSettings;
  app: OpenAPIHono;
}

// One wiring per isolate (and per env object), so the DNS cache and rate limiter live across requests.
let wired: Wired | undefined;

function wire(env: WorkerEnv): Wired {
  if (wired?.env === env) return wired;
  const settings = readSettings(env);
  const app = createApp({
    resolver: settings.resolver,
    store: settings.store,
    config: settings.config,
    ...(settings.sinkDomain ? { sink: { store: settings.store, domain: settings.sinkDomain, via: 'email-routing' as const } } : {}),
    ...(settings.publicUrl ? { publicUrl: settings.publicUrl } : {}),
    ...(settings.monitoring.adminToken ? { admin: { token: settings.monitoring.adminToken, monitors: settings.monitors } } : {}),
  });
  wired = { env, settings, app };
  return wired;
}

function auditDeps(s: WorkerSettings) {
  return { resolver: s.resolver, config: auditConfig(s.config) };
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    let w: Wired;
    try {
      w = wire(env);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      return Response.json({ error: { code: 'misconfigured', message: e.message } }, { status: 503 });
    }
    return w.app.fetch(request, env, ctx);
  },

  async email(message: IncomingEmail, env: WorkerEnv): Promise<void> {
    const { settings: s } = wire(env);
    if (!s.sinkDomain) {
      message.setReject('this ptrcheck Worker has no SINK_DOMAIN configured');
      return;
    }
    const outcome = await receiveEmail(message, {
      sink: s.store,
      reports: s.store,
      audit: auditDeps(s),
      domain: s.sinkDomain,
      trustedReceivers: s.config.trustedReceivers,
      maxMessageBytes: s.config.maxMessageBytes,
    });
    console.log(JSON.stringify({ event: 'email', to: message.to, outcome: outcome.kind, ...('id' in outcome ? { id: outcome.id } : {}) }));
  },

  async scheduled(controller: { scheduledTime?: number } | undefined, env: WorkerEnv): Promise<void> {
    const { settings: s } = wire(env);
    const auditor = startAuditor({
      sink: s.store,
      reports: s.store,
      audit: auditDeps(s),
      trustedReceivers: s.config.trustedReceivers,
      log: (line) => console.error(`ptrcheck: ${line}`),
    });
    await auditor.idle();
    if (s.retentionDays > 0) {
      await s.store.deleteOlderThan(Date.now() - s.retentionDays * 86_400_000);
      await s.monitors.purge(Date.now() - s.retentionDays * 86_400_000);
    }
    // Monitoring: each watched target becomes one queue message; the consumer below looks at them, a few at a time.
    const at = controller?.scheduledTime ?? Date.now();
    if (env.MONITOR_QUEUE && roundDue(at, s.monitoring.everyMinutes)) await enqueueMonitors(s, env.MONITOR_QUEUE);
  },

  /** A batch of watched targets from the queue: one round over them; a failure retries the batch (the queue's backoff). */
  async queue(batch: MonitorBatch, env: WorkerEnv): Promise<void> {
    const { settings: s } = wire(env);
    const ids = batch.messages.map((m) => (m.body as { monitorId?: unknown } | null)?.monitorId).filter((id): id is string => typeof id === 'string' && isMonitorId(id));
    try {
      const r = await runMonitorRound({ store: s.monitors, resolver: s.resolver, confirmResolver: s.freshResolver, dnsbl: s.config.dnsbl, webhooks: s.monitoring.webhooks, secret: s.monitoring.secret, confirmAfterMs: s.monitoring.confirmAfterMs }, ids);
      console.log(JSON.stringify({ event: 'monitor-round', targets: r.monitors, addresses: r.addresses, transitions: r.transitions.length, undecided: r.temporary }));
      for (const m of batch.messages) m.ack();
    } catch (e) {
      console.error(`ptrcheck: monitor round failed: ${(e as Error).message}`);
      for (const m of batch.messages) m.retry();
    }
  },
};
