/**
 * What the HTTP app needs, passed in by the runtime entry (node.ts,
 * worker.ts) or a test: the app itself touches no runtime API.
 */
import type { Context } from 'hono';
import type { DirectQuery } from '../dns/types.js';
import type { SmtpProber } from '../core/smtp-probe.js';
import type { WebProber } from '../core/web-probe.js';
import type { Observer } from '../core/observer.js';
import type { Resolver } from '../dns/types.js';
import type { Authenticator } from '../message/authenticator.js';
import type { BounceDecoder } from '../bounce/decoder.js';
import type { ReportStore, SinkStore } from '../store/types.js';
import { SERVER_DEFAULTS, type ServerSettings } from '../config/server.js';
import type { AdminDeps } from './routes/monitors.js';

export interface HttpConfig {
  /** Largest raw message accepted by POST /api/v1/audit/message. */
  maxMessageBytes: number;
  /** Largest JSON body. */
  maxJsonBytes: number;
  /** Audits per client IP per minute (token bucket refill), and the burst allowed. */
  rateLimitPerMinute: number;
  rateLimitBurst: number;
  /** IPv6 clients are keyed by this prefix length (IPv4 by address). */
  rateLimitV6Prefix: number;
  /** Audits (IP, message, watch look, bounce check, batch entry) in flight at once, across all clients. */
  maxAuditsInFlight: number;
  /** How long an audit waits for a free slot before the request gets 503. */
  auditWaitMs: number;
  /** An audit taking longer answers 504. */
  auditTimeoutMs: number;
  /** authserv-id in Authentication-Results. */
  authservId: string;
  /** Received: hosts of the receiving side for message audits. */
  trustedReceivers: string[];
  /**
   * Repeat IP audits of the same target within this many seconds (and within
   * the DNS TTLs they saw) get the same report instead of a new one: the DNS
   * answers would be the same cached ones anyway. 0 turns it off.
   */
  reportCacheSeconds: number;
  /** DNS blocklist zones dnsbl-clean asks (none: the rule is skipped). */
  dnsbl: readonly string[];
}

/** The server's settings (config/server.ts) as the HTTP app takes them, plus what only HTTP has. */
export function httpConfig(s: Partial<ServerSettings> = {}): HttpConfig {
  const d = SERVER_DEFAULTS;
  return {
    maxMessageBytes: s.maxMessageBytes ?? d.maxMessageBytes,
    maxJsonBytes: 16 * 1024,
    rateLimitPerMinute: s.rateLimitPerMinute ?? d.rateLimitPerMinute,
    rateLimitBurst: s.rateLimitBurst ?? d.rateLimitBurst,
    rateLimitV6Prefix: s.rateLimitV6Prefix ?? d.rateLimitV6Prefix,
    maxAuditsInFlight: s.maxAudits ?? d.maxAudits,
    auditWaitMs: 2000,
    auditTimeoutMs: 20_000,
    authservId: s.authservId ?? d.authservId,
    trustedReceivers: s.trustedReceivers ?? d.trustedReceivers,
    reportCacheSeconds: 30,
    dnsbl: s.dnsbl ?? d.dnsbl,
  };
}

export const DEFAULT_HTTP_CONFIG: HttpConfig = httpConfig();

/** The part of the server's settings an audit takes: HTTP audits, the SMTP sink's auditor, the Worker's email. */
export function auditConfig(config: Partial<HttpConfig> = {}): { authservId: string; dnsbl: readonly string[] } {
  return { authservId: config.authservId ?? DEFAULT_HTTP_CONFIG.authservId, dnsbl: config.dnsbl ?? DEFAULT_HTTP_CONFIG.dnsbl };
}

export interface SinkDeps {
  store: SinkStore;
  domain: string;
  /** How mail reaches it: the SMTP sink (default), or Cloudflare Email Routing to a Worker. */
  via?: 'smtp' | 'email-routing';
}

export interface HttpDeps {
  resolver: Resolver;
  /** Questions straight to reverse zones' own nameservers (Node); a Worker has none and its reports say so. */
  direct?: DirectQuery;
  /** Reads a sender's SMTP banner for audits that ask (probeSmtp=1); only when the operator enabled it (serve --probe-smtp). */
  prober?: SmtpProber;
  /** Looks at the PTR name's website for audits that ask (probeWeb=1); only when the operator enabled it (serve --probe-web). */
  webProber?: WebProber;
  /** Where requests, audits and refusals are reported (metrics, logs); absent: nowhere. */
  observer?: Observer;
  /** The monitor API, only when an admin token is configured (absent: those routes do not exist). */
  admin?: AdminDeps;
  /** True once the server drains for shutdown: new requests get 503 (absent: never). */
  draining?: () => boolean;
  /** What /readyz checks (database, migrations, resolver, sink); absent: always ready (a Worker). */
  readiness?: () => Promise<Record<string, { ok: boolean; detail: string }>>;
  /** How received messages are authenticated (Node: worker threads, so a hostile message cannot stall the server). */
  authenticate?: Authenticator;
  /** How bounces are decoded (Node: worker threads with a time budget; absent: in this thread, as a Worker does). */
  decodeBounce?: BounceDecoder;
  store: ReportStore;
  /** Epoch milliseconds. */
  clock?: () => number;
  config?: Partial<HttpConfig>;
  /** The client's address as the runtime sees it (socket peer, CF-Connecting-IP…). */
  clientIp?: (c: Context) => string;
  /** The sink's side, when one runs: test addresses are <token>@domain. */
  sink?: SinkDeps;
  /** Public base URL for links (report URLs in API answers); default: the request's origin. */
  publicUrl?: string;
}
