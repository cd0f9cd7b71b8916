/** The monitor store on D1 (Workers), on the same tables as SQLite's (migrations/0005_monitors.sql). */
import type { AddressState, Monitor, MonitorEvent, MonitorEventKind, MonitorStore } from '../monitor/store.js';
import type { D1Like } from './d1.js';

interface MonitorRow { id: string; target: string; kind: Monitor['kind']; label: string | null; created_at: number }
interface EventRow { monitor_id: string; ip: string | null; at: number; kind: MonitorEventKind; data: string }

const monitorOf = (r: MonitorRow): Monitor => ({ id: r.id, target: r.target, kind: r.kind, createdAt: Number(r.created_at), ...(r.label !== null ? { label: r.label } : {}) });
const eventOf = (r: EventRow): MonitorEvent => ({ monitorId: r.monitor_id, at: Number(r.at), kind: r.kind, data: JSON.parse(r.data) as Record<string, unknown>, ...(r.ip !== null ? { ip: r.ip } : {}) });

const SET_STATE = 'INSERT INTO monitor_states (monitor_id, ip, verdict, failing, confirmed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (monitor_id, ip) DO UPDATE SET verdict = excluded.verdict, failing = excluded.failing, confirmed_at = excluded.confirmed_at';
const INSERT_EVENT = 'INSERT INTO monitor_events (monitor_id, ip, at, kind, data) VALUES (?, ?, ?, ?, ?)';
/** D1 takes a batch of statements in one round trip (and one transaction); these keep each batch small. */
const BATCH = 100;

export function d1MonitorStore(db: D1Like): MonitorStore & { purge(before: number): Promise<void> } {
  const batched = async (statements: ReturnType<D1Like['prepare']>[]): Promise<void> => {
    for (let i = 0; i < statements.length; i += BATCH) await db.batch(statements.slice(i, i + BATCH));
  };
  return {
    async addMonitor(m) {
      await db.prepare('INSERT INTO monitors (id, target, kind, label, created_at) VALUES (?, ?, ?, ?, ?)').bind(m.id, m.target, m.kind, m.label ?? null, m.createdAt).run();
    },
    async monitorIds() {
      return (await db.prepare('SELECT id FROM monitors ORDER BY created_at, rowid').all<{ id: string }>()).results.map((r) => r.id);
    },
    async monitors() {
      return (await db.prepare('SELECT * FROM monitors ORDER BY created_at, rowid').all<MonitorRow>()).results.map(monitorOf);
    },
    async findMonitor(key) {
      const row = await db.prepare('SELECT * FROM monitors WHERE id = ? OR target = ?').bind(key, key).first<MonitorRow>();
      return row ? monitorOf(row) : undefined;
    },
    async removeMonitor(id) {
      await db.prepare('DELETE FROM monitor_states WHERE monitor_id = ?').bind(id).run();
      return ((await db.prepare('DELETE FROM monitors WHERE id = ?').bind(id).run()).meta.changes ?? 0) > 0;
    },
    async states(monitorId) {
      const out = new Map<string, AddressState>();
      for (const r of (await db.prepare('SELECT ip, verdict, failing FROM monitor_states WHERE monitor_id = ?').bind(monitorId).all<{ ip: string; verdict: AddressState['verdict']; failing: string }>()).results) {
        out.set(r.ip, { verdict: r.verdict, failing: JSON.parse(r.failing) as string[] });
      }
      return out;
    },
    async setState(monitorId, ip, s, at) {
      await db.prepare(SET_STATE).bind(monitorId, ip, s.verdict, JSON.stringify(s.failing), at).run();
    },
    async setStates(monitorId, rows) {
      await batched(rows.map((r) => db.prepare(SET_STATE).bind(monitorId, r.ip, r.state.verdict, JSON.stringify(r.state.failing), r.at)));
    },
    async record(events) {
      await batched(events.map((e) => db.prepare(INSERT_EVENT).bind(e.monitorId, e.ip ?? null, e.at, e.kind, JSON.stringify(e.data))));
    },
    async history(monitorId, kind, limit = 10_000) {
      const rows = kind
        ? await db.prepare('SELECT * FROM monitor_events WHERE monitor_id = ? AND kind = ? ORDER BY seq LIMIT ?').bind(monitorId, kind, limit).all<EventRow>()
        : await db.prepare('SELECT * FROM monitor_events WHERE monitor_id = ? ORDER BY seq LIMIT ?').bind(monitorId, limit).all<EventRow>();
      return rows.results.map(eventOf);
    },
    async outbox() {
      return (await db.prepare('SELECT seq, url, body, created_at FROM monitor_outbox ORDER BY seq LIMIT 1000').all<{ seq: number; url: string; body: string; created_at: number }>()).results.map((r) => ({ seq: Number(r.seq), url: r.url, body: r.body, createdAt: Number(r.created_at) }));
    },
    async queue(url, body, at) {
      await db.prepare('INSERT INTO monitor_outbox (url, body, created_at) VALUES (?, ?, ?)').bind(url, body, at).run();
    },
    async dequeue(seq) {
      await db.prepare('DELETE FROM monitor_outbox WHERE seq = ?').bind(seq).run();
    },
    async purge(before) {
      await db.prepare('DELETE FROM monitor_events WHERE at < ?').bind(before).run();
      await db.prepare('DELETE FROM monitor_outbox WHERE created_at < ?').bind(before).run();
    },
  };
}
