/**
 * Per-client token bucket for the audit routes: an open audit endpoint
 * would otherwise let anyone make this server send DNS queries at will.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { errorJson } from './errors.js';

export interface RateLimitOptions {
  perMinute: number;
  burst: number;
  now: () => number;
  key: (c: Context) => string;
  /** Clients remembered at most; the least recently seen are forgotten first. */
  maxClients?: number;
  onRefused?: (c: Context, client: string) => void;
}

export function rateLimit(o: RateLimitOptions): MiddlewareHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const max = o.maxClients ?? 10_000;
  const ratePerMs = o.perMinute / 60_000;
  return async (c, next) => {
    if (o.perMinute <= 0) return next();
    const key = o.key(c);
    const now = o.now();
    const b = buckets.get(key) ?? { tokens: o.burst, at: now };
    buckets.delete(key);
    b.tokens = Math.min(o.burst, b.tokens + (now - b.at) * ratePerMs);
    b.at = now;
    buckets.set(key, b);
    if (buckets.size > max) buckets.delete(buckets.keys().next().value!);
    if (b.tokens < 1) {
      const wait = Math.ceil((1 - b.tokens) / ratePerMs / 1000);
      c.header('Retry-After', String(wait));
      o.onRefused?.(c, key);
      return errorJson(c, 429, 'rate_limited', `too many audits from ${key}; try again in ${wait} s`);
    }
    b.tokens -= 1;
    return next();
  };
}
