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

/** An answer held until `expires`, or (no `answer` yet) the question in flight that will give it. */
interface Entry {
  answer?: DnsAnswer;
  expires: number;
  running?: Promise<DnsAnswer>;
}

export function withCache(inner: Resolver, options: CacheOptions = {}): CachingResolver {
  const maxEntries = options.maxEntries ?? 10_000;
  const maxTtl = options.maxTtl ?? 86_400;
  const now = options.now ?? Date.now;
  // One map for answers and questions in flight: a miss (nearly every question of a batch) costs
  // one insert, and its answer then takes the same slot.
  const entries = new Map<string, Entry>();
  // Evicting one entry at a time from the front of a Map walks past every hole earlier
  // deletions left there (a measurable share of a batch run); a sixteenth at a time does not.
  const evictTo = maxEntries - Math.floor(maxEntries / 16);
  const evictOldest = (): void => {
    let excess = entries.size - evictTo;
    for (const [key, e] of entries) {
      if (excess <= 0) break;
      if (e.running) continue; // a question in flight keeps its slot: later askers share it
      entries.delete(key);
      excess--;
    }
  };

  return {
    get size() {
      let n = 0;
      for (const e of entries.values()) if (e.answer) n++;
      return n;
    },
    clear() {
      for (const [key, e] of entries) if (!e.running) entries.delete(key);
    },
    query(rawName: string, type: RecordType): Promise<DnsAnswer> {
      const key = `${type} ${normalizeName(rawName)}`;
      const hit = entries.get(key);
      if (hit) {
        if (hit.running) return hit.running;
        const t = now();
        if (hit.expires > t) {
          entries.delete(key);
          entries.set(key, hit); // most recently used goes last
          const remaining = Math.max(0, Math.floor((hit.expires - t) / 1000));
          return Promise.resolve({ ...hit.answer!, ttl: remaining, ms: 0, transport: 'cache' });
        }
        entries.delete(key);
      }
      const entry: Entry = { expires: 0 };
      const running = inner.query(rawName, type).then(
        (answer) => {
          const cacheable = answer.outcome === 'ok' || answer.outcome === 'nxdomain' || answer.outcome === 'nodata';
          const ttl = Math.min(answer.ttl, maxTtl);
          if (entries.get(key) !== entry) return answer; // cleared meanwhile
          if (cacheable && ttl > 0) {
            entry.answer = answer;
            entry.expires = now() + ttl * 1000;
            entry.running = undefined;
          } else {
            entries.delete(key);
          }
          return answer;
        },
        (err: unknown) => {
          if (entries.get(key) === entry) entries.delete(key);
          throw err;
        },
      );
      entry.running = running;
      entries.set(key, entry);
      if (entries.size > maxEntries) evictOldest();
      return running;
    },
  };
}
