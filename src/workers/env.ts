/**
 * The Worker's bindings (wrangler.toml [vars] and the D1 database) read into
 * the settings the shared app, store and sink take. A bad value is named,
 * not guessed around.
 */
import { withCache } from '../dns/cache.js';
import { createDohResolver } from '../dns/doh.js';
import type { Resolver } from '../dns/types.js';
import { httpConfig, type HttpConfig } from '../http/deps.js';
import { ConfigError, httpUrl, wholeNumber } from '../config/parse.js';
import { readServerSettings } from '../config/server.js';
import { openD1Store, type D1Like } from '../store/d1.js';
import { d1MonitorStore } from '../store/monitor-d1.js';
import type { ReportStore, SinkStore } from '../store/types.js';

/** wrangler.toml's bindings; every var arrives as a string. */
export interface WorkerEnv {
  DB: D1Like;
  /** Test addresses are <token>@SINK_DOMAIN (an Email Routing catch-all to this Worker). */
  SINK_DOMAIN?: string;
  DOH_URL?: string;
  DOH_METHOD?: string;
  DNS_TIMEOUT_MS?: string;
  RATE_LIMIT_PER_MINUTE?: string;
  RATE_LIMIT_BURST?: string;
  RATE_LIMIT_V6_PREFIX?: string;
  MAX_AUDITS?: string;
  /** Comma-separated Received: `by` hosts of the receiving side (default Email Routing's mx.cloudflare.net). */
  TRUSTED_RECEIVERS?: string;
  AUTHSERV_ID?: string;
  RETENTION_DAYS?: string;
  MAX_MESSAGE_BYTES?: string;
  /** Base URL for report links; default each request's origin. */
  PUBLIC_URL?: string;
  /** Comma-separated DNS blocklist zones for dnsbl-clean (empty: skipped). */
  DNSBL_ZONES?: string;
  /** Turns on the monitor API and pages (a secret: `wrangler secret put ADMIN_TOKEN`). */
  ADMIN_TOKEN?: string;
  /** Monitoring rounds: the cron sends each watched target to this queue; its consumer looks at them. */
  MONITOR_QUEUE?: QueueLike;
  /** Comma-separated webhook URLs for confirmed transitions, and their HMAC secret (a secret binding). */
  MONITOR_WEBHOOKS?: string;
  MONITOR_WEBHOOK_SECRET?: string;
  /** How long after a change the consumer looks again before it counts (default 60000; at most 600000). */
  MONITOR_CONFIRM_AFTER_MS?: string;
  /** Minutes between monitoring rounds: a multiple of the cron's 10, from 10 to 1440 (default 60). */
  MONITOR_EVERY_MINUTES?: string;
}

/** The part of a Cloudflare Queue producer binding used here. */
export interface QueueLike {
  sendBatch(messages: { body: unknown }[]): Promise<unknown>;
}

export const DEFAULT_DOH_URL = 'https://cloudflare-dns.com/dns-query';
export const EMAIL_ROUTING_RECEIVERS = ['mx.cloudflare.net', '*.mx.cloudflare.net'];

export interface WorkerSettings {
  resolver: Resolver;
  /** The same DoH resolver without the cache: a monitoring confirmation must not see the first look's answers. */
  freshResolver: Resolver;
  store: ReportStore & SinkStore;
  monitors: ReturnType<typeof d1MonitorStore>;
  monitoring: { webhooks: string[]; secret?: string; confirmAfterMs: number; everyMinutes: number; adminToken?: string };
  config: HttpConfig;
  sinkDomain?: string;
  publicUrl?: string;
  retentionDays: number;
}

export { ConfigError };

export function readSettings(env: WorkerEnv): WorkerSettings {
  if (!env.DB || typeof env.DB.prepare !== 'function') throw new ConfigError('the D1 binding DB is missing (wrangler.toml [[d1_databases]] binding = "DB")');
  const dohUrl = httpUrl(env.DOH_URL ?? DEFAULT_DOH_URL, 'DOH_URL');
  const method = (env.DOH_METHOD ?? 'POST').toUpperCase();
  if (method !== 'GET' && method !== 'POST') throw new ConfigError(`DOH_METHOD '${env.DOH_METHOD}' must be GET or POST`);
  const timeoutMs = env.DNS_TIMEOUT_MS?.trim() ? wholeNumber(env.DNS_TIMEOUT_MS, 'DNS_TIMEOUT_MS', 100, 30_000) : 5000;
  const inner = createDohResolver({ url: dohUrl, method, timeoutMs });
  // Short TTL cap: a user who just fixed a record and re-checks must see the fix.
  const resolver = withCache(inner, { maxTtl: 60, maxEntries: 10_000 });
  const s = readServerSettings(
    {
      rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
      rateLimitBurst: env.RATE_LIMIT_BURST,
      rateLimitV6Prefix: env.RATE_LIMIT_V6_PREFIX,
      maxAudits: env.MAX_AUDITS,
      maxMessageBytes: env.MAX_MESSAGE_BYTES,
      retentionDays: env.RETENTION_DAYS,
      authservId: env.AUTHSERV_ID,
      sinkDomain: env.SINK_DOMAIN,
      publicUrl: env.PUBLIC_URL,
      dnsbl: env.DNSBL_ZONES,
      // Email Routing's receiver writes the Received: hop unless the operator names others.
      trustedReceivers: env.TRUSTED_RECEIVERS ?? EMAIL_ROUTING_RECEIVERS.join(','),
    },
    'env',
  );
  const webhooks = (env.MONITOR_WEBHOOKS ?? '').split(',').map((u) => u.trim()).filter(Boolean).map((u) => httpUrl(u, 'MONITOR_WEBHOOKS'));
  const confirmAfterMs = env.MONITOR_CONFIRM_AFTER_MS?.trim() ? wholeNumber(env.MONITOR_CONFIRM_AFTER_MS, 'MONITOR_CONFIRM_AFTER_MS', 0, 600_000) : 60_000;
  const everyMinutes = env.MONITOR_EVERY_MINUTES?.trim() ? wholeNumber(env.MONITOR_EVERY_MINUTES, 'MONITOR_EVERY_MINUTES', 10, 1440) : 60;
  if (everyMinutes % 10 !== 0) throw new ConfigError('MONITOR_EVERY_MINUTES must be a multiple of 10 (the cron runs every 10 minutes)');
  const adminToken = env.ADMIN_TOKEN?.trim() || undefined;
  const secret = env.MONITOR_WEBHOOK_SECRET?.trim() || undefined;
  return {
    resolver,
    freshResolver: inner,
    monitors: d1MonitorStore(env.DB),
    monitoring: { webhooks, confirmAfterMs, everyMinutes, ...(secret ? { secret } : {}), ...(adminToken ? { adminToken } : {}) },
    store: openD1Store(env.DB),
    config: httpConfig(s),
    ...(s.sinkDomain ? { sinkDomain: s.sinkDomain } : {}),
    ...(s.publicUrl ? { publicUrl: s.publicUrl } : {}),
    retentionDays: s.retentionDays,
  };
}
