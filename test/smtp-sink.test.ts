/**
 * The SMTP sink over real sockets: nodemailer and raw commands, XCLIENT from
 * loopback presenting fixture IPs, relay refusal, limits.
 */
import { describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { SmtpClient } from './support/smtp-client.js';
import { reportIdOf, SINK_DOMAIN, useSink } from './support/sink.js';
import { buildMessage, makeDkimKey, signMessage } from './support/messages.js';

const key = makeDkimKey('example.com');
const ISSUED = ['nodemailer-test', 'xclient-clean', 'xclient-bad', 'untrusted', 'a', 'b', 'c', 'd', 'big', 'helo-one', 'helo-two'];
const sink = useSink({ maxMessageBytes: 64 * 1024, maxRecipients: 3, trustedNetworks: ['127.0.0.1', '::1'] }, [key.zone], ISSUED);
const to = (token: string) => `${token}@${SINK_DOMAIN}`;

async function session(xclient?: string, localAddress?: string) {
  const { client, greeting } = await SmtpClient.connect(sink.smtpPort, '127.0.0.1', localAddress);
  expect(greeting.code).toBe(220);
  if (xclient) expect((await client.command(`XCLIENT ${xclient}`)).code).toBe(220);
  return client;
}

describe('SMTP sink: the flow', () => {
  it('accepts mail from nodemailer over STARTTLS, commits it, replies with the report URL, and audits it', async () => {
    const token = 'nodemailer-test';
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.smtpPort, secure: false, requireTLS: true, tls: { rejectUnauthorized: false }, name: 'mail.example.com' });
    const info = await transport.sendMail({ from: 'news@example.com', to: to(token), subject: 'hello', text: 'a test', messageId: '<nm-1@example.com>' });
    expect(info.response).toMatch(new RegExp(`^250 2\\.0\\.0 accepted; report: ${sink.http.replace(/[.]/g, '\\.')}/r/[A-Za-z0-9_-]{22}$`));
    const report = await sink.report(reportIdOf(info.response ?? ''));
    expect(report.session).toMatchObject({ ip: '127.0.0.1', helo: 'mail.example.com', mailFrom: 'news@example.com', rcpt: [to(token)], tls: true });
    expect(report.session?.tlsProtocol).toMatch(/^TLSv1\.[23]$/);
    expect(report.results.find((r) => r.rule === 'smtp-starttls')?.status).toBe('pass');
    expect(report.results.find((r) => r.rule === 'message-id-present')?.status).toBe('pass');
    const inbox = (await (await fetch(`${sink.http}/api/v1/inbox/${token}`)).json()) as { status: string; reports: { id: string; ready: boolean }[] };
    expect(inbox).toMatchObject({ status: 'received', reports: [{ id: report.id, ready: true }] });
  });

  it('audits the IP and HELO a trusted proxy presents with XCLIENT: a clean, signed sender passes', async () => {
    const c = await session('ADDR=23.192.228.80 NAME=mail.example.com HELO=mail.example.com');
    expect((await c.command('EHLO mail.example.com')).code).toBe(250);
    const msg = await signMessage(buildMessage({ from: 'News <news@example.com>', messageId: '<x-1@example.com>' }), key);
    const r = await c.send('bounce@example.com', [to('xclient-clean')], msg);
    expect(r.code).toBe(250);
    c.close();
    const report = await sink.report(reportIdOf(r.text));
    expect(report.target).toMatchObject({ ip: '23.192.228.80', helo: 'mail.example.com', mailFrom: 'bounce@example.com' });
    expect(report.session).toMatchObject({ ip: '23.192.228.80', peerIp: '127.0.0.1', tls: false });
    const status = Object.fromEntries(report.results.map((x) => [x.rule, x.status]));
    expect(status).toMatchObject({ fcrdns: 'pass', 'spf-pass': 'pass', 'dkim-pass': 'pass', 'dmarc-pass': 'pass', 'smtp-starttls': 'fail' });
    expect(report.message?.ipSource).toBe('session');
  });

  it('remembers the HELO names an IP used, and shows them on reports for that IP', async () => {
    const ip = '192.0.2.16';
    for (const [helo, token] of [['first.example.net', 'helo-one'], ['second.example.net', 'helo-two']] as const) {
      const c = await session(`ADDR=${ip} HELO=${helo}`);
      await c.command(`EHLO ${helo}`);
      const r = await c.send('a@example.net', [to(token)], buildMessage({ from: 'a@example.net' }));
      expect(r.code).toBe(250);
      c.close();
      await sink.report(reportIdOf(r.text));
    }
    // The second message's report, and a later IP audit through the API, both list what the sink saw.
    const audit = (await (await fetch(`${sink.http}/api/v1/audit?ip=${ip}`)).json()) as { id: string; heloSeen?: { helo: string; count: number }[] };
    expect(audit.heloSeen?.map((h) => [h.helo, h.count])).toEqual([['second.example.net', 1], ['first.example.net', 1]]);
    const page = await (await fetch(`${sink.http}/r/${audit.id}`)).text();
    expect(page).toContain('Recently seen HELO values from this IP');
    expect(page).toMatch(/<td>second\.example\.net<\/td>/);
  });

  it('reports a documentation-range sender without rDNS as failing FCrDNS', async () => {
    const c = await session('ADDR=192.0.2.11 HELO=desktop-pc');
    await c.command('EHLO desktop-pc');
    const r = await c.send('someone@example.org', [to('xclient-bad')], buildMessage({ from: 'someone@example.org' }));
    c.close();
    const report = await sink.report(reportIdOf(r.text));
    expect(report.verdict).toBe('fail');
    expect(Object.fromEntries(report.results.map((x) => [x.rule, x.status]))).toMatchObject({ 'ptr-present': 'fail', fcrdns: 'fail', 'helo-fqdn': 'fail' });
  });

  it('refuses XCLIENT from a peer outside the trusted networks, and does not offer it', async () => {
    const c = await session(undefined, '127.0.0.2');
    const ehlo = await c.command('EHLO client.example.com');
    expect(ehlo.text).not.toMatch(/XCLIENT|XFORWARD/);
    expect((await c.command('XCLIENT ADDR=23.192.228.80')).code).toBeGreaterThanOrEqual(500);
    const r = await c.send('a@example.com', [to('untrusted')], buildMessage({ from: 'a@example.com' }));
    c.close();
    expect((await sink.report(reportIdOf(r.text))).session).toMatchObject({ ip: '127.0.0.2' });
  });
});

