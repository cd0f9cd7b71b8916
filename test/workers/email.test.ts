/**
 * The sink on Workers: real raw messages through the `email` handler, as
 * Email Routing delivers them, audited from the Received: header its
 * receiver (mx.cloudflare.net) added, kept in D1, shown in the inbox.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import type { InboxStatus } from '../../src/http/inbox.js';
import { openD1Store } from '../../src/store/d1.js';
import { buildMessage } from '../support/messages.js';
import { applyD1Migrations } from 'cloudflare:test';
import { call, deliver, routedEmail, tick } from './call.js';
import { SINK_DOMAIN } from './constants.js';
import { emailRoutingHop } from './hops.js';

const inbox = async (token: string) => (await (await call(`/api/v1/inbox/${token}`)).json()) as InboxStatus;
const report = async (id: string) => (await (await call(`/api/v1/reports/${id}`)).json()) as Report;
const statusOf = (r: Report, rule: string) => r.results.find((x) => x.rule === rule)?.status;
const rows = async (token: string) => (await env.DB.prepare('SELECT COUNT(*) AS n FROM messages WHERE token = ?').bind(token).first<{ n: number }>())?.n;

/** The sink takes mail only for addresses it issued: issue the ones these tests send to. */
const issue = (db: D1Database, ...tokens: string[]) =>
  Promise.all(tokens.map((t) => db.prepare('INSERT OR IGNORE INTO inboxes (token, created_at) VALUES (?, ?)').bind(t, Date.now()).run()));
beforeAll(() => issue(env.DB, 'routedsigned', 'forgedbelow', 'toobig', 'noreceived', 'eightbit', 'x'));

describe('email handler', () => {
  it('audits a routed message by its Email Routing hop and lists the report in the inbox', async () => {
    const token = 'routedsigned';
    const message = routedEmail(inject('signedMessage'), `${token}@${SINK_DOMAIN}`);
    await deliver(message);
    expect(message.rejected).toBeUndefined();
    const status = await inbox(token);
    expect(status.status).toBe('received');
    expect(status.reports).toHaveLength(1);
    const entry = status.reports[0]!;
    expect(entry).toMatchObject({ ready: true, verdict: 'pass' });
    const r = await report(entry.id);
    expect(r.target).toMatchObject({ ip: '23.192.228.80', helo: 'mail.example.com', mailFrom: 'bounce@example.com' });
    expect(r.message).toMatchObject({ ipSource: 'received', heloSource: 'received', hop: { index: 0, by: 'mx.cloudflare.net' } });
    expect({ fcrdns: statusOf(r, 'fcrdns'), spf: statusOf(r, 'spf-pass'), dkim: statusOf(r, 'dkim-pass'), dmarc: statusOf(r, 'dmarc-pass') })
      .toEqual({ fcrdns: 'pass', spf: 'pass', dkim: 'pass', dmarc: 'pass' });
    // No SMTP session on Workers: TLS is read from Email Routing's own Received: line (`with ESMTPS`), never guessed.
    expect(r.results.find((x) => x.rule === 'smtp-starttls')).toMatchObject({ status: 'pass', messageId: 'hop-tls', evidence: { by: 'mx.cloudflare.net', how: 'with ESMTPS' } });
  });

  it('takes the sender from the receiver hop, not from Received: lines the sender forged below it', async () => {
    const token = 'forgedbelow';
    const forged = 'from trusted.example.com (mx1.example.com [192.0.2.10]) by mx.example.org; Wed, 25 Nov 2026 09:59:00 +0000';
    const raw = buildMessage({ from: 'x@example.net', received: [emailRoutingHop('mail.example.net', 'unknown', '192.0.2.11', `${token}@${SINK_DOMAIN}`), forged] });
    await deliver(routedEmail(raw, `${token}@${SINK_DOMAIN}`, 'x@example.net'));
    const r = await report((await inbox(token)).reports[0]!.id);
    expect(r.target.ip).toBe('192.0.2.11');
    expect(statusOf(r, 'ptr-present')).toBe('fail');
  });

  it.each([
    ['another domain', 'someone@elsewhere.example', /accepts mail for @sink\.test only/],
    ['a bad token', `bad token!@${SINK_DOMAIN}`, /no such test address/],
    ['no local part', `@${SINK_DOMAIN}`, /accepts mail for @sink\.test only|no such test address/],
    ['a well-formed token this server never issued', `qqqqqqqqqqqqqqqqqqqq@${SINK_DOMAIN}`, /no such test address/],
  ])('rejects mail for %s and keeps nothing', async (_what, to, reason) => {
    const message = routedEmail(inject('signedMessage'), to);
    await deliver(message);
    expect(message.rejected).toMatch(reason);
    expect(await rows(to.slice(0, to.lastIndexOf('@')).toLowerCase())).toBe(0);
  });

  it('rejects a message over MAX_MESSAGE_BYTES by its size, and by its stream when the size lied', async () => {
    const big = buildMessage({ from: 'a@example.com', body: 'x'.repeat(300 * 1024) });
    const claimed = routedEmail(big, `toobig@${SINK_DOMAIN}`);
    await deliver(claimed);
    expect(claimed.rejected).toMatch(/larger than 262144 bytes/);
    const lying = routedEmail(big, `toobig@${SINK_DOMAIN}`, 'a@example.com', 1000);
    await deliver(lying);
    expect(lying.rejected).toMatch(/larger than 262144 bytes/);
    expect(await rows('toobig')).toBe(0);
  });

  it('keeps a message it cannot audit and says why in the inbox', async () => {
    const token = 'noreceived';
    await deliver(routedEmail(buildMessage({ from: 'a@example.com' }), `${token}@${SINK_DOMAIN}`));
    const status = await inbox(token);
    expect(status.reports).toHaveLength(1);
    expect(status.reports[0]).toMatchObject({ ready: false, error: expect.stringMatching(/no Received: header names the connecting IP/) });
    const page = await (await call(`/inbox/${token}`)).text();
    expect(page).toContain('could not be audited');
    expect(page).not.toContain('http-equiv="refresh"');
  });

  it('keeps binary and 8-bit content byte for byte', async () => {
    const token = 'eightbit';
    const head = new TextEncoder().encode(`Received: ${emailRoutingHop('mx1.example.com', 'mx1.example.com', '192.0.2.10', `${token}@${SINK_DOMAIN}`)}\r\nFrom: a@example.com\r\nSubject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\n\r\n`);
    const body = Uint8Array.from({ length: 256 }, (_, i) => i);
    const raw = new Uint8Array([...head, ...body]);
    await deliver(routedEmail(raw, `${token}@${SINK_DOMAIN}`));
    const stored = await env.DB.prepare('SELECT raw FROM messages WHERE token = ?').bind(token).first<{ raw: number[] }>();
    expect(stored && [...new Uint8Array(stored.raw)]).toEqual([...raw]);
    expect((await inbox(token)).reports[0]).toMatchObject({ ready: true });
  });

  it('without SINK_DOMAIN the Worker rejects mail instead of losing it', async () => {
    const message = routedEmail(inject('signedMessage'), `x@${SINK_DOMAIN}`);
    await deliver(message, { ...env, SINK_DOMAIN: '' });
    expect(message.rejected).toMatch(/no SINK_DOMAIN/);
  });
});

