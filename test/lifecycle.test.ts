/**
 * `ptrcheck serve` as a service, in a real child process: /readyz, and a
 * SIGTERM while several clients are in the middle of DATA. Every message
 * that got its 250 is in the database afterwards, nothing else is, new
 * clients are told 421 4.3.2 meanwhile, and the process exits 0. A second
 * signal stops it at once.
 */
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServe } from './support/serve-child.js';
import { SmtpClient } from './support/smtp-client.js';
import { buildMessage } from './support/messages.js';
import { startDnsServer, type DnsTestServer } from './support/dns-server.js';

let dns: DnsTestServer;
beforeAll(async () => {
  dns = await startDnsServer();
});
afterAll(async () => {
  await dns.close();
});

const serve = (extra: string[] = []) => spawnServe(dns, extra);

const until = async (what: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

async function inbox(http: string): Promise<string> {
  return ((await (await fetch(`${http}/api/v1/inbox`, { method: 'POST' })).json()) as { address: string }).address;
}

describe('serve: readiness and a graceful stop', () => {
  it('is ready when the database, its migrations, the resolver and the sink are', async () => {
    const s = await serve();
    const res = await fetch(`${s.http}/readyz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; checks: Record<string, { ok: boolean; detail: string }> };
    expect(body.status).toBe('ready');
    expect(Object.keys(body.checks).sort()).toEqual(['database', 'migrations', 'resolver', 'sink']);
    expect(body.checks.migrations!.detail).toMatch(/^schema version (\d+) of \1$/);
    expect((await fetch(`${s.http}/healthz`)).status).toBe(200);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it('on SIGTERM: finishes the messages in DATA (each 250 is stored), refuses new clients with 421 4.3.2, is not ready, exits 0', async () => {
    const s = await serve(['--drain-seconds', '10']);
    const clients: SmtpClient[] = [];
    for (let i = 0; i < 3; i++) {
      const address = await inbox(s.http);
      const { client } = await SmtpClient.connect(s.smtpPort);
      await client.command('EHLO mail.example.com');
      expect((await client.command('MAIL FROM:<news@example.com>')).code).toBe(250);
      expect((await client.command(`RCPT TO:<${address}>`)).code).toBe(250);
      expect((await client.command('DATA')).code).toBe(354);
      // Half a message: the client is mid-DATA when the signal comes.
      client.write(buildMessage({ from: 'news@example.com', messageId: `<drain-${i}@example.com>` }).split('\r\n\r\n')[0]! + '\r\n\r\n');
      clients.push(client);
    }
    s.child.kill('SIGTERM');
    await until(() => /ptrcheck draining/.test(s.out()));
    const ready = await fetch(`${s.http}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: Record<string, { ok: boolean }> }).checks.shutdown).toMatchObject({ ok: false });
    const late = await SmtpClient.connect(s.smtpPort);
    expect(late.greeting.code).toBe(421);
    expect(late.greeting.text).toMatch(/4\.3\.2 the sink is shutting down/);
    late.client.close();
    const acked: string[] = [];
    for (const c of clients) {
      c.write('The body, sent after the signal.\r\n.\r\n');
      const r = await c.reply();
      expect(r.code).toBe(250);
      acked.push(/\/r\/([A-Za-z0-9_-]{22})/.exec(r.text)![1]!);
      // The session is over for new mail: the next transaction is refused.
      expect((await c.command('MAIL FROM:<news@example.com>')).code).toBe(421);
      c.close();
    }
    expect(await s.exited).toBe(0);
    expect(s.out()).toMatch(/ptrcheck stopped/);
    const db = new DatabaseSync(s.db, { readOnly: true });
    const stored = (db.prepare('SELECT id, length(raw) AS size FROM messages ORDER BY id').all() as { id: string; size: number }[]);
    db.close();
    expect(stored.map((r) => r.id).sort()).toEqual([...acked].sort());
    expect(stored.every((r) => r.size > 100)).toBe(true);
  }, 30_000);

  it('a second signal stops it at once, even with a client stuck in DATA', async () => {
    const s = await serve(['--drain-seconds', '600']);
    const address = await inbox(s.http);
    const { client } = await SmtpClient.connect(s.smtpPort);
    await client.command('EHLO mail.example.com');
    await client.command('MAIL FROM:<news@example.com>');
    await client.command(`RCPT TO:<${address}>`);
    await client.command('DATA');
    client.write('Subject: never finished\r\n');
    s.child.kill('SIGTERM');
    await until(() => /ptrcheck draining/.test(s.out()));
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(1);
    expect(s.out()).toMatch(/second signal: stopping at once/);
    client.close();
  }, 20_000);
});
