/** The monitor store on the SQLite file the rest of the server uses (migrations/0005_monitors.sql). */
import type { DatabaseSync } from 'node:sqlite';
import type { AddressState, Monitor, MonitorEvent, MonitorEventKind, MonitorStore } from '../monitor/store.js';

interface MonitorRow { id: string; target: string; kind: Monitor['kind']; label: string | null; created_at: number }
interface EventRow { monitor_id: string; ip: string | null; at: number; kind: MonitorEventKind; data: string }

const monitorOf = (r: MonitorRow): Monitor => ({ id: r.id, target: r.target, kind: r.kind, createdAt: Number(r.created_at), ...(r.label !== null ? { label: r.label } : {}) });
const eventOf = (r: EventRow): MonitorEvent => ({ monitorId: r.monitor_id, at: Number(r.at), kind: r.kind, data: JSON.parse(r.data) as Record<string, unknown>, ...(r.ip !== null ? { ip: r.ip } : {}) });

export function sqliteMonitorStore(db: DatabaseSync): MonitorStore & { purge(before: number): void } {
  const add = db.prepare('INSERT INTO monitors (id, target, kind, label, created_at) VALUES (?, ?, ?, ?, ?)');
  const all = db.prepare('SELECT * FROM monitors ORDER BY created_at, rowid');
  const allIds = db.prepare('SELECT id FROM monitors ORDER BY created_at, rowid');
  const byKey = db.prepare('SELECT * FROM monitors WHERE id = ? OR target = ?');
  const del = db.prepare('DELETE FROM monitors WHERE id = ?');
  const delStates = db.prepare('DELETE FROM monitor_states WHERE monitor_id = ?');
  const states = db.prepare('SELECT ip, verdict, failing FROM monitor_states WHERE monitor_id = ?');
  const setState = db.prepare('INSERT INTO monitor_states (monitor_id, ip, verdict, failing, confirmed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (monitor_id, ip) DO UPDATE SET verdict = excluded.verdict, failing = excluded.failing, confirmed_at = excluded.confirmed_at');
  const insEvent = db.prepare('INSERT INTO monitor_events (monitor_id, ip, at, kind, data) VALUES (?, ?, ?, ?, ?)');
  const historyAll = db.prepare('SELECT * FROM monitor_events WHERE monitor_id = ? ORDER BY seq LIMIT ?');
  const historyKind = db.prepare('SELECT * FROM monitor_events WHERE monitor_id = ? AND kind = ? ORDER BY seq LIMIT ?');
  const outbox = db.prepare('SELECT seq, url, body, created_at FROM monitor_outbox ORDER BY seq LIMIT 1000');
  const enqueue = db.prepare('INSERT INTO monitor_outbox (url, body, created_at) VALUES (?, ?, ?)');
  const dequeue = db.prepare('DELETE FROM monitor_outbox WHERE seq = ?');
  const purgeEvents = db.prepare('DELETE FROM monitor_events WHERE at < ?');
  const purgeOutbox = db.prepare('DELETE FROM monitor_outbox WHERE created_at < ?');
  const inTransaction = (work: () => void): void => {
    db.exec('BEGIN IMMEDIATE');
    try {
      work();
      db.exec('COMMIT');
    } catch (err) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw err;
    }
  };
  return {
    async addMonitor(m) {
      add.run(m.id, m.target, m.kind, m.label ?? null, m.createdAt);
    },
    async monitorIds() {
      return (allIds.all() as { id: string }[]).map((r) => r.id);
    },
    async monitors() {
      return (all.all() as unknown as MonitorRow[]).map(monitorOf);
    },
    async findMonitor(key) {
      const row = byKey.get(key, key) as unknown as MonitorRow | undefined;
      return row ? monitorOf(row) : undefined;
    },
    async removeMonitor(id) {
      delStates.run(id);
      return Number(del.run(id).changes) > 0;
    },
    async states(monitorId) {
      const out = new Map<string, AddressState>();
      for (const r of states.all(monitorId) as unknown as { ip: string; verdict: AddressState['verdict']; failing: string }[]) out.set(r.ip, { verdict: r.verdict, failing: JSON.parse(r.failing) as string[] });
      return out;
    },
    async setState(monitorId, ip, s, at) {
      setState.run(monitorId, ip, s.verdict, JSON.stringify(s.failing), at);
    },
    async setStates(monitorId, rows) {
      inTransaction(() => {
        for (const r of rows) setState.run(monitorId, r.ip, r.state.verdict, JSON.stringify(r.state.failing), r.at);
      });
    },
    async record(events) {
      if (events.length === 0) return;
      inTransaction(() => {
        for (const e of events) insEvent.run(e.monitorId, e.ip ?? null, e.at, e.kind, JSON.stringify(e.data));
      });
    },
    async history(monitorId, kind, limit = 10_000) {
      const rows = (kind ? historyKind.all(monitorId, kind, limit) : historyAll.all(monitorId, limit)) as unknown as EventRow[];
      return rows.map(eventOf);
    },
    async outbox() {
      return (outbox.all() as unknown as { seq: number; url: string; body: string; created_at: number }[]).map((r) => ({ seq: Number(r.seq), url: r.url, body: r.body, createdAt: Number(r.created_at) }));
    },
    async queue(url, body, at) {
      enqueue.run(url, body, at);
    },
    async dequeue(seq) {
      dequeue.run(seq);
    },
    purge(before) {
      purgeEvents.run(before);
      purgeOutbox.run(before);
    },
  };
}
