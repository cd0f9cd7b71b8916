/**
 * ptrcheck monitor, end to end (issue 29, DESIGN "Monitoring"): the CLI
 * against the zone-servers world (a resolver at 127.0.0.1 and the reverse
 * zone's own servers), a real SQLite file, and a webhook receiver on
 * loopback. The provider removes and restores a PTR between rounds.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './support/cli.js';
import { startDnsNetwork, ZONE_SERVERS_DIR, type DnsNetwork } from './support/dns-network.js';
import { tempDir } from './support/tmp.js';
import { SMTPServer } from 'smtp-server';

let net: DnsNetwork;
let hook: http.Server;
let hookUrl = '';
/** What the receiver got, and how it answers the next requests (status codes, in order; then 200). */
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let answers: number[] = [];
const dir = tempDir('monitor');
const db = join(dir, 'monitor.sqlite');
const secretFile = join(dir, 'secret');
const SECRET = 'a monitor secret';

beforeAll(async () => {
  net = await startDnsNetwork();
  writeFileSync(secretFile, `${SECRET}\n`);
  hook = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (body += d));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answers.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', () => r()));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  hook?.close();
  await net?.close();
});

const zone = (server: string) => readFileSync(join(ZONE_SERVERS_DIR, server, '113.0.203.in-addr.arpa.zone'), 'utf8');
/** The provider drops (or restores) 203.0.113.11's PTR: at its own servers, and (optionally) at the resolver. */
function ptr11(present: boolean, where: ('servers' | 'resolver')[] = ['servers', 'resolver']): void {
  const edit = (text: string) => (present ? text : text.replace(/^11\s+IN PTR.*$/m, ''));
  if (where.includes('servers')) for (const s of ['127.0.0.2', '127.0.0.3']) net.servers.get(s)!.setZone(edit(zone(s)));
  if (where.includes('resolver')) net.resolver.setZone(edit(zone('resolver')));
}

const monitor = (...args: string[]): Promise<CliRun> => runCli(['monitor', ...args, '--db', db, '--timeout', '300'], net.env);
const run = (...extra: string[]) => monitor('run', '--confirm-after', '0s', '--webhook', hookUrl, '--webhook-secret-file', secretFile, ...extra);

