/**
 * DMARC aggregate reports as a source of monitor targets (issue 29): mailed
 * to the sink's report address (rua=mailto:dmarc@<sink domain>) over real
 * SMTP sockets, posted to POST /api/v1/monitors/dmarc, and `ptrcheck serve`
 * with its report address on by default. Each lands in the real SQLite
 * store. Reports are written here: example.com, documentation addresses.
 */
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REPORT_BYTES } from '../src/batch/dmarc-report.js';
import { createApp } from '../src/http/app.js';
import { createNodeResolver, type ClosableResolver } from '../src/dns/node.js';
import { addMonitor } from '../src/monitor/service.js';
import type { MonitorStore } from '../src/monitor/store.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite.js';
import { gzip, zipOne } from './support/archives.js';
import { aggregateReport, bytesOf } from './support/dmarc-reports.js';
import { startDnsServer, type DnsTestServer } from './support/dns-server.js';
import { spawnServe } from './support/serve-child.js';
import { reportIdOf, SINK_DOMAIN, useSink } from './support/sink.js';
import { SmtpClient } from './support/smtp-client.js';
import { tempDir } from './support/tmp.js';
import { runCli } from './support/cli.js';

const REPORT = aggregateReport('example.com', [
  { ip: '192.0.2.30', dkim: 'pass', spf: 'pass', count: 120 },
  { ip: '198.51.100.30', dkim: 'fail', spf: 'fail', count: 7 },
  { ip: '2001:db8::30', dkim: 'fail', spf: 'pass', count: 3 },
]);
/** 65 MB once inflated: past MAX_REPORT_BYTES, a few dozen KB as sent. */
const bomb = () => zipOne('bomb.xml', bytesOf(`<feedback>${' '.repeat(MAX_REPORT_BYTES + 1024 * 1024)}</feedback>`));

const sink = useSink((store) => ({ reports: { localPart: 'dmarc', monitors: store.monitors }, maxMessageBytes: 1024 * 1024 }), [], ['dmarc-token']);
const mailer = () => nodemailer.createTransport({ host: '127.0.0.1', port: sink.smtpPort, secure: false, ignoreTLS: true, name: 'mx.receiver.example' });
type Attachment = { filename: string; content: Buffer; contentType: string };
const mailReport = (attachments: Attachment[], to = `dmarc@${SINK_DOMAIN}`) =>
  mailer().sendMail({ from: 'dmarc-reports@receiver.example', to, subject: 'Report domain: example.com Submitter: receiver.example', text: 'This is an aggregate report.', attachments });
const targets = async (m: MonitorStore) => (await m.monitors()).map((x) => x.target).sort();

