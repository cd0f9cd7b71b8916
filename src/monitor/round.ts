/**
 * One monitoring round: every watched target's addresses (re-expanded each
 * round), looked at; a first look is the baseline; a state that differs
 * from the last confirmed one is asked again after `confirmAfterMs`, with
 * the reverse zone's own servers, and counts only when that look shows the
 * same new state and the zone's servers publish it. A look whose lookups
 * failed temporarily changes nothing (the confirmed state stands, and the
 * round says so). Each confirmed transition is one alert per channel.
 */
import type { DirectQuery, Resolver } from '../dns/types.js';
import { confirm, look, type Look } from './look.js';
import { sameState, type AddressState, type Monitor, type MonitorEvent, type MonitorStore } from './store.js';
import type { DeliveryAttempt, TransitionEvent } from './alerts/types.js';

export interface Expansion {
  addresses: string[];
  notes: string[];
  /** Lookups that failed temporarily: the addresses last known stand in for what could not be expanded. */
  temporary: string[];
}

export interface RoundDeps {
  store: MonitorStore;
  resolver: Resolver;
  /** Uncached: a confirmation must not see the first look's answers again. */
  confirmResolver: Resolver;
  /** The zones' own servers (Node); absent on a Worker: a confirmation is then a second, uncached look. */
  direct?: DirectQuery | undefined;
  dnsbl: readonly string[];
  expand(m: Monitor): Promise<Expansion>;
  /** Sends one transition to one webhook, retrying within the call; every attempt comes back. */
  deliver(url: string, event: TransitionEvent): Promise<{ ok: boolean; attempts: DeliveryAttempt[] }>;
  webhooks: readonly string[];
  /** Channels that take a round's transitions as one message (e-mail): each returns its attempts. */
  digests?: readonly ((events: TransitionEvent[]) => Promise<{ ok: boolean; attempts: DeliveryAttempt[] }>)[];
  confirmAfterMs: number;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Addresses looked at at once (default 32). */
  concurrency?: number;
  /** Only these monitors (a new target's first look); default: all. */
  only?: readonly string[];
}

export interface RoundResult {
  monitors: number;
  addresses: number;
  baselines: number;
  temporary: number;
  changed: number;
  unconfirmed: number;
  transitions: TransitionEvent[];
  delivered: number;
  failedDeliveries: number;
  notes: string[];
  /** Per monitor id, when its last look this round decided a state (none when every look failed temporarily). */
  lastLook: Map<string, number>;
}

/** Addresses looked at, and their events written, a chunk at a time. */
const CHUNK = 1024;

/** Addresses one round looks at, at most: a round is bounded whatever the targets expand to. */
export const MAX_ROUND_ADDRESSES = 1_000_000;

/** The named monitors only, each read by its id: a Workers queue batch of ten must not read all 100,000. */
async function chosen(store: RoundDeps['store'], ids: readonly string[]): Promise<Monitor[]> {
  const found: Monitor[] = [];
  for (const id of new Set(ids)) {
    const m = await store.findMonitor(id);
    if (m && m.id === id) found.push(m);
  }
  return found;
}

/** One monitor's part of a round: its confirmed states, the looks not yet written, and its writes in order. */
interface Pass {
  m: Monitor;
  confirmed: Map<string, AddressState>;
  events: MonitorEvent[];
  done: { ip: string; l: Look }[];
  writing: Promise<void>;
  /** Looks not yet done. */
  left: number;
}

type Pending = { m: Monitor; ip: string; from: AddressState; seen: AddressState; at: number };