describe('ptrcheck monitor', () => {
  let id = '';

  it('add: the first look is the baseline, printed, and no alert', async () => {
    const r = await monitor('add', '203.0.113.11', '--label', 'mail relay');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // mx.fresh.example is under no public suffix: ptr-hostname fails, the verdict is warn.
    const m = /^(m_[A-Za-z0-9_-]{12})  203\.0\.113\.11 \(mail relay\)  1 address\(es\): 1 warn \(failing: ptr-hostname\)\n$/.exec(r.stdout);
    expect(m).not.toBeNull();
    id = m![1]!;
    expect(received).toHaveLength(0);
    expect((await monitor('add', '203.0.113.11')).stdout).toBe(`${id}  203.0.113.11  already watched\n`);
  });

  it('list: the targets and their states, as text and JSON', async () => {
    expect((await monitor('list')).stdout).toBe(`${id}  203.0.113.11 (mail relay)  1 address(es): 1 warn (failing: ptr-hostname)\n`);
    const rows = JSON.parse((await monitor('list', '--json')).stdout) as { id: string; target: string; kind: string; label: string; states: Record<string, { verdict: string; failing: string[] }> }[];
    expect(rows).toEqual([expect.objectContaining({ id, target: '203.0.113.11', kind: 'ip', label: 'mail relay', states: { '203.0.113.11': { verdict: 'warn', failing: ['ptr-hostname'] } } })]);
  });

  it('a round with nothing changed: no transition, no alert', async () => {
    const r = await run();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^monitor round: 1 target\(s\), 1 address\(es\) looked at; 0 baseline\(s\), 0 changed, 0 confirmed transition\(s\)/);
    expect(received).toHaveLength(0);
  });

  it('a resolver that fails for the whole round: no transition at all, and the round says so', async () => {
    net.resolver.setFault('11.113.0.203.in-addr.arpa', { kind: 'servfail' }, 'PTR');
    try {
      const r = await run();
      expect(r.stdout).toMatch(/0 confirmed transition\(s\), 0 not confirmed, 1 undecided \(a lookup failed: the last confirmed state stands\)/);
      expect(received).toHaveLength(0);
    } finally {
      net.resolver.setFault('11.113.0.203.in-addr.arpa', null, 'PTR');
    }
  });

  it('the resolver shows the PTR gone but the zone\'s own servers still publish it: not confirmed, no alert', async () => {
    ptr11(false, ['resolver']);
    try {
      const r = await run();
      expect(r.stdout).toMatch(/1 changed, 0 confirmed transition\(s\), 1 not confirmed/);
      expect(received).toHaveLength(0);
    } finally {
      ptr11(true);
    }
  });

  it('the provider drops the PTR: confirmed at its own servers, one signed webhook with the DESIGN body', async () => {
    ptr11(false);
    const r = await run();
    expect(r.stdout).toMatch(/1 changed, 1 confirmed transition\(s\)/);
    expect(r.stdout).toMatch(/203\.0\.113\.11  203\.0\.113\.11: warn → fail \(.*ptr-present.*\)/);
    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    const event = JSON.parse(body) as Record<string, unknown>;
    expect(event).toMatchObject({ event: 'monitor.transition', monitor: { id, target: '203.0.113.11', label: 'mail relay' }, ip: '203.0.113.11', from: { verdict: 'warn', failing: ['ptr-hostname'] }, to: { verdict: 'fail' } });
    expect((event.to as { failing: string[] }).failing).toContain('ptr-present');
    expect(new Date(event.at as string).toISOString()).toBe(event.at);
    expect(headers['x-ptrcheck-event']).toBe('monitor.transition');
    const sig = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers['x-ptrcheck-signature']));
    expect(sig).not.toBeNull();
    expect(sig![2]).toBe(createHmac('sha256', SECRET).update(`${sig![1]}.${body}`).digest('hex'));
  });

  it('a webhook that fails is retried with backoff within the round; every attempt is kept', async () => {
    received.length = 0;
    answers = [500, 503];
    ptr11(true);
    const r = await run();
    expect(r.stdout).toMatch(/203\.0\.113\.11: fail → warn \(ptr-hostname\)/);
    expect(r.stdout).toMatch(/alerts: 1 delivered, 0 not delivered/);
    expect(received).toHaveLength(3);
    expect(new Set(received.map((x) => x.body)).size).toBe(1);
  });

  it('history: the transitions, oldest first, as text and JSON', async () => {
    const text = (await monitor('history', id)).stdout.split('\n');
    expect(text[0]).toBe(`${id}  203.0.113.11: 2 transition(s)`);
    expect(text[1]).toMatch(/^ {2}\S+Z 203\.0\.113\.11 warn \(ptr-hostname\) → fail \(.*ptr-present.*\)$/);
    expect(text[2]).toMatch(/^ {2}\S+Z 203\.0\.113\.11 fail \(.*\) → warn \(ptr-hostname\)$/);
    const json = JSON.parse((await monitor('history', '203.0.113.11', '--json')).stdout) as { ip: string; from: { verdict: string }; to: { verdict: string } }[];
    expect(json.map((t) => [t.ip, t.from.verdict, t.to.verdict])).toEqual([['203.0.113.11', 'warn', 'fail'], ['203.0.113.11', 'fail', 'warn']]);
  });

  it('a webhook that keeps failing is kept for the next round, then delivered', async () => {
    received.length = 0;
    answers = [500, 500, 500];
    ptr11(false);
    const first = await run();
    expect(first.stdout).toMatch(/alerts: 0 delivered, 1 not delivered/);
    expect(received).toHaveLength(3);
    const second = await run();
    expect(second.stdout).toMatch(/0 changed, 0 confirmed transition\(s\)/);
    expect(second.stdout).toMatch(/alerts: 1 delivered|^monitor round/m);
    expect(received).toHaveLength(4);
    expect(received[3]!.body).toBe(received[0]!.body);
    ptr11(true);
  });

  it('--alert-email and --slack-webhook: the round\'s transitions as one message each', async () => {
    const mails: { from: string; to: string[]; data: string }[] = [];
    const relay = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        let data = '';
        stream.setEncoding('utf8');
        stream.on('data', (d: string) => (data += d));
        stream.on('end', () => (mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data }), done()));
      },
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', () => r()));
    try {
      received.length = 0;
      // The PTR was restored after the last round: this round confirms the recovery.
      const r = await run('--alert-email', 'ops@example.net', '--smtp-relay', `127.0.0.1:${(relay.server.address() as AddressInfo).port}`, '--slack-webhook', hookUrl.replace('/hook', '/slack'));
      expect(r.stdout).toMatch(/1 confirmed transition\(s\)/);
      expect(r.stdout).toMatch(/alerts: 3 delivered/);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.to).toEqual(['ops@example.net']);
      expect(mails[0]!.data).toMatch(/^Subject: ptrcheck: 1 change\r?$/m);
      expect(mails[0]!.data).toMatch(/203\.0\.113\.11/);
      // The signed JSON webhook and one Slack-compatible message.
      expect(received).toHaveLength(2);
      const slack = received.find((x) => !x.headers['x-ptrcheck-event'])!;
      expect((JSON.parse(slack.body) as { text: string }).text).toMatch(/203\.0\.113\.11/);
    } finally {
      await new Promise<void>((r) => relay.close(() => r()));
    }
  });

  it('remove: by id or target; then it is gone', async () => {
    expect((await monitor('remove', '203.0.113.11')).stdout).toBe(`${id}  203.0.113.11  removed\n`);
    expect((await monitor('list')).stdout).toBe('no targets are watched (ptrcheck monitor add <ip|cidr|domain>)\n');
  });

  it.each([
    [['add', 'not an address'], /'not an address' is not an IP address, a CIDR or a domain name/],
    [['add', '203.0.112.0/15'], /has 131,072 addresses/],
    [['add'], /monitor add needs an IP, a CIDR or a domain/],
    [['remove', 'm_nothing'], /no watched target 'm_nothing'/],
    [['run', '--confirm-after', 'soon'], /--confirm-after 'soon' must be a duration/],
    [['run', '--webhook', 'ftp://example.net/x'], /--webhook 'ftp:\/\/example\.net\/x' must be an http\(s\) URL/],
    [['run', '--webhook-secret-file', '/no/such/file'], /cannot read --webhook-secret-file '\/no\/such\/file': no such file/],
    [['frobnicate'], /monitor needs one of add, list, remove, run, history/],
    [['run', '--alert-email', 'ops@example.net'], /--alert-email and --smtp-relay go together/],
    [['run', '--alert-email', 'not an address', '--smtp-relay', '127.0.0.1:25'], /--alert-email 'not an address' is not an e-mail address/],
    [['run', '--alert-email', 'ops@example.net', '--smtp-relay', 'relay.example.net:25'], /--smtp-relay 'relay\.example\.net:25' is not HOST:PORT with an IP address host/],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const r = await monitor(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