describe('SMTP sink: never a relay, limits enforced', () => {
  it.each([
    ['another domain', 'victim@example.com', 550, /5\.7\.1 relaying denied/],
    ['a subdomain of the sink domain', `x@mail.${SINK_DOMAIN}`, 550, /5\.7\.1/],
    ['a source route', `@relay.example.com:x@example.com`, 550, /./],
    ['a bad local part', `a!b@${SINK_DOMAIN}`, 550, /5\.1\.1/],
    ['a well-formed token this server never issued', `qqqqqqqqqqqqqqqqqqqq@${SINK_DOMAIN}`, 550, /5\.1\.1 no such test address/],
    ['a token issued once but expired (deleted by retention)', `expired@${SINK_DOMAIN}`, 550, /5\.1\.1/],
  ])('refuses RCPT to %s', async (_what, rcpt, code, text) => {
    if (rcpt.startsWith('expired@')) {
      await sink.store.createInbox('expired', Date.parse('2001-01-01T00:00:00.000Z'));
      expect(await sink.store.inboxExists('expired')).toBe(true);
      await sink.store.deleteOlderThan(Date.parse('2002-01-01T00:00:00.000Z'));
    }
    const c = await session();
    await c.command('EHLO client.example.com');
    expect((await c.command('MAIL FROM:<a@example.com>')).code).toBe(250);
    const r = await c.command(`RCPT TO:<${rcpt}>`);
    expect(r.code).toBe(code);
    expect(r.text).toMatch(text);
    c.close();
  });

  it('limits recipients', async () => {
    const c = await session();
    await c.command('EHLO client.example.com');
    await c.command('MAIL FROM:<a@example.com>');
    for (const t of ['a', 'b', 'c']) expect((await c.command(`RCPT TO:<${to(t)}>`)).code).toBe(250);
    const r = await c.command(`RCPT TO:<${to('d')}>`);
    expect(r).toMatchObject({ code: 452 });
    c.close();
  });

  it('advertises SIZE and refuses a larger message, declared or not', async () => {
    const c = await session();
    expect((await c.command('EHLO client.example.com')).text).toMatch(/SIZE 65536/);
    expect((await c.command('MAIL FROM:<a@example.com> SIZE=100000')).code).toBe(552);
    const r = await c.send('a@example.com', [to('big')], buildMessage({ from: 'a@example.com', body: 'x'.repeat(100_000) }));
    expect(r.code).toBe(552);
    c.close();
  });

  it('creates test addresses through the API with unguessable tokens', async () => {
    const a = (await (await fetch(`${sink.http}/api/v1/inbox`, { method: 'POST' })).json()) as { address: string; token: string; reportUrl: string };
    const b = (await (await fetch(`${sink.http}/api/v1/inbox`, { method: 'POST' })).json()) as { token: string };
    expect(a.address).toBe(`${a.token}@${SINK_DOMAIN}`);
    expect(a.token).toMatch(/^[a-z0-9]{20}$/);
    expect(b.token).not.toBe(a.token);
    expect(a.reportUrl).toBe(`${sink.http}/inbox/${a.token}`);
    expect(await (await fetch(`${sink.http}/api/v1/inbox/${a.token}`)).json()).toEqual({ status: 'waiting', reports: [] });
    const page = await fetch(`${sink.http}/inbox/${a.token}`);
    const html = await page.text();
    expect(html).toContain(a.address);
    // Refreshing by itself is the reader's choice (WCAG 2.2.1): off by default, a link turns it on.
    expect(html).not.toMatch(/http-equiv="refresh"/);
    expect(html).toContain(`href="/inbox/${a.token}?auto=1"`);
    const auto = await (await fetch(`${sink.http}/inbox/${a.token}?auto=1`)).text();
    expect(auto).toMatch(/<meta http-equiv="refresh" content="5"/);
    expect(auto).toContain(`<a href="/inbox/${a.token}">Stop updating</a>`);
  });
});
