/**
 * One POST with retries, shared by the webhook and Slack channels (DESIGN.md, Monitoring):
 * a 2xx is delivered; a 5xx, a 429, a network error or a timeout is tried again after a
 * doubling backoff, at least twice within the call; any other status (a 4xx, a 3xx: redirects
 * are never followed) is final. Every attempt is recorded. Web APIs only (fetch, AbortController).
 */
import type { DeliveryAttempt } from './types.js';

export interface PostOptions {
  /** Per attempt, connection to the end of the (bounded) body read. Default 10 000. */
  timeoutMs?: number;
  /** Further attempts after the first. Default 2; fewer than 2 counts as 2 (the contract's floor), more than 10 as 10. */
  retries?: number;
  /** The wait before the first retry, doubled before each next one. Default 500. */
  backoffMs?: number;
  fetch?: typeof fetch;
  /** Epoch milliseconds. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface Delivery {
  ok: boolean;
  attempts: DeliveryAttempt[];
}

export interface PostRequest {
  channel: DeliveryAttempt['channel'];
  url: string;
  body: string;
  /** Headers for one attempt, asked afresh each time (a signature carries the attempt's own time). */
  headers: (unixSeconds: number) => Promise<Record<string, string>> | Record<string, string>;
}

/** The most of a response body that is read (then dropped): enough to let the connection go, never more. */
export const MAX_RESPONSE_BYTES = 4096;
const MAX_RETRIES = 10;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function count(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

/** The URL as the history keeps it: no user info, query or fragment; a Slack hook's path is its secret. */
export function shownUrl(channel: DeliveryAttempt['channel'], url: URL): string {
  return channel === 'slack' ? `${url.origin}/…` : `${url.origin}${url.pathname}`;
}

function parseUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** `user:password@` of a URL as an Authorization header value (percent-decoded, UTF-8). */
function basicAuth(url: URL): string | undefined {
  if (url.username === '' && url.password === '') return undefined;
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const bytes = new TextEncoder().encode(`${decode(url.username)}:${decode(url.password)}`);
  return `Basic ${btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))}`;
}

/** Reads at most MAX_RESPONSE_BYTES of the body and drops it (a receiver cannot make us hold more). */
async function drain(res: Response): Promise<void> {
  const reader = res.body?.getReader();
  if (!reader) return;
  try {
    let seen = 0;
    while (seen < MAX_RESPONSE_BYTES) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // A body cut off (by our timeout or the peer) changes nothing: the status has been seen.
  } finally {
    reader.releaseLock();
  }
}

function networkWords(e: unknown): string {
  const err = e as { message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const message = typeof err?.message === 'string' ? err.message : String(e);
  const cause = typeof err?.cause?.code === 'string' ? err.cause.code : typeof err?.cause?.message === 'string' ? err.cause.message : undefined;
  return (cause ? `${message}: ${cause}` : message).slice(0, 200);
}

type Outcome = { ok: boolean; retry: boolean; status?: number; error?: string };

function judge(res: Response): Outcome {
  const status = res.status;
  if (status >= 200 && status < 300) return { ok: true, retry: false, status };
  // Node's fetch with redirect: 'manual' gives an opaque redirect (status 0); the Workers types have no such Response.type.
  if ((res.type as string) === 'opaqueredirect' || (status >= 300 && status < 400)) {
    return { ok: false, retry: false, ...(status ? { status } : {}), error: 'redirect not followed' };
  }
  return { ok: false, retry: status === 429 || status >= 500, status, error: `HTTP ${status}` };
}

export async function postWithRetries(req: PostRequest, o: PostOptions = {}): Promise<Delivery> {
  const doFetch = o.fetch ?? fetch;
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? defaultSleep;
  const timeoutMs = count(o.timeoutMs, 10_000, 1, 600_000);
  const retries = count(o.retries, 2, 2, MAX_RETRIES);
  const backoffMs = count(o.backoffMs, 500, 0, 600_000);
  const attempts: DeliveryAttempt[] = [];

  const url = parseUrl(req.url);
  if (!url) {
    const at = now();
    attempts.push({ channel: req.channel, url: req.url.slice(0, 200), attempt: 1, at: new Date(at).toISOString(), ms: 0, error: 'not an http(s) URL', ok: false });
    return { ok: false, attempts };
  }
  const auth = basicAuth(url); // fetch refuses a URL with credentials: they travel as Basic authentication
  url.username = '';
  url.password = '';
  const target = url.href;
  const shown = shownUrl(req.channel, url);

  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    if (attempt > 1) await sleep(backoffMs * 2 ** (attempt - 2));
    const started = now();
    // A failure here is the caller's (a bad secret), not the peer's: it throws.
    const headers = { ...(auth ? { Authorization: auth } : {}), ...(await req.headers(Math.floor(started / 1000))) };
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    let outcome: Outcome;
    try {
      const res = await doFetch(target, { method: 'POST', headers, body: req.body, redirect: 'manual', signal: controller.signal });
      outcome = judge(res);
      await drain(res);
    } catch (e) {
      outcome = { ok: false, retry: true, error: timedOut ? `no answer within ${timeoutMs} ms` : networkWords(e) };
    } finally {
      clearTimeout(timer);
    }
    attempts.push({
      channel: req.channel,
      url: shown,
      attempt,
      at: new Date(started).toISOString(),
      ms: Math.max(0, now() - started),
      ...(outcome.status !== undefined ? { status: outcome.status } : {}),
      ...(outcome.error !== undefined ? { error: outcome.error } : {}),
      ok: outcome.ok,
    });
    if (outcome.ok) return { ok: true, attempts };
    if (!outcome.retry) break;
  }
  return { ok: false, attempts };
}