export async function runRound(d: RoundDeps): Promise<RoundResult> {
  const result: RoundResult = { monitors: 0, addresses: 0, baselines: 0, temporary: 0, changed: 0, unconfirmed: 0, transitions: [], delivered: 0, failedDeliveries: 0, notes: [], lastLook: new Map() };
  await retryOutbox(d, result);
  const monitors = d.only ? await chosen(d.store, d.only) : await d.store.monitors();
  const pending: Pending[] = [];
  let handed = 0;
  // Addresses come from one monitor after another, lazily: the next monitor is expanded (and its states read)
  // once the last one's addresses are all handed out. So the looks keep flowing across chunks and monitors:
  // draining them left a few questions in flight on the pipelined TCP connections, and a server with Nagle on
  // (nsd) then holds each answer for the client's delayed ACK (~40 ms a drain). At most two monitors' states
  // are held at once, and each monitor's looks are written and let go a chunk at a time.
  async function* addresses(): AsyncGenerator<{ pass: Pass; ip: string }> {
    for (const m of monitors) {
      result.monitors++;
      const confirmed = await d.store.states(m.id);
      const x = await d.expand(m);
      const events: MonitorEvent[] = [];
      for (const n of x.notes) events.push({ monitorId: m.id, at: d.now(), kind: 'note', data: { note: n } });
      // What could not be expanded is not "gone": the addresses already watched are looked at again.
      const all = x.temporary.length > 0 ? [...new Set([...x.addresses, ...confirmed.keys()])] : x.addresses;
      if (x.temporary.length > 0) {
        events.push({ monitorId: m.id, at: d.now(), kind: 'temporary', data: { expansion: x.temporary } });
        result.notes.push(`${m.target}: could not expand (${x.temporary.join(', ')}); the addresses already watched were looked at`);
      }
      const room = MAX_ROUND_ADDRESSES - handed;
      if (all.length > room) result.notes.push(`${m.target}: ${all.length - room} address(es) past the round's limit were not looked at`);
      const todo = all.slice(0, Math.max(0, room));
      handed += todo.length;
      const pass: Pass = { m, confirmed, events, done: [], writing: Promise.resolve(), left: todo.length };
      if (todo.length === 0) await write(d, pass, result, pending);
      for (const ip of todo) yield { pass, ip };
    }
  }
  const source = addresses();
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed) {
      const next = await source.next();
      if (next.done) return;
      const { pass, ip } = next.value;
      const l = await look(ip, d);
      pass.done.push({ ip, l });
      pass.left--;
      if (pass.done.length >= CHUNK || pass.left === 0) await write(d, pass, result, pending);
    }
  };
  await Promise.all(Array.from({ length: d.concurrency ?? 32 }, () => worker().catch((e: unknown) => {
    failed = true; // the others take no more addresses
    throw e;
  })));
  if (pending.length > 0) await confirmChanges(d, pending, result);
  await deliverAll(d, result);
  return result;
}

/** Writes a pass's looks so far (its states, its events) after its earlier writes; the looks are let go. */
function write(d: RoundDeps, pass: Pass, result: RoundResult, pending: Pending[]): Promise<void> {
  const { m, confirmed, events } = pass;
  const baselines: { ip: string; state: AddressState; at: number }[] = [];
  for (const { ip, l } of pass.done.splice(0)) {
    result.addresses++;
    const at = d.now();
    const before = confirmed.get(ip);
    if (l.state) result.lastLook.set(m.id, at);
    if (!l.state) {
      result.temporary++;
      events.push({ monitorId: m.id, ip, at, kind: 'temporary', data: { undecided: l.undecided, stands: before ?? null } });
    } else if (!before) {
      result.baselines++;
      baselines.push({ ip, state: l.state, at });
      events.push({ monitorId: m.id, ip, at, kind: 'baseline', data: { ...l.state, score: l.score } });
    } else if (sameState(before, l.state)) {
      events.push({ monitorId: m.id, ip, at, kind: 'look', data: { verdict: l.state.verdict, score: l.score } });
    } else {
      result.changed++;
      events.push({ monitorId: m.id, ip, at, kind: 'changed', data: { from: before, to: l.state, score: l.score } });
      pending.push({ m, ip, from: before, seen: l.state, at });
    }
  }
  const written = events.splice(0);
  if (baselines.length === 0 && written.length === 0) return pass.writing;
  // One write at a time per monitor, in order: a chunk's states and events land before the next chunk's.
  pass.writing = pass.writing.then(async () => {
    if (baselines.length > 0) await d.store.setStates(m.id, baselines);
    await d.store.record(written);
  });
  return pass.writing;
}

