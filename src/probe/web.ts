/**
 * The web probe on Node: GET https://<name>/ for the PTR name and its
 * organisational domain, and look for an imprint or contact link. Names are
 * resolved through the audit's own Resolver and the request goes to the
 * address found (no second, rebindable lookup); only public addresses
 * (loopback too in a lab). Bounded: a header timeout, a total time per page,
 * 512 KiB of body (the rest is not read), 5 redirects each checked like the
 * first, HTML only; certificates are always verified (a lab may add its CA).
 */
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';
import { isPublicUnicast } from '../dns/public-address.js';
import type { DnsAnswer, Resolver } from '../dns/types.js';
import type { WebPage, WebProbeEvidence, WebProber, WebProbeTarget } from '../core/web-probe.js';
import { findImprintLink } from './imprint-links.js';

export interface WebProbeOptions {
  /** The port of https:// URLs that name none (a lab); default 443. */
  port?: number;
  /** Loopback addresses are fetched too (a lab on this machine); other private addresses never are. */
  allowLoopback?: boolean;
  /** A lab's CA (PEM), trusted beside the system's; certificates are verified either way. */
  ca?: string;
  headerTimeoutMs?: number;
  /** Everything for one page, its redirects included. */
  pageTimeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** A server's limit: each name fetched at most once per this many ms, the result kept meanwhile; 0: none. */
  perNameIntervalMs?: number;
  now?: () => number;
}

export const WEB_LIMITS = { headerTimeoutMs: 5000, pageTimeoutMs: 8000, maxBytes: 512 * 1024, maxRedirects: 5, maxPages: 4 } as const;
/** The Fetch standard's "bad ports": no browser connects to them, so neither does a redirect here (no GET to an SMTP port). */
const BAD_PORTS = new Set([0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]);
const USER_AGENT = 'ptrcheck/1 (looks for an imprint or contact link, as T-Online does)';

type Ending = Pick<WebPage, 'outcome' | 'detail'>;
class PageEnd extends Error {
  readonly ending: Ending;
  constructor(ending: Ending) {
    super(ending.detail ?? ending.outcome);
    this.ending = ending;
  }
}
const end = (outcome: WebPage['outcome'], detail?: string): PageEnd => new PageEnd(detail === undefined ? { outcome } : { outcome, detail });

export function createWebProber(o: WebProbeOptions = {}): WebProber {
  const now = o.now ?? Date.now;
  const interval = o.perNameIntervalMs ?? 0;
  const recent = new Map<string, { at: number; page: Promise<WebPage> }>();
  const fetchOnce = (t: WebProbeTarget, resolver: Resolver): Promise<WebPage> => {
    if (interval <= 0) return fetchPage(t, resolver, o);
    const hit = recent.get(t.name);
    if (hit && now() - hit.at < interval) return hit.page.then((p) => ({ ...p, role: t.role, cached: true }));
    const page = fetchPage(t, resolver, o);
    recent.delete(t.name);
    recent.set(t.name, { at: now(), page });
    if (recent.size > 10_000) recent.delete(recent.keys().next().value!);
    return page;
  };
  return {
    async probe(targets, resolver): Promise<WebProbeEvidence> {
      // Both pages at once: the audit waits for one page's time limit, not two.
      return { pages: await Promise.all(targets.slice(0, WEB_LIMITS.maxPages).map((t) => fetchOnce(t, resolver))) };
    },
  };
}

