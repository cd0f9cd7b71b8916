/**
 * The HTTP app as the Worker serves it: workerd, the DoH resolver against
 * the test DNS server, D1 with migrations applied.
 */
import { env, exports } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { badInputCases } from '../support/http-bad-input.js';
import { CROSS_RUNTIME_TARGETS, judgement, targetKey } from '../support/cross-runtime.js';
import { call } from './call.js';
import { SINK_DOMAIN } from './constants.js';

const asJson = async <T>(r: Response) => (await r.json()) as T;

describe('the Worker serves the API', () => {
  it('through the configured main entry (wrangler.toml → src/worker.ts)', async () => {
    const main = exports as unknown as { default: { fetch(r: Request): Promise<Response> } };
    const res = await main.default.fetch(new Request('https://ptrcheck.example/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /api/v1/audit audits over DoH and keeps the report in D1', async () => {
    // A fresh env object gets a fresh wiring, so no answer comes from another test's DNS cache.
    const res = await call('/api/v1/audit?ip=23.192.228.80', undefined, { ...env });
    expect(res.status).toBe(200);
    const report = await asJson<Report>(res);
    expect(report).toMatchObject({ verdict: 'pass', iprev: 'pass', ptr: ['mail.example.com'] });
    expect(report.dns.length).toBeGreaterThan(0);
    expect(new Set(report.dns.map((d) => d.transport))).toEqual(new Set(['doh']));
    expect(report.dns.every((d) => d.server === inject('dohUrl'))).toBe(true);
    const row = await env.DB.prepare('SELECT ip, verdict FROM reports WHERE id = ?').bind(report.id).first();
    expect(row).toEqual({ ip: '23.192.228.80', verdict: 'pass' });
    const again = await asJson<Report>(await call(`/api/v1/reports/${report.id}`));
    expect(again.createdAt).toBe(report.createdAt);
  });

  it.each(CROSS_RUNTIME_TARGETS.map((t) => [targetKey(t), t] as const))('judges %s exactly as Node does', async (key, target) => {
    const query = new URLSearchParams(Object.entries(target).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const report = await asJson<Report>(await call(`/api/v1/audit?${query}`));
    expect(judgement(report)).toEqual(inject('nodeJudgements')[key]);
  });

  it('serves the report page with hostile names escaped, under a CSP without script', async () => {
    const helo = '<script>alert(1)</script>';
    const report = await asJson<Report>(await call(`/api/v1/audit?ip=192.0.2.10&helo=${encodeURIComponent(helo)}`));
    const page = await call(`/r/${report.id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'none'|default-src 'none'/);
    const html = await page.text();
    expect(html).not.toContain(helo);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('mx1.example.com');
  });

  it('POST /api/v1/audit/message runs SPF, DKIM and DMARC (mailauth on workerd) with the DoH resolver', async () => {
    const res = await call('/api/v1/audit/message', { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: inject('signedMessage') });
    expect(res.status).toBe(200);
    const report = await asJson<Report>(res);
    const status = (id: string) => report.results.find((r) => r.rule === id)?.status;
    expect(report.target).toMatchObject({ ip: '23.192.228.80', helo: 'mail.example.com' });
    expect({ spf: status('spf-pass'), dkim: status('dkim-pass'), dmarc: status('dmarc-pass') }).toEqual({ spf: 'pass', dkim: 'pass', dmarc: 'pass' });
    expect(report.authenticationResults).toMatch(/dkim=pass/);
  });

  it('a message changed after signing fails DKIM there too', async () => {
    const report = await asJson<Report>(await call('/api/v1/audit/message', { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: inject('tamperedMessage') }));
    expect(report.results.find((r) => r.rule === 'dkim-pass')?.status).toBe('fail');
  });

  it('GET /api/v1/rules lists the same catalogue', async () => {
    const rules = await asJson<{ id: string }[]>(await call('/api/v1/rules'));
    expect(rules).toHaveLength(30);
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(['ptr-propagated', 'forward-propagated', 'reverse-zone-delegation', 'reverse-zone-servers']));
  });

  it('says the zone\'s own servers cannot be asked there (DoH only), instead of judging without them', async () => {
    const report = await asJson<Report>(await call('/api/v1/audit?ip=192.0.2.11'));
    const zoneRules = report.results.filter((r) => ['ptr-propagated', 'reverse-zone-servers', 'reverse-zone-delegation'].includes(r.rule));
    expect(zoneRules.map((r) => r.status)).toEqual(['skip', 'skip', 'skip']);
    expect(zoneRules[0]!.message).toMatch(/only use DNS over HTTPS, so the reverse zone's own nameservers cannot be asked directly/);
    expect(report.zoneServers).toBeUndefined();
    expect(report.results.find((r) => r.rule === 'ptr-present')?.status).toBe('fail');
  });

  it('GET /api/v1/watch gives the resolver\'s view, and says the zone\'s servers cannot be asked there', async () => {
    const res = await call('/api/v1/watch?ip=192.0.2.11&expect=mail.example.com');
    expect(res.status).toBe(200);
    const state = await asJson<{ ptr: { kind: string; answer?: string; sees: boolean }[]; done: boolean; notes: string[] }>(res);
    expect(state.ptr.map((s) => [s.kind, s.answer, s.sees])).toEqual([['resolver', 'none', false]]);
    expect(state.done).toBe(false);
    expect(state.notes.join(' ')).toMatch(/only use DNS over HTTPS/);
  });

  it('POST /api/v1/inbox hands out a test address at the sink domain; its page has no SMTP port hint', async () => {
    const res = await call('/api/v1/inbox', { method: 'POST' });
    expect(res.status).toBe(201);
    const { address, token } = await asJson<{ address: string; token: string }>(res);
    expect(address).toBe(`${token}@${SINK_DOMAIN}`);
    const page = await (await call(`/inbox/${token}`)).text();
    expect(page).toContain(address);
    expect(page).not.toContain('2525');
  });
});

describe('Worker configuration', () => {
  it.each([
    [{ RATE_LIMIT_PER_MINUTE: 'lots' }, /RATE_LIMIT_PER_MINUTE 'lots' must be a whole number/],
    [{ DOH_URL: 'ftp://dns.example' }, /DOH_URL 'ftp:\/\/dns.example' must be an http\(s\) URL/],
    [{ DOH_METHOD: 'PUT' }, /DOH_METHOD 'PUT' must be GET or POST/],
    [{ SINK_DOMAIN: 'not a domain' }, /SINK_DOMAIN 'not a domain' is not a domain name/],
    [{ DB: undefined }, /the D1 binding DB is missing/],
    [{ DNSBL_ZONES: 'zen.example.org, not a zone' }, /DNSBL_ZONES: 'not a zone' is not a DNS zone name/],
    [{ DNSBL_ZONES: 'zen.spamhaus.org, dnsbl.sorbs.net' }, /^DNSBL_ZONES: dnsbl\.sorbs\.net is SORBS, dead since 2024-06-05: Proofpoint decommissioned SORBS/],
    [{ MONITOR_EVERY_MINUTES: '15' }, /MONITOR_EVERY_MINUTES must be a multiple of 10/],
    [{ MONITOR_EVERY_MINUTES: '5' }, /MONITOR_EVERY_MINUTES '5'/],
    [{ MONITOR_WEBHOOKS: 'https://hooks.example/a, gopher://x' }, /MONITOR_WEBHOOKS 'gopher:\/\/x' must be an http\(s\) URL/],
    [{ MONITOR_CONFIRM_AFTER_MS: '-1' }, /MONITOR_CONFIRM_AFTER_MS '-1'/],
    [{ MONITOR_WEBHOOKS: 'http://x\u001b[2J' }, /^MONITOR_WEBHOOKS 'http:\/\/x\\x1b\[2J' is not a URL/],
    [{ MONITOR_EVERY_MINUTES: '6'.repeat(100_000) }, /MONITOR_EVERY_MINUTES '6{1,200}/],
  ])('a bad binding %o answers 503 naming it, not a crash', async (change, message) => {
    const res = await call('/api/v1/audit?ip=192.0.2.10', undefined, { ...env, ...change } as typeof env);
    expect(res.status).toBe(503);
    const body = await asJson<{ error: { code: string; message: string } }>(res);
    expect(body.error.code).toBe('misconfigured');
    expect(body.error.message).toMatch(message);
  });

  it('asks the DNSBL_ZONES lists over DoH', async () => {
    const listed = { ...env, DNSBL_ZONES: 'bl.example.net' };
    const report = await asJson<Report>(await call('/api/v1/audit?ip=192.0.2.30', undefined, listed));
    expect(report.results.find((r) => r.rule === 'dnsbl-clean')).toMatchObject({ status: 'fail', message: expect.stringContaining('127.0.0.4: Dynamic IP range') });
    const unset = await asJson<Report>(await call('/api/v1/audit?ip=192.0.2.30'));
    expect(unset.results.find((r) => r.rule === 'dnsbl-clean')?.status).toBe('skip');
  });

  it('without SINK_DOMAIN there is no inbox', async () => {
    const res = await call('/api/v1/inbox', { method: 'POST' }, { ...env, SINK_DOMAIN: '' });
    expect(res.status).toBe(404);
  });

  it('applies RATE_LIMIT_* per client (CF-Connecting-IP)', async () => {
    const limited = { ...env, RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_BURST: '2' };
    const from = (ip: string) => ({ headers: { 'cf-connecting-ip': ip } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call('/api/v1/audit?ip=192.0.2.10', from('198.51.100.7'), limited)).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await call('/api/v1/audit?ip=192.0.2.10', from('198.51.100.8'), limited)).status).toBe(200);
  });
});

badInputCases((path, init) => call(path, init));