/** Ask each changed address again, once `confirmAfterMs` has passed since it was seen, with the zone's own servers. */
async function confirmChanges(d: RoundDeps, pending: { m: Monitor; ip: string; from: AddressState; seen: AddressState; at: number }[], result: RoundResult): Promise<void> {
  const wait = pending[0]!.at + d.confirmAfterMs - d.now();
  if (wait > 0) await d.sleep(wait);
  const checks: Look[] = await mapLimit(pending, d.concurrency ?? 32, (p) => confirm(p.ip, { resolver: d.confirmResolver, direct: d.direct, dnsbl: d.dnsbl }));
  const events: MonitorEvent[] = [];
  for (const [i, c] of checks.entries()) {
    const p = pending[i]!;
    const at = d.now();
    const why = !c.state ? `a lookup failed (${c.undecided.join(', ')})` : !sameState(c.state, p.seen) ? 'the second look differs' : c.atSource ? `the zone's own servers publish otherwise (${c.atSource})` : undefined;
    if (why) {
      result.unconfirmed++;
      events.push({ monitorId: p.m.id, ip: p.ip, at, kind: 'unconfirmed', data: { seen: p.seen, second: c.state ?? null, why, stands: p.from } });
      continue;
    }
    await d.store.setState(p.m.id, p.ip, c.state!, at);
    const event: TransitionEvent = {
      event: 'monitor.transition',
      monitor: { id: p.m.id, target: p.m.target, ...(p.m.label ? { label: p.m.label } : {}) },
      ip: p.ip,
      from: { verdict: p.from.verdict, failing: p.from.failing },
      to: { verdict: c.state!.verdict, failing: c.state!.failing },
      at: new Date(at).toISOString(),
    };
    result.transitions.push(event);
    events.push({ monitorId: p.m.id, ip: p.ip, at, kind: 'transition', data: { from: event.from, to: event.to, score: c.score } });
  }
  await d.store.record(events);
}

/** Every transition to every webhook; what fails after its retries waits in the outbox for the next round. */
async function deliverAll(d: RoundDeps, result: RoundResult): Promise<void> {
  // Several changes in one round: one message per digest channel.
  if (result.transitions.length > 0) {
    for (const send of d.digests ?? []) {
      const r = await send(result.transitions);
      for (const t of result.transitions) await recordAttempts(d, t.monitor.id, t.ip, r.attempts);
      if (r.ok) result.delivered++;
      else result.failedDeliveries++;
    }
  }
  for (const t of result.transitions) {
    for (const url of d.webhooks) {
      const r = await d.deliver(url, t);
      await recordAttempts(d, t.monitor.id, t.ip, r.attempts);
      if (r.ok) result.delivered++;
      else {
        result.failedDeliveries++;
        await d.store.queue(url, JSON.stringify(t), d.now());
      }
    }
  }
}

async function retryOutbox(d: RoundDeps, result: RoundResult): Promise<void> {
  for (const q of await d.store.outbox()) {
    // A webhook no longer configured is dropped, said so.
    if (!d.webhooks.includes(q.url)) {
      await d.store.dequeue(q.seq);
      result.notes.push(`a delivery kept for ${q.url} was dropped: that webhook is no longer given`);
      continue;
    }
    const t = JSON.parse(q.body) as TransitionEvent;
    const r = await d.deliver(q.url, t);
    await recordAttempts(d, t.monitor.id, t.ip, r.attempts);
    if (r.ok) {
      await d.store.dequeue(q.seq);
      result.delivered++;
    }
  }
}

async function recordAttempts(d: RoundDeps, monitorId: string, ip: string, attempts: DeliveryAttempt[]): Promise<void> {
  await d.store.record(attempts.map((a) => ({ monitorId, ip, at: d.now(), kind: 'delivery' as const, data: { ...a } })));
}

/** `work` over `items`, at most `limit` at once, results in order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
