/**
 * A bounce cannot stall the server (issue 25, F2): the serve process decodes
 * bounces in worker threads (src/bounce/thread.ts) with a time budget and a
 * heap limit. A bounce over its budget, or out of memory, is answered as not
 * decoded (200, never a 500), the next one is decoded on a fresh worker, and
 * /healthz answers throughout. Going over the budget is certain, not a bet on
 * the machine's speed: test/support/endless-bounce.ts never finishes a marked
 * bounce, so only the budget ends it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThreadDecoder, type ThreadBounceDecoder } from '../src/bounce/thread.js';
import { checkBounce, type BounceResult } from '../src/bounce/check.js';
import { BOUNCE_NOW } from '../src/bounce/words.js';
import { startHttp, type RunningHttp } from '../src/node.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite.js';
import { createNodeResolver, type ClosableResolver } from '../src/dns/node.js';
import { receivers } from '../rules/receivers/index.js';
import { ENDLESS_BOUNCE, ENDLESS_MARK, HUNGRY_MARK } from './support/endless-bounce.js';
import { useHttpServer } from './support/http.js';
import { repoRoot } from './support/repo-root.js';
import { tempDir } from './support/tmp.js';

const fixture = (name: string) => readFileSync(join(repoRoot(), 'fixtures', 'bounces', name), 'utf8');
const KB = 1024;
const MB = KB * KB;
const bomb = (head: string, unit: string, size: number) => head + unit.repeat(Math.ceil((size - head.length) / unit.length)).slice(0, size - head.length);
const ENDLESS = `${ENDLESS_MARK}\n\n550 5.7.1 a bounce that is never done`;
const overBudget = (ms: number) => `the bounce is too complex to decode: not done within ${ms / 1000} s, so it was given up`;

/** The budget: four times a cold worker's normal bounce in this run (a replaced worker starts cold), at least 1 s. */
let budget = 1000;
beforeAll(async () => {
  const cold = createThreadDecoder({ threads: 1 });
  const t0 = performance.now();
  await cold(fixture('postfix-gmail-ptr.eml'));
  budget = Math.max(1000, Math.ceil(4 * (performance.now() - t0)));
  await cold.close();
});

describe('the bounce threads', () => {
  const decoders: ThreadBounceDecoder[] = [];
  const decoder = (o: Parameters<typeof createThreadDecoder>[0]) => (decoders.push(createThreadDecoder({ threads: 1, work: ENDLESS_BOUNCE, ...o })), decoders.at(-1)!);
  afterAll(async () => Promise.all(decoders.map((d) => d.close())));

  it('gives up a bounce over its budget, in words, and decodes the one waiting behind it on a fresh worker', async () => {
    const decode = decoder({ timeoutMs: budget });
    const [endless, next] = await Promise.allSettled([decode(ENDLESS), decode(fixture('postfix-gmail-ptr.eml'))]);
    expect(endless).toMatchObject({ status: 'rejected', reason: { name: 'BounceNotDecodedError', message: overBudget(budget) } });
    expect(next).toMatchObject({ status: 'fulfilled', value: { receiver: { id: 'gmail' }, enhanced: '5.7.25', ip: '203.0.113.10' } });
  });

  it('gives up a bounce that needs more than the worker\'s heap, and decodes the next', async () => {
    const decode = decoder({ timeoutMs: 120_000 });
    await expect(decode(`${HUNGRY_MARK}\n\n550 5.7.1 x`)).rejects.toMatchObject({
      name: 'BounceNotDecodedError',
      message: 'the bounce could not be decoded: its decoding thread stopped (Worker terminated due to reaching memory limit: JS heap out of memory)',
    });
    await expect(decode(fixture('outlook-dy001.txt'))).resolves.toMatchObject({ receiver: { id: 'outlook-com' }, ip: '192.0.2.30' });
  });

  it('checkBounce says the bounce was not decoded, and audits nothing', async () => {
    const audited: string[] = [];
    const result = await checkBounce(ENDLESS, receivers, async (ip) => (audited.push(ip), Promise.reject(new Error('not asked'))), decoder({ timeoutMs: budget }));
    expect(result).toEqual({ bounce: { format: 'text', category: 'other', notes: [overBudget(budget)] }, now: { status: 'not-decoded', message: BOUNCE_NOW['not-decoded'] } });
    expect(audited).toEqual([]);
  });

  it('reads at most 10 MB of what it is given (one character more says the rest was cut)', async () => {
    const d = await decoder({ timeoutMs: 60_000 })(bomb('Content-Type: text/html\n\n', '<a', 12 * MB));
    expect(d.notes[0]).toBe('the bounce was read in part (it is longer than 10 MB: only its first 10 MB was read; 1 part(s) longer than 256 KB: the first 256 KB of each was read; 1 line(s) longer than 4 KB: the first 4 KB of each was read)');
  });
});

