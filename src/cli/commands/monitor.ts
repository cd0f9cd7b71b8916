/**
 * ptrcheck monitor add|list|remove|run|history: the watched targets in the
 * database `serve` uses, one round at a time (for cron), alerts by webhook.
 * Thin: the round is src/monitor/round.ts, the targets src/monitor/targets.
 */
import { parseArgs } from 'node:util';
import { openSqliteStore, type SqliteStore } from '../../store/sqlite.js';
import { InputError, shown } from '../../core/errors.js';
import { MONITOR_OPTIONS } from '../options.js';
import { UsageError } from '../usage.js';
import type { CliIo } from '../io.js';
import { dnsblZones, parseDuration, parseTimeout } from '../args.js';
import { makeAuditDns, makeResolver } from '../resolver.js';
import { readBounded } from '../read.js';
import { MAX_REPORT_BYTES, readDmarcReport } from '../../batch/dmarc-report.js';
import type { RoundResult } from '../../monitor/round.js';
import { parseMonitorTarget } from '../../monitor/targets/index.js';
import type { Monitor, MonitorStore } from '../../monitor/store.js';
import { addMonitor, runMonitorRound } from '../../monitor/service.js';
import { digestChannels, secretFrom, webhookUrl } from '../monitor-args.js';
import { emailAlerts } from '../alert-email.js';
import { stateWords, transitionLine } from '../../monitor/words.js';

type Values = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, options: MONITOR_OPTIONS });
}

const SUBCOMMANDS = ['add', 'list', 'remove', 'run', 'history'] as const;

export async function monitorCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || !(SUBCOMMANDS as readonly string[]).includes(sub)) throw new UsageError(`monitor needs one of ${SUBCOMMANDS.join(', ')} (ptrcheck monitor --help)${sub ? `, not '${shown(sub)}'` : ''}`);
  const { values, positionals } = parse(rest);
  // Every setting is checked before the database is opened or anything is asked.
  const confirmAfterMs = parseDuration(values['confirm-after'], '--confirm-after', 0, 3_600_000);
  const webhooks = (values.webhook ?? []).map((u) => webhookUrl(u));
  const secret = values['webhook-secret-file'] !== undefined ? secretFrom(values['webhook-secret-file']) : undefined;
  const digests = digestChannels(values, emailAlerts(values['alert-email'], values['smtp-relay']));
  const timeoutMs = parseTimeout(values.timeout);
  const dnsbl = dnsblZones(values.dnsbl, io.env);
  let store: SqliteStore;
  try {
    store = openSqliteStore(values.db);
  } catch (e) {
    throw new UsageError(`cannot open the database '${shown(values.db)}': ${(e as Error).message}`);
  }
  try {
    if (sub === 'list') return await list(store.monitors, values, io);
    if (sub === 'history') return await history(store.monitors, positionals, values, io);
    if (sub === 'remove') return await remove(store.monitors, positionals, io);
    const round = async (only?: string[]): Promise<RoundResult> => {
      const dns = makeAuditDns(values, io.env, timeoutMs);
      // The looks go over pipelined TCP, as batch's do (over UDP a 10,000-address round cost 1.4 x batch, bench/monitor.ts);
      // a confirmation must not see the first look's cached answers.
      const looks = makeResolver({ dns: values.dns, timeoutMs, transport: 'tcp' }, io.env);
      const fresh = makeResolver({ dns: values.dns, timeoutMs, maxTtl: 0 }, io.env);
      try {
        return await runMonitorRound({ store: store.monitors, resolver: looks, confirmResolver: fresh, direct: dns.direct, dnsbl, webhooks, secret, confirmAfterMs, digests }, only);
      } finally {
        fresh.close();
        looks.close();
        dns.close();
      }
    };
    if (sub === 'add') return await add(store.monitors, positionals, values, io, round);
    const result = await round();
    if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else io.stdout(roundText(result));
    return 0;
  } finally {
    store.close();
  }
}

