/**
 * The monitor API (issue 29, DESIGN "Monitoring"): it exists only with an
 * admin token (404 without one), answers 401 to a wrong or missing one, and
 * keeps its targets in the real SQLite file. Through the hono app.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite.js';
import { createNodeResolver, type ClosableResolver } from '../src/dns/node.js';
import { sameBytes } from '../src/http/admin.js';
import { startDnsServer, type DnsTestServer } from './support/dns-server.js';
import { tempDir } from './support/tmp.js';
import { spawnServe } from './support/serve-child.js';
import { writeFileSync } from 'node:fs';

let dns: DnsTestServer;
let resolver: ClosableResolver;
let store: SqliteStore;
const TOKEN = 'correct horse battery staple';
beforeAll(async () => {
  dns = await startDnsServer();
  resolver = createNodeResolver({ servers: [{ host: dns.host, port: dns.port }], timeoutMs: 300 });
  store = openSqliteStore(join(tempDir('monitor-http'), 'm.sqlite'));
});
afterAll(async () => {
  store.close();
  resolver.close();
  await dns.close();
});

const withAdmin = () => createApp({ resolver, store, config: { rateLimitPerMinute: 0 }, admin: { token: TOKEN, monitors: store.monitors } });
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
const json = (body: unknown, token = TOKEN) => ({ method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the monitor API', () => {
  it('does not exist without an admin token configured (404), and the rest of the API is untouched', async () => {
    const app = createApp({ resolver, store, config: { rateLimitPerMinute: 0 } });
    expect((await app.request('/api/v1/monitors', { headers: bearer(TOKEN) })).status).toBe(404);
  });

  it('answers 401 to a missing or wrong token, with WWW-Authenticate; other routes need none', async () => {
    const app = withAdmin();
    for (const headers of [{}, bearer('wrong'), bearer(`${TOKEN}x`), { authorization: TOKEN }]) {
      const r = await app.request('/api/v1/monitors', { headers });
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toBe('Bearer realm="ptrcheck admin"');
    }
    expect((await app.request('/api/v1/rules')).status).toBe(200);
    expect((await app.request('/healthz')).status).toBe(200);
  });

  it('adds, lists, shows and removes targets', async () => {
    const app = withAdmin();
    const created = await app.request('/api/v1/monitors', json({ targets: ['192.0.2.10', '2001:DB8::/126'], label: 'relays' }));
    expect(created.status).toBe(201);
    const { monitors } = (await created.json()) as { monitors: { id: string; target: string; kind: string; label: string; created: boolean }[] };
    expect(monitors.map((m) => [m.target, m.kind, m.label, m.created])).toEqual([['192.0.2.10', 'ip', 'relays', true], ['2001:db8::/126', 'cidr', 'relays', true]]);
    const again = (await (await app.request('/api/v1/monitors', json({ target: '192.0.2.10' }))).json()) as { monitors: { id: string; created: boolean }[] };
    expect(again.monitors[0]).toMatchObject({ id: monitors[0]!.id, created: false });
    const list = (await (await app.request('/api/v1/monitors', { headers: bearer(TOKEN) })).json()) as { monitors: { id: string }[] };
    expect(list.monitors.map((m) => m.id)).toEqual(monitors.map((m) => m.id));
    const one = (await (await app.request(`/api/v1/monitors/${monitors[0]!.id}`, { headers: bearer(TOKEN) })).json()) as { target: string; transitions: unknown[]; states: object };
    expect(one).toMatchObject({ target: '192.0.2.10', transitions: [], states: {} });
    expect((await app.request(`/api/v1/monitors/${monitors[0]!.id}`, { method: 'DELETE', headers: bearer(TOKEN) })).status).toBe(204);
    expect((await app.request(`/api/v1/monitors/${monitors[0]!.id}`, { headers: bearer(TOKEN) })).status).toBe(404);
    expect((await app.request(`/api/v1/monitors/${monitors[0]!.id}`, { method: 'DELETE', headers: bearer(TOKEN) })).status).toBe(404);
  });

  it.each([
    [{ target: 'not a host!' }, 400, /'not a host!' is not an IP address, a CIDR or a domain name/],
    [{ target: '203.0.112.0/15' }, 400, /has 131,072 addresses/],
    [{ targets: ['192.0.2.77', 'nope nope'] }, 400, /'nope nope' is not/],
    [{}, 400, /give "target"/],
    [{ target: 42 }, 400, /give "target"/],
    [{ target: '192.0.2.1', label: 7 }, 400, /label must be a string/],
    [[1, 2], 400, /must be a JSON object/],
  ])('refuses %j with %i', async (body, status, message) => {
    const r = await withAdmin().request('/api/v1/monitors', json(body));
    expect(r.status).toBe(status);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(message);
    // Nothing of a refused list was added.
    expect((await store.monitors.findMonitor('192.0.2.77'))).toBeUndefined();
  });

  it('refuses a body over 64 KB (413) and one that is not JSON (400)', async () => {
    const app = withAdmin();
    expect((await app.request('/api/v1/monitors', json({ target: 'x'.repeat(70_000) }))).status).toBe(413);
    expect((await app.request('/api/v1/monitors', { method: 'POST', headers: { ...bearer(TOKEN), 'content-type': 'application/json' }, body: '{"target":' })).status).toBe(400);
  });
});

describe('sameBytes: the token compare', () => {
  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'ab', false],
    ['', '', true],
    ['', 'a', false],
    ['a', '', false],
  ])('%j vs %j → %s', (a, b, same) => {
    expect(sameBytes(new TextEncoder().encode(a), new TextEncoder().encode(b))).toBe(same);
  });
});

describe('serve: --admin-token-file and PTRCHECK_ADMIN_TOKEN', () => {
  it('turns the monitor API on for that token only; without one it does not exist', async () => {
    const file = join(tempDir('admin'), 'token');
    writeFileSync(file, `${TOKEN}\n`);
    const on = await spawnServe(dns, ['--admin-token-file', file, '--log-format', 'off']);
    const off = await spawnServe(dns, ['--log-format', 'off']);
    try {
      expect((await fetch(`${on.http}/api/v1/monitors`, { headers: bearer(TOKEN) })).status).toBe(200);
      expect((await fetch(`${on.http}/api/v1/monitors`, { headers: bearer('nope') })).status).toBe(401);
      expect((await fetch(`${on.http}/api/v1/rules`)).status).toBe(200);
      expect((await fetch(`${off.http}/api/v1/monitors`, { headers: bearer(TOKEN) })).status).toBe(404);
    } finally {
      on.child.kill('SIGKILL');
      off.child.kill('SIGKILL');
    }
  });
});

describe('the /monitors pages', () => {
  it('do not exist without an admin token; ask for it with a form; the login sets an HttpOnly cookie only for /monitors', async () => {
    expect((await createApp({ resolver, store, config: { rateLimitPerMinute: 0 } }).request('/monitors')).status).toBe(404);
    const app = withAdmin();
    const ask = await app.request('/monitors');
    expect(ask.status).toBe(401);
    expect(await ask.text()).toContain('<form method="post" action="/monitors/login">');
    const wrong = await app.request('/monitors/login', { method: 'POST', body: new URLSearchParams({ token: 'nope' }) });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const right = await app.request('/monitors/login', { method: 'POST', body: new URLSearchParams({ token: TOKEN }) });
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/monitors');
    expect(right.headers.get('set-cookie')).toBe(`ptrcheck_admin=${encodeURIComponent(TOKEN)}; Path=/monitors; HttpOnly; SameSite=Strict; Max-Age=86400`);
    expect((await app.request('/monitors', { headers: { cookie: `ptrcheck_admin=${encodeURIComponent(TOKEN)}` } })).status).toBe(200);
    expect((await app.request('/monitors', { headers: { cookie: 'ptrcheck_admin=nope' } })).status).toBe(401);
    // The cookie opens the pages, never the API.
    expect((await app.request('/api/v1/monitors', { headers: { cookie: `ptrcheck_admin=${encodeURIComponent(TOKEN)}` } })).status).toBe(401);
  });

  it('list the targets, and a target\'s timeline as an SVG chart with its transitions; hostile labels are text', async () => {
    const app = withAdmin();
    const label = '<script>window.__x=1</script>';
    const { monitors } = (await (await app.request('/api/v1/monitors', json({ target: '198.51.100.20', label }))).json()) as { monitors: { id: string }[] };
    const id = monitors[0]!.id;
    const t0 = Date.parse('2026-12-07T00:00:00Z');
    await store.monitors.setState(id, '198.51.100.20', { verdict: 'fail', failing: ['ptr-present'] }, t0 + 7_200_000);
    await store.monitors.record([
      { monitorId: id, ip: '198.51.100.20', at: t0, kind: 'baseline', data: { verdict: 'pass', failing: [], score: 100 } },
      { monitorId: id, ip: '198.51.100.20', at: t0 + 3_600_000, kind: 'look', data: { verdict: 'pass', score: 100 } },
      { monitorId: id, ip: '198.51.100.20', at: t0 + 7_200_000, kind: 'transition', data: { from: { verdict: 'pass', failing: [] }, to: { verdict: 'fail', failing: ['ptr-present'] }, score: 40 } },
    ]);
    const cookie = { cookie: `ptrcheck_admin=${encodeURIComponent(TOKEN)}` };
    const list = await (await app.request('/monitors', { headers: cookie })).text();
    expect(list).toContain(`<a href="/monitors/${id}">198.51.100.20</a>`);
    expect(list).toContain('&lt;script&gt;window.__x=1&lt;/script&gt;');
    expect(list).not.toContain(label);
    const page = await (await app.request(`/monitors/${id}`, { headers: cookie })).text();
    expect(page).toContain('<polyline class="score" fill="none" points="8.0,8.0 320.0,8.0 632.0,94.4"');
    expect(page).toContain('<circle class="transition" cx="632.0" cy="94.4" r="4">');
    expect(page).toContain('2026-12-07T02:00:00.000Z 198.51.100.20 pass → fail (ptr-present)');
    expect((await app.request('/monitors/m_AAAAAAAAAAAA', { headers: cookie })).status).toBe(404);
  });
});
