/**
 * Monitoring on Workers, inside workerd (issue 29): the D1 monitor store on the
 * migrated database, the cron sending each watched target to the queue (in
 * batches of 100), the queue consumer's round (DoH to the test DNS server,
 * state in D1), and the monitor API behind ADMIN_TOKEN.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../src/worker.js';
import { d1MonitorStore } from '../../src/store/monitor-d1.js';
import type { WorkerEnv } from '../../src/workers/env.js';
import { call } from './call.js';
import { gzip, zipOne } from '../support/archives.js';
import { aggregateReport } from '../support/dmarc-reports.js';

const store = () => d1MonitorStore(env.DB);

/** The queue as the cron sees it: what it sent, batch by batch. */
function recordingQueue() {
  const batches: { body: unknown }[][] = [];
  return { batches, sendBatch: async (messages: { body: unknown }[]) => void batches.push(messages) };
}

describe('monitoring on Workers', () => {
  it('the cron sends every watched target to the queue, at most 100 a batch', async () => {
    const s = store();
    for (let i = 0; i < 150; i++) await s.addMonitor({ id: `m_cron${String(i).padStart(8, '0')}`, target: `198.51.100.${i % 250}${i >= 250 ? 'x' : ''}/32`.replace('/32', ''), kind: 'ip', createdAt: 1000 + i });
    const queue = recordingQueue();
    const hour = Date.UTC(2026, 11, 7, 3, 0);
    // Rounds every 60 minutes (the default): the run at :00 starts one, the run at :10 does not; every 10: both do.
    await worker.scheduled({ scheduledTime: hour + 600_000 }, { ...env, MONITOR_QUEUE: queue } as unknown as WorkerEnv);
    expect(queue.batches).toEqual([]);
    await worker.scheduled({ scheduledTime: hour }, { ...env, MONITOR_QUEUE: queue } as unknown as WorkerEnv);
    expect(queue.batches.map((b) => b.length)).toEqual([100, 50]);
    await worker.scheduled({ scheduledTime: hour + 600_000 }, { ...env, MONITOR_QUEUE: queue, MONITOR_EVERY_MINUTES: '10' } as unknown as WorkerEnv);
    expect(queue.batches.map((b) => b.length)).toEqual([100, 50, 100, 50]);
    expect(queue.batches[0]![0]).toEqual({ body: { monitorId: 'm_cron00000000' } });
    for (const m of await s.monitors()) await s.removeMonitor(m.id);
  });

  it('the consumer looks at its batch only: a first look is the baseline, kept in D1; the messages are acked', async () => {
    const s = store();
    // 23.192.228.80 → mail.example.com and back in the test DNS server's fixture zones.
    await s.addMonitor({ id: 'm_workerd00001', target: '23.192.228.80', kind: 'ip', createdAt: 1 });
    // Watched but not in this batch: another consumer's work, left alone.
    await s.addMonitor({ id: 'm_workerd00002', target: '192.0.2.99', kind: 'ip', createdAt: 2 });
    const acked: string[] = [];
    const retried: string[] = [];
    const message = (monitorId: string) => ({ body: { monitorId }, ack: () => void acked.push(monitorId), retry: () => void retried.push(monitorId) });
    const junk = { body: 'not a monitor', ack: () => void acked.push('junk'), retry: () => void retried.push('junk') };
    await worker.queue({ messages: [message('m_workerd00001'), junk, message('m_workerd00001'), message('m_gone00000000')] }, env as unknown as WorkerEnv);
    expect(retried).toEqual([]);
    expect(acked).toEqual(['m_workerd00001', 'junk', 'm_workerd00001', 'm_gone00000000']);
    expect((await s.states('m_workerd00002')).size).toBe(0);
    const states = await s.states('m_workerd00001');
    expect([...states.keys()]).toEqual(['23.192.228.80']);
    expect(states.get('23.192.228.80')!.verdict).toBe('pass');
    expect((await s.history('m_workerd00001', 'baseline')).map((e) => e.ip)).toEqual(['23.192.228.80']);
    expect((await s.history('m_workerd00001', 'baseline')).length).toBe(1);
    await s.removeMonitor('m_workerd00001');
    await s.removeMonitor('m_workerd00002');
  });

  it('a look whose PTR lookup fails (SERVFAIL at the DoH server) sets no state: no baseline, a temporary event, the message acked', async () => {
    const s = store();
    // 13.2.0.192.in-addr.arpa answers SERVFAIL (fixtures/faults.json); a confirmed state, when there is one, must stand.
    await s.addMonitor({ id: 'm_workerdfail1', target: '192.0.2.13', kind: 'ip', createdAt: 1 });
    await s.addMonitor({ id: 'm_workerdfail2', target: '192.0.2.13/32', kind: 'cidr', createdAt: 2 });
    await s.setState('m_workerdfail2', '192.0.2.13', { verdict: 'pass', failing: [] }, 1);
    const acked: string[] = [];
    const retried: string[] = [];
    const message = (monitorId: string) => ({ body: { monitorId }, ack: () => void acked.push(monitorId), retry: () => void retried.push(monitorId) });
    await worker.queue({ messages: [message('m_workerdfail1'), message('m_workerdfail2')] }, env as unknown as WorkerEnv);
    expect(retried).toEqual([]);
    expect(acked).toEqual(['m_workerdfail1', 'm_workerdfail2']);
    expect((await s.states('m_workerdfail1')).size).toBe(0);
    expect(await s.history('m_workerdfail1', 'baseline')).toEqual([]);
    const temporary = await s.history('m_workerdfail1', 'temporary');
    expect(temporary.map((e) => e.ip)).toEqual(['192.0.2.13']);
    expect(temporary[0]!.data).toMatchObject({ undecided: expect.arrayContaining(['ptr-present']), stands: null });
    // The state confirmed before stands, and no transition is recorded.
    expect((await s.states('m_workerdfail2')).get('192.0.2.13')).toEqual({ verdict: 'pass', failing: [] });
    expect(await s.history('m_workerdfail2', 'transition')).toEqual([]);
    expect((await s.history('m_workerdfail2', 'temporary'))[0]?.data).toMatchObject({ stands: { verdict: 'pass', failing: [] } });
    await s.removeMonitor('m_workerdfail1');
    await s.removeMonitor('m_workerdfail2');
  });

  it('the monitor API exists only with ADMIN_TOKEN', async () => {
    expect((await call('/api/v1/monitors', { headers: { authorization: 'Bearer t0ken' } })).status).toBe(404);
    const withToken = { ...env, ADMIN_TOKEN: 't0ken' } as unknown as typeof env;
    expect((await call('/api/v1/monitors', { headers: { authorization: 'Bearer t0ken' } }, withToken)).status).toBe(200);
    expect((await call('/api/v1/monitors', { headers: { authorization: 'Bearer nope' } }, withToken)).status).toBe(401);
  });

  it('a DMARC report (gzip or zip, as reporters send them) adds its passing senders of a watched domain, in D1 (the failing row skipped)', async () => {
    const s = store();
    await s.addMonitor({ id: 'm_workerdomain', target: 'example.com', kind: 'domain', createdAt: 1 });
    const withToken = { ...env, ADMIN_TOKEN: 't0ken' } as unknown as typeof env;
    const xml = new TextEncoder().encode(aggregateReport('example.com', [{ ip: '192.0.2.41', dkim: 'pass', spf: 'fail' }, { ip: '192.0.2.42', dkim: 'fail', spf: 'fail' }]));
    const post = async (body: Uint8Array) => call('/api/v1/monitors/dmarc', { method: 'POST', headers: { authorization: 'Bearer t0ken' }, body: body as Uint8Array<ArrayBuffer> }, withToken);
    const first = await post(await gzip(xml));
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ domain: 'example.com', added: ['192.0.2.41'], already: [], skipped: 1 });
    const again = await post(await zipOne('report.xml', xml));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ domain: 'example.com', added: [], already: ['192.0.2.41'], skipped: 1 });
    expect(await s.findMonitor('192.0.2.41')).toMatchObject({ kind: 'ip', label: 'dmarc: example.com' });
    for (const m of await s.monitors()) await s.removeMonitor(m.id);
  });

  it('100,000 targets: the cron splits them into 1,000 sends of 100, each target once', async () => {
    // Inserted in one statement: the split is what is tested, not 100,000 round trips to D1.
    await env.DB.prepare(
      "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999) INSERT INTO monitors (id, target, kind, label, created_at) SELECT printf('m_big%09d', i), printf('10.%d.%d.%d', i / 65536, (i / 256) % 256, i % 256), 'ip', NULL, i FROM n",
    ).run();
    try {
      const queue = recordingQueue();
      await worker.scheduled({ scheduledTime: Date.UTC(2026, 11, 7, 3, 0) }, { ...env, MONITOR_QUEUE: queue } as unknown as WorkerEnv);
      expect(queue.batches.length).toBe(1_000);
      expect(queue.batches.every((b) => b.length === 100)).toBe(true);
      const ids = new Set(queue.batches.flat().map((m) => (m.body as { monitorId: string }).monitorId));
      expect(ids.size).toBe(100_000);
      expect(ids.has('m_big000000000') && ids.has('m_big000099999')).toBe(true);
    } finally {
      await env.DB.prepare("DELETE FROM monitors WHERE id LIKE 'm_big%'").run();
    }
  });

  it('a round that fails (D1 unavailable) retries its whole batch through the queue, and nothing is acked', async () => {
    const s = store();
    await s.addMonitor({ id: 'm_retry0000001', target: '23.192.228.80', kind: 'ip', createdAt: 1 });
    const failing = new Proxy(env.DB, {
      get(db, key) {
        if (key !== 'prepare') return Reflect.get(db, key, db) as unknown;
        return (sql: string) => {
          if (sql.includes('monitor_outbox')) throw new Error('D1_ERROR: storage unavailable');
          return db.prepare(sql);
        };
      },
    });
    const acked: string[] = [];
    const retried: string[] = [];
    const message = (monitorId: string) => ({ body: { monitorId }, ack: () => void acked.push(monitorId), retry: () => void retried.push(monitorId) });
    await worker.queue({ messages: [message('m_retry0000001'), message('m_retry0000002')] }, { ...env, DB: failing } as unknown as WorkerEnv);
    expect(acked).toEqual([]);
    expect(retried).toEqual(['m_retry0000001', 'm_retry0000002']);
    expect((await s.states('m_retry0000001')).size).toBe(0);
    await s.removeMonitor('m_retry0000001');
  });
});
