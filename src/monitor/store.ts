/**
 * What monitoring keeps: the watched targets, the last confirmed state of
 * each address they cover, and a history of everything that happened (each
 * look, baseline, confirmation, transition, temporary failure and delivery).
 * One interface; SQLite on Node (store/monitor-sqlite.ts).
 */
export type MonitorKind = 'ip' | 'cidr' | 'domain';

export interface Monitor {
  id: string;
  target: string;
  kind: MonitorKind;
  label?: string;
  createdAt: number;
}

/** The state of an address: its verdict and the set of rules that fail (sorted ids). */
export interface AddressState {
  verdict: 'pass' | 'warn' | 'fail';
  failing: string[];
}

export type MonitorEventKind = 'baseline' | 'look' | 'changed' | 'unconfirmed' | 'transition' | 'temporary' | 'delivery' | 'note';

export interface MonitorEvent {
  monitorId: string;
  ip?: string;
  at: number;
  kind: MonitorEventKind;
  data: Record<string, unknown>;
}

export interface MonitorStore {
  addMonitor(m: Monitor): Promise<void>;
  monitors(): Promise<Monitor[]>;
  /** Only the ids, in the same order: what the Workers cron sends to the queue (one column of up to 100,000 rows). */
  monitorIds(): Promise<string[]>;
  /** By id or by target (as written canonically). */
  findMonitor(idOrTarget: string): Promise<Monitor | undefined>;
  removeMonitor(id: string): Promise<boolean>;
  states(monitorId: string): Promise<Map<string, AddressState>>;
  setState(monitorId: string, ip: string, state: AddressState, at: number): Promise<void>;
  /** Many states in one transaction (a round's baselines). */
  setStates(monitorId: string, rows: readonly { ip: string; state: AddressState; at: number }[]): Promise<void>;
  record(events: MonitorEvent[]): Promise<void>;
  /** Events of one kind (all kinds when absent), oldest first, at most `limit`. */
  history(monitorId: string, kind?: MonitorEventKind, limit?: number): Promise<MonitorEvent[]>;
  /** Deliveries to try again at the next round. */
  outbox(): Promise<{ seq: number; url: string; body: string; createdAt: number }[]>;
  queue(url: string, body: string, at: number): Promise<void>;
  dequeue(seq: number): Promise<void>;
}

/** Two states are the same when the verdict and the failing rules are. */
export function sameState(a: AddressState, b: AddressState): boolean {
  return a.verdict === b.verdict && a.failing.length === b.failing.length && a.failing.every((r, i) => r === b.failing[i]);
}
