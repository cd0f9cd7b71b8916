/**
 * A resolver decorator for bulk runs that is polite to its resolver: queries
 * leave no faster than the adaptive limit (aimd.ts) and the optional hard cap
 * (--qps), spaced evenly (GCRA, one timer for all waiters). An answer lost to
 * rate limiting (REFUSED, SERVFAIL, a timeout) is asked again, later and
 * slower, a few times; what still fails after that is returned as it is, so
 * the rules say `error` for it, never `fail`. The counts say how many answers
 * were rate-limited, so a report can tell a slow resolver from bad DNS.
 */
import { Aimd, type AimdOptions, type PaceSignal } from './aimd.js';
import type { DnsAnswer, DnsOutcome, RecordType, Resolver } from './types.js';

export interface PacingOptions extends AimdOptions {
  /** Further attempts for an answer lost to rate limiting (default 3). */
  retries?: number;
  /** Wait before attempt n (1, 2, …) is n × this, ms, on top of the pacing (default 200). */
  backoffMs?: number;
  /** ms clock (default performance.now). */
  now?: () => number;
}

export interface PacingStats {
  /** Questions asked of the resolver, retries included. */
  queries: number;
  /** Answers that came back REFUSED, SERVFAIL or timed out and were asked again. */
  limited: number;
  /** Of the questions asked again, those answered in the end. */
  recovered: number;
  /** Questions still failing after every retry: their addresses are `error`, not `fail`. */
  unrecovered: number;
  /** The limit now, queries per second (Infinity: none was needed). */
  limit: number;
  decreases: number;
}

export interface PacedResolver extends Resolver {
  stats(): PacingStats;
}

/** What a rate-limiting resolver answers with: REFUSED (RRL, policy), SERVFAIL (unbound's ratelimit) or nothing. */
const LIMITED: ReadonlySet<DnsOutcome> = new Set(['refused', 'servfail', 'timeout']);

/**
 * REFUSED and silence are how resolvers rate-limit. A SERVFAIL is also what a
 * lame reverse zone gets, every time: it counts only once asking again has
 * answered it (then it was the resolver, not the zone).
 */
function signal(outcome: DnsOutcome, first: DnsOutcome | undefined): PaceSignal {
  if (outcome === 'refused' || outcome === 'timeout') return 'limited';
  return first === 'servfail' && outcome !== 'servfail' ? 'limited' : 'clean';
}

/** A resolver with no clean answer for this long is not rate-limiting a busy client: it is down, or refuses us. */
const ALIVE_MS = 10_000;

/** Queries a limit may send at once before spacing starts: a few ms worth. */
const BURST_MS = 10;

export function withPacing(inner: Resolver, options: PacingOptions = {}): PacedResolver {
  const now = options.now ?? (() => performance.now());
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 200;
  const aimd = new Aimd(now(), options);
  const stats = { queries: 0, limited: 0, recovered: 0, unrecovered: 0 };
  /** When the resolver last answered cleanly: one that has not for a while is down or refuses us outright, not rate-limiting. */
  let lastClean = -Infinity;

  // GCRA: `tat` is when the next query is due if queries left exactly at the limit.
  let tat = 0;
  const waiting: (() => void)[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** ms until a query may leave now (0: at once), booking its slot when it may. */
  function slot(t: number): number {
    const limit = aimd.limit;
    if (!Number.isFinite(limit)) return 0;
    const interval = 1000 / limit;
    const due = Math.max(tat, t);
    if (due - t > BURST_MS) return due - t - BURST_MS;
    tat = due + interval;
    return 0;
  }

  function release(): void {
    timer = undefined;
    while (waiting.length > 0) {
      const wait = slot(now());
      if (wait > 0) {
        timer = setTimeout(release, Math.max(1, wait));
        return;
      }
      aimd.sending(true);
      waiting.shift()!();
    }
  }

  function turn(): Promise<void> | undefined {
    if (waiting.length === 0 && (!Number.isFinite(aimd.limit) || slot(now()) === 0)) {
      aimd.sending(false);
      return undefined;
    }
    return new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (!timer) release();
    });
  }

  /** One attempt; a clean answer is returned as it is, a limited one asked again (no async frame on the common path). */
  function attempt(name: string, type: RecordType, n: number, first: DnsOutcome | undefined): Promise<DnsAnswer> {
    const gate = turn();
    if (gate) return gate.then(() => send(name, type, n, first));
    return send(name, type, n, first);
  }

  function send(name: string, type: RecordType, n: number, first: DnsOutcome | undefined): Promise<DnsAnswer> {
    stats.queries++;
    return inner.query(name, type).then((answer) => {
      const limited = LIMITED.has(answer.outcome);
      const t = now();
      aimd.answered(signal(answer.outcome, first), t);
      if (!limited) {
        lastClean = t;
        if (n > 0) stats.recovered++;
        return answer;
      }
      if (n === 0) stats.limited++;
      // Asking a dead or refusing resolver again would only multiply the wait: retries are for one that answers others.
      if (n >= retries || t - lastClean > ALIVE_MS) {
        stats.unrecovered++;
        return answer;
      }
      return new Promise<void>((r) => setTimeout(r, backoffMs * (n + 1))).then(() => attempt(name, type, n + 1, first ?? answer.outcome));
    });
  }

  return {
    query: (name, type) => attempt(name, type, 0, undefined),
    stats: () => ({ ...stats, limit: aimd.limit, decreases: aimd.decreases }),
  };
}
