/**
 * What an operator watches, from a real `ptrcheck serve` child process:
 * Prometheus metrics scraped from their own port and parsed, and one JSON
 * log line per event on stderr, parsed line by line. No message body is
 * ever logged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServe, type ServeChild } from './support/serve-child.js';
import { SmtpClient } from './support/smtp-client.js';
import { buildMessage } from './support/messages.js';
import { startDnsServer, type DnsTestServer } from './support/dns-server.js';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runCli } from './support/cli.js';
import { tempDir } from './support/tmp.js';

let dns: DnsTestServer;
let served: ServeChild;
let http = '';
let metricsUrl = '';
let smtpPort = 0;
const stderr = () => served.stderr();

beforeAll(async () => {
  dns = await startDnsServer();
  served = await spawnServe(dns, ['--rate-limit', '1', '--rate-limit-burst', '2', '--metrics-port', '0']);
  ({ http, smtpPort } = served);
  metricsUrl = served.metricsUrl!;
}, 30_000);
afterAll(async () => {
  await dns?.close();
});

/** The Prometheus text format: `name{a="b",…} value` lines; comments skipped. */
function parseMetrics(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  return text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(l);
    if (!m) throw new Error(`not a metric line: ${l}`);
    const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1]!, x[2]!]));
    return { name: m[1]!, labels, value: Number(m[3]) };
  });
}
const value = (ms: ReturnType<typeof parseMetrics>, name: string, labels: Record<string, string> = {}) =>
  ms.filter((m) => m.name === name && Object.entries(labels).every(([k, v]) => m.labels[k] === v)).reduce((s, m) => s + m.value, 0);

describe('serve: metrics and logs', () => {
  it('counts audits, rule results, DNS, SMTP and refusals, and logs each event as one JSON line', async () => {
    // The rate limit (burst 2) takes the test address and the first audit; the next audits are refused.
    const { address } = (await (await fetch(`${http}/api/v1/inbox`, { method: 'POST' })).json()) as { address: string };
    const res = await fetch(`${http}/api/v1/audit?ip=23.192.228.80`);
    expect(res.status).toBe(200);
    const requestId = res.headers.get('x-request-id');
    const report = (await res.json()) as { id: string };
    for (let i = 0; i < 3; i++) await fetch(`${http}/api/v1/audit?ip=192.0.2.1${i}`); // the third is over the burst
    const { client } = await SmtpClient.connect(smtpPort);
    await client.command('EHLO mail.example.com');
    expect((await client.command('MAIL FROM:<news@example.com>')).code).toBe(250);
    expect((await client.command('RCPT TO:<someone@elsewhere.example>')).code).toBe(550);
    await client.command('RSET');
    const r = await client.send('news@example.com', [address], buildMessage({ from: 'news@example.com', body: 'SECRET-BODY-MARKER do not log me\r\n' }));
    expect(r.code, r.text).toBe(250);
    client.close();
    // Wait for the sink's audit of that message.
    const inboxToken = address.split('@')[0]!;
    for (let i = 0; i < 100; i++) {
      const s = (await (await fetch(`${http}/api/v1/inbox/${inboxToken}`)).json()) as { reports: { ready: boolean }[] };
      if (s.reports[0]?.ready) break;
      await new Promise((res2) => setTimeout(res2, 50));
    }

    const scrape = await fetch(metricsUrl);
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const ms = parseMetrics(await scrape.text());
    expect(value(ms, 'ptrcheck_audits_total', { mode: 'ip', verdict: 'pass' })).toBe(1);
    expect(value(ms, 'ptrcheck_audits_total', { mode: 'sink' })).toBe(1);
    expect(value(ms, 'ptrcheck_rule_results_total', { rule: 'fcrdns', status: 'pass' })).toBeGreaterThanOrEqual(1);
    expect(value(ms, 'ptrcheck_dns_queries_total', { type: 'PTR', transport: 'udp' })).toBeGreaterThanOrEqual(1);
    expect(value(ms, 'ptrcheck_dns_query_seconds_count', { transport: 'udp' })).toBeGreaterThanOrEqual(1);
    expect(value(ms, 'ptrcheck_smtp_sessions_total', { event: 'connect' })).toBe(1);
    expect(value(ms, 'ptrcheck_smtp_refusals_total', { reason: 'relay' })).toBe(1);
    expect(value(ms, 'ptrcheck_smtp_messages_total', { result: 'accepted' })).toBe(1);
    expect(value(ms, 'ptrcheck_store_write_seconds_count')).toBe(1);
    expect(value(ms, 'ptrcheck_audit_lag_seconds_count')).toBe(1);
    expect(value(ms, 'ptrcheck_rate_limited_total', { route: '/api/v1/audit' })).toBeGreaterThanOrEqual(1);
    expect(value(ms, 'ptrcheck_http_requests_total', { route: '/api/v1/audit', status: '429' })).toBeGreaterThanOrEqual(1);
    expect(value(ms, 'ptrcheck_process_resident_memory_bytes')).toBeGreaterThan(0);

    const lines = stderr().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const audit = lines.find((l) => l.event === 'audit' && l.reportId === report.id)!;
    expect(audit).toMatchObject({ service: 'ptrcheck', mode: 'ip', ip: '23.192.228.80', verdict: 'pass', level: 30 });
    expect(lines.find((l) => l.event === 'request' && l.requestId === requestId)).toMatchObject({ method: 'GET', path: '/api/v1/audit', status: 200, client: '127.0.0.1' });
    expect(lines.some((l) => l.event === 'audit' && l.mode === 'sink' && typeof l.url === 'string' && (l.url as string).includes('/r/'))).toBe(true);
    expect(lines.find((l) => l.event === 'smtp-message')).toMatchObject({ ip: '127.0.0.1', helo: 'mail.example.com', result: 'accepted', recipients: 1 });
    expect(lines.some((l) => l.event === 'smtp-refused' && l.reason === 'relay')).toBe(true);
    expect(lines.some((l) => l.event === 'rate-limited')).toBe(true);
    expect(stderr()).not.toContain('SECRET-BODY-MARKER');
    // The sink domain of this run has no MX: serve says so at start, as a log line.
    expect(lines.find((l) => l.event === 'warning')).toMatchObject({ check: 'sink-mx', domain: 'sink.example.net', level: 40 });
    expect(lines.find((l) => l.event === 'warning')!.msg).toMatch(/sink\.example\.net has no MX record .*publish "sink\.example\.net\. 3600 IN MX 10/);
  });

  it('serves nothing but /metrics on the metrics port', async () => {
    expect((await fetch(metricsUrl.replace('/metrics', '/api/v1/rules'))).status).toBe(404);
  });

  it('a metrics port already taken: one line and exit 2, and it never said it was serving (issue 25)', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
    const port = (taken.address() as AddressInfo).port;
    try {
      const run = await runCli(['serve', '--db', join(tempDir('metrics-clash'), 'p.sqlite'), '--http-port', '0', '--smtp-port', '0', '--dns', dns.address, '--metrics-port', String(port), '--log-format', 'off']);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`ptrcheck: cannot serve metrics on 127.0.0.1:${port}: listen EADDRINUSE: address already in use 127.0.0.1:${port}\n`);
      expect(run.stdout).not.toMatch(/serving/);
    } finally {
      taken.close();
    }
  });
});
