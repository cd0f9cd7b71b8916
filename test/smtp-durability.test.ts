/**
 * A message acknowledged is a message kept: `ptrcheck serve` runs as a
 * child process, several connections send mail, the process is killed with
 * SIGKILL mid-stream and started again on the same database. Every message
 * that got its 250 must get its report, and none may be stored twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from './support/cli.js';
import { fixtureFaults, startDnsServer, type DnsTestServer } from './support/dns-server.js';
import { SmtpClient } from './support/smtp-client.js';
import { buildMessage } from './support/messages.js';
import { reportIdOf } from './support/sink.js';
import { tempDir } from './support/tmp.js';
import { openSqliteStore } from '../src/store/sqlite.js';

let dns: DnsTestServer;
const db = join(tempDir('durable'), 'sink.sqlite');
const children: ChildProcess[] = [];

beforeAll(async () => {
  dns = await startDnsServer({ faults: fixtureFaults() });
  // The sink takes mail only for addresses it issued: issue the test's, in the database serve will open.
  const store = openSqliteStore(db);
  for (let conn = 0; conn < 16; conn++) await store.createInbox(`durable${conn}`, Date.now());
  store.close();
});
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await dns.close();
});

async function serve(): Promise<{ child: ChildProcess; http: string; smtpPort: number }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--http-port', '0', '--smtp-port', '0', '--db', db, '--dns', dns.address, '--sink-domain', 'sink.example.net', '--rate-limit', '0'], {
    env: { PATH: process.env.PATH ?? '', PTRCHECK_AUTHORITATIVE_PORT: String(dns.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 15_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const http = /serving (http:\/\/\S+)/.exec(out);
      const smtp = /SMTP sink on \S+:(\d+)/.exec(out);
      if (http && smtp) {
        clearTimeout(timer);
        resolve({ child, http: http[1]!, smtpPort: Number(smtp[1]) });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${out}`)));
  });
}

describe('durability across SIGKILL', () => {
  it('keeps and audits every acknowledged message exactly once', async () => {
    const first = await serve();
    const acked = new Map<string, string>(); // Message-ID → report id
    let stop = false;
    const sender = async (conn: number) => {
      for (let i = 0; !stop; i++) {
        let client: SmtpClient;
        try {
          client = (await SmtpClient.connect(first.smtpPort)).client;
        } catch {
          return; // the server is gone
        }
        await client.command('EHLO mail.example.com');
        for (let k = 0; k < 5 && !stop; k++) {
          const messageId = `<dur-${conn}-${i}-${k}@example.com>`;
          const r = await client.send('bounce@example.com', [`durable${conn}@sink.example.net`], buildMessage({ from: 'news@example.com', messageId }));
          if (r.code !== 250) break;
          acked.set(messageId, reportIdOf(r.text));
        }
        client.close();
      }
    };
    const senders = [0, 1, 2, 3].map(sender);
    const deadline = Date.now() + 20_000;
    while (acked.size < 40 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const exited = new Promise((r) => first.child.once('exit', r)); // listen before the kill: no race
    first.child.kill('SIGKILL'); // mid-stream: other messages are in flight on four connections
    stop = true;
    await Promise.all(senders);
    await exited;
    expect(acked.size).toBeGreaterThanOrEqual(40);

    const second = await serve();
    for (const [messageId, id] of acked) {
      const until = Date.now() + 20_000;
      let res: Response;
      for (;;) {
        res = await fetch(`${second.http}/api/v1/reports/${id}`);
        if (res.status === 200 || Date.now() > until) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(res.status, `report for ${messageId}`).toBe(200);
      const report = (await res.json()) as { message?: { messageId?: string } };
      expect(report.message?.messageId).toBe(messageId);
    }

    const reader = new DatabaseSync(db, { readOnly: true });
    const rows = reader.prepare('SELECT raw, audited_at FROM messages').all() as { raw: Uint8Array; audited_at: number | null }[];
    reader.close();
    const ids = rows.map((r) => /^Message-ID: (.*)$/m.exec(Buffer.from(r.raw).toString('utf8'))?.[1]?.trim());
    const seen = new Map<string, number>();
    for (const id of ids) seen.set(id ?? '?', (seen.get(id ?? '?') ?? 0) + 1);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    for (const messageId of acked.keys()) expect(seen.get(messageId)).toBe(1);
    const done = new Promise((r) => second.child.once('exit', r));
    second.child.kill('SIGTERM');
    await done;
  }, 60_000);
});
