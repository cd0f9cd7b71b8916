/** Orders of statuses, one place: how bad a result is, and the order a reader should see them in. */
import type { Status } from './types.js';

/** Higher is worse: the rank by which the worst of several findings is chosen. */
export const SEVERITY: Record<Status, number> = { pass: 0, info: 0, skip: 0, warn: 1, error: 2, fail: 3 };

/** Display order: failures first, skipped last. */
export const DISPLAY_ORDER: Record<Status, number> = { fail: 0, error: 1, warn: 2, info: 3, pass: 4, skip: 5 };

/** The worst of several outcomes (the first of equals). */
export function worst<T extends { status: Status }>(items: readonly T[]): T {
  return items.reduce((a, b) => (SEVERITY[b.status] > SEVERITY[a.status] ? b : a));
}
