/**
 * Prometheus metrics (prom-client) for a `serve` process: audits, rule
 * results, DNS, the SMTP sink, the audit queue, rate limiting, SQLite
 * writes and the process. Labels are bounded sets (never a HELO, an
 * address or a path beyond its route).
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Observer } from '../core/observer.js';

export interface Metrics {
  registry: Registry;
  observer: Observer;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'ptrcheck_' });
  const r = { registers: [registry] };
  const audits = new Counter({ name: 'ptrcheck_audits_total', help: 'Audits made, by mode and verdict', labelNames: ['mode', 'verdict', 'partial'], ...r });
  const rules = new Counter({ name: 'ptrcheck_rule_results_total', help: 'Rule results in audits, by rule and status', labelNames: ['rule', 'status'], ...r });
  const dns = new Counter({ name: 'ptrcheck_dns_queries_total', help: 'DNS questions, by type, outcome and transport', labelNames: ['type', 'outcome', 'transport'], ...r });
  const dnsSeconds = new Histogram({ name: 'ptrcheck_dns_query_seconds', help: 'DNS question latency', labelNames: ['transport'], buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], ...r });
  const sessions = new Counter({ name: 'ptrcheck_smtp_sessions_total', help: 'SMTP sessions, by event (connect, refused-draining, close)', labelNames: ['event'], ...r });
  const refusals = new Counter({ name: 'ptrcheck_smtp_refusals_total', help: 'SMTP recipients refused, by reason', labelNames: ['reason'], ...r });
  const messages = new Counter({ name: 'ptrcheck_smtp_messages_total', help: 'Messages received, by result (accepted, too-large, store-failed)', labelNames: ['result'], ...r });
  const messageBytes = new Histogram({ name: 'ptrcheck_smtp_message_bytes', help: 'Size of accepted messages', buckets: [1e3, 1e4, 1e5, 1e6, 5e6, 1e7, 2.5e7], ...r });
  const storeSeconds = new Histogram({ name: 'ptrcheck_store_write_seconds', help: 'SQLite commit time of accepted messages (fsync included)', buckets: [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1], ...r });
  // Labelled by target id only (no address, no target text): the series are bounded by the number of targets, and reset each round.
  const monitorVerdict = new Gauge({ name: 'ptrcheck_monitor_verdict', help: 'Each watched target\'s worst confirmed verdict: 0 pass, 1 warn, 2 fail, -1 not looked at yet', labelNames: ['monitor'], ...r });
  const monitorFailing = new Gauge({ name: 'ptrcheck_monitor_failing_rules', help: 'Confirmed failing rules over each watched target\'s addresses', labelNames: ['monitor'], ...r });
  const monitorAddresses = new Gauge({ name: 'ptrcheck_monitor_addresses', help: 'Addresses each watched target covers with a confirmed state', labelNames: ['monitor'], ...r });
  const monitorLastLook = new Gauge({ name: 'ptrcheck_monitor_last_look_timestamp_seconds', help: 'When each watched target was last looked at with a result (a look that failed temporarily does not count)', labelNames: ['monitor'], ...r });
  const monitorLastRound = new Gauge({ name: 'ptrcheck_monitor_last_round_timestamp_seconds', help: 'When the last monitoring round ended', ...r });
  const queueDepth = new Gauge({ name: 'ptrcheck_audit_queue_depth', help: 'Accepted messages waiting for their audit', ...r });
  const lag = new Histogram({ name: 'ptrcheck_audit_lag_seconds', help: 'Time from a message stored (end of DATA) to its report', buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60], ...r });
  const limited = new Counter({ name: 'ptrcheck_rate_limited_total', help: 'Requests refused by the per-client rate limit, by route', labelNames: ['route'], ...r });
  const requests = new Counter({ name: 'ptrcheck_http_requests_total', help: 'HTTP requests, by route and status', labelNames: ['route', 'status'], ...r });
  const requestSeconds = new Histogram({ name: 'ptrcheck_http_request_seconds', help: 'HTTP request latency, by route', labelNames: ['route'], buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], ...r });
  const observer: Observer = {
    // The matched route ('/r/:id'), never the path: every unknown path is one label, 'unmatched'.
    request: ({ route, status, ms }) => {
      requests.inc({ route, status: String(status) });
      requestSeconds.observe({ route }, ms / 1000);
    },
    audit: ({ mode, report }) => {
      audits.inc({ mode, verdict: report.verdict, partial: String(report.partial) });
      for (const x of report.results) rules.inc({ rule: x.rule, status: x.status });
    },
    rateLimited: ({ route }) => limited.inc({ route }),
    dns: (a) => {
      dns.inc({ type: a.type, outcome: a.outcome, transport: a.transport });
      if (a.transport !== 'cache') dnsSeconds.observe({ transport: a.transport }, a.ms / 1000);
    },
    smtpSession: ({ event }) => sessions.inc({ event }),
    smtpRefused: ({ reason }) => refusals.inc({ reason }),
    smtpMessage: (e) => {
      messages.inc({ result: e.result });
      if (e.result === 'accepted') {
        messageBytes.observe(e.bytes);
        storeSeconds.observe(e.storeMs / 1000);
      }
    },
    monitors: ({ at, targets }) => {
      for (const g of [monitorVerdict, monitorFailing, monitorAddresses, monitorLastLook]) g.reset();
      for (const t of targets) {
        monitorVerdict.set({ monitor: t.id }, t.verdict === 'none' ? -1 : ['pass', 'warn', 'fail'].indexOf(t.verdict));
        monitorFailing.set({ monitor: t.id }, t.failing);
        monitorAddresses.set({ monitor: t.id }, t.addresses);
        if (t.lastLook !== undefined) monitorLastLook.set({ monitor: t.id }, t.lastLook / 1000);
      }
      monitorLastRound.set(at / 1000);
    },
    auditQueue: ({ depth, lagSeconds }) => {
      queueDepth.set(depth);
      if (lagSeconds !== undefined) lag.observe(lagSeconds);
    },
  };
  return { registry, observer };
}
