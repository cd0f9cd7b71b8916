/**
 * The HTTP API over a real listening server, with the test DNS server and a
 * real SQLite file behind it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { useHttpServer } from './support/http.js';
import { badInputCases } from './support/http-bad-input.js';
import { repoRoot } from './support/repo-root.js';
import { createApp } from '../src/http/app.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { createNodeResolver } from '../src/dns/node.js';
import type { Report } from '../src/core/types.js';
import { tempDir } from './support/tmp.js';

const srv = useHttpServer({ maxMessageBytes: 256 * 1024, maxJsonBytes: 2048 });
const json = async (r: Response) => (await r.json()) as Record<string, unknown>;
const errorOf = async (r: Response) => ((await r.json()) as { error: { code: string; message: string } }).error;

describe('audit endpoints', () => {
  it('GET /api/v1/audit audits an IP and keeps the report', async () => {
    const res = await srv.get('/api/v1/audit?ip=23.192.228.80&helo=mail.example.com&mailFrom=bounce@example.com&from=news@example.com');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const report = (await res.json()) as Report;
    expect(report).toMatchObject({ version: 1, verdict: 'pass', iprev: 'pass', ptr: ['mail.example.com'] });
    const kept = await srv.get(`/api/v1/reports/${report.id}`);
    expect(kept.status).toBe(200);
    expect(((await kept.json()) as Report).createdAt).toBe(report.createdAt);
    expect(await srv.store.get(report.id)).toMatchObject({ id: report.id, verdict: 'pass' });
  });

  it('POST /api/v1/audit takes a JSON body', async () => {
    const res = await srv.get('/api/v1/audit', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ip: '192.0.2.11' }) });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ verdict: 'fail', iprev: 'permerror' });
  });

  it('POST /api/v1/audit/message audits a raw message', async () => {
    const eml = readFileSync(join(repoRoot(), 'fixtures', 'messages', 'gmail.eml'));
    const res = await srv.get('/api/v1/audit/message', { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: eml });
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(report.target).toMatchObject({ ip: '23.192.228.80', helo: 'mail.example.com' });
    expect(report.message).toMatchObject({ ipSource: 'received' });
  });

  it('takes ip/helo for a message without Received headers', async () => {
    const eml = readFileSync(join(repoRoot(), 'fixtures', 'messages', 'no-received.eml'));
    const res = await srv.get('/api/v1/audit/message?ip=23.192.228.80&helo=mail.example.com', { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: eml });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Report).message).toMatchObject({ ipSource: 'caller' });
  });

  it('GET /api/v1/rules lists the catalogue', async () => {
    const rules = (await (await srv.get('/api/v1/rules')).json()) as { id: string }[];
    expect(rules).toHaveLength(30);
    expect(rules.map((r) => r.id)).toContain('fcrdns');
  });

  it('GET /api/v1/requirements lists each receiver\'s requirements, as the schema says', async () => {
    const { ProgramSchema } = await import('../src/http/schemas.js');
    const programs = (await (await srv.get('/api/v1/requirements')).json()) as { id: string; requirements: { id: string }[]; enforced?: { reply: string } }[];
    expect(programs.map((p) => p.id)).toEqual(['gmail-all', 'gmail-bulk', 'yahoo-all', 'yahoo-bulk', 'outlook-com-high-volume', 't-online', 'gmx-webde', 'ionos']);
    expect(programs.find((p) => p.id === 'outlook-com-high-volume')?.enforced?.reply).toMatch(/^550 5\.7\.515 /);
    for (const p of programs) expect(ProgramSchema.safeParse(p).success, p.id).toBe(true);
  });

  it('GET /healthz', async () => {
    const res = await srv.get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('home page', () => {
  it.each([
    ['the origin the request came to', undefined, 'http://127.0.0.1:'],
    ['the configured public URL', 'https://ptr.example.net', 'https://ptr.example.net'],
  ])('shows a curl example against %s', async (_, publicUrl, expected) => {
    const resolver = createNodeResolver({ servers: [{ host: srv.dns.host, port: srv.dns.port }], timeoutMs: 300, retries: 0 });
    const store = openSqliteStore(join(tempDir('home'), 'r.sqlite'));
    try {
      const res = publicUrl
        ? await createApp({ resolver, store, publicUrl }).request('/')
        : await srv.get('/');
      expect(res.status).toBe(200);
      // hono escapes the quotes; the URL itself is plain text.
      const curl = /curl (?:'|&#39;)([^'&]*)\/api\/v1\/audit\?ip=192\.0\.2\.55&amp;helo=mail\.example\.com/.exec(await res.text());
      expect(curl?.[1]?.startsWith(expected)).toBe(true);
      if (!publicUrl) expect(curl?.[1]).toBe(srv.url);
    } finally {
      store.close();
      resolver.close();
    }
  });
});

badInputCases((path, init) => srv.get(path, init));

describe('POST /api/v1/batch', () => {
  it('streams one NDJSON line per address, error lines for bad targets, and a summary', async () => {
    const res = await srv.get('/api/v1/batch', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ targets: ['23.192.228.80', '192.0.2.16/31', 'nope'] }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => 'ip' in l).map((l) => l.ip).sort()).toEqual(['192.0.2.16', '192.0.2.17', '23.192.228.80']);
    expect(lines.find((l) => 'error' in l)).toMatchObject({ error: { line: 3, target: 'nope' } });
    expect(lines[lines.length - 1]).toMatchObject({ summary: { total: 3, invalid: 1 } });
  });

  it.each([
    ['no targets', { targets: [] }],
    ['too many targets', { targets: Array.from({ length: 1001 }, () => '192.0.2.1') }],
    ['targets not strings', { targets: [1, 2] }],
  ])('refuses %s with 400', async (_what, body) => {
    const res = await srv.get('/api/v1/batch', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(400);
  });

  it('stops at the address cap with a clear line', async () => {
    const res = await srv.get('/api/v1/batch', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ targets: ['10.0.0.0/20', '10.1.0.0/24'] }) });
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => 'ip' in l)).toHaveLength(4096);
    expect(lines.some((l) => JSON.stringify(l).includes('more than 4096 addresses'))).toBe(true);
    expect(lines[lines.length - 1]).toMatchObject({ summary: { total: 4096, capped: true } });
  }, 60_000);

  it.each([
    // [targets, onlyFailing, addresses printed, total in the summary]
    [['23.192.228.80', '192.0.2.17'], true, ['192.0.2.17'], 2],
    [['23.192.228.80'], true, [], 1],
    [['23.192.228.80', 'nope'], true, [], 1],
    [['23.192.228.80', '192.0.2.17'], false, ['192.0.2.17', '23.192.228.80'], 2],
  ])('%j onlyFailing=%s: prints %j and always ends on the summary', async (targets, onlyFailing, printed, total) => {
    const res = await srv.get('/api/v1/batch', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ targets, onlyFailing }) });
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => 'ip' in l).map((l) => l.ip).sort()).toEqual(printed);
    expect(lines[lines.length - 1]).toMatchObject({ summary: { total } });
  });
});

describe('repeat audits', () => {
  it('gives the same report for the same target within the cache window, a new one otherwise', async () => {
    const a = (await (await srv.get('/api/v1/audit?ip=198.51.100.70&helo=smtp.example.org')).json()) as Report;
    const b = (await (await srv.get('/api/v1/audit?ip=198.51.100.70&helo=smtp.example.org')).json()) as Report;
    const c = (await (await srv.get('/api/v1/audit?ip=198.51.100.70&helo=mx.example.org')).json()) as Report;
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
  });

  it('never repeats a partial (temporarily failed) report', async () => {
    const a = (await (await srv.get('/api/v1/audit?ip=192.0.2.13')).json()) as Report;
    const b = (await (await srv.get('/api/v1/audit?ip=192.0.2.13')).json()) as Report;
    expect(a.partial).toBe(true);
    expect(b.id).not.toBe(a.id);
  });
});

describe('rate limiting and timeouts', () => {
  it('answers 429 with Retry-After once a client exhausts its burst', async () => {
    const dir = tempDir('rl');
    const resolver = createNodeResolver({ servers: [{ host: srv.dns.host, port: srv.dns.port }], timeoutMs: 300 });
    const store = openSqliteStore(join(dir, 'r.sqlite'));
    let now = 0;
    const app = createApp({ resolver, store, clock: () => now, config: { rateLimitPerMinute: 6, rateLimitBurst: 2 }, clientIp: (c) => c.req.header('x-test-client') ?? '?' });
    const ask = (client: string) => app.request('/api/v1/audit?ip=23.192.228.80', { headers: { 'x-test-client': client } });
    expect((await ask('a')).status).toBe(200);
    expect((await ask('a')).status).toBe(200);
    const limited = await ask('a');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
    expect((await ask('b')).status).toBe(200);
    now += 10_000;
    expect((await ask('a')).status).toBe(200);
    expect((await app.request('/healthz', { headers: { 'x-test-client': 'a' } })).status).toBe(200);
    resolver.close();
    store.close();
  });

  it('answers 504 when an audit outlives its budget', async () => {
    const dir = tempDir('to');
    const resolver = createNodeResolver({ servers: [{ host: srv.dns.host, port: srv.dns.port }], timeoutMs: 2000, retries: 0 });
    const store = openSqliteStore(join(dir, 'r.sqlite'));
    const app = createApp({ resolver, store, config: { auditTimeoutMs: 150, rateLimitPerMinute: 0 } });
    srv.dns.setFault('80.228.192.23.in-addr.arpa', { kind: 'delay', ms: 600 });
    try {
      const res = await app.request('/api/v1/audit?ip=23.192.228.80');
      expect(res.status).toBe(504);
      expect((await errorOf(res)).code).toBe('timeout');
    } finally {
      srv.dns.setFault('80.228.192.23.in-addr.arpa', null);
      resolver.close();
      store.close();
    }
  });
});

describe('OpenAPI', () => {
  it('serves a valid OpenAPI 3.1 document describing every API route', async () => {
    const doc = (await (await srv.get('/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/api/v1/audit', '/api/v1/audit/message', '/api/v1/batch', '/api/v1/inbox', '/api/v1/inbox/{token}', '/api/v1/reports/{id}', '/api/v1/rules', '/api/v1/requirements', '/api/v1/watch', '/api/v1/bounce'].sort());
    const validator = new Validator();
    const result = await validator.validate(doc as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents responses that match what the server returns', async () => {
    const { ReportSchema } = await import('../src/http/schemas.js');
    const report = await (await srv.get('/api/v1/audit?ip=2001:db8::26&helo=mail6.example.com')).json();
    expect(ReportSchema.safeParse(report).success).toBe(true);
    // A failing PTR: the report carries the zone's own servers too.
    const failing = (await (await srv.get('/api/v1/audit?ip=192.0.2.11')).json()) as { zoneServers?: unknown };
    expect(failing.zoneServers).toBeDefined();
    expect(ReportSchema.safeParse(failing).success).toBe(true);
  });
});
