/**
 * The Worker's bindings (wrangler.toml [vars] and the D1 database) read into
 * the settings the shared app, store and sink take. A bad value is named,
 * not guessed around.
 */
import { withCache } from '../dns/cache.js';
import { createDohResolver } from '../dns/doh.js';
import type { Resolver } from '../dns/types.js';
import { DEFAULT_HTTP_CONFIG, type HttpConfig } from '../http/deps.js';
import { openD1Store, type D1Like } from '../store/d1.js';
import type { ReportStore, SinkStore } from '../store/types.js';
import { dnsblZoneList } from '../core/names.js';

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
  /** Comma-separated Received: `by` hosts of the receiving side (default Email Routing's mx.cloudflare.net). */
  TRUSTED_RECEIVERS?: string;
  AUTHSERV_ID?: string;
  RETENTION_DAYS?: string;
  MAX_MESSAGE_BYTES?: string;
  /** Base URL for report links; default each request's origin. */
  PUBLIC_URL?: string;
  /** Comma-separated DNS blocklist zones for dnsbl-clean (empty: skipped). */
  DNSBL_ZONES?: string;
}

export const DEFAULT_DOH_URL = 'https://cloudflare-dns.com/dns-query';
export const EMAIL_ROUTING_RECEIVERS = ['mx.cloudflare.net', '*.mx.cloudflare.net'];

export interface WorkerSettings {
  resolver: Resolver;
  store: ReportStore & SinkStore;
  config: HttpConfig;
  sinkDomain?: string;
  publicUrl?: string;
  retentionDays: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readSettings(env: WorkerEnv): WorkerSettings {
  if (!env.DB || typeof env.DB.prepare !== 'function') throw new ConfigError('the D1 binding DB is missing (wrangler.toml [[d1_databases]] binding = "DB")');
  const dohUrl = url('DOH_URL', env.DOH_URL ?? DEFAULT_DOH_URL);
  const method = (env.DOH_METHOD ?? 'POST').toUpperCase();
  if (method !== 'GET' && method !== 'POST') throw new ConfigError(`DOH_METHOD '${env.DOH_METHOD}' must be GET or POST`);
  const inner = createDohResolver({ url: dohUrl, method, timeoutMs: whole('DNS_TIMEOUT_MS', env.DNS_TIMEOUT_MS, 5000, 100, 30_000) });
  // Short TTL cap: a user who just fixed a record and re-checks must see the fix.
  const resolver = withCache(inner, { maxTtl: 60, maxEntries: 10_000 });
  const trusted = (env.TRUSTED_RECEIVERS ?? EMAIL_ROUTING_RECEIVERS.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  const config: HttpConfig = {
    ...DEFAULT_HTTP_CONFIG,
    rateLimitPerMinute: whole('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, DEFAULT_HTTP_CONFIG.rateLimitPerMinute, 0, 1_000_000),
    rateLimitBurst: whole('RATE_LIMIT_BURST', env.RATE_LIMIT_BURST, DEFAULT_HTTP_CONFIG.rateLimitBurst, 1, 1_000_000),
    maxMessageBytes: whole('MAX_MESSAGE_BYTES', env.MAX_MESSAGE_BYTES, DEFAULT_HTTP_CONFIG.maxMessageBytes, 1024, 25 * 1024 * 1024),
    authservId: env.AUTHSERV_ID?.trim() || DEFAULT_HTTP_CONFIG.authservId,
    trustedReceivers: trusted,
    dnsbl: zones(env.DNSBL_ZONES),
  };
  const domain = env.SINK_DOMAIN?.trim().toLowerCase();
  if (domain !== undefined && domain !== '' && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) throw new ConfigError(`SINK_DOMAIN '${env.SINK_DOMAIN}' is not a domain name`);
  return {
    resolver,
    store: openD1Store(env.DB),
    config,
    ...(domain ? { sinkDomain: domain } : {}),
    ...(env.PUBLIC_URL ? { publicUrl: url('PUBLIC_URL', env.PUBLIC_URL).replace(/\/$/, '') } : {}),
    retentionDays: whole('RETENTION_DAYS', env.RETENTION_DAYS, 30, 0, 36_500),
  };
}

function zones(text: string | undefined): string[] {
  try {
    return dnsblZoneList((text ?? '').split(','));
  } catch (e) {
    throw new ConfigError(`DNSBL_ZONES: ${(e as Error).message}`);
  }
}

function whole(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} '${text}' must be a whole number from ${min} to ${max}`);
  return n;
}

function url(name: string, text: string): string {
  try {
    const u = new URL(text);
    if (u.protocol === 'https:' || u.protocol === 'http:') return u.toString();
  } catch {
    // fall through to the message below
  }
  throw new ConfigError(`${name} '${text}' is not an http(s) URL`);
}
