/**
 * What the /metrics gauges show per watched target: its confirmed states
 * summed up, and when a round last looked at it with a result (a temporary
 * failure does not count). Rounds report their looks here; a removed
 * target's entry goes with it, so this stays bounded by the targets.
 */
import type { AddressState, MonitorStore } from './store.js';
import type { MonitorGauge } from '../core/observer.js';

/** A target's gauge from its confirmed states: the worst verdict, the failing rules counted, the addresses. */
export function gaugeOf(id: string, states: ReadonlyMap<string, AddressState>, lastLook?: number): MonitorGauge {
  const order = ['pass', 'warn', 'fail'] as const;
  let worst = -1;
  let failing = 0;
  for (const s of states.values()) {
    worst = Math.max(worst, order.indexOf(s.verdict));
    failing += s.failing.length;
  }
  return { id, verdict: worst < 0 ? 'none' : order[worst]!, failing, addresses: states.size, ...(lastLook !== undefined ? { lastLook } : {}) };
}

export interface MonitorGauges {
  /** A round's last looks that gave a result, by monitor id. */
  looked(lastLook: ReadonlyMap<string, number>): void;
  /** Every target's gauge now, from the store. */
  snapshot(): Promise<MonitorGauge[]>;
}

export function monitorGauges(store: MonitorStore): MonitorGauges {
  const lastLooks = new Map<string, number>();
  return {
    looked(lastLook) {
      for (const [id, at] of lastLook) lastLooks.set(id, at);
    },
    async snapshot() {
      const watched = await store.monitors();
      const ids = new Set(watched.map((m) => m.id));
      for (const id of lastLooks.keys()) if (!ids.has(id)) lastLooks.delete(id);
      return Promise.all(watched.map(async (m) => gaugeOf(m.id, await store.states(m.id), lastLooks.get(m.id))));
    },
  };
}
