/**
 * The ceiling on expensive work across all clients: audits, watch looks,
 * bounce checks and batch entries each hold a slot for as long as their work
 * runs (past a 504 too: the DNS questions it sent are still out). When every
 * slot stays taken for the whole wait, the request gets 503 with Retry-After;
 * per-client rate limits cannot do this alone (clients are many).
 */
import { createSlots, type Slots } from '../dns/slots.js';
import { ServerBusy } from './errors.js';

export interface Admission {
  /** Runs `work` in a slot, or throws ServerBusy. */
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly slots: Slots;
}

export function admission(maxInFlight: number, waitMs: number): Admission {
  // A line longer than a few rounds of slots would only turn into 503s later.
  const slots = createSlots(maxInFlight, 4 * maxInFlight);
  const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
  return {
    slots,
    async run(work) {
      if (!(await slots.take(waitMs))) {
        throw new ServerBusy(retryAfter, `the server is at its limit of ${maxInFlight} audits at once; try again in ${retryAfter} s`);
      }
      const p = work();
      // Released when the work ends, whatever the caller stopped waiting for.
      p.then(() => slots.release(), () => slots.release());
      return p;
    },
  };
}
