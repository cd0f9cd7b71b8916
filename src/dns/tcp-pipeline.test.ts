import dgram from 'node:dgram';
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPipelinedTcpResolver } from './tcp-pipeline.js';
import { fixtureFaults, startDnsServer, type DnsTestServer } from '../../test/support/dns-server.js';

let server: DnsTestServer;
beforeAll(async () => {
  server = await startDnsServer({ faults: fixtureFaults() });
});
afterAll(() => server.close());
beforeEach(() => {
  server.queries.length = 0;
});

const pipelined = (o: { timeoutMs?: number; connections?: number } = {}) =>
  createPipelinedTcpResolver({ servers: [{ host: server.host, port: server.port }], timeoutMs: o.timeoutMs ?? 500, connections: o.connections ?? 2 });

describe('pipelined TCP resolver against the test server', () => {
  it.each([
    ['10.2.0.192.in-addr.arpa', 'PTR', 'ok', 'NOERROR'],
    ['11.2.0.192.in-addr.arpa', 'PTR', 'nxdomain', 'NXDOMAIN'],
    ['12.2.0.192.in-addr.arpa', 'PTR', 'nodata', 'NOERROR'],
    ['13.2.0.192.in-addr.arpa', 'PTR', 'servfail', 'SERVFAIL'],
    ['mail.example.invalid', 'A', 'refused', 'REFUSED'],
    ['15.2.0.192.in-addr.arpa', 'PTR', 'ok', 'NOERROR'], // truncated over UDP; TCP needs no retry
  ] as const)('%s %s → %s, like the UDP client', async (name, type, outcome, rcode) => {
    const r = pipelined();
    try {
      const a = await r.query(name, type);
      expect(a).toMatchObject({ outcome, rcode, transport: 'tcp', server: `127.0.0.1:${server.port}` });
      expect(server.queries.every((q) => q.transport === 'tcp')).toBe(true);
    } finally {
      r.close();
    }
  });

  it('follows an RFC 2317 CNAME and keeps the TTL', async () => {
    const r = pipelined();
    const a = await r.query('70.100.51.198.in-addr.arpa', 'PTR');
    r.close();
    expect(a.outcome).toBe('ok');
    expect(a.chain).toHaveLength(1);
    expect(a.records[0]?.data).toBe('smtp.example.org');
    expect(a.ttl).toBeGreaterThan(0);
  });

  it('carries many questions on a few connections and matches each answer to its question', async () => {
    const r = pipelined({ connections: 3 });
    const names = Array.from({ length: 600 }, (_, i) => [`${[10, 11, 12, 16][i % 4]}.2.0.192.in-addr.arpa`, i] as const);
    const answers = await Promise.all(names.map(([n]) => r.query(n, 'PTR')));
    r.close();
    answers.forEach((a, i) => {
      const n = names[i]![0];
      expect(a.name).toBe(n);
      expect(a.outcome).toBe(n.startsWith('10.') ? 'ok' : n.startsWith('11.') ? 'nxdomain' : n.startsWith('12.') ? 'nodata' : 'ok');
    });
    expect(answers.filter((a) => a.name.startsWith('16.'))[0]?.records.map((x) => x.data).sort()).toEqual(['mx2.example.com', 'old-name.example.net']);
    expect(server.queries).toHaveLength(600);
  });

  it('lets a fast answer overtake a slow one on the same connection', async () => {
    server.setFault('mx1.example.com', { kind: 'delay', ms: 300 });
    const r = pipelined({ connections: 1, timeoutMs: 2000 });
    const order: string[] = [];
    await Promise.all([
      r.query('mx1.example.com', 'A').then(() => order.push('slow')),
      r.query('mx2.example.com', 'A').then(() => order.push('fast')),
    ]);
    r.close();
    server.setFault('mx1.example.com', null);
    expect(order).toEqual(['fast', 'slow']);
  });

  it('times out a question the server never answers, and only that one', async () => {
    const r = pipelined({ timeoutMs: 200 });
    const [silent, fine] = await Promise.all([r.query('14.2.0.192.in-addr.arpa', 'PTR'), r.query('10.2.0.192.in-addr.arpa', 'PTR')]);
    r.close();
    expect(silent).toMatchObject({ outcome: 'timeout', rcode: 'TIMEOUT', transport: 'tcp' });
    expect(fine.outcome).toBe('ok');
  });
});

