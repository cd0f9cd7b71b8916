/**
 * --probe-smtp against real servers on loopback: smtp-server with STARTTLS
 * on 127.0.0.25 (its banner names the PTR host), a plain listener on
 * 127.0.0.26 that announces another name and records every line it is
 * sent, nothing on 127.0.0.27. The PTRs come from the zone-servers world.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { generate } from 'selfsigned';
import { runCli } from './support/cli.js';
import { startDnsNetwork, type DnsNetwork } from './support/dns-network.js';
import { createSmtpProber } from '../src/probe/smtp.js';
import { makeProber } from '../src/cli/probe.js';
import type { Report } from '../src/core/types.js';

let world: DnsNetwork;
let good: SMTPServer;
let odd: net.Server;
let port = 0;
const oddLines: string[] = [];
let mailCommands = 0;

beforeAll(async () => {
  world = await startDnsNetwork();
  const pems = await generate([{ name: 'commonName', value: 'smtp.fresh.example' }], { keySize: 2048, extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'smtp.fresh.example' }] }] });
  good = new SMTPServer({ name: 'smtp.fresh.example', key: pems.private, cert: pems.cert, authOptional: true, onMailFrom: (_a, _s, cb) => (mailCommands++, cb()) });
  await new Promise<void>((resolve) => good.listen(0, '127.0.0.25', () => resolve()));
  port = (good.server.address() as net.AddressInfo).port;
  // The other host answers on the same port number, on its own address.
  odd = net.createServer((sock) => {
    sock.write('220 localhost.localdomain ESMTP\r\n');
    let buf = '';
    sock.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).replace(/\r$/, '');
        buf = buf.slice(nl + 1);
        oddLines.push(line);
        if (/^EHLO /i.test(line)) sock.write('250-localhost.localdomain\r\n250 PIPELINING\r\n');
        else if (/^QUIT/i.test(line)) sock.end('221 bye\r\n');
        else sock.write('500 what\r\n');
      }
    });
    sock.on('error', () => sock.destroy());
  });
  await new Promise<void>((resolve) => odd.listen(port, '127.0.0.26', () => resolve()));
}, 60_000);
afterAll(async () => {
  await new Promise<void>((resolve) => good?.close(() => resolve()));
  await new Promise<void>((resolve) => odd?.close(() => resolve()));
  await world?.close();
});

async function audit(ip: string): Promise<Report> {
  const run = await runCli(['audit', ip, '--json', '--probe-smtp', '--probe-port', String(port), '--timeout', '1000'], world.env);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Report;
}
const banner = (r: Report) => r.results.find((x) => x.rule === 'smtp-banner')!;

describe('ptrcheck audit --probe-smtp', () => {
  it('reads the banner, EHLO and the STARTTLS certificate, and finds they name the PTR host', async () => {
    const r = await audit('127.0.0.25');
    expect(banner(r)).toMatchObject({ status: 'pass', messageId: 'matches' });
    expect(banner(r).message).toBe(`The server at 127.0.0.25:${port} announces smtp.fresh.example, a PTR name of this IP; its STARTTLS certificate names smtp.fresh.example.`);
    expect(mailCommands).toBe(0);
  });

  it('warns when the banner names another host, and sends nothing but EHLO and QUIT', async () => {
    const r = await audit('127.0.0.26');
    expect(banner(r)).toMatchObject({ status: 'warn', messageId: 'mismatch' });
    expect(banner(r).message).toMatch(/announces localhost\.localdomain, but the PTR is mail26\.fresh\.example; it offers no STARTTLS/);
    expect(banner(r).remedy).toMatch(/myhostname/);
    expect(oddLines).toEqual(['EHLO ptrcheck.invalid', 'QUIT']);
  });

  it('says nothing listens when the port is closed: a send-only host is fine', async () => {
    const r = await audit('127.0.0.27');
    expect(banner(r)).toMatchObject({ status: 'info', messageId: 'no-listener' });
  });

  it('is not run unless asked', async () => {
    const run = await runCli(['audit', '127.0.0.25', '--json'], world.env);
    const r = JSON.parse(run.stdout) as Report;
    expect(banner(r)).toMatchObject({ status: 'skip' });
    expect(banner(r).message).toMatch(/only when asked \(ptrcheck audit --probe-smtp/);
  });
});

describe('the probe on a server', () => {
  it('refuses private and loopback addresses unless the operator allowed them (serve --probe-smtp without --probe-port)', async () => {
    const prober = makeProber(undefined, undefined, true);
    const before = oddLines.length;
    expect(await prober.probe('127.0.0.26')).toMatchObject({ outcome: 'not-asked', detail: 'not probed: a private, loopback or reserved address' });
    expect(await prober.probe('10.1.2.3')).toMatchObject({ outcome: 'not-asked' });
    // IPv6 spellings of a loopback IPv4 (issue 25, F7): IPv4-compatible, mapped, mapped in hex.
    for (const a of ['::7f00:1a', '::127.0.0.26', '::ffff:127.0.0.26', '::ffff:7f00:1a']) expect(await prober.probe(a)).toMatchObject({ outcome: 'not-asked' });
    expect(oddLines.length).toBe(before);
  });

  it('probes one IP at most once per interval', async () => {
    const prober = createSmtpProber({ port, allowPrivate: true, perIpIntervalMs: 600_000 });
    expect(await prober.probe('127.0.0.26')).toMatchObject({ outcome: 'ok', bannerName: 'localhost.localdomain' });
    expect(await prober.probe('127.0.0.26')).toMatchObject({ outcome: 'not-asked', detail: 'not probed: this IP was probed less than 600 s ago' });
  });

  it('gives up on a server that never greets, within its reply timeout', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.28', () => resolve()));
    const p = (silent.address() as net.AddressInfo).port;
    try {
      const r = await createSmtpProber({ port: p, allowPrivate: true, replyTimeoutMs: 300 }).probe('127.0.0.28');
      expect(r).toMatchObject({ outcome: 'timeout', detail: 'no reply in 300 ms' });
    } finally {
      silent.close();
    }
  });
});
