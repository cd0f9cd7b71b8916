/**
 * ptrcheck watch, GET /api/v1/watch and the watch page, against the
 * zone-servers world: 203.0.113.40 has no PTR until the test publishes one
 * (setZone on the provider's servers, the DNS host and the resolver).
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, runCli, withAuthoritativePort } from './support/cli.js';
import { ZONE_SERVERS_DIR } from './support/dns-network.js';
import { useNetworkHttpServer } from './support/http.js';
import { useBrowser, screenshot } from './support/browser.js';
import type { WatchState } from '../src/watch/poll.js';

const srv = useNetworkHttpServer();
const chromium = useBrowser();

const zoneFile = (server: string, file: string) => readFileSync(join(ZONE_SERVERS_DIR, server, file), 'utf8');

/** The provider publishes 40 → mail40.fresh.example and the DNS host its A record; the resolver's copy follows (its cache expired). */
function publish(ptr: boolean): void {
  const reverse = (server: string) => zoneFile(server, '113.0.203.in-addr.arpa.zone').replace(/^(11\s+IN PTR.*)$/m, ptr ? '$1\n40      IN PTR mail40.fresh.example.' : '$1');
  const forward = (server: string) => zoneFile(server, 'fresh.example.zone').replace(/^(mx\s+IN A.*)$/m, ptr ? '$1\nmail40  IN A   203.0.113.40' : '$1');
  for (const s of ['127.0.0.2', '127.0.0.3']) srv.net.servers.get(s)!.setZone(reverse(s));
  srv.net.servers.get('127.0.0.6')!.setZone(forward('127.0.0.6'));
  srv.net.resolver.setZone(reverse('resolver'));
  srv.net.resolver.setZone(forward('resolver'));
}

interface Event extends Partial<WatchState> { event: string; elapsedMs: number }

/** Runs watch, calling `onLook` after each look line; resolves with the events and the exit code. */
function watch(args: string[], onLook: (e: Event, n: number) => void = () => undefined): Promise<{ code: number | null; events: Event[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'watch', ...args], { env: { PATH: process.env.PATH ?? '', ...withAuthoritativePort(args, srv.net.env) }, stdio: ['ignore', 'pipe', 'pipe'] });
    const events: Event[] = [];
    let buf = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const e = JSON.parse(buf.slice(0, nl)) as Event;
        buf = buf.slice(nl + 1);
        events.push(e);
        if (e.event === 'look') onLook(e, events.filter((x) => x.event === 'look').length);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, events, stderr }));
  });
}

