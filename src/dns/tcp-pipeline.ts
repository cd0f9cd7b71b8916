/**
 * DNS over TCP with pipelining (RFC 7766 §6.2.1): a few long-lived
 * connections per server, many queries in flight on each, answers matched by
 * id in whatever order they come. For bulk work (ptrcheck batch): the queries
 * of one event-loop turn leave in one write and the answers arrive several to
 * a read, where UDP costs a system call and an event per packet each way.
 * Same outcomes, TTLs and CNAME handling as the UDP client (the same stub).
 * A server that refuses TCP is asked over UDP instead. Only the first
 * configured server carries the TCP connections (a batch wants one
 * resolver's cache); UDP fallback rotates through all of them.
 */
import net from 'node:net';
import type { RecordType } from './types.js';
import { createUdpExchange, failure, label, type ClosableResolver, type DnsServer, type UdpExchange } from './node.js';
import { createStubResolver, type ExchangeResult } from './stub.js';
import { decodeResponse, encodeQuery, type WireResponse } from './wire.js';
import { MAX_IN_FLIGHT, queryIdSource } from './ids.js';
import { createSlots } from './slots.js';

export interface PipelineOptions {
  servers: DnsServer[];
  /**
   * Connections per server (default 2): each extra one costs a write per event-loop turn
   * (measured against nsd: 1 → 40.8, 2 → 41.8, 4 → 44.2, 8 → 49.6 µs per PTR+A); two keep a
   * resolver that answers in order from stalling every question behind one slow one.
   */
  connections?: number;
  /** Per query, in milliseconds. */
  timeoutMs?: number;
}

interface Pending {
  name: string;
  type: RecordType;
  frame: Buffer;
  conn: Conn;
  /** Sent again once after its connection closed under it. */
  resent: boolean;
  /** performance.now() past which the question has timed out. */
  deadline: number;
  done: (r: ExchangeResult) => void;
}

interface Conn {
  server: DnsServer;
  /** The server as reports show it ("127.0.0.1:53"), worked out once. */
  key: string;
  socket: net.Socket;
  open: boolean;
  queued: Buffer[];
  inFlight: Set<number>;
}

