/**
 * How fast a bulk run may ask its resolver: additive increase while answers
 * come back clean, multiplicative decrease on a burst of refusals, SERVFAILs
 * or timeouts (TCP's congestion control, on queries per second). Pure: the
 * clock is passed in, so the tables in aimd.test.ts drive it exactly.
 *
 * It starts with no limit (a resolver that copes is never slowed down) and
 * sets one at the first burst. A burst is judged per epoch against the
 * failure share seen in calm epochs, so a batch whose addresses have lame
 * reverse zones (a steady few per cent SERVFAIL) is not throttled for them.
 */

/** Outcome classes the controller tells apart. */
export type PaceSignal = 'clean' | 'limited';

export interface AimdOptions {
  /** Length of one judging epoch, ms. */
  epochMs?: number;
  /** Multiplicative decrease: the new limit is this share of the rate that got refused. */
  decrease?: number;
  /** Additive increase per calm epoch in which the limit held queries back, as a share of the limit set at the last burst. */
  increaseShare?: number;
  /** Never below this many queries per second. */
  floorQps?: number;
  /** A hard cap (--qps): the limit never goes above it. */
  capQps?: number;
}

export interface AimdState {
  /** Queries per second allowed now (Infinity: no limit yet). */
  limit: number;
  /** Times the limit was lowered. */
  decreases: number;
}

const DEFAULTS = { epochMs: 250, decrease: 0.7, increaseShare: 0.03, floorQps: 5 };
/** Epochs (of 250 ms) whose send rate a burst is judged against: a TCP timeout's length. */
const RECENT_EPOCHS = 8;
/** Failures fewer than this in an epoch are never a burst (one lame zone is not congestion). */
const MIN_BURST = 3;
/** A burst is a failure share at least this, and at least twice the calm share. */
const MIN_SHARE = 0.05;

export class Aimd implements AimdState {
  limit: number;
  decreases = 0;
  private readonly o: Required<Omit<AimdOptions, 'capQps'>> & { capQps: number };
  private epochStart: number;
  private sent = 0;
  private answers = 0;
  private failures = 0;
  private held = false;
  /** Failure share of calm epochs (EWMA): the background of SERVFAILs a batch has anyway. */
  private calmShare = 0;
  private step = 0;
  /** Send rates of the last epochs: a timeout reports an overload one timeout later, when the rate may have moved. */
  private readonly recentRates: number[] = [];

  constructor(now: number, options: AimdOptions = {}) {
    this.o = { ...DEFAULTS, ...options, capQps: options.capQps ?? Infinity };
    this.limit = this.o.capQps;
    this.epochStart = now;
  }

  /** A query is about to leave; `waited` says the limit held it back. */
  sending(waited: boolean): void {
    this.sent++;
    if (waited) this.held = true;
  }

  /** An answer came back; ends the epoch when its time is up. */
  answered(signal: PaceSignal, now: number): void {
    this.answers++;
    if (signal === 'limited') this.failures++;
    const elapsed = now - this.epochStart;
    if (elapsed >= this.o.epochMs) this.endEpoch(elapsed, now);
  }

  private endEpoch(elapsedMs: number, now: number): void {
    const share = this.answers > 0 ? this.failures / this.answers : 0;
    const burst = this.failures >= MIN_BURST && share >= Math.max(MIN_SHARE, 2 * this.calmShare);
    const sentRate = (this.sent * 1000) / elapsedMs;
    this.recentRates.push(sentRate);
    if (this.recentRates.length > RECENT_EPOCHS) this.recentRates.shift();
    if (burst) {
      // The rate that was refused is what was sent (not the limit, which may have been far above
      // it), at its highest over the last two seconds: silence is only noticed at the timeout.
      const next = Math.max(this.o.floorQps, this.o.decrease * Math.min(this.limit, Math.max(...this.recentRates)));
      this.step = Math.max(1, next * this.o.increaseShare);
      this.limit = Math.min(this.o.capQps, next);
      this.decreases++;
    } else {
      this.calmShare = this.calmShare * 0.9 + share * 0.1;
      // Only a limit that actually held queries back is raised: an idle one would climb without evidence.
      if (this.held && Number.isFinite(this.limit) && this.step > 0) this.limit = Math.min(this.o.capQps, this.limit + this.step);
    }
    this.epochStart = now;
    this.sent = 0;
    this.answers = 0;
    this.failures = 0;
    this.held = false;
  }
}