describe('the sink\'s DMARC report address', () => {
  beforeAll(async () => {
    await addMonitor(sink.store.monitors, 'example.com', 'our mail', Date.now());
  });

  it('takes a gzip\'d report as an attachment, answers 250, and watches each source that passed DMARC for the watched domain', async () => {
    const info = await mailReport([{ filename: 'receiver.example!example.com!1764028800!1764115199.xml.gz', content: Buffer.from(await gzip(bytesOf(REPORT))), contentType: 'application/gzip' }]);
    expect(info.response).toBe('250 2.0.0 accepted: DMARC report received');
    expect(await targets(sink.store.monitors)).toEqual(['192.0.2.30', '2001:db8::30', 'example.com']);
    for (const ip of ['192.0.2.30', '2001:db8::30']) expect(await sink.store.monitors.findMonitor(ip)).toMatchObject({ kind: 'ip', label: 'dmarc: example.com' });
    // Nothing was stored as a test message: no audit, no report for it.
    expect(await sink.store.pendingMessages(10)).toEqual([]);
  });

  it('reads a zipped report and an XML one in one message; a report about a domain nobody watches adds nothing', async () => {
    const other = aggregateReport('example.net', [{ ip: '203.0.113.31', dkim: 'pass', spf: 'pass' }], 'other-1');
    const zipped = aggregateReport('example.com', [{ ip: '192.0.2.31', dkim: 'pass', spf: 'fail' }, { ip: '192.0.2.30', dkim: 'pass', spf: 'pass' }], 'zipped-1');
    const info = await mailReport([
      { filename: 'r1.zip', content: Buffer.from(await zipOne('r1.xml', bytesOf(zipped))), contentType: 'application/zip' },
      { filename: 'r2.xml', content: Buffer.from(other), contentType: 'text/xml' },
    ]);
    expect(info.response).toMatch(/^250 /);
    expect(await targets(sink.store.monitors)).toEqual(['192.0.2.30', '192.0.2.31', '2001:db8::30', 'example.com']);
  });

  it('answers 250 to a message with no report, one whose attachment is not a report, and a zip bomb, adds nothing, and goes on working', async () => {
    const before = await targets(sink.store.monitors);
    expect((await mailer().sendMail({ from: 'someone@example.org', to: `dmarc@${SINK_DOMAIN}`, subject: 'hello', text: 'no report here' })).response).toMatch(/^250 /);
    expect((await mailReport([{ filename: 'invoice.zip', content: Buffer.from('PK\u0003\u0004 not really a zip'), contentType: 'application/zip' }])).response).toMatch(/^250 /);
    expect((await mailReport([{ filename: 'page.xml', content: Buffer.from('<html><body>not a report</body></html>'), contentType: 'application/xml' }])).response).toMatch(/^250 /);
    const started = performance.now();
    expect((await mailReport([{ filename: 'big.zip', content: Buffer.from(await bomb()), contentType: 'application/zip' }])).response).toMatch(/^250 /);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(await targets(sink.store.monitors)).toEqual(before);
    // The sink still takes reports, and test mail.
    const late = aggregateReport('example.com', [{ ip: '192.0.2.32', dkim: 'pass', spf: 'pass' }], 'late-1');
    expect((await mailReport([{ filename: 'late.xml.gz', content: Buffer.from(await gzip(bytesOf(late))), contentType: 'application/gzip' }])).response).toMatch(/^250 /);
    expect(await sink.store.monitors.findMonitor('192.0.2.32')).toBeDefined();
  });

  it('takes the report address in any case beside a test address in one transaction: the test message is stored and audited, the report read', async () => {
    const late = aggregateReport('example.com', [{ ip: '192.0.2.33', dkim: 'pass', spf: 'pass' }], 'both-1');
    const info = await mailer().sendMail({
      from: 'dmarc-reports@receiver.example', to: [`DMARC@${SINK_DOMAIN}`, `dmarc-token@${SINK_DOMAIN}`], subject: 'both', text: 'x',
      attachments: [{ filename: 'r.xml.gz', content: Buffer.from(await gzip(bytesOf(late))), contentType: 'application/gzip' }],
    });
    const report = await sink.report(reportIdOf(info.response ?? ''));
    expect(report.session?.rcpt).toEqual([`DMARC@${SINK_DOMAIN}`, `dmarc-token@${SINK_DOMAIN}`]);
    expect(await sink.store.monitors.findMonitor('192.0.2.33')).toBeDefined();
  });

  it('keeps refusing every other local part (550 5.1.1) and every other domain', async () => {
    const { client } = await SmtpClient.connect(sink.smtpPort);
    await client.command('EHLO mx.receiver.example');
    expect((await client.command('MAIL FROM:<dmarc-reports@receiver.example>')).code).toBe(250);
    expect((await client.command(`RCPT TO:<dmarc@${SINK_DOMAIN}>`)).code).toBe(250);
    expect(await client.command(`RCPT TO:<dmarc-reports@${SINK_DOMAIN}>`)).toMatchObject({ code: 550, text: expect.stringMatching(/^5\.1\.1 /) });
    expect(await client.command('RCPT TO:<dmarc@example.com>')).toMatchObject({ code: 550, text: expect.stringMatching(/^5\.7\.1 /) });
    client.close();
  });
});

describe('POST /api/v1/monitors/dmarc', () => {
  let dns: DnsTestServer;
  let resolver: ClosableResolver;
  let store: SqliteStore;
  const TOKEN = 'a dmarc admin token';
  beforeAll(async () => {
    dns = await startDnsServer();
    resolver = createNodeResolver({ servers: [{ host: dns.host, port: dns.port }], timeoutMs: 300 });
    store = openSqliteStore(join(tempDir('monitor-dmarc-http'), 'm.sqlite'));
    await addMonitor(store.monitors, 'example.com', undefined, Date.now());
  });
  afterAll(async () => {
    store.close();
    resolver.close();
    await dns.close();
  });
  const app = () => createApp({ resolver, store, config: { rateLimitPerMinute: 0 }, admin: { token: TOKEN, monitors: store.monitors } });
  const post = (body: Uint8Array | string, token: string | null = TOKEN, type = 'application/gzip') =>
    app().request('/api/v1/monitors/dmarc', { method: 'POST', headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body as BodyInit });

  it('needs the admin token (401), and does not exist without one configured (404)', async () => {
    const body = await gzip(bytesOf(REPORT));
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, 'wrong')).status).toBe(401);
    const none = createApp({ resolver, store, config: { rateLimitPerMinute: 0 } });
    expect((await none.request('/api/v1/monitors/dmarc', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: body as BodyInit })).status).toBe(404);
    expect(await targets(store.monitors)).toEqual(['example.com']);
  });

  it('answers 201 with what it added, then 200 with the same sources watched already', async () => {
    const first = await post(await gzip(bytesOf(REPORT)));
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ domain: 'example.com', added: ['192.0.2.30', '2001:db8::30'], already: [], skipped: 1 });
    const again = await post(await zipOne('r.xml', bytesOf(REPORT)), TOKEN, 'application/zip');
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ domain: 'example.com', added: [], already: ['192.0.2.30', '2001:db8::30'], skipped: 1 });
    const xml = await post(aggregateReport('example.net', [{ ip: '203.0.113.40', dkim: 'pass', spf: 'pass' }]), TOKEN, 'text/xml');
    expect([xml.status, await xml.json()]).toEqual([200, { domain: 'example.net', added: [], already: [], skipped: 1 }]);
  });

  it.each<[string, number, () => Promise<Uint8Array>, RegExp]>([
    ['not a report', 400, async () => bytesOf('hello'), /not a DMARC aggregate report/],
    ['an empty body', 400, async () => new Uint8Array(), /must be a DMARC aggregate report/],
    ['a zip bomb', 400, bomb, /compression bomb/],
    ['a body over 10 MB', 413, async () => new Uint8Array(10 * 1024 * 1024 + 1), /larger than 10 MB/],
  ])('answers %s with %i, adding nothing', async (_what, status, body, message) => {
    const before = await targets(store.monitors);
    const r = await post(await body());
    expect(r.status).toBe(status);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(message);
    expect(await targets(store.monitors)).toEqual(before);
  });
});