describe('email handler when D1 fails to store the report', () => {
  it('keeps the message pending (no bounce, no second delivery) and the scheduled run audits it once D1 works again', async () => {
    const faulty = { ...env, DB: env.FAULTY_DB };
    await applyD1Migrations(env.FAULTY_DB, env.TEST_MIGRATIONS);
    // A real D1 error on the report write only: the reports table is gone while the message is stored.
    const table = await env.FAULTY_DB.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'reports'").first<{ sql: string }>();
    await env.FAULTY_DB.exec('DROP TABLE reports');
    const token = 'reportwritefails';
    await issue(env.FAULTY_DB, token);
    const message = routedEmail(inject('signedMessage'), `${token}@${SINK_DOMAIN}`);
    await deliver(message, faulty);
    expect(message.rejected).toBeUndefined();
    const row = await env.FAULTY_DB.prepare('SELECT audited_at, audit_error FROM messages WHERE token = ?').bind(token).first<{ audited_at: number | null; audit_error: string | null }>();
    expect(row).toEqual({ audited_at: null, audit_error: null });

    await env.FAULTY_DB.prepare(table!.sql).run();
    await tick(faulty);
    const status = (await (await call(`/api/v1/inbox/${token}`, undefined, faulty)).json()) as InboxStatus;
    expect(status.reports).toHaveLength(1);
    expect(status.reports[0]).toMatchObject({ ready: true, verdict: 'pass' });
  });
});

describe('scheduled handler', () => {
  it('audits messages an email run left pending, and applies retention', async () => {
    const store = openD1Store(env.DB);
    const raw = new TextEncoder().encode(inject('signedMessage'));
    await store.storeMessages([{ id: 'pendingpendingpending0', token: 'leftover', receivedAt: Date.now(), session: { via: 'email-routing', mailFrom: 'bounce@example.com', rcpt: [`leftover@${SINK_DOMAIN}`] }, raw }]);
    await env.DB.prepare("INSERT INTO reports (id, created_at, ip, verdict, score, json) VALUES ('ancientancientancient0', 0, '192.0.2.1', 'pass', 100, '{}')").run();
    expect((await inbox('leftover')).reports[0]).toMatchObject({ ready: false });
    await tick();
    expect((await inbox('leftover')).reports[0]).toMatchObject({ ready: true, verdict: 'pass' });
    expect(await store.get('ancientancientancient0')).toBeUndefined();
  });
});
