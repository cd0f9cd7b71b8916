/**
 * Rounds on a schedule (serve --monitor): the first soon after start (so
 * rounds resume after a restart), then every `intervalMs` plus a random
 * jitter, never two at once. stop() stops scheduling and resolves when the
 * round under way (if any) has finished. Timers and randomness are passed
 * in, so tests need no clock.
 */
export interface ScheduleOptions {
  intervalMs: number;
  /** Up to this much is added to each wait, at random (default a tenth of the interval, at most 5 minutes). */
  jitterMs?: number;
  /** The wait before the first round (default 10 s). */
  firstMs?: number;
  round(): Promise<unknown>;
  onError?(e: unknown): void;
  setTimer?: (fn: () => void, ms: number) => { cancel(): void };
  random?: () => number;
}

export interface Schedule {
  stop(): Promise<void>;
  /** Rounds finished so far. */
  readonly rounds: number;
}

export function startSchedule(o: ScheduleOptions): Schedule {
  const setTimer = o.setTimer ?? ((fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return { cancel: () => clearTimeout(t) };
  });
  const random = o.random ?? Math.random;
  const jitter = o.jitterMs ?? Math.min(o.intervalMs / 10, 300_000);
  let stopped = false;
  let rounds = 0;
  let running: Promise<void> | undefined;
  let timer: { cancel(): void } | undefined;
  const next = (ms: number): void => {
    if (stopped) return;
    timer = setTimer(() => {
      timer = undefined;
      running = o.round().then(
        () => void rounds++,
        (e: unknown) => void (rounds++, o.onError?.(e)),
      ).finally(() => {
        running = undefined;
        next(o.intervalMs + Math.floor(random() * jitter));
      });
    }, ms);
  };
  next(o.firstMs ?? 10_000);
  return {
    get rounds() {
      return rounds;
    },
    async stop() {
      stopped = true;
      timer?.cancel();
      await running;
    },
  };
}
