/**
 * The webhook and Slack deliveries against a real HTTP receiver on 127.0.0.1 (port 0) that records
 * what it gets and answers as told: a status, a redirect, never, or an endless body. Waits go through
 * an injected sleep that records them: nothing here depends on how fast the machine is.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RESPONSE_BYTES } from './post.js';
import { verifySignature } from './sign.js';
import { deliverSlack } from './slack.js';
import type { TransitionEvent } from './types.js';
import { deliverWebhook } from './webhook.js';

type Answer = { status: number; headers?: Record<string, string>; body?: string } | 'hang' | 'endless';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface Receiver {
  url: string;
  received: Received[];
  /** Answers for the next requests, in order; when none is left: 200. */
  answers: Answer[];
  /** Endless responses that saw their connection closed by the client. */
  endlessClosed: number;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const hanging = new Set<ServerResponse>();
  const r = { received: [] as Received[], answers: [] as Answer[], endlessClosed: 0 } as Receiver;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      r.received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      const answer = r.answers.shift() ?? { status: 200, body: 'ok' };
      if (answer === 'hang') {
        hanging.add(res);
        return;
      }
      if (answer === 'endless') {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        const chunk = 'x'.repeat(16 * 1024);
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
        };
        res.on('drain', pump);
        res.on('close', () => r.endlessClosed++);
        pump();
        return;
      }
      res.writeHead(answer.status, answer.headers ?? {});
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  r.close = async () => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return r;
}

const AT = Date.parse('2026-12-07T02:00:05.000Z');
const T = Math.floor(AT / 1000);
const now = () => AT;

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

const event: TransitionEvent = {
  event: 'monitor.transition',
  monitor: { id: 'm_7f3a', target: 'mail.example.com', label: 'Büro "main" ✉' },
  ip: '203.0.113.5',
  from: { verdict: 'pass', failing: [] },
  to: { verdict: 'fail', failing: ['fcrdns', 'ptr-present'] },
  at: '2026-12-07T02:00:00.000Z',
  reportUrl: 'https://ptrcheck.example/r/abc',
};
const EXPECTED_BODY =
  '{"event":"monitor.transition","monitor":{"id":"m_7f3a","target":"mail.example.com","label":"Büro \\"main\\" ✉"},"ip":"203.0.113.5",' +
  '"from":{"verdict":"pass","failing":[]},"to":{"verdict":"fail","failing":["fcrdns","ptr-present"]},"at":"2026-12-07T02:00:00.000Z",' +
  '"reportUrl":"https://ptrcheck.example/r/abc"}';

let rx: Receiver;
let elsewhere: Receiver;
beforeAll(async () => {
  rx = await startReceiver();
  elsewhere = await startReceiver();
});
afterEach(() => {
  rx.received.length = 0;
  rx.answers.length = 0;
  elsewhere.received.length = 0;
});
afterAll(async () => {
  await rx.close();
  await elsewhere.close();
});

