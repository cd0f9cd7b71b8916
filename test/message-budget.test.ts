/**
 * A message cannot stall the server: its header section is bounded before
 * any parser sees it, and mailauth runs in worker threads with a time budget.
 * Measured here on a real listening server: /healthz keeps answering (within
 * 100 ms plus ten times its unloaded latency) while the worst messages the
 * limits allow are being audited, most of their CPU time is spent off the main
 * thread, and a message over its budget is reported, not waited for. No bound
 * here is a bet on the machine's speed: each is certain, relative to the same
 * run, or (the 400s' 2 s) twenty times what one core shared with two CPU hogs
 * needed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createThreadAuthenticator, TooComplexError } from '../src/message/auth-thread.js';
import { MAX_CONTINUATION_LINES, MAX_HEADER_BYTES, MAX_HEADER_FIELDS } from '../src/message/headers.js';
import type { Report } from '../src/core/types.js';
import { ENDLESS_AUTH, ENDLESS_HEADER } from './support/endless-auth.js';
import { useHttpServer } from './support/http.js';
import { useFixtureDns } from './support/use-dns.js';

const hop = 'Received: from mail.example.com (mail.example.com [23.192.228.80]) by mx.example.net';
const tail = 'From: news@example.com\r\nTo: a@example.net\r\nSubject: budget\r\nMessage-ID: <budget@example.com>\r\n\r\nhello\r\n';
const encode = (s: string) => new TextEncoder().encode(s) as Uint8Array<ArrayBuffer>;

/** The worst shapes within the limits: every allowed fold in one header (mailauth's quadratic case), and a header section near its byte limit. */
const WORST = {
  folds: encode(`${hop}\r\nX-Folded: x${'\r\n (x'.repeat(MAX_CONTINUATION_LINES)}\r\n${tail}`),
  bytes: encode(`${hop}\r\n${Array.from({ length: 3_500 }, (_, i) => `X-Filler-${i}: ${'v'.repeat(50)}`).join('\r\n')}\r\n${tail}`),
  parens: encode(`${hop}\r\nX-Parens: ${'('.repeat(MAX_HEADER_BYTES - 4096)}\r\n${tail}`),
};