async function fetchPage(t: WebProbeTarget, resolver: Resolver, o: WebProbeOptions): Promise<WebPage> {
  const started = performance.now();
  const first = `https://${t.name}/`;
  const page: WebPage = { name: t.name, role: t.role, url: first, outcome: 'error', ms: 0 };
  const ac = new AbortController();
  const pageMs = o.pageTimeoutMs ?? WEB_LIMITS.pageTimeoutMs;
  const timer = setTimeout(() => ac.abort(), pageMs);
  const timedOut = new Promise<never>((_, reject) => ac.signal.addEventListener('abort', () => reject(end('timeout', `no complete page in ${pageMs} ms`)), { once: true }));
  timedOut.catch(() => undefined);
  try {
    let url = new URL(first);
    const redirects: string[] = [];
    for (;;) {
      const addresses = await Promise.race([addressesOf(url.hostname, resolver, o), timedOut]);
      const res = await Promise.race([get(url, addresses, o, ac.signal, page), timedOut]);
      const location = res.status >= 300 && res.status < 400 ? res.location : undefined;
      if (location !== undefined) {
        res.discard();
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw end('bad-redirect', `'${location.slice(0, 100)}' is not a URL`);
        }
        redirects.push(next.href.slice(0, 300));
        page.redirects = redirects;
        // Browsers follow it, but the page is then not https: a finding of its own, not fetched.
        if (next.protocol === 'http:') throw end('http-redirect', next.href.slice(0, 300));
        if (next.protocol !== 'https:') throw end('bad-redirect', `a ${next.protocol.slice(0, 20)} URL`);
        if (next.port !== '' && BAD_PORTS.has(Number(next.port))) throw end('bad-redirect', `port ${next.port}, which browsers refuse`);
        if (redirects.length > (o.maxRedirects ?? WEB_LIMITS.maxRedirects)) throw end('too-many-redirects', `more than ${o.maxRedirects ?? WEB_LIMITS.maxRedirects} redirects`);
        url = next;
        page.finalUrl = url.href.slice(0, 300);
        continue;
      }
      page.status = res.status;
      if (res.contentType !== undefined) page.contentType = res.contentType.slice(0, 100);
      if (res.status < 200 || res.status > 299) {
        res.discard();
        throw end('http-status', `HTTP ${res.status}`);
      }
      if (!/^\s*(text\/html|application\/xhtml\+xml)\s*(;|$)/i.test(res.contentType ?? '')) {
        res.discard();
        throw end('not-html', res.contentType ? res.contentType.slice(0, 100) : 'no Content-Type');
      }
      const body = await Promise.race([res.body(), timedOut]);
      page.bytes = body.bytes.length;
      if (body.truncated) page.truncated = true;
      const link = findImprintLink(decode(body.bytes, res.contentType ?? ''));
      if (link) {
        page.link = link;
        page.outcome = 'found';
      } else page.outcome = 'none';
      return page;
    }
  } catch (e) {
    const ending = e instanceof PageEnd ? e.ending : classify(e as NodeJS.ErrnoException, ac.signal.aborted, pageMs);
    page.outcome = ending.outcome;
    if (ending.detail !== undefined) page.detail = ending.detail;
    return page;
  } finally {
    clearTimeout(timer);
    ac.abort(); // whatever is still open (a body left unread, a lookup's request) closes now
    page.ms = Math.round(performance.now() - started);
  }
}

/** The addresses a name (or an IP literal) leads to, those this probe may contact; throws the page's ending otherwise. */
async function addressesOf(hostname: string, resolver: Resolver, o: WebProbeOptions): Promise<string[]> {
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  let all: string[];
  if (net.isIP(host)) all = [host];
  else {
    const [a, aaaa] = await Promise.all([resolver.query(host, 'A'), resolver.query(host, 'AAAA')]);
    all = [...a.records, ...aaaa.records].map((r) => r.data);
    if (all.length === 0) {
      const failed = [a, aaaa].find((x) => x.outcome !== 'ok' && x.outcome !== 'nodata' && x.outcome !== 'nxdomain');
      if (failed) throw end('dns-failed', `${failed.type} ${host} ${failed.rcode}`);
      throw end('no-address', `${host}: ${describeMissing(a)}`);
    }
  }
  const allowed = all.filter((x) => isPublicUnicast(x) || (o.allowLoopback === true && isLoopback(x)));
  if (allowed.length === 0) throw end('not-public', `${host} → ${all.slice(0, 3).join(', ')}`);
  return allowed;
}

function describeMissing(a: DnsAnswer): string {
  return a.outcome === 'nxdomain' ? 'no such name (NXDOMAIN)' : 'no A or AAAA record';
}

function isLoopback(address: string): boolean {
  try {
    return ipaddr.process(address).range() === 'loopback';
  } catch {
    return false;
  }
}

