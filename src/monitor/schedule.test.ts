import { describe, expect, it } from 'vitest';
import { startSchedule } from './schedule.js';

/** A timer the test fires by hand: no clock, no waiting on the machine's speed. */
function manualTimers() {
  const pending: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    pending,
    setTimer: (fn: () => void, ms: number) => {
      const t = { fn, ms, cancelled: false };
      pending.push(t);
      return { cancel: () => void (t.cancelled = true) };
    },
    fire: () => pending.filter((t) => !t.cancelled).shift()!.fn(),
  };
}

describe('the monitor schedule', () => {
  it('first round after firstMs, then interval plus jitter, never two at once', async () => {
    const timers = manualTimers();
    let release: () => void = () => undefined;
    let started = 0;
    const s = startSchedule({ intervalMs: 60_000, jitterMs: 1000, firstMs: 5, random: () => 0.5, setTimer: timers.setTimer, round: () => (started++, new Promise<void>((r) => (release = r))) });
    expect(timers.pending.map((t) => t.ms)).toEqual([5]);
    timers.pending[0]!.fn();
    expect(started).toBe(1);
    // While a round runs, nothing else is scheduled.
    expect(timers.pending).toHaveLength(1);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(s.rounds).toBe(1);
    expect(timers.pending.map((t) => t.ms)).toEqual([5, 60_500]);
    await s.stop();
    expect(timers.pending[1]!.cancelled).toBe(true);
  });

  it('stop() waits for the round under way, then schedules nothing', async () => {
    const timers = manualTimers();
    let release: () => void = () => undefined;
    const s = startSchedule({ intervalMs: 1000, firstMs: 0, setTimer: timers.setTimer, round: () => new Promise<void>((r) => (release = r)) });
    timers.pending[0]!.fn();
    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 0));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(timers.pending).toHaveLength(1);
  });

  it('a round that throws is counted, reported, and the schedule goes on', async () => {
    const timers = manualTimers();
    const errors: unknown[] = [];
    const s = startSchedule({ intervalMs: 1000, jitterMs: 0, firstMs: 0, setTimer: timers.setTimer, onError: (e) => errors.push(e), round: async () => Promise.reject(new Error('resolver down')) });
    timers.pending[0]!.fn();
    await new Promise((r) => setTimeout(r, 0));
    expect(errors.map((e) => (e as Error).message)).toEqual(['resolver down']);
    expect(timers.pending.map((t) => t.ms)).toEqual([0, 1000]);
    await s.stop();
  });
});