describe('deliverWebhook', () => {
  it('POSTs the event as JSON with the contract headers and a signature over the exact bytes', async () => {
    const { waits, sleep } = recordingSleep();
    const result = await deliverWebhook(`${rx.url}/hooks/ptr?token=secret#x`, event, { secret: 'whsec_42', now, sleep });

    expect(result).toEqual({ ok: true, attempts: [{ channel: 'webhook', url: `${rx.url}/hooks/ptr`, attempt: 1, at: '2026-12-07T02:00:05.000Z', ms: 0, status: 200, ok: true }] });
    expect(waits).toEqual([]);
    expect(rx.received).toHaveLength(1);
    const got = rx.received[0]!;
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/hooks/ptr?token=secret');
    expect(got.body.equals(Buffer.from(EXPECTED_BODY, 'utf8'))).toBe(true);
    expect(JSON.parse(got.body.toString('utf8'))).toEqual(event);
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['user-agent']).toBe('ptrcheck');
    expect(got.headers['x-ptrcheck-event']).toBe('monitor.transition');
    expect(got.headers['content-length']).toBe(String(Buffer.byteLength(EXPECTED_BODY)));

    const signature = got.headers['x-ptrcheck-signature'] as string;
    const independent = createHmac('sha256', 'whsec_42').update(Buffer.concat([Buffer.from(`${T}.`), got.body])).digest('hex');
    expect(signature).toBe(`t=${T},v1=${independent}`);
    expect(await verifySignature('whsec_42', signature, got.body.toString('utf8'), T)).toBe(true);
    expect(await verifySignature('whsec_43', signature, got.body.toString('utf8'), T)).toBe(false);
  });

  it('sends no signature header without a secret, and refuses an empty secret', async () => {
    const result = await deliverWebhook(`${rx.url}/h`, event, { now });
    expect(result.ok).toBe(true);
    expect(rx.received[0]!.headers).not.toHaveProperty('x-ptrcheck-signature');
    await expect(deliverWebhook(`${rx.url}/h`, event, { secret: '' })).rejects.toThrow(/empty/);
    expect(rx.received).toHaveLength(1);
  });

  it('retries a 500 after 500 ms, then 1000 ms, and records every attempt', async () => {
    rx.answers.push({ status: 500 }, { status: 503, body: 'busy' }, { status: 204 });
    const { waits, sleep } = recordingSleep();
    const result = await deliverWebhook(`${rx.url}/h`, event, { secret: 'k', now, sleep });

    expect(result.ok).toBe(true);
    expect(waits).toEqual([500, 1000]);
    expect(result.attempts.map((a) => [a.attempt, a.status, a.ok, a.error])).toEqual([
      [1, 500, false, 'HTTP 500'],
      [2, 503, false, 'HTTP 503'],
      [3, 204, true, undefined],
    ]);
    expect(rx.received).toHaveLength(3);
    for (const got of rx.received) {
      expect(got.body.toString('utf8')).toBe(EXPECTED_BODY);
      expect(await verifySignature('k', got.headers['x-ptrcheck-signature'] as string, got.body.toString('utf8'), T)).toBe(true);
    }
  });

  it('gives up after the first try and two retries (the default), and says so', async () => {
    rx.answers.push({ status: 500 }, { status: 502 }, { status: 500 }, { status: 200 });
    const { waits, sleep } = recordingSleep();
    const result = await deliverWebhook(`${rx.url}/h`, event, { now, sleep });
    expect(result.ok).toBe(false);
    expect(result.attempts.map((a) => a.status)).toEqual([500, 502, 500]);
    expect(waits).toEqual([500, 1000]);
    expect(rx.received).toHaveLength(3);
  });

  it('doubles a custom backoff over more retries; fewer than two retries still makes two', async () => {
    rx.answers.push({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const a = recordingSleep();
    const more = await deliverWebhook(`${rx.url}/h`, event, { retries: 3, backoffMs: 100, now, sleep: a.sleep });
    expect(more.attempts.map((x) => x.status)).toEqual([500, 500, 500, 500]);
    expect(a.waits).toEqual([100, 200, 400]);

    rx.answers.push({ status: 500 }, { status: 500 }, { status: 500 });
    const b = recordingSleep();
    const floor = await deliverWebhook(`${rx.url}/h`, event, { retries: 0, backoffMs: 10, now, sleep: b.sleep });
    expect(floor.attempts).toHaveLength(3);
    expect(b.waits).toEqual([10, 20]);
  });

  it('retries a 429', async () => {
    rx.answers.push({ status: 429, headers: { 'Retry-After': '1' } }, { status: 200 });
    const { waits, sleep } = recordingSleep();
    const result = await deliverWebhook(`${rx.url}/h`, event, { now, sleep });
    expect(result.ok).toBe(true);
    expect(result.attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(waits).toEqual([500]);
  });

  it('cuts off a receiver that never answers at timeoutMs and tries again', async () => {
    rx.answers.push('hang', { status: 200 });
    const { waits, sleep } = recordingSleep();
    const result = await deliverWebhook(`${rx.url}/h`, event, { timeoutMs: 200, now, sleep });
    expect(result.ok).toBe(true);
    expect(result.attempts).toEqual([
      { channel: 'webhook', url: `${rx.url}/h`, attempt: 1, at: '2026-12-07T02:00:05.000Z', ms: 0, error: 'no answer within 200 ms', ok: false },
      { channel: 'webhook', url: `${rx.url}/h`, attempt: 2, at: '2026-12-07T02:00:05.000Z', ms: 0, status: 200, ok: true },
    ]);
    expect(waits).toEqual([500]);
    expect(rx.received).toHaveLength(2);
  });

  it('gives up on a receiver that never answers after three timed-out attempts', async () => {
    rx.answers.push('hang', 'hang', 'hang');
    const { sleep } = recordingSleep();
    const result = await deliverWebhook(`${rx.url}/h`, event, { timeoutMs: 200, now, sleep });
    expect(result.ok).toBe(false);
    expect(result.attempts.map((a) => [a.status, a.error])).toEqual(Array(3).fill([undefined, 'no answer within 200 ms']));
  });

  it('does not retry a 400 (the receiver refuses this body; sending it again changes nothing)', async () => {
    rx.answers.push({ status: 400, body: 'bad' }, { status: 200 });
    const { waits, sleep } = recordingSleep();
    const result = await deliverWebhook(`${rx.url}/h`, event, { now, sleep });
    expect(result).toEqual({ ok: false, attempts: [{ channel: 'webhook', url: `${rx.url}/h`, attempt: 1, at: '2026-12-07T02:00:05.000Z', ms: 0, status: 400, error: 'HTTP 400', ok: false }] });
    expect(waits).toEqual([]);
    expect(rx.received).toHaveLength(1);
  });

  it('does not follow a 302 (to another host or anywhere): a failure with its status, not retried', async () => {
    rx.answers.push({ status: 302, headers: { Location: `${elsewhere.url}/steal` } });
    const { waits, sleep } = recordingSleep();
    const result = await deliverWebhook(`${rx.url}/h`, event, { secret: 'k', now, sleep });
    expect(result.ok).toBe(false);
    expect(result.attempts.map((a) => [a.status, a.error, a.ok])).toEqual([[302, 'redirect not followed', false]]);
    expect(waits).toEqual([]);
    expect(rx.received).toHaveLength(1);
    expect(elsewhere.received).toEqual([]);
  });

  it('records a refused connection as a network error, retried', async () => {
    const gone = await startReceiver();
    const url = `${gone.url}/h`;
    await gone.close();
    const { waits, sleep } = recordingSleep();
    const result = await deliverWebhook(url, event, { now, sleep });
    expect(result.ok).toBe(false);
    expect(result.attempts).toHaveLength(3);
    for (const a of result.attempts) {
      expect(a.status).toBeUndefined();
      expect(a.error).toMatch(/ECONNREFUSED/);
    }
    expect(waits).toEqual([500, 1000]);
  });

  it('reads no more than a bounded part of an endless response body, then lets the connection go', async () => {
    rx.answers.push('endless');
    const closedBefore = rx.endlessClosed;
    // The timeout is far beyond the test's: only a bounded read returns in time.
    const result = await deliverWebhook(`${rx.url}/h`, event, { timeoutMs: 600_000, now });
    expect(MAX_RESPONSE_BYTES).toBe(4096);
    expect(result.attempts.map((a) => [a.status, a.ok])).toEqual([[200, true]]);
    await expect.poll(() => rx.endlessClosed).toBe(closedBefore + 1);
  });

  it('refuses what is not an http(s) URL in one recorded attempt, without sending', async () => {
    for (const url of ['ftp://example.com/h', 'not a url', 'file:///etc/passwd']) {
      const result = await deliverWebhook(url, event, { now });
      expect(result).toEqual({ ok: false, attempts: [{ channel: 'webhook', url, attempt: 1, at: '2026-12-07T02:00:05.000Z', ms: 0, error: 'not an http(s) URL', ok: false }] });
    }
  });

  it('sends credentials in the URL as Basic authentication, and keeps them out of the record', async () => {
    const url = rx.url.replace('http://', 'http://hook%20user:p%C3%A4ss@');
    const result = await deliverWebhook(`${url}/h?key=1`, event, { now, sleep: async () => {} });
    expect(result.attempts.map((a) => [a.url, a.status])).toEqual([[`${rx.url}/h`, 200]]);
    expect(rx.received[0]!.url).toBe('/h?key=1');
    expect(rx.received[0]!.headers.authorization).toBe(`Basic ${Buffer.from('hook user:päss', 'utf8').toString('base64')}`);
  });

  it('measures each attempt with the injected clock', async () => {
    rx.answers.push({ status: 500 }, { status: 200 });
    let t = AT;
    const ticking = () => (t += 7);
    const result = await deliverWebhook(`${rx.url}/h`, event, { now: ticking, sleep: async () => {} });
    expect(result.attempts.map((a) => [a.at, a.ms])).toEqual([
      ['2026-12-07T02:00:05.007Z', 7],
      ['2026-12-07T02:00:05.021Z', 7],
    ]);
  });
});

describe('deliverSlack (the same retries)', () => {
  const second: TransitionEvent = { ...event, ip: '203.0.113.6', monitor: { id: 'm_2', target: '<!channel> & co' }, from: { verdict: 'fail', failing: ['fcrdns'] }, to: { verdict: 'pass', failing: [] } };

  it('POSTs one {"text"} message for the round, retries a 503, hides the hook path in the record', async () => {
    rx.answers.push({ status: 503 }, { status: 200, body: 'ok' });
    const { waits, sleep } = recordingSleep();
    const result = await deliverSlack(`${rx.url}/services/T000/B000/XXXXSECRET`, [event, second], { now, sleep });
    expect(result.ok).toBe(true);
    expect(result.attempts.map((a) => [a.channel, a.url, a.attempt, a.status])).toEqual([
      ['slack', `${rx.url}/…`, 1, 503],
      ['slack', `${rx.url}/…`, 2, 200],
    ]);
    expect(waits).toEqual([500]);
    expect(rx.received).toHaveLength(2);
    const got = rx.received[1]!;
    expect(got.url).toBe('/services/T000/B000/XXXXSECRET');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['user-agent']).toBe('ptrcheck');
    expect(got.headers).not.toHaveProperty('x-ptrcheck-signature');
    expect(JSON.parse(got.body.toString('utf8'))).toEqual({
      text: [
        'ptrcheck: 2 changes (1 now failing)',
        '203.0.113.5 (mail.example.com monitor "Büro "main" ✉"): pass → fail (fcrdns, ptr-present) at 2026-12-07T02:00:00.000Z <https://ptrcheck.example/r/abc>',
        '203.0.113.6 (&lt;!channel&gt; &amp; co monitor): fail → pass (fixed: fcrdns) at 2026-12-07T02:00:00.000Z <https://ptrcheck.example/r/abc>',
      ].join('\n'),
    });
  });

  it('does not retry a 404 (a deleted hook), and sends nothing for no events', async () => {
    rx.answers.push({ status: 404, body: 'no_service' });
    const result = await deliverSlack(`${rx.url}/services/x`, [event], { now, sleep: async () => {} });
    expect(result.attempts.map((a) => a.status)).toEqual([404]);
    expect(await deliverSlack(`${rx.url}/services/x`, [], { now })).toEqual({ ok: true, attempts: [] });
    expect(rx.received).toHaveLength(1);
  });
});
