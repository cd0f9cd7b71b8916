/**
 * Per-client token bucket for the audit routes: an open audit endpoint
 * would otherwise let anyone make this server send DNS queries at will.
 */
import type { Context, MiddlewareHandler } from 'hono';
import ipaddr from 'ipaddr.js';
import { errorJson } from './errors.js';

/**
 * Whose bucket a request fills: an IPv4 client by its address (an IPv4-mapped IPv6 one too), an IPv6
 * client by its /`v6Prefix` network: one customer holds a /64 at least, so keyed per address an IPv6
 * client has as many buckets as it likes. What is not an address (a runtime's own label) is its own key.
 */
export function clientKey(address: string, v6Prefix = 64): string {
  const text = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(text)) return text.slice(0, 64);
  let ip = ipaddr.parse(text.includes('%') ? text.slice(0, text.indexOf('%')) : text);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  if (ip.kind() === 'ipv4') return ip.toString();
  const bytes = ip.toByteArray();
  for (let bit = v6Prefix; bit < 128; bit++) bytes[bit >> 3]! &= ~(0x80 >> (bit & 7));
  return `${ipaddr.fromByteArray(bytes).toString()}/${v6Prefix}`;
}

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
