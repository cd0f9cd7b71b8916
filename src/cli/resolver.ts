/**
 * Builds the resolver the CLI uses: --dns / PTRCHECK_DNS, else the
 * system's configured resolvers, wrapped in the shared cache.
 */
import dns from 'node:dns';
import net from 'node:net';
import { createNodeResolver, type ClosableResolver, type DnsServer } from '../dns/node.js';
import { withCache, type CacheOptions } from '../dns/cache.js';
import { UsageError } from './usage.js';
import { portNumber } from './args.js';
import { shown } from '../core/errors.js';
import { createDohResolver } from '../dns/doh.js';
import { createPipelinedTcpResolver } from '../dns/tcp-pipeline.js';
import { createNodeDirectQuery } from '../dns/direct-node.js';
import type { DirectQuery, Resolver } from '../dns/types.js';
import { withPacing, type PacingOptions, type PacingStats } from '../dns/pacing.js';

/** https only, except plain http to a loopback address (a local DoH proxy, tests). */
function checkDohUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--doh '${shown(text)}' is not a URL (e.g. https://cloudflare-dns.com/dns-query)`);
  }
  const loopback = /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new UsageError(`--doh '${shown(text)}' must be an https URL`);
  return url.toString();
}

export function parseServer(text: string, what = '--dns'): DnsServer {
  const t = text.trim();
  let host = t;
  let port = 53;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(t);
  if (bracket) {
    host = bracket[1]!;
    if (bracket[2]) port = Number(bracket[2]);
  } else if ((t.match(/:/g) ?? []).length === 1) {
    const [h, p] = t.split(':');
    host = h!;
    port = Number(p);
  }
  if (!net.isIP(host)) throw new UsageError(`${what} '${shown(text)}' is not HOST:PORT with an IP address host (e.g. 127.0.0.1:5353 or [::1]:53)`);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`${what} '${shown(text)}' has a bad port (1-65535)`);
  return { host, port };
}

export interface ResolverChoice {
  dns?: string | undefined;
  /** DNS over HTTPS endpoint (RFC 8484); also PTRCHECK_DOH. */
  doh?: string | undefined;
  timeoutMs?: number | undefined;
  /** Cap on cached TTLs, seconds: a server keeps it short so that a re-check sees a fix soon. */
  maxTtl?: number;
  /** Cache size (batch runs share many names). */
  maxEntries?: number;
  /** udp (default): one datagram per question; tcp: pipelined connections (RFC 7766), for bulk runs. */
  transport?: 'udp' | 'tcp';
  /** Bulk runs: pace queries to the resolver (adaptive limit, --qps cap), under the cache. */
  pacing?: PacingOptions;
}

export interface BulkResolver extends ClosableResolver {
  /** How the pacing went, when the choice asked for pacing. */
  pacing?: () => PacingStats;
}

export function makeResolver(choice: ResolverChoice, env: NodeJS.ProcessEnv): BulkResolver {
  const cacheOptions = { ...(choice.maxTtl !== undefined ? { maxTtl: choice.maxTtl } : {}), ...(choice.maxEntries !== undefined ? { maxEntries: choice.maxEntries } : {}) };
  // An empty setting is a mistake, not "use the system's resolvers": a user who meant an internal resolver must not silently query another.
  const dohUrl = choice.doh ?? (choice.dns !== undefined ? undefined : env.PTRCHECK_DOH);
  if (dohUrl !== undefined) {
    if (dohUrl.trim() === '') throw new UsageError(`${choice.doh !== undefined ? '--doh' : 'PTRCHECK_DOH'} is empty: give a DNS-over-HTTPS URL, or leave it out`);
    const doh = createDohResolver({ url: checkDohUrl(dohUrl), timeoutMs: choice.timeoutMs ?? 5000 });
    return layered(doh, () => undefined, choice, cacheOptions);
  }
  const configured = choice.dns ?? env.PTRCHECK_DNS;
  const what = choice.dns !== undefined ? '--dns' : 'PTRCHECK_DNS';
  if (configured !== undefined && configured.trim() === '') throw new UsageError(`${what} is empty: give HOST:PORT (e.g. 127.0.0.1:53), or leave it out to use the system's resolvers`);
  const servers = configured !== undefined
    ? configured.split(',').map((s) => parseServer(s, what))
    : dns.getServers().map((s) => parseServer(s, 'system resolver'));
  if (servers.length === 0) throw new UsageError('no DNS server configured on this system; pass --dns HOST:PORT');
  const inner =
    choice.transport === 'tcp'
      ? createPipelinedTcpResolver({ servers, timeoutMs: choice.timeoutMs ?? 2000 })
      : createNodeResolver({ servers, timeoutMs: choice.timeoutMs ?? 2000, retries: 1 });
  return layered(inner, () => inner.close(), choice, cacheOptions);
}