describe('a server that does not take TCP', () => {
  // A UDP-only front for the test server: TCP to this port is refused.
  let relay: dgram.Socket;
  let port: number;
  beforeAll(async () => {
    relay = dgram.createSocket('udp4');
    const upstream = dgram.createSocket('udp4');
    const clients = new Map<number, dgram.RemoteInfo>();
    relay.on('message', (msg, rinfo) => {
      clients.set(msg.readUInt16BE(0), rinfo);
      upstream.send(msg, server.port, server.host);
    });
    upstream.on('message', (msg) => {
      const c = clients.get(msg.readUInt16BE(0));
      if (c) relay.send(msg, c.port, c.address);
    });
    await new Promise<void>((r) => relay.bind(0, '127.0.0.1', () => r()));
    port = relay.address().port;
    // Nothing may listen on TCP there for this test to mean anything.
    await expect(new Promise((resolve, reject) => net.connect(port, '127.0.0.1').once('connect', resolve).once('error', reject))).rejects.toThrow(/ECONNREFUSED/);
    relay.once('close', () => upstream.close());
  });
  afterAll(() => relay.close());

  it('is asked over UDP instead, with the same answers', async () => {
    const r = createPipelinedTcpResolver({ servers: [{ host: '127.0.0.1', port }], timeoutMs: 500 });
    const first = await Promise.all([r.query('10.2.0.192.in-addr.arpa', 'PTR'), r.query('11.2.0.192.in-addr.arpa', 'PTR')]);
    const later = await r.query('mx1.example.com', 'A');
    r.close();
    expect(first.map((a) => [a.outcome, a.transport])).toEqual([['ok', 'udp'], ['nxdomain', 'udp']]);
    expect(later).toMatchObject({ outcome: 'ok', transport: 'udp' });
    expect(later.records.map((x) => x.data)).toEqual(['192.0.2.10']);
  });
});

describe('a connection that drops under its questions', () => {
  /** A TCP front for the test server that hangs up on the first `drops` connections as soon as a query arrives. */
  async function droppingFront(drops: number): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
    let seen = 0;
    const sockets = new Set<net.Socket>();
    const front = net.createServer((client) => {
      sockets.add(client);
      client.on('close', () => sockets.delete(client));
      client.on('error', () => undefined);
      if (++seen <= drops) {
        client.once('data', () => client.destroy());
        return;
      }
      const upstream = net.connect(server.port, server.host);
      upstream.on('error', () => client.destroy());
      sockets.add(upstream);
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => front.listen(0, '127.0.0.1', () => r()));
    return {
      port: (front.address() as net.AddressInfo).port,
      connections: () => seen,
      close: () => new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        front.close(() => r());
      }),
    };
  }

  it.each([
    ['asks again on a fresh connection, once, and gets the answer', 1, { outcome: 'ok', transport: 'tcp', records: [{ data: 'mx1.example.com' }] }],
    ['gives up with an error, not a hang, when the fresh connection drops too', 10, { outcome: 'error', rcode: 'NETWORK', detail: 'the TCP connection closed before the answer' }],
  ])('%s', async (_title, drops, expected) => {
    const front = await droppingFront(drops);
    const r = createPipelinedTcpResolver({ servers: [{ host: '127.0.0.1', port: front.port }], timeoutMs: 1000, connections: 1 });
    const a = await r.query('10.2.0.192.in-addr.arpa', 'PTR');
    r.close();
    await front.close();
    expect(a).toMatchObject(expected);
    expect(front.connections()).toBe(2);
  });
});