interface Response {
  status: number;
  location?: string;
  contentType?: string;
  body(): Promise<{ bytes: Uint8Array; truncated: boolean }>;
  /** Closes the connection without reading the body (a redirect, a page not read). */
  discard(): void;
}

/** One request, to the first address that accepts a connection (a second is tried only when the first refuses or is unreachable). */
async function get(url: URL, addresses: string[], o: WebProbeOptions, signal: AbortSignal, page: WebPage): Promise<Response> {
  let last: unknown;
  for (const address of addresses.slice(0, 2)) {
    page.address = address;
    try {
      return await request(url, address, o, signal);
    } catch (e) {
      last = e;
      if (!['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
    }
  }
  throw last;
}

function request(url: URL, address: string, o: WebProbeOptions, signal: AbortSignal): Promise<Response> {
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const headerMs = o.headerTimeoutMs ?? WEB_LIMITS.headerTimeoutMs;
  return new Promise((resolve, reject) => {
    const req = https.request({
      host: address,
      port: url.port ? Number(url.port) : (o.port ?? 443),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: { host: url.host, 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', 'accept-language': 'de,en;q=0.8,*;q=0.5' },
      ...(net.isIP(hostname) ? {} : { servername: hostname }),
      // The certificate must name the URL's host, not the address connected to.
      checkServerIdentity: (_h, cert) => tls.checkServerIdentity(hostname, cert),
      ...(o.ca ? { ca: [...tls.rootCertificates, o.ca] } : {}),
      rejectUnauthorized: true,
      agent: false,
      signal,
      maxHeaderSize: 16 * 1024,
    });
    const headerTimer = setTimeout(() => req.destroy(Object.assign(new Error(`no response headers in ${headerMs} ms`), { code: 'HEADER_TIMEOUT' })), headerMs);
    req.once('error', (e) => (clearTimeout(headerTimer), reject(e)));
    req.once('response', (res: IncomingMessage) => {
      clearTimeout(headerTimer);
      const location = res.headers.location;
      const contentType = res.headers['content-type'];
      resolve({
        status: res.statusCode ?? 0,
        ...(typeof location === 'string' ? { location } : {}),
        ...(typeof contentType === 'string' ? { contentType } : {}),
        body: () => readBody(res, o.maxBytes ?? WEB_LIMITS.maxBytes),
        discard: () => void res.destroy(),
      });
    });
    req.end();
  });
}

/** At most `max` bytes; a longer body is cut there (not an error: its start is what a browser shows first). */
function readBody(res: IncomingMessage, max: number): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (truncated: boolean): void => {
      res.removeAllListeners('data');
      const all = Buffer.concat(chunks, size);
      resolve({ bytes: all.subarray(0, Math.min(size, max)), truncated });
    };
    res.on('data', (d: Buffer) => {
      chunks.push(d);
      size += d.length;
      if (size >= max) {
        done(true);
        res.destroy();
      }
    });
    res.once('end', () => done(false));
    res.once('error', (e) => reject(e));
    res.once('close', () => done(false));
  });
}

function decode(bytes: Uint8Array, contentType: string): string {
  const label = /charset\s*=\s*"?([A-Za-z0-9._:-]{1,40})/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(label ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const TLS_CODES = /CERT|SSL|TLS|DEPTH_ZERO|UNABLE_TO_(GET|VERIFY)|HOSTNAME|EPROTO|ALTNAME/;

function classify(e: NodeJS.ErrnoException, aborted: boolean, pageMs: number): Ending {
  const code = e.code ?? '';
  if (aborted || code === 'ABORT_ERR') return { outcome: 'timeout', detail: `no complete page in ${pageMs} ms` };
  if (code === 'HEADER_TIMEOUT') return { outcome: 'timeout', detail: e.message };
  if (code === 'ECONNREFUSED') return { outcome: 'refused', detail: 'connection refused' };
  if (TLS_CODES.test(code)) return { outcome: 'tls-error', detail: `${code}: ${e.message}`.slice(0, 200) };
  return { outcome: 'error', detail: (code ? `${code}: ${e.message}` : e.message).slice(0, 200) };
}