async function add(store: MonitorStore, positionals: string[], values: Values, io: CliIo, round: (only: string[]) => Promise<RoundResult>): Promise<number> {
  const given = [...positionals];
  if (values['from-dmarc']) {
    const path = values['from-dmarc'];
    const report = await readDmarcReport(await readBounded(path, MAX_REPORT_BYTES), path).catch((e: unknown) => {
      throw e instanceof InputError ? new UsageError(e.message) : e;
    });
    given.push(...new Set(report.rows.map((r) => r.ip)));
  }
  if (given.length === 0) throw new UsageError('monitor add needs an IP, a CIDR or a domain (or --from-dmarc REPORT)');
  // Every target is checked before any is added: one bad one adds none.
  for (const text of given) {
    try {
      parseMonitorTarget(text);
    } catch (e) {
      throw e instanceof InputError ? new UsageError(e.message) : e;
    }
  }
  const added: Monitor[] = [];
  for (const text of given) {
    let r: Awaited<ReturnType<typeof addMonitor>>;
    try {
      r = await addMonitor(store, text, values.label, Date.now());
    } catch (e) {
      throw e instanceof InputError ? new UsageError(e.message) : e;
    }
    if (r.created) added.push(r.monitor);
    else io.stdout(`${r.monitor.id}  ${r.monitor.target}  already watched\n`);
  }
  // The first look is the baseline: no alert, and what it shows is printed now.
  if (added.length > 0) await round(added.map((m) => m.id));
  for (const m of added) io.stdout(`${m.id}  ${m.target}${m.label ? ` (${m.label})` : ''}  ${stateWords(await store.states(m.id))}\n`);
  return 0;
}

async function list(store: MonitorStore, values: Values, io: CliIo): Promise<number> {
  const rows = [];
  for (const m of await store.monitors()) rows.push({ ...m, states: Object.fromEntries(await store.states(m.id)) });
  if (values.json) io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  else if (rows.length === 0) io.stdout('no targets are watched (ptrcheck monitor add <ip|cidr|domain>)\n');
  else for (const r of rows) io.stdout(`${r.id}  ${r.target}${r.label ? ` (${r.label})` : ''}  ${stateWords(new Map(Object.entries(r.states)))}\n`);
  return 0;
}

async function find(store: MonitorStore, positionals: string[], what: string): Promise<Monitor> {
  if (positionals.length !== 1) throw new UsageError(`monitor ${what} needs one id or target`);
  const key = positionals[0]!;
  let m = await store.findMonitor(key);
  if (!m) {
    // The target as written may be spelled otherwise (2001:DB8::1, Example.COM).
    try {
      m = await store.findMonitor(parseMonitorTarget(key).target);
    } catch {
      // not a target either
    }
  }
  if (!m) throw new UsageError(`no watched target '${shown(key)}' (ptrcheck monitor list)`);
  return m;
}

async function remove(store: MonitorStore, positionals: string[], io: CliIo): Promise<number> {
  const m = await find(store, positionals, 'remove');
  await store.removeMonitor(m.id);
  io.stdout(`${m.id}  ${m.target}  removed\n`);
  return 0;
}

async function history(store: MonitorStore, positionals: string[], values: Values, io: CliIo): Promise<number> {
  const m = await find(store, positionals, 'history');
  const transitions = await store.history(m.id, 'transition');
  if (values.json) {
    io.stdout(`${JSON.stringify(transitions.map((t) => ({ ip: t.ip, at: new Date(t.at).toISOString(), ...t.data })), null, 2)}\n`);
    return 0;
  }
  io.stdout(`${m.id}  ${m.target}: ${transitions.length} transition(s)\n`);
  for (const t of transitions) io.stdout(`  ${transitionLine(t)}\n`);
  return 0;
}

function roundText(r: RoundResult): string {
  const lines = [
    `monitor round: ${r.monitors} target(s), ${r.addresses} address(es) looked at; ${r.baselines} baseline(s), ${r.changed} changed, ${r.transitions.length} confirmed transition(s), ${r.unconfirmed} not confirmed, ${r.temporary} undecided (a lookup failed: the last confirmed state stands)`,
  ];
  for (const t of r.transitions) lines.push(`  ${t.monitor.target}  ${t.ip}: ${t.from ? `${t.from.verdict}` : 'first look'} → ${t.to.verdict}${t.to.failing.length ? ` (${t.to.failing.join(', ')})` : ''}`);
  if (r.delivered + r.failedDeliveries > 0) lines.push(`  alerts: ${r.delivered} delivered, ${r.failedDeliveries} not delivered (webhooks kept for the next round)`);
  for (const n of r.notes) lines.push(`  note: ${n}`);
  return `${lines.join('\n')}\n`;
}
