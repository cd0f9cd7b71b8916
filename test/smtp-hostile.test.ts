/**
 * Hostile SMTP clients: each gets a clean SMTP answer (or a closed
 * connection), the sink stays up, and other clients are served meanwhile.
 */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { SmtpClient } from './support/smtp-client.js';
import { reportIdOf, SINK_DOMAIN, useSink } from './support/sink.js';
import { buildMessage } from './support/messages.js';

const sink = useSink({ maxClients: 100, socketTimeoutMs: 1500, maxMessageBytes: 256 * 1024 }, [], ['hostile']);
const rcpt = `hostile@${SINK_DOMAIN}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A well-behaved client completes a whole transaction: the sink still works. */
async function stillServes(): Promise<void> {
  const { client, greeting } = await SmtpClient.connect(sink.smtpPort);
  expect(greeting.code).toBe(220);
  expect((await client.command('EHLO ok.example.com')).code).toBe(250);
  const r = await client.send('a@example.com', [rcpt], buildMessage({ from: 'a@example.com' }));
  expect(r.code).toBe(250);
  client.close();
  await sink.report(reportIdOf(r.text));
}

describe('hostile SMTP clients', () => {
  it('bare LF line endings get clean replies', async () => {
    const { client } = await SmtpClient.connect(sink.smtpPort);
    client.write('EHLO lf.example.com\n');
    const ehlo = await client.reply();
    expect([250, 500, 501, 421, 0]).toContain(ehlo.code);
    client.write('MAIL FROM:<a@example.com>\nRCPT TO:<' + rcpt + '>\nDATA\n');
    const replies = [await client.reply(), await client.reply(), await client.reply()];
    for (const r of replies) expect(r.code === 0 || (r.code >= 200 && r.code < 600)).toBe(true);
    if (replies[2]?.code === 354) {
      client.write('From: a@example.com\nSubject: bare LF\n\nbody with bare LF\n.\n');
      const end = await client.reply(3000);
      expect(end.code === -1 || end.code === 0 || (end.code >= 200 && end.code < 600)).toBe(true);
    }
    client.close();
    await stillServes();
  });

  it('NUL bytes in a command and in the data get clean replies', async () => {
    const { client } = await SmtpClient.connect(sink.smtpPort);
    const ehlo = await client.command('EHLO nul\u0000.example.com');
    expect(ehlo.code).toBeGreaterThanOrEqual(400);
    expect((await client.command('EHLO nul.example.com')).code).toBe(250);
    const r = await client.send('a@example.com', [rcpt], 'From: a@example.com\r\nSubject: nul\r\n\r\nbinary \u0000\u0001\u0002 data\r\n');
    expect(r.code === 250 || (r.code >= 500 && r.code < 600)).toBe(true);
    client.close();
    await stillServes();
  });

  it('a message too complex to audit is kept, its connection judged, its checks say why, and it is never audited again', async () => {
    const { client } = await SmtpClient.connect(sink.smtpPort);
    expect((await client.command('EHLO mail.example.com')).code).toBe(250);
    const folded = `From: a@example.com\r\nX-Folded: x${'\r\n (x'.repeat(5_001)}\r\nSubject: folds\r\n\r\nhi\r\n`;
    const t0 = performance.now();
    const r = await client.send('a@example.com', [rcpt], folded);
    expect(r.code).toBe(250);
    const report = await sink.report(reportIdOf(r.text));
    expect(performance.now() - t0).toBeLessThan(5000);
    const result = (rule: string) => report.results.find((x) => x.rule === rule);
    expect(result('fcrdns')?.status).not.toBe('skip'); // the connection itself was judged
    for (const rule of ['message-id-present', 'dkim-pass', 'dmarc-pass']) {
      expect(result(rule)).toMatchObject({ status: 'skip', messageId: 'runner/unavailable' });
      expect(result(rule)?.message).toMatch(/the message could not be read \(the message is too complex to audit: over 5000 folded header lines\)/);
    }
    // Kept, and marked audited: a restart's catch-up has nothing to redo.
    expect((await sink.store.pendingMessages(1000)).map((m) => m.id)).not.toContain(report.id);
    client.close();
    await stillServes();
  });

  it('a 1 MB command line is refused, not buffered for ever', async () => {
    const { client } = await SmtpClient.connect(sink.smtpPort);
    client.write(`EHLO ${'x'.repeat(1024 * 1024)}\r\n`);
    const r = await client.reply(5000);
    expect(r.code === 0 || r.code >= 400).toBe(true); // smtp-server: 421 Command line too long
    client.close();
    await stillServes();
  });

  it('a pipelined flood of 5,000 commands is answered in order', async () => {
    const { client } = await SmtpClient.connect(sink.smtpPort);
    await client.command('EHLO flood.example.com');
    // Two commands with different replies, alternating: a reply out of order or lost shows as a wrong code.
    const commands = Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? 'NOOP' : 'HELP'));
    client.write(commands.map((c) => `${c}\r\n`).join(''));
    const codes: number[] = [];
    for (let i = 0; i < commands.length; i++) codes.push((await client.reply(5000)).code);
    expect(codes.filter((c, i) => c !== (i % 2 === 0 ? 250 : 214))).toEqual([]);
    expect(codes).toHaveLength(5000);
    client.close();
    await stillServes();
  });

  it('a client trickling one byte a second does not hold up others, and an idle one is dropped', async () => {
    const { client: slow } = await SmtpClient.connect(sink.smtpPort);
    const idle = await SmtpClient.connect(sink.smtpPort);
    const trickle = (async () => {
      for (const ch of 'EHLO') {
        slow.write(ch);
        await sleep(1000);
      }
    })();
    await stillServes(); // served while the slow client trickles
    await trickle;
    slow.close();
    // Silent for longer than the socket timeout: the sink says goodbye.
    const bye = await idle.client.reply(4000);
    expect(bye.code === 421 || bye.code === 0).toBe(true);
    idle.client.close();
  });

  it('500 parallel connections: the excess is turned away with 421, the sink stays up', async () => {
    const sockets: net.Socket[] = [];
    const greetings = await Promise.all(
      Array.from({ length: 500 }, () =>
        new Promise<string>((resolve) => {
          const s = net.connect({ port: sink.smtpPort, host: '127.0.0.1' });
          sockets.push(s);
          s.setEncoding('latin1');
          let got = '';
          s.on('data', (d: string) => {
            got += d;
            if (got.includes('\n')) resolve(got.slice(0, 3));
          });
          s.on('error', () => resolve('err'));
          s.on('close', () => resolve(got.slice(0, 3) || 'closed'));
        }),
      ),
    );
    const counts = greetings.reduce<Record<string, number>>((acc, g) => ({ ...acc, [g]: (acc[g] ?? 0) + 1 }), {});
    expect(counts['220']).toBeGreaterThan(0);
    expect(counts['220']).toBeLessThanOrEqual(101);
    expect(counts['421']).toBeGreaterThan(0);
    for (const s of sockets) s.destroy();
    await sleep(200);
    await stillServes();
  });
});