/** The cache on top; pacing, when asked for, under it (a cached answer costs the resolver nothing). */
function layered(inner: Resolver, close: () => void, choice: ResolverChoice, cacheOptions: CacheOptions): BulkResolver {
  if (!choice.pacing) {
    const cached = withCache(inner, cacheOptions);
    return { query: (n, t) => cached.query(n, t), close };
  }
  const paced = withPacing(inner, choice.pacing);
  const cached = withCache(paced, cacheOptions);
  return { query: (n, t) => cached.query(n, t), close, pacing: () => paced.stats() };
}

/** Per attempt (one retry): a nameserver that has not answered in a second is down or filtered. */
const DIRECT_TIMEOUT_MS = 1000;

export interface DirectChoice {
  /** --authoritative-port, else PTRCHECK_AUTHORITATIVE_PORT; default 53. */
  port?: string | undefined;
  timeoutMs?: number | undefined;
  /**
   * Ask nameservers at private, loopback or reserved addresses too. A person's
   * own machine may (their internal zones); a server only when told, since a
   * zone's owner picks its NS addresses.
   */
  allowPrivate: boolean;
}

/** What a single audit from the command line asks through: the resolver, and the zones' own servers. */
export interface AuditDns {
  resolver: ClosableResolver;
  direct: DirectQuery & { close(): void };
  close(): void;
}

/** --dns/--doh/--timeout and --authoritative-port, checked in that order (a bad --dns is named first). */
export function makeAuditDns(values: { dns?: string | undefined; doh?: string | undefined; timeout?: string | undefined; 'authoritative-port'?: string | undefined }, env: NodeJS.ProcessEnv, timeoutMs: number | undefined): AuditDns {
  const resolver = makeResolver({ dns: values.dns, doh: values.doh, timeoutMs }, env);
  try {
    const direct = makeDirectQuery({ port: values['authoritative-port'], timeoutMs, allowPrivate: true }, env);
    return { resolver, direct, close: () => (resolver.close(), direct.close()) };
  } catch (e) {
    resolver.close();
    throw e;
  }
}

/** Questions straight to a reverse zone's own nameservers (recursion off). */
export function makeDirectQuery(choice: DirectChoice, env: NodeJS.ProcessEnv): DirectQuery & { close(): void; port: number } {
  const port = portNumber(choice.port ?? env.PTRCHECK_AUTHORITATIVE_PORT, choice.port !== undefined ? '--authoritative-port' : 'PTRCHECK_AUTHORITATIVE_PORT', 53);
  // A zone's own servers answer in well under a second anywhere; a dead one must not hold an audit for the resolver's whole budget.
  const direct = createNodeDirectQuery({ port, timeoutMs: Math.min(choice.timeoutMs ?? DIRECT_TIMEOUT_MS, DIRECT_TIMEOUT_MS), retries: 1, allowPrivate: choice.allowPrivate });
  return { ask: (a, n, t) => direct.ask(a, n, t), close: () => direct.close(), port };
}