/** /healthz asked every 5 ms while `work` runs: each answer's status, and how many came back before `work` was done. */
async function probed<T>(get: (path: string) => Promise<Response>, work: Promise<T>): Promise<{ result: T; statuses: number[]; during: number }> {
  let done = false;
  let during = 0;
  const statuses: number[] = [];
  const probe = (async () => {
    while (!done) {
      statuses.push((await get('/healthz')).status);
      if (!done) during++;
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const result = await work.finally(() => (done = true));
  await probe;
  return { result, statuses, during };
}

describe('POST /api/v1/bounce and the paste form: a decode that never ends', () => {
  let http: RunningHttp;
  let store: SqliteStore;
  let resolver: ClosableResolver;
  let decode: ThreadBounceDecoder;
  const get = (path: string, init?: RequestInit) => fetch(`${http.url}${path}`, init);
  beforeAll(async () => {
    // Nothing here names an IP: no audit runs, no DNS is asked (port 9 would not answer).
    resolver = createNodeResolver({ servers: [{ host: '127.0.0.1', port: 9 }], timeoutMs: 300, retries: 0 });
    store = openSqliteStore(join(tempDir('bounce-budget'), 'reports.sqlite'));
    decode = createThreadDecoder({ threads: 1, timeoutMs: budget, work: ENDLESS_BOUNCE });
    http = await startHttp({ resolver, store, port: 0, host: '127.0.0.1', decodeBounce: decode, config: { rateLimitPerMinute: 0 } });
  });
  afterAll(async () => {
    await http.close();
    await decode.close();
    store.close();
    resolver.close();
  });

  it('answers 200 "not decoded" at the budget, /healthz answering meanwhile, and decodes the next bounce', async () => {
    const post = get('/api/v1/bounce', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: ENDLESS }).then(async (res) => ({ status: res.status, body: (await res.json()) as BounceResult }));
    const { result, statuses, during } = await probed(get, post);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ bounce: { format: 'text', category: 'other', notes: [overBudget(budget)] }, now: { status: 'not-decoded', message: BOUNCE_NOW['not-decoded'] } });
    // The decode never ends by itself: had it run on the main thread, not one probe would have come back.
    expect(during).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set([200]));
    const next = await get('/api/v1/bounce', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: fixture('yahoo-unauthenticated.txt') });
    expect(next.status).toBe(200);
    expect(((await next.json()) as BounceResult).bounce).toMatchObject({ receiver: { id: 'yahoo' }, enhanced: '5.7.9' });
  });

  it('the paste form shows the same, as a page', async () => {
    const res = await get('/bounce', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ bounce: ENDLESS }).toString() });
    expect(res.status).toBe(200);
    const text = (await res.text()).replace(/<[^>]*>/g, '').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    expect(text).toContain(`Note: ${overBudget(budget)}`);
    expect(text).toContain(BOUNCE_NOW['not-decoded']);
  });
});

describe('POST /api/v1/bounce with the bombs, up to the 10 MB limit (the serve process\'s own threads)', () => {
  const srv = useHttpServer();
  const HTML = 'Content-Type: text/html\n\n';
  const LINE = '1 line(s) longer than 4 KB: the first 4 KB of each was read';
  const PART = '1 part(s) longer than 256 KB: the first 256 KB of each was read';

  it.each([
    ['200 KB of <a<a<a… as text/html', () => bomb(HTML, '<a', 200 * KB), [LINE]],
    ['10 MB of <a<a<a… as text/html', () => bomb(HTML, '<a', 10 * MB), [PART, LINE]],
    ['10 MB of (in reply to (in reply to…', () => bomb('550 5.7.1 refused ', '(in reply to ', 10 * MB), [PART, LINE]],
    ['10 MB in an unclosed <!--', () => bomb(`${HTML}<!--`, 'x', 10 * MB), [PART, LINE]],
  ])('%s → 200, read in part, /healthz answering meanwhile', async (_what, make, cut) => {
    const body = make();
    const post = srv.get('/api/v1/bounce', { method: 'POST', headers: { 'content-type': 'text/plain' }, body }).then(async (res) => ({ status: res.status, body: (await res.json()) as BounceResult }));
    const { result, statuses } = await probed(srv.get, post);
    expect(result.status).toBe(200);
    expect(result.body.bounce.notes[0]).toBe(`the bounce was read in part (${cut.join('; ')})`);
    expect(result.body.now.status).toBe('no-ip');
    expect(new Set(statuses)).toEqual(new Set([200]));
  });

  it('one byte over the limit → 413', async () => {
    const res = await srv.get('/api/v1/bounce', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: bomb('', '<a', 10 * MB + 1) });
    expect(res.status).toBe(413);
  });

  it('the paste form with 1 MB of <a<a<a… → 200, and the page says what was read', async () => {
    const res = await srv.get('/bounce', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ bounce: bomb(HTML, '<a', MB) }).toString() });
    expect(res.status).toBe(200);
    expect((await res.text()).replace(/<[^>]*>/g, '')).toContain(`Note: the bounce was read in part (${PART}; ${LINE})`);
  });
});
