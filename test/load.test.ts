/**
 * The server under load an attacker (or bad luck) chooses (issue 25): a real
 * `ptrcheck serve` child on loopback, a reverse zone whose twelve nameservers
 * (four addresses each) never answer, and clients spread over many 127.0.0.x
 * addresses. Every request must end (200, 4xx, 503 or 504, never a hang) and
 * /healthz must keep answering quickly; a shutdown drains HTTP too.
 *
 * Latency bounds are relative to /healthz measured in the same run before the
 * load (the suite must hold on a slow or busy machine).
 */
import dgram from 'node:dgram';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsNetwork, type DnsNetwork } from './support/dns-network.js';
import { spawnServe, type ServeChild } from './support/serve-child.js';
import { repoRoot } from './support/repo-root.js';
import type { Report } from '../src/core/types.js';

const SILENT_FIRST = 20;
const SILENT_COUNT = 48; // ns01-ns12, four addresses each: 127.0.0.20-67

let world: DnsNetwork;
/** Packets that reached each silent nameserver address (nothing answers them). */
const packets = new Map<string, number>();
const sockets: dgram.Socket[] = [];

beforeAll(async () => {
  world = await startDnsNetwork(join(repoRoot(), 'fixtures', 'silent-world'));
  for (let i = 0; i < SILENT_COUNT; i++) {
    const address = `127.0.0.${SILENT_FIRST + i}`;
    const s = dgram.createSocket('udp4');
    s.on('message', () => packets.set(address, (packets.get(address) ?? 0) + 1));
    await new Promise<void>((resolve, reject) => (s.once('error', reject), s.bind(world.port, address, () => resolve())));
    sockets.push(s);
  }
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await world?.close();
});

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  ms: number;
}

/** One GET from a chosen loopback address, on its own connection; status 0 if it did not end within 60 s. */
function get(url: string, from = '127.0.0.1'): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.get(url, { localAddress: from, agent: false, timeout: 60_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers, ms: performance.now() - started }));
      res.on('error', () => resolve({ status: 0, body, headers: res.headers, ms: performance.now() - started }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, body: e.message, headers: {}, ms: performance.now() - started }));
  });
}

/** /healthz every 50 ms until stopped: the latencies seen. */
function pollHealth(base: string): { stop(): Promise<number[]> } {
  const seen: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const a = await get(`${base}/healthz`);
      seen.push(a.status === 200 ? a.ms : Number.POSITIVE_INFINITY);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return { stop: async () => ((running = false), await loop, seen) };
}

async function baselineHealth(base: string): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < 20; i++) ms.push((await get(`${base}/healthz`)).ms);
  return Math.max(...ms);
}

/**
 * The bound /healthz must stay under during load: 250 ms, or ten times this machine's own unloaded
 * worst, or (for a burst of N connections) twice the worst of N bare /healthz requests at once: the
 * HTTP stack's own cost of N connections, measured in the same run, which no audit work may add to.
 */
const healthBound = (baseline: number, burst = 0) => Math.max(250, 10 * baseline, 2 * burst);

/** The worst latency of `n` simultaneous /healthz requests from these addresses: what n connections cost by themselves. */
async function burstHealth(base: string, n: number, from: string[]): Promise<number> {
  const answers = await Promise.all(Array.from({ length: n }, (_, i) => get(`${base}/healthz`, from[i % from.length])));
  expect(answers.every((a) => a.status === 200)).toBe(true);
  return Math.max(...answers.map((a) => a.ms));
}

function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

const clients = (first: number, n: number) => Array.from({ length: n }, (_, i) => `127.0.0.${first + i}`);

