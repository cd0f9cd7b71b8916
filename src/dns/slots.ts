/**
 * A bounded number of things in flight (questions on one id space, direct
 * questions across a server, audits), with a bounded line of waiters, each
 * waiting a bounded time: when full, a caller learns so (false) instead of
 * waiting or looping without end.
 */
export interface Slots {
  /** A slot now, or false (no waiting). */
  tryTake(): boolean;
  /** A slot within `waitMs`, or false (the line is full, or the wait ran out). */
  take(waitMs: number): Promise<boolean>;
  /** Gives a taken slot back (to the longest waiter first). */
  release(): void;
  readonly inFlight: number;
  readonly waiting: number;
  readonly max: number;
}

interface Waiter {
  grant: (ok: boolean) => void;
  timer: ReturnType<typeof setTimeout>;
  done: boolean;
}

export function createSlots(max: number, maxWaiting: number = max): Slots {
  let inFlight = 0;
  // A queue with a head index: shift() is linear in the queue's length.
  let line: Waiter[] = [];
  let head = 0;
  let waiting = 0;
  return {
    get inFlight() {
      return inFlight;
    },
    get waiting() {
      return waiting;
    },
    max,
    tryTake() {
      if (inFlight >= max || waiting > 0) return false;
      inFlight++;
      return true;
    },
    take(waitMs) {
      if (this.tryTake()) return Promise.resolve(true);
      if (waiting >= maxWaiting || waitMs <= 0) return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        const w: Waiter = {
          done: false,
          grant: (ok) => {
            if (w.done) return;
            w.done = true;
            waiting--;
            clearTimeout(w.timer);
            resolve(ok);
          },
          timer: setTimeout(() => w.grant(false), waitMs),
        };
        waiting++;
        // Waiters that gave up stay in the line until passed over: sweep them when they pile up.
        if (line.length - head > 2 * maxWaiting + 1024) (line = line.slice(head).filter((x) => !x.done)), (head = 0);
        line.push(w);
      });
    },
    release() {
      while (head < line.length) {
        const w = line[head++]!;
        if (w.done) continue; // gave up waiting
        if (head > 1024 && head * 2 > line.length) (line = line.slice(head)), (head = 0);
        w.grant(true); // the slot passes straight to the waiter: inFlight stays
        return;
      }
      line = [];
      head = 0;
      if (inFlight > 0) inFlight--;
    },
  };
}
