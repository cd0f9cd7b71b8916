/**
 * DNS over HTTPS (RFC 8484): the same wire format, carried by fetch. Works
 * on Node (--doh URL, for networks that block UDP 53) and on Workers, with
 * the same outcomes, TTLs and CNAME handling as the UDP/TCP client.
 */
import { normalizeName, type RecordType, type Resolver } from './types.js';
import { base64url } from './base64url.js';
import { createStubResolver, type ExchangeResult } from './stub.js';
import { decodeResponse, encodeQuery } from './wire.js';

export interface DohOptions {
  /** The DoH endpoint, e.g. https://cloudflare-dns.com/dns-query. */
  url: string;
  /** GET (cacheable, RFC 8484 §4.1) or POST. */
  method?: 'GET' | 'POST';
  timeoutMs?: number;
  /** Injected for runtimes and tests; default the global fetch. */
  fetch?: typeof fetch;
}

export function createDohResolver(o: DohOptions): Resolver {
  const doFetch = o.fetch ?? fetch;
  const timeoutMs = o.timeoutMs ?? 5000;
  const method = o.method ?? 'POST';

  async function exchange(name: string, type: RecordType): Promise<ExchangeResult> {
    // RFC 8484 §4.1: id 0 keeps GET requests cacheable; the answer is matched by the HTTP exchange.
    const query = encodeQuery(name, type, 0);
    const base = { server: o.url, transport: 'doh' as const };
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), timeoutMs);
    try {
      const init: RequestInit = { method, signal: ac.signal, headers: { accept: 'application/dns-message' } };
      let url = o.url;
      if (method === 'GET') url += `${url.includes('?') ? '&' : '?'}dns=${base64url(query)}`;
      else {
        init.body = query as BodyInit;
        init.headers = { accept: 'application/dns-message', 'content-type': 'application/dns-message' };
      }
      const res = await doFetch(url, init);
      if (!res.ok) return { ok: false, outcome: 'error', rcode: `HTTP ${res.status}`, detail: `the DoH server answered HTTP ${res.status}`, ...base };
      const body = new Uint8Array(await res.arrayBuffer());
      const response = decodeResponse(body);
      if (response.questionName !== normalizeName(name) || response.questionType !== type) {
        return { ok: false, outcome: 'error', rcode: 'FORMERR', detail: 'the DoH answer is for another question', ...base };
      }
      return { ok: true, response, ...base };
    } catch (e) {
      if (ac.signal.aborted) return { ok: false, outcome: 'timeout', rcode: 'TIMEOUT', detail: `no DoH answer in ${timeoutMs} ms`, ...base };
      return { ok: false, outcome: 'error', rcode: 'NETWORK', detail: (e as Error).message, ...base };
    } finally {
      clearTimeout(timer);
    }
  }

  return createStubResolver(exchange);
}