describe('a reverse zone whose nameservers never answer', () => {
  let serve: ServeChild;
  beforeAll(async () => {
    // The default rate limit (30 a minute, burst 10 per client) and the default ceiling (32 audits at once).
    serve = await spawnServe(world.resolver, ['--rate-limit', '30', '--timeout', '1000', '--log-format', 'off']);
  });
  afterAll(() => void serve?.child.kill('SIGKILL'));

  it('one audit asks at most 8 of its 48 server addresses (one per NS name first), each question twice at most, and lists the rest as not asked', async () => {
    packets.clear();
    const a = await get(`${serve.http}/api/v1/audit?ip=203.0.113.77`);
    expect(a.status).toBe(200);
    const report = JSON.parse(a.body) as Report;
    const asked = [...packets.entries()].filter(([, n]) => n > 0).map(([address]) => address).sort();
    // ns01-ns08's first addresses (127.0.0.20, 24, … 48); PTR, SOA and NS, each sent twice (a timeout is retried once).
    expect(asked).toEqual(Array.from({ length: 8 }, (_, i) => `127.0.0.${SILENT_FIRST + 4 * i}`).sort());
    for (const address of asked) expect(packets.get(address)).toBe(6);
    const rows = report.zoneServers!.servers;
    expect(rows.filter((r) => r.problem === 'silent')).toHaveLength(8);
    expect(rows.filter((r) => r.problem === 'unasked')).toHaveLength(24 + 4); // ns01-08's other addresses, and ns09-12
    // Nobody answered: the zone's health is unknown, never a finding.
    const status = (rule: string) => report.results.find((r) => r.rule === rule)!.status;
    expect([status('ptr-present'), status('reverse-zone-servers'), status('ptr-propagated')]).toEqual(['fail', 'error', 'error']);
    expect(report.partial).toBe(true);
  });

  it('250 parallel audits from 40 client addresses: every request ends, /healthz keeps answering, the server stays bounded', async () => {
    const baseline = await baselineHealth(serve.http);
    const health = pollHealth(serve.http);
    const from = clients(100, 40);
    const answers = await Promise.all(Array.from({ length: 250 }, (_, i) => get(`${serve.http}/api/v1/audit?ip=203.0.113.${i + 1}&authoritative=1`, from[i % from.length])));
    const latencies = await health.stop();
    const byStatus = count(answers.map((a) => a.status));
    expect(Object.keys(byStatus).filter((s) => !['200', '503', '504'].includes(s))).toEqual([]);
    expect(byStatus['200']).toBeGreaterThanOrEqual(32); // the first round of slots, at least
    for (const a of answers.filter((x) => x.status === 503)) {
      expect(a.headers['retry-after']).toBe('2');
      expect(JSON.parse(a.body)).toEqual({ error: { code: 'busy', message: 'the server is at its limit of 32 audits at once; try again in 2 s' } });
    }
    expect(latencies.length).toBeGreaterThan(0);
    expect(Math.max(...latencies)).toBeLessThan(healthBound(baseline));
    expect(peakRssMb(serve.child.pid!)).toBeLessThan(512);
    console.log(`load: 250 audits ${JSON.stringify(byStatus)}; /healthz worst ${Math.round(Math.max(...latencies))} ms (unloaded ${Math.round(baseline)} ms, ${latencies.length} probes); peak RSS ${Math.round(peakRssMb(serve.child.pid!))} MB`);
  });

  it('1,500 parallel watch looks from 40 more addresses: each ends (200, 429 past a client\'s burst, or 503 when full), /healthz keeps answering', async () => {
    const baseline = await baselineHealth(serve.http);
    const from = clients(140, 40);
    const burst = await burstHealth(serve.http, 1500, from);
    const health = pollHealth(serve.http);
    const answers = await Promise.all(Array.from({ length: 1500 }, (_, i) => get(`${serve.http}/api/v1/watch?ip=203.0.113.${(i % 250) + 1}`, from[i % from.length])));
    const latencies = await health.stop();
    const byStatus = count(answers.map((a) => a.status));
    expect(Object.keys(byStatus).filter((s) => !['200', '429', '503', '504'].includes(s))).toEqual([]);
    expect(byStatus['429']).toBeGreaterThanOrEqual(1500 - 40 * 10); // a burst of 10 per client address
    expect(Math.max(...latencies)).toBeLessThan(healthBound(baseline, burst));
    console.log(`load: 1500 watch looks ${JSON.stringify(byStatus)}; /healthz worst ${Math.round(Math.max(...latencies))} ms (unloaded ${Math.round(baseline)} ms; 1500 bare /healthz at once: worst ${Math.round(burst)} ms); peak RSS ${Math.round(peakRssMb(serve.child.pid!))} MB`);
  });
});

describe('shutdown drains HTTP', () => {
  it('SIGTERM with 50 audits under way: each gets its report (Connection: close), a new request gets 503, every report is stored, exit 0', async () => {
    const serve = await spawnServe(world.resolver, ['--max-audits', '64', '--timeout', '1000', '--log-format', 'off']);
    const from = clients(200, 10);
    const inFlight = Array.from({ length: 50 }, (_, i) => get(`${serve.http}/api/v1/audit?ip=203.0.113.${i + 100}`, from[i % from.length]));
    // Each audit waits at least 2 s on the silent servers; give the requests time to arrive, then stop.
    await new Promise((r) => setTimeout(r, 500));
    serve.child.kill('SIGTERM');
    await waitFor(() => /ptrcheck draining/.test(serve.out()));
    const late = await get(`${serve.http}/api/v1/audit?ip=203.0.113.99`);
    const answers = await Promise.all(inFlight);
    expect(await serve.exited).toBe(0);
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    expect(answers.every((a) => a.headers.connection === 'close')).toBe(true);
    // The listener stays open while requests finish: a late one is told to come back, not reset.
    expect(late.status).toBe(503);
    expect(JSON.parse(late.body)).toEqual({ error: { code: 'unavailable', message: 'the server is shutting down; try again in a few seconds' } });
    const ids = answers.map((a) => (JSON.parse(a.body) as Report).id);
    const db = new DatabaseSync(serve.db, { readOnly: true });
    try {
      const stored = db.prepare(`SELECT COUNT(*) AS n FROM reports WHERE id IN (${ids.map(() => '?').join(',')})`).get(...ids) as { n: number };
      expect(Number(stored.n)).toBe(50);
    } finally {
      db.close();
    }
    expect(serve.out()).toMatch(/ptrcheck stopped/);
  });

  it('SIGTERM right after start, while the sink\'s MX check still waits on a silent resolver: drained and exit 0, not killed (143)', async () => {
    world.resolver.setFault('sink.example.net', { kind: 'timeout' }, 'MX');
    try {
      const serve = await spawnServe(world.resolver, ['--timeout', '5000', '--log-format', 'off']);
      serve.child.kill('SIGTERM');
      expect(await serve.exited).toBe(0);
      expect(serve.out()).toMatch(/ptrcheck stopped/);
    } finally {
      world.resolver.setFault('sink.example.net', null, 'MX');
    }
  });
});

function count(values: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(check()).toBe(true);
}
