import { describe, expect, it } from 'vitest';
import { runBatch, type BatchEvent } from './runner.js';
import type { BatchItem } from './input.js';
import type { BatchReport } from './records.js';

const ipItem = (n: number): BatchItem => ({ kind: 'ip', line: n, ip: `192.0.2.${n}`, source: `192.0.2.${n}` });
const badItem = (n: number): BatchItem => ({ kind: 'error', line: n, text: 'nope', message: "'nope' is not an IP address" });
const report = (ip: string): BatchReport => ({ target: { ip }, ptr: [], iprev: 'pass', score: 100, verdict: 'pass', results: [] });

/** An input that counts how far it has been read. */
function counted(items: BatchItem[]): { source: AsyncIterable<BatchItem>; read: () => number } {
  let read = 0;
  return {
    source: (async function* () {
      for (const i of items) {
        read++;
        yield i;
      }
    })(),
    read: () => read,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const label = (e: BatchEvent) => (e.kind === 'result' ? e.report.target.ip : `error@${e.item.line}`);

describe('runBatch', () => {
  it('yields every item once, in completion order, with bad lines and failed audits as error events', async () => {
    const items = [ipItem(1), badItem(2), ipItem(3), ipItem(4)];
    const delays: Record<string, number> = { '192.0.2.1': 30, '192.0.2.3': 1, '192.0.2.4': 10 };
    const audit = async (ip: string) => {
      await sleep(delays[ip]!);
      if (ip === '192.0.2.4') throw new Error('time budget ran out');
      return report(ip);
    };
    const out: BatchEvent[] = [];
    for await (const e of runBatch(counted(items).source, 10, audit)) out.push(e);
    expect(out.map(label)).toEqual(['error@2', '192.0.2.3', 'error@4', '192.0.2.1']);
    expect(out[2]).toMatchObject({ kind: 'error', item: { line: 4, text: '192.0.2.4', message: 'time budget ran out' } });
  });

  it.each([1, 3, 50])('never has more than %i audits in flight', async (limit) => {
    let inFlight = 0;
    let peak = 0;
    const audit = async (ip: string) => {
      peak = Math.max(peak, ++inFlight);
      await sleep(Math.random() * 3);
      inFlight--;
      return report(ip);
    };
    let n = 0;
    for await (const _ of runBatch(counted(Array.from({ length: 200 }, (_, i) => ipItem(i))).source, limit, audit)) n++;
    expect(n).toBe(200);
    expect(peak).toBe(limit);
  });

  it('reads no further than the limit ahead of a consumer that does not take', async () => {
    const input = counted(Array.from({ length: 10_000 }, (_, i) => (i % 2 ? badItem(i) : ipItem(i))));
    const gen = runBatch(input.source, 8, async (ip) => report(ip));
    await gen.next();
    await sleep(20);
    expect(input.read()).toBeLessThanOrEqual(8 * 2 + 2);
    await gen.return(undefined);
  });

  it('ends at once on empty input', async () => {
    const out = [];
    for await (const e of runBatch(counted([]).source, 4, async (ip) => report(ip))) out.push(e);
    expect(out).toEqual([]);
  });
});