describe('the limits, before any parser', () => {
  const srv = useHttpServer({ maxMessageBytes: 8 * 1024 * 1024, auditTimeoutMs: 60_000 });
  const post = (body: Uint8Array<ArrayBuffer>) => srv.get('/api/v1/audit/message', { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body });

  it.each([
    ['one fold too many', encode(`${hop}\r\nX-Folded: x${'\r\n x'.repeat(MAX_CONTINUATION_LINES + 1)}\r\n${tail}`), /too complex to audit: over 5000 folded header lines/],
    ['a header section over 256 KB', encode(`${hop}\r\nX-Big: ${'v'.repeat(MAX_HEADER_BYTES)}\r\n${tail}`), /too complex to audit: its header section is over 256 KB/],
    ['10,001 header fields', encode(`${hop}\r\n${Array.from({ length: MAX_HEADER_FIELDS }, (_, i) => `X${i}: v`).join('\r\n')}\r\n${tail}`), /more than 10000 header fields/],
  ])('%s: 400, at once', async (_what, body, message) => {
    const t0 = performance.now();
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  /** /healthz every 5 ms until `until` settles: every latency seen. */
  const probe = async (until: Promise<unknown>): Promise<number[]> => {
    let done = false;
    void until.finally(() => (done = true)).catch(() => undefined);
    const latencies: number[] = [];
    while (!done) {
      const t0 = performance.now();
      const res = await srv.get('/healthz');
      latencies.push(performance.now() - t0);
      expect(res.status).toBe(200);
      await new Promise((r) => setTimeout(r, 5));
    }
    return latencies;
  };
  const auditAll = (bodies: Uint8Array<ArrayBuffer>[]) => Promise.all(bodies.map(async (body) => {
    const res = await post(body);
    expect(((await res.json()) as Report).version).toBe(1);
    return res.status;
  }));

  it('keeps /healthz answering while the worst allowed messages are audited: within 100 ms plus ten times its unloaded latency', async () => {
    for (const body of Object.values(WORST)) expect(body.length).toBeLessThan(8 * 1024 * 1024);
    /**
     * One round: /healthz alone for 250 ms (its slowest answer is this machine's delay now, beside whatever
     * else runs on it), then the six worst messages at once with /healthz probed meanwhile. The audits' own
     * work on the main thread (reading, bounding, rules) stretches as much as that delay does.
     */
    const round = async () => {
      const unloaded = Math.max(...(await probe(new Promise((r) => setTimeout(r, 250)))));
      const audits = auditAll([...Object.values(WORST), ...Object.values(WORST)]);
      const latencies = await probe(audits);
      expect(await audits).toEqual([200, 200, 200, 200, 200, 200]);
      expect(latencies.length).toBeGreaterThan(0); // probed from before the first request to the last answer: a fast machine needs few probes
      const loaded = Math.max(...latencies);
      return { unloaded, loaded, over: loaded - (100 + 10 * unloaded) };
    };
    // A busy moment of the machine shows in one round; a stall in every one.
    const rounds: Awaited<ReturnType<typeof round>>[] = [];
    const best = () => rounds.reduce((a, b) => (b.over < a.over ? b : a));
    for (let i = 0; i < 3 && (rounds.length === 0 || best().over >= 0); i++) rounds.push(await round());
    console.log(`message-budget: /healthz worst ${best().loaded.toFixed(0)} ms while auditing, ${best().unloaded.toFixed(0)} ms unloaded (${rounds.length} round(s))`);
    expect(best().over, JSON.stringify(rounds)).toBeLessThan(0);
  }, 120_000);

  it('does most of the worst messages\' work beside the main thread, on a machine of any speed', async () => {
    // On a fast machine even a message audited on the main thread stalls it too briefly for /healthz to tell.
    // Where the CPU time goes does not depend on speed: with mailauth on the main thread that thread's share of
    // the process's CPU time for these audits was 0.63–0.87, beside it 0.18–0.30 (measured idle, on one core, beside a hog).
    await auditAll([encode(`${hop}\r\n${tail}`)]); // the worker threads started and mailauth loaded
    const main0 = process.threadCpuUsage();
    const all0 = process.cpuUsage();
    expect(await auditAll(Array.from({ length: 4 }, () => Object.values(WORST)).flat())).toEqual(Array(12).fill(200));
    const main = process.threadCpuUsage(main0);
    const all = process.cpuUsage(all0);
    const share = (main.user + main.system) / (all.user + all.system);
    expect(share, `main thread ${((main.user + main.system) / 1000).toFixed(0)} ms of ${((all.user + all.system) / 1000).toFixed(0)} ms`).toBeLessThan(0.5);
  }, 60_000);
});

describe('the time budget of message authentication (worker threads)', () => {
  const dns = useFixtureDns();
  const facts = { ip: '23.192.228.80', helo: 'mail.example.com', mailFrom: 'news@example.com', authservId: 'ptrcheck' };
  const normal = encode(`${hop}\r\n${tail}`);
  /**
   * The budget these tests give: four times what a normal message takes on a fresh worker (thread start
   * and mailauth loaded) on this machine, now, and at least 1 s. A normal message on a replaced worker
   * must fit in it however slow or busy the machine is.
   */
  let budget = 0;
  beforeAll(async () => {
    const auth = createThreadAuthenticator({ threads: 1 });
    try {
      const t0 = performance.now();
      await auth(normal, facts, dns.resolver);
      budget = Math.max(1000, Math.ceil((4 * (performance.now() - t0)) / 100) * 100);
    } finally {
      await auth.close();
    }
  });
  const overBudget = () => new RegExp(`too complex to authenticate: not done within ${budget / 1000} s`.replace(/\./g, '\\.'));

  it('gives up on a message over its budget, says why, and keeps serving the next ones', async () => {
    // The workers run ENDLESS_AUTH: mailauth, except for a marked message whose work never ends (only
    // terminating its worker stops it), so this message is over its budget on the fastest machine.
    const auth = createThreadAuthenticator({ timeoutMs: budget, threads: 1, work: ENDLESS_AUTH });
    try {
      await expect(auth(normal, facts, dns.resolver)).resolves.toMatchObject({ auth: { headerFrom: ['news@example.com'] } });
      const given = await auth(encode(`${hop}\r\n${ENDLESS_HEADER}\r\n${tail}`), facts, dns.resolver).catch((e: unknown) => e);
      expect(given).toBeInstanceOf(TooComplexError);
      expect((given as Error).message).toMatch(overBudget());
      // Its worker was terminated and replaced: the next message is authenticated as usual.
      await expect(auth(normal, facts, dns.resolver)).resolves.toMatchObject({ spf: { result: 'pass' } });
    } finally {
      await auth.close();
    }
  }, 60_000);

  it('bounds real mailauth on the worst message: done within the budget, or cut at it, never waited for', async () => {
    const auth = createThreadAuthenticator({ timeoutMs: budget, threads: 1 });
    try {
      // A normal message first, so the worker is warm and the budget is the message's own.
      await expect(auth(normal, facts, dns.resolver)).resolves.toMatchObject({ auth: { headerFrom: ['news@example.com'] } });
      // 20,000 folds (over the limit messageTarget applies; the authenticator itself takes anything): mailauth's
      // quadratic case, anywhere from a fraction of a second to seconds. Either outcome is right; waiting is not.
      const slow = encode(`${hop}\r\nX-Folded: x${'\r\n (x'.repeat(20_000)}\r\n${tail}`);
      const t0 = performance.now();
      const given = await auth(slow, facts, dns.resolver).catch((e: unknown) => e);
      const took = performance.now() - t0;
      if (given instanceof Error) {
        expect(given).toBeInstanceOf(TooComplexError);
        expect(given.message).toMatch(overBudget());
      } else expect(given).toMatchObject({ auth: { headerFrom: ['news@example.com'] } });
      // The budget, plus as much again for the timer and the terminate on a busy machine.
      expect(took).toBeLessThan(2 * budget);
      await expect(auth(normal, facts, dns.resolver)).resolves.toMatchObject({ spf: { result: 'pass' } });
    } finally {
      await auth.close();
    }
  }, 60_000);

  it('asks every DNS question through the caller\'s resolver (recorded as in-process)', async () => {
    const auth = createThreadAuthenticator({ threads: 1 });
    try {
      const asked: string[] = [];
      const recording = { query: (name: string, type: Parameters<typeof dns.resolver.query>[1]) => (asked.push(`${type} ${name}`), dns.resolver.query(name, type)) };
      const r = await auth(encode(`${hop}\r\n${tail}`), { ip: '23.192.228.80', helo: 'mail.example.com', mailFrom: 'news@example.com', authservId: 'ptrcheck' }, recording);
      expect(r.spf?.result).toBe('pass');
      expect(asked).toContain('TXT example.com');
    } finally {
      await auth.close();
    }
  });
});
