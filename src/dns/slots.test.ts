import dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlots } from './slots.js';
import { MAX_IN_FLIGHT, queryIdSource } from './ids.js';
import { createUdpExchange } from './node.js';
import { createNodeDirectQuery } from './direct-node.js';

describe('slots: a bounded number in flight, a bounded line of waiters', () => {
  it('hands out max slots, then makes callers wait, then refuses past the line', async () => {
    const s = createSlots(2, 1);
    expect([s.tryTake(), s.tryTake(), s.tryTake()]).toEqual([true, true, false]);
    const waiter = s.take(10_000);
    expect(await s.take(10_000)).toBe(false); // the line (1) is full
    expect(s.waiting).toBe(1);
    s.release(); // passes straight to the waiter
    expect(await waiter).toBe(true);
    expect([s.inFlight, s.waiting]).toEqual([2, 0]);
    s.release();
    s.release();
    expect(s.inFlight).toBe(0);
  });

  it('a waiter whose time runs out gets false and is passed over', async () => {
    const s = createSlots(1, 10);
    expect(s.tryTake()).toBe(true);
    expect(await s.take(5)).toBe(false);
    expect(s.waiting).toBe(0);
    const later = s.take(10_000);
    s.release();
    expect(await later).toBe(true);
    expect(s.inFlight).toBe(1);
  });

  it('no waiting at all with a zero wait', async () => {
    const s = createSlots(1, 10);
    s.tryTake();
    expect(await s.take(0)).toBe(false);
  });
});

describe('query ids', () => {
  it('a full id space answers undefined instead of drawing for ever', () => {
    expect(queryIdSource(() => true)()).toBeUndefined();
  });

  it('draws a free id when a quarter of the space is taken', () => {
    const taken = new Set(Array.from({ length: MAX_IN_FLIGHT }, (_, i) => i * 4));
    const draw = queryIdSource((id) => taken.has(id));
    for (let i = 0; i < 1000; i++) {
      const id = draw()!;
      expect(taken.has(id)).toBe(false);
      taken.add(id);
    }
  });
});

describe('the UDP exchange under more questions than ids (issue 25 F1)', () => {
  let silent: dgram.Socket;
  let port = 0;
  let received = 0;
  beforeAll(async () => {
    silent = dgram.createSocket('udp4');
    silent.on('message', () => void received++);
    await new Promise<void>((r) => silent.bind(0, '127.0.0.1', () => r()));
    port = (silent.address() as AddressInfo).port;
  });
  afterAll(() => silent.close());

  it('70,000 questions to a silent server all settle (timeout or BUSY), never a wedge', async () => {
    const udp = createUdpExchange({ servers: [{ host: '127.0.0.1', port }], timeoutMs: 300, retries: 0 });
    received = 0;
    try {
      const results = await Promise.all(Array.from({ length: 70_000 }, (_, i) => udp.exchange(`q${i}.example.test`, 'A')));
      const kinds = new Map<string, number>();
      for (const r of results) {
        expect(r.ok).toBe(false);
        const rcode = r.ok ? 'ok' : r.rcode;
        kinds.set(rcode, (kinds.get(rcode) ?? 0) + 1);
      }
      expect([...kinds.keys()].sort().filter((k) => k !== 'BUSY' && k !== 'TIMEOUT')).toEqual([]);
      expect((kinds.get('BUSY') ?? 0) + (kinds.get('TIMEOUT') ?? 0)).toBe(70_000);
      expect(kinds.get('TIMEOUT')).toBeGreaterThanOrEqual(MAX_IN_FLIGHT);
    } finally {
      udp.close();
    }
  });

  it('the issue\'s reproduction: 65,537 direct questions to a silent nameserver all settle, as temporary failures', async () => {
    const direct = createNodeDirectQuery({ port, timeoutMs: 300, retries: 0, allowPrivate: true });
    try {
      const answers = await Promise.all(Array.from({ length: 65_537 }, (_, i) => direct.ask('127.0.0.1', `${i}.113.0.203.in-addr.arpa`, 'PTR')));
      expect(new Set(answers.map((a) => a.outcome))).toEqual(new Set(['timeout', 'error']));
      expect(answers.filter((a) => a.outcome === 'error').every((a) => a.rcode === 'BUSY')).toBe(true);
    } finally {
      direct.close();
    }
  });

  it('past its own limit and line, a question fails at once as BUSY (temporary), naming the limit', async () => {
    const udp = createUdpExchange({ servers: [{ host: '127.0.0.1', port }], timeoutMs: 200, retries: 0, maxInFlight: 10 });
    received = 0;
    try {
      const results = await Promise.all(Array.from({ length: 200 }, (_, i) => udp.exchange(`b${i}.example.test`, 'A')));
      const busy = results.filter((r) => !r.ok && r.rcode === 'BUSY');
      // 10 in flight and 40 waiting; the other 150 are refused before any wait.
      expect(busy.length).toBeGreaterThanOrEqual(150);
      expect(busy[0]).toMatchObject({ ok: false, outcome: 'error', rcode: 'BUSY', detail: 'not sent: 10 questions already in flight here' });
      expect(received).toBeLessThanOrEqual(50);
    } finally {
      udp.close();
    }
  });
});