describe('ptrcheck serve: --dmarc-local-part', () => {
  let dns: DnsTestServer;
  beforeAll(async () => {
    dns = await startDnsServer();
  });
  afterAll(() => dns.close());

  it('is dmarc by default: a mailed report is read and logged, a bomb refused from the watch list, a message without one logged with a note', async () => {
    const serve = await spawnServe(dns, ['--log-format', 'json']);
    try {
      expect(serve.out()).toContain(`DMARC aggregate reports to dmarc@${SINK_DOMAIN}`);
      const db = openSqliteStore(serve.db);
      await addMonitor(db.monitors, 'example.com', undefined, Date.now());
      db.close();
      const send = nodemailer.createTransport({ host: '127.0.0.1', port: serve.smtpPort, secure: false, ignoreTLS: true });
      const withReport = await send.sendMail({ from: 'r@receiver.example', to: `dmarc@${SINK_DOMAIN}`, text: 'report', attachments: [{ filename: 'r.xml.gz', content: Buffer.from(await gzip(bytesOf(REPORT))), contentType: 'application/gzip' }] });
      expect(withReport.response).toMatch(/^250 /);
      const bombed = await send.sendMail({ from: 'r@receiver.example', to: `dmarc@${SINK_DOMAIN}`, text: 'report', attachments: [{ filename: 'big.zip', content: Buffer.from(await bomb()), contentType: 'application/zip' }] });
      expect(bombed.response).toMatch(/^250 /);
      expect((await send.sendMail({ from: 'r@receiver.example', to: `dmarc@${SINK_DOMAIN}`, text: 'no report' })).response).toMatch(/^250 /);
      const logged = () => serve.stderr().split('\n').filter((l) => l.includes('"dmarc-report"')).map((l) => JSON.parse(l) as Record<string, unknown>);
      for (let i = 0; i < 100 && logged().length < 3; i++) await new Promise((r) => setTimeout(r, 20));
      expect(logged()).toMatchObject([
        { level: 30, event: 'dmarc-report', ip: '127.0.0.1', domains: ['example.com'], added: 2, already: 0, skipped: 1, refused: [] },
        { event: 'dmarc-report', domains: [], added: 0, refused: [expect.stringMatching(/^big\.zip: the zip data decompresses to more than 64 MB: not a DMARC report \(a compression bomb\?\)$/)] },
        { event: 'dmarc-report', added: 0, refused: [], note: 'no report attached (no XML, gzip or zip part)' },
      ]);
      const after = openSqliteStore(serve.db);
      expect(await targets(after.monitors)).toEqual(['192.0.2.30', '2001:db8::30', 'example.com']);
      after.close();
    } finally {
      serve.child.kill('SIGKILL');
    }
  });

  it('off: the address is refused like any unknown one; a value that is no local part is a usage error', async () => {
    const serve = await spawnServe(dns, ['--log-format', 'off', '--dmarc-local-part', 'off']);
    try {
      expect(serve.out()).not.toContain('DMARC aggregate reports');
      const { client } = await SmtpClient.connect(serve.smtpPort);
      await client.command('EHLO mx.receiver.example');
      await client.command('MAIL FROM:<r@receiver.example>');
      expect((await client.command(`RCPT TO:<dmarc@${SINK_DOMAIN}>`)).code).toBe(550);
      client.close();
    } finally {
      serve.child.kill('SIGKILL');
    }
    const bad = await runCli(['serve', '--dmarc-local-part', 'dmarc reports@x', '--db', join(tempDir('serve-bad'), 'x.sqlite')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--dmarc-local-part 'dmarc reports@x' is not a local part/);
  });
});