export function createPipelinedTcpResolver(o: PipelineOptions): ClosableResolver {
  if (o.servers.length === 0) throw new Error('no DNS server configured');
  const timeoutMs = o.timeoutMs ?? 2000;
  const perServer = Math.max(1, o.connections ?? 2);
  const pending = new Map<number, Pending>();
  /** The open connections of each server (by label), so picking one allocates nothing. */
  const byServer = new Map<string, Conn[]>();
  /** Servers that refused TCP: asked over UDP from then on. */
  const udpFallback = new Map<string, UdpExchange>();
  let closed = false;
  let turn = 0;

  const freshId = queryIdSource((id) => pending.has(id));
  // One id space for every connection: at most MAX_IN_FLIGHT questions, the rest wait (bounded) or fail as BUSY.
  const slots = createSlots(MAX_IN_FLIGHT, 4 * MAX_IN_FLIGHT);

  function connect(server: DnsServer): Conn {
    const socket = net.connect({ host: server.host, port: server.port });
    socket.setNoDelay(true);
    socket.unref();
    const conn: Conn = { server, key: label(server), socket, open: false, queued: [], inFlight: new Set() };
    let buf: Buffer = Buffer.alloc(0);
    socket.on('connect', () => {
      conn.open = true;
      flush(conn);
    });
    socket.on('data', (chunk: Buffer) => {
      buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
      let off = 0;
      while (buf.length - off >= 2) {
        const len = buf.readUInt16BE(off);
        if (buf.length - off < len + 2) break;
        answer(conn, buf.subarray(off + 2, off + 2 + len));
        off += len + 2;
      }
      buf = off === buf.length ? Buffer.alloc(0) : buf.subarray(off);
    });
    socket.on('error', () => undefined); // 'close' follows and decides
    socket.on('close', () => lost(conn));
    byServer.set(conn.key, [...(byServer.get(conn.key) ?? []), conn]);
    return conn;
  }

  function answer(conn: Conn, bytes: Buffer): void {
    let resp: WireResponse;
    try {
      resp = decodeResponse(bytes);
    } catch {
      return; // a malformed answer is none: that query times out
    }
    const p = pending.get(resp.id);
    if (!p || p.conn !== conn || resp.questionName !== p.name || resp.questionType !== p.type) return;
    settle(resp.id, p, { ok: true, response: resp, server: conn.key, transport: 'tcp' });
  }

  function settle(id: number, p: Pending, r: ExchangeResult): void {
    pending.delete(id);
    slots.release();
    p.conn.inFlight.delete(id);
    p.done(r);
  }

  /** The connection is gone: send its queries again on a fresh one, once; a server that never took TCP goes to UDP. */
  function lost(conn: Conn): void {
    byServer.set(conn.key, (byServer.get(conn.key) ?? []).filter((c) => c !== conn));
    const everOpen = conn.open;
    conn.open = false;
    // UDP then rotates through every configured server on its retry, as the UDP resolver does.
    if (!everOpen && !closed) udpFallback.set(conn.key, createUdpExchange({ servers: [conn.server, ...o.servers.filter((s) => s !== conn.server)], timeoutMs, retries: 1 }));
    for (const id of [...conn.inFlight]) {
      const p = pending.get(id)!;
      if (!everOpen && !closed) {
        pending.delete(id);
        slots.release();
        void viaUdp(conn.key, p.name, p.type).then(p.done);
        continue;
      }
      if (closed || p.resent) {
        settle(id, p, failure('error', 'NETWORK', 'the TCP connection closed before the answer', conn.server, 'tcp'));
        continue;
      }
      conn.inFlight.delete(id);
      const next = pick(conn.server, conn.key);
      p.conn = next;
      p.resent = true;
      next.inFlight.add(id);
      enqueue(next, p.frame);
    }
  }

  function pick(server: DnsServer, key: string): Conn {
    const mine = byServer.get(key) ?? [];
    if (mine.length < perServer) return connect(server);
    return mine[turn++ % mine.length]!;
  }

  function enqueue(conn: Conn, frame: Buffer): void {
    conn.queued.push(frame);
    // Everything asked in this turn of the event loop leaves in one write.
    if (conn.queued.length === 1 && conn.open) setImmediate(() => flush(conn));
  }

  function flush(conn: Conn): void {
    if (!conn.open || conn.queued.length === 0) return;
    const out = conn.queued.length === 1 ? conn.queued[0]! : Buffer.concat(conn.queued);
    conn.queued = [];
    conn.socket.write(out);
  }

  function viaUdp(key: string, name: string, type: RecordType): Promise<ExchangeResult> {
    return udpFallback.get(key)!.exchange(name, type);
  }

  // One sweep for all deadlines instead of a timer per question (two per batch address): a
  // question times out between timeoutMs and 1.25 × timeoutMs after it was asked.
  let sweeper: NodeJS.Timeout | undefined;
  function sweepSoon(): void {
    if (sweeper) return;
    sweeper = setInterval(() => {
      const now = performance.now();
      for (const [id, p] of pending) {
        if (p.deadline <= now) settle(id, p, failure('timeout', 'TIMEOUT', `no TCP answer in ${timeoutMs} ms`, p.conn.server, 'tcp'));
      }
      if (pending.size === 0) {
        clearInterval(sweeper);
        sweeper = undefined;
      }
    }, Math.max(10, timeoutMs / 4));
  }

  const server = o.servers[0]!;
  const serverKey = label(server);

  function exchange(name: string, type: RecordType): Promise<ExchangeResult> {
    if (udpFallback.has(serverKey)) return viaUdp(serverKey, name, type);
    if (slots.tryTake()) return send(name, type);
    return slots.take(timeoutMs).then((ok) => (ok ? send(name, type) : busy()));
  }

  const busy = (): ExchangeResult => failure('error', 'BUSY', `not sent: ${MAX_IN_FLIGHT} questions already in flight here`, server, 'tcp');

  /** Holds its slot until settled (answer, timeout, connection lost). */
  function send(name: string, type: RecordType): Promise<ExchangeResult> {
    const id = freshId();
    if (id === undefined) {
      slots.release();
      return Promise.resolve(busy());
    }
    return new Promise((resolve) => {
      const frame = encodeQuery(name, type, id, 2);
      frame.writeUInt16BE(frame.length - 2, 0); // RFC 1035 §4.2.2 length prefix
      const conn = pick(server, serverKey);
      pending.set(id, { name, type, frame, conn, resent: false, deadline: performance.now() + timeoutMs, done: resolve });
      sweepSoon();
      conn.inFlight.add(id);
      enqueue(conn, frame);
    });
  }

  const stub = createStubResolver(exchange);
  return {
    query: (name, type) => stub.query(name, type),
    close() {
      closed = true;
      clearInterval(sweeper);
      for (const c of [...byServer.values()].flat()) c.socket.destroy();
      for (const u of udpFallback.values()) u.close();
    },
  };
}