describe('ptrcheck watch', () => {
  it('exits 0 once the provider\'s servers, the DNS host and the resolver all show the expected name', async () => {
    publish(false);
    const { code, events, stderr } = await watch(['203.0.113.40', '--expect', 'mail40.fresh.example', '--interval', '1s', '--timeout', '60s'], (_e, n) => {
      if (n === 2) publish(true);
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const looks = events.filter((e) => e.event === 'look');
    expect(looks.length).toBeGreaterThanOrEqual(3);
    // Before: nobody has it, and every server of the zone was asked.
    expect(looks[0]!.done).toBe(false);
    expect(looks[0]!.ptr!.map((s) => [s.kind, s.server, s.answer, s.sees])).toEqual([
      ['authoritative', 'ns1.rdns.test-isp.example', 'none', false],
      ['authoritative', 'ns2.rdns.test-isp.example', 'none', false],
      ['resolver', `127.0.0.1:${srv.net.port}`, 'none', false],
    ]);
    // After: all of them, PTR and forward.
    const last = looks.at(-1)!;
    expect(last.done).toBe(true);
    expect(last.ptr!.every((s) => s.sees && s.answer === 'mail40.fresh.example')).toBe(true);
    expect(last.forward!.map((s) => [s.kind, s.server, s.answer])).toEqual([
      ['authoritative', 'ns.fresh.test-isp.example', '203.0.113.40'],
      ['resolver', `127.0.0.1:${srv.net.port}`, '203.0.113.40'],
    ]);
    expect(events.at(-1)!.event).toBe('done');
    publish(false);
  }, 90_000);

  it('exits 1 at its timeout while the name is not published, having looked until then', async () => {
    const started = Date.now();
    const { code, events } = await watch(['203.0.113.41', '--expect', 'never.fresh.example', '--interval', '1s', '--timeout', '2s']);
    expect(code).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(events.filter((e) => e.event === 'look').length).toBeGreaterThanOrEqual(3);
    expect(events.at(-1)).toMatchObject({ event: 'timeout' });
  }, 30_000);

  it.each([
    [['203.0.113.40', '--interval', '0s'], /--interval '0s' must be a duration like 30s, 5m or 24h, from 1s to 1d/],
    [['203.0.113.40', '--timeout', '8d'], /--timeout '8d' must be a duration .* to 7d/],
    [['203.0.113.40', '--expect', 'not a name!'], /--expect 'not a name!' is not a host name/],
    [['mail.example.com'], /not an IP address/],
    [[], /watch needs an IP address/],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const run = await runCli(['watch', ...args], srv.net.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('a nameserver address that cannot be reached (issue 26.3)', () => {
  // ns1.dual.test-isp.example is at 127.0.0.2 (answers, with the new PTR) and 127.0.0.10 (nothing listens).
  const unreachable = /ns1\.dual\.test-isp\.example \(127\.0\.0\.10\) did not answer: not reachable from here .*check it from a host that can reach it/;

  it('watch is done once every server that answers and every resolver show it, and names the one it could not reach', async () => {
    const { code, events } = await watch(['3fff:0:5::140', '--expect', 'mail140.fresh.example', '--interval', '1s', '--timeout', '20s']);
    expect(code).toBe(0);
    const look = events.find((e) => e.event === 'look')!;
    expect(look.done).toBe(true);
    expect(look.ptr!.map((s) => [s.kind, s.address ?? s.server, s.answer ?? s.problem, s.sees])).toEqual([
      ['authoritative', '127.0.0.2', 'mail140.fresh.example', true],
      ['authoritative', '127.0.0.10', 'silent', false],
      ['resolver', srv.net.resolver.address, 'mail140.fresh.example', true],
    ]);
    expect(look.notes!.filter((n) => unreachable.test(n))).toHaveLength(1);
    expect(look.cannotTell).toBeUndefined();
    expect(events.filter((e) => e.event === 'look')).toHaveLength(1);
  }, 30_000);

  it('the watch page says done, and why the unreachable address was not waited for', async () => {
    const page = await chromium.browser.newPage({ javaScriptEnabled: false });
    try {
      await page.goto(`${srv.url}/watch?ip=3fff:0:5::140&expect=mail140.fresh.example`);
      expect(await page.getByRole('status').innerText()).toBe('Done: every server and resolver shows it.');
      expect(await page.getByText(unreachable).count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('a resolver whose lookup fails leaves the look undecided: never done, never "not published", no wait time', async () => {
    srv.net.resolver.setFault('0.4.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.5.0.0.0.0.0.0.0.f.f.f.3.ip6.arpa', { kind: 'servfail' }, 'PTR');
    try {
      const state = (await (await srv.get('/api/v1/watch?ip=3fff:0:5::140&expect=mail140.fresh.example')).json()) as WatchState;
      expect(state.done).toBe(false);
      expect(state.cannotTell).toEqual([`resolver (this server's) gave SERVFAIL`]);
      expect(state.waitSeconds).toBeUndefined();
      const page = await srv.get('/watch?ip=3fff:0:5::140&expect=mail140.fresh.example');
      expect(await page.text()).toContain('Cannot tell yet: resolver (this server&#39;s) gave SERVFAIL. Look again in a moment.');
    } finally {
      srv.net.resolver.setFault('0.4.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.5.0.0.0.0.0.0.0.f.f.f.3.ip6.arpa', null, 'PTR');
    }
  });
});

describe('GET /api/v1/watch and the watch page', () => {
  it('gives one look as JSON: published at the servers, the resolver\'s cache time left', async () => {
    const res = await srv.get('/api/v1/watch?ip=203.0.113.10&expect=mail.fresh.example');
    expect(res.status).toBe(200);
    const state = (await res.json()) as WatchState;
    expect(state).toMatchObject({ ip: '203.0.113.10', expect: 'mail.fresh.example', zone: '113.0.203.in-addr.arpa', done: false });
    expect(state.ptr.map((s) => [s.kind, s.sees])).toEqual([['authoritative', true], ['authoritative', true], ['resolver', false]]);
    expect(state.waitSeconds).toBeGreaterThan(2400);
    expect(state.waitSeconds).toBeLessThanOrEqual(2460);
  });

  it.each([
    ['ip=nope', 400],
    ['ip=203.0.113.10&expect=bad%20name', 400],
    ['ip=203.0.113.10&ip=203.0.113.11', 400],
    ['', 400],
  ])('GET /api/v1/watch?%s → %i, never a 500', async (query, status) => {
    const res = await srv.get(`/api/v1/watch?${query}`);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBeTruthy();
  });

  it('the page refreshes itself (no JavaScript) once asked to, until done, then stops', async () => {
    publish(false);
    const page = await chromium.browser.newPage({ javaScriptEnabled: false });
    try {
      const res = await page.goto(`${srv.url}/watch?ip=203.0.113.40&expect=mail40.fresh.example`);
      expect(res?.status()).toBe(200);
      expect(await page.locator('script').count()).toBe(0);
      // Refreshing by itself is the reader's choice (WCAG 2.2.1): off until the link turns it on.
      expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
      await page.getByRole('link', { name: 'Keep this page updating' }).click();
      const refresh = await page.locator('meta[http-equiv="refresh"]').getAttribute('content');
      expect(refresh).toMatch(/^30;url=\/watch\?ip=203\.0\.113\.40&expect=mail40\.fresh\.example&since=\d+&auto=1$/);
      expect(await page.getByRole('link', { name: 'Stop updating' }).getAttribute('href')).toBe('/watch?ip=203.0.113.40&expect=mail40.fresh.example');
      expect(await page.getByRole('status').innerText()).toMatch(/Not published at every one of the zone's own servers yet/);
      const rows = await page.locator('table').first().locator('tbody tr').allInnerTexts();
      expect(rows.map((r) => r.split('\t').slice(0, 2).join(' '))).toEqual(['not yet ns1.rdns.test-isp.example', 'not yet ns2.rdns.test-isp.example', "not yet resolver (this server's)"]);
      await screenshot(page, join('test-artifacts', 'watch-pending.png'));
      publish(true);
      // What the refresh would load (its URL, as the meta tag gives it).
      await page.goto(`${srv.url}${refresh!.replace(/^30;url=/, '')}`);
      expect(await page.getByRole('status').innerText()).toBe('Done: every server and resolver shows it.');
      expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
      await screenshot(page, join('test-artifacts', 'watch-done.png'));
    } finally {
      await page.close();
      publish(false);
    }
  });

  it('stops refreshing a page left open for more than a day', async () => {
    const res = await srv.get(`/watch?ip=203.0.113.40&since=${Date.now() - 86_400_001}&auto=1`);
    const html = await res.text();
    expect(html).not.toMatch(/http-equiv="refresh"/);
    expect(html).toMatch(/stopped looking after a day/);
  });

  it('a report whose PTR is missing links to the watch page for its fix', async () => {
    const report = (await (await srv.get('/api/v1/audit?ip=203.0.113.10&from=news@fresh.example')).json()) as { id: string };
    const html = await (await srv.get(`/r/${report.id}`)).text();
    expect(html).toContain('href="/watch?ip=203.0.113.10&amp;expect=mail.fresh.example"');
    expect(html).toMatch(/The reverse zone&#39;s own servers|The reverse zone's own servers/);
  });
});
