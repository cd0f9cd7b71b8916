/**
 * A caching decorator: honours each answer's TTL (negative answers per
 * RFC 2308), shares one in-flight query among concurrent askers, and keeps
 * at most `maxEntries` answers (least recently used go first, a sixteenth
 * of them at a time). Temporary
 * failures are never cached: the next ask should try again.
 */
import type { DnsAnswer, RecordType, Resolver } from './types.js';
import { normalizeName } from './types.js';

export interface CacheOptions {
  maxEntries?: number;
  /** Upper bound on any TTL, in seconds. */
  maxTtl?: number;
  /** Milliseconds clock; injected so tests control expiry. */
  now?: () => number;
}

export interface CachingResolver extends Resolver {
  readonly size: number;
  clear(): void;
}

export function withCache(inner: Resolver, options: CacheOptions = {}): CachingResolver {
  const maxEntries = options.maxEntries ?? 10_000;
  const maxTtl = options.maxTtl ?? 86_400;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { answer: DnsAnswer; expires: number }>();
  const inflight = new Map<string, Promise<DnsAnswer>>();
  // Evicting one entry at a time from the front of a Map walks past every hole earlier
  // deletions left there (a measurable share of a batch run); a sixteenth at a time does not.
  const evictTo = maxEntries - Math.floor(maxEntries / 16);
  const evictOldest = (): void => {
    let excess = entries.size - evictTo;
    for (const key of entries.keys()) {
      if (excess-- <= 0) break;
      entries.delete(key);
    }
  };

  return {
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
    },
    query(rawName: string, type: RecordType): Promise<DnsAnswer> {
      const key = `${type} ${normalizeName(rawName)}`;
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        if (hit.expires > now()) {
          entries.set(key, hit); // most recently used goes last
          const remaining = Math.max(0, Math.floor((hit.expires - now()) / 1000));
          return Promise.resolve({ ...hit.answer, ttl: remaining, ms: 0, transport: 'cache' });
        }
      }
      const running = inflight.get(key);
      if (running) return running;
      const p = inner.query(rawName, type).then(
        (answer) => {
          inflight.delete(key);
          const cacheable = answer.outcome === 'ok' || answer.outcome === 'nxdomain' || answer.outcome === 'nodata';
          const ttl = Math.min(answer.ttl, maxTtl);
          if (cacheable && ttl > 0) {
            entries.set(key, { answer, expires: now() + ttl * 1000 });
            if (entries.size > maxEntries) evictOldest();
          }
          return answer;
        },
        (err: unknown) => {
          inflight.delete(key);
          throw err;
        },
      );
      inflight.set(key, p);
      return p;
    },
  };
}
