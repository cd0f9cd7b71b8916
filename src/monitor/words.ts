/** Monitoring's states and transitions in words, for the terminal and the pages. Pure. */
import type { AddressState, MonitorEvent } from './store.js';

/** "3 addresses: 2 pass, 1 fail (ptr-present)" or "no address looked at yet". */
export function stateWords(states: ReadonlyMap<string, AddressState>): string {
  if (states.size === 0) return 'no address judged yet';
  const counts = new Map<string, number>();
  const failing = new Set<string>();
  for (const s of states.values()) {
    counts.set(s.verdict, (counts.get(s.verdict) ?? 0) + 1);
    for (const r of s.failing) failing.add(r);
  }
  const parts = (['pass', 'warn', 'fail'] as const).filter((v) => counts.has(v)).map((v) => `${counts.get(v)} ${v}`);
  return `${states.size} address(es): ${parts.join(', ')}${failing.size ? ` (failing: ${[...failing].sort().join(', ')})` : ''}`;
}

/** "2026-12-07T02:00:00.000Z 192.0.2.5 pass → fail (ptr-present, fcrdns)". */
export function transitionLine(e: MonitorEvent): string {
  const from = e.data.from as AddressState | null | undefined;
  const to = e.data.to as AddressState;
  const side = (s: AddressState) => `${s.verdict}${s.failing.length ? ` (${s.failing.join(', ')})` : ''}`;
  return `${new Date(e.at).toISOString()} ${e.ip ?? ''} ${from ? side(from) : 'first look'} → ${side(to)}`;
}
