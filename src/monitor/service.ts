/**
 * Monitoring as the CLI and the server use it: a round wired to its parts
 * (target expansion, signed webhooks), and the watched targets managed with
 * their input checked. Runtime-neutral: the caller passes the resolvers.
 */
import type { DirectQuery, Resolver } from '../dns/types.js';
import { runRound, type RoundDeps, type RoundResult } from './round.js';
import { expandTarget, parseMonitorTarget } from './targets/index.js';
import { deliverWebhook } from './alerts/index.js';
import type { Monitor, MonitorStore } from './store.js';
import { base64url } from '../dns/base64url.js';

export interface RoundParts {
  store: MonitorStore;
  resolver: Resolver;
  /** Uncached: a confirmation must not see the first look's answers again. */
  confirmResolver: Resolver;
  direct?: DirectQuery | undefined;
  dnsbl: readonly string[];
  webhooks: readonly string[];
  secret?: string | undefined;
  /** One message per round with every transition (e-mail through a relay). */
  digests?: RoundDeps['digests'];
  confirmAfterMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** One round over every target (or `only` these). */
export function runMonitorRound(p: RoundParts, only?: readonly string[]): Promise<RoundResult> {
  return runRound({
    store: p.store, resolver: p.resolver, confirmResolver: p.confirmResolver, ...(p.direct ? { direct: p.direct } : {}), dnsbl: p.dnsbl,
    expand: (m) => expandTarget(parseMonitorTarget(m.target), p.resolver, { maxAddresses: 65_536 }),
    deliver: (url, event) => deliverWebhook(url, event, { ...(p.secret !== undefined ? { secret: p.secret } : {}), retries: 2 }),
    webhooks: p.webhooks, confirmAfterMs: p.confirmAfterMs, ...(p.digests ? { digests: p.digests } : {}),
    now: p.now ?? Date.now, sleep: p.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    ...(only ? { only } : {}),
  });
}

/** Adds a target (checked: parseMonitorTarget throws InputError); an existing one comes back as it is. */
export async function addMonitor(store: MonitorStore, text: string, label: string | undefined, now: number): Promise<{ monitor: Monitor; created: boolean }> {
  const spec = parseMonitorTarget(text);
  const existing = await store.findMonitor(spec.target);
  if (existing) return { monitor: existing, created: false };
  const monitor: Monitor = { id: newMonitorId(), target: spec.target, kind: spec.kind, createdAt: now, ...(label ? { label } : {}) };
  await store.addMonitor(monitor);
  return { monitor, created: true };
}

/** 72 random bits, URL-safe: short enough to type, never guessed. */
export function newMonitorId(): string {
  return `m_${base64url(crypto.getRandomValues(new Uint8Array(9)))}`;
}

export function isMonitorId(text: string): boolean {
  return /^m_[A-Za-z0-9_-]{12}$/.test(text);
}
