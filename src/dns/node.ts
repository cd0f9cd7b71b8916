/**
 * The Node resolver: our own UDP client (one socket per address family,
 * random query ids, answers matched by id, server and question), with a TCP
 * retry when the answer comes back truncated. Chosen over node:dns because
 * node:dns hides TTLs of PTR/CNAME answers, folds CNAME chains away and
 * reports NXDOMAIN and NODATA through the same error codes on some paths;
 * the report needs all of those exactly.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import type { RecordType, Resolver } from './types.js';
import { createStubResolver, type Exchange, type ExchangeResult } from './stub.js';
import { decodeResponse, encodeQuery, type WireResponse } from './wire.js';
import { MAX_IN_FLIGHT, queryIdSource } from './ids.js';
import { createSlots } from './slots.js';

export interface DnsServer {
  host: string;
  port: number;
}

export interface NodeResolverOptions {
  servers: DnsServer[];
  /** Per attempt, in milliseconds. */
  timeoutMs?: number;
  /** Further UDP attempts after a timeout, rotating through the servers. */
  retries?: number;
  /** false: RD clear, for questions to a zone's own servers (default true). */
  recurse?: boolean;
  /**
   * Questions in flight at once (default and most: MAX_IN_FLIGHT, a quarter of the id space). More
   * wait for a slot up to one attempt's timeout, then fail as BUSY (a temporary failure: `error`).
   */
  maxInFlight?: number;
}

export interface ClosableResolver extends Resolver {
  close(): void;
}

interface Pending {
  name: string;
  type: RecordType;
  server: DnsServer;
  done: (r: WireResponse | Error) => void;
}

export function createNodeResolver(options: NodeResolverOptions): ClosableResolver {
  if (options.servers.length === 0) throw new Error('no DNS server configured');
  const udp = createUdpExchange(options);
  const resolver = createStubResolver(udp.exchange);
  return {
    query: (name, type) => resolver.query(name, type),
    close: udp.close,
  };
}

export interface UdpExchange {
  exchange: Exchange;
  /** The same question to one given server (its retries go to that server too). */
  exchangeAt(server: DnsServer, name: string, type: RecordType): Promise<ExchangeResult>;
  close(): void;
}

/** One question, one answer over UDP (retries, then TCP when truncated): the transport under createNodeResolver. */
export function createUdpExchange(options: NodeResolverOptions): UdpExchange {
  const timeoutMs = options.timeoutMs ?? 2000;
  const retries = options.retries ?? 1;
  const recurse = options.recurse ?? true;
  const pending = new Map<number, Pending>();
  const sockets = new Map<'udp4' | 'udp6', dgram.Socket>();

  function socketFor(server: DnsServer): dgram.Socket {
    const family = net.isIPv6(server.host) ? 'udp6' : 'udp4';
    let s = sockets.get(family);
    if (!s) {
      s = dgram.createSocket(family);
      s.on('message', onMessage);
      s.on('error', () => {
        // A broken socket fails whatever is pending on it; the next query opens a new one.
        sockets.delete(family);
      });
      s.unref();
      sockets.set(family, s);
    }
    return s;
  }

  function onMessage(msg: Buffer, rinfo: dgram.RemoteInfo): void {
    let resp: WireResponse;
    try {
      resp = decodeResponse(msg);
    } catch {
      return; // garbage is not an answer; the attempt times out
    }
    const p = pending.get(resp.id);
    // Accept only the answer to the question we asked, from the server we asked.
    if (!p || rinfo.port !== p.server.port || normalizeAddr(rinfo.address) !== normalizeAddr(p.server.host)) return;
    if (resp.questionName !== p.name || resp.questionType !== p.type) return;
    pending.delete(resp.id);
    p.done(resp);
  }

  const freshId = queryIdSource((id) => pending.has(id));
  const maxInFlight = Math.min(options.maxInFlight ?? MAX_IN_FLIGHT, MAX_IN_FLIGHT);
  const slots = createSlots(maxInFlight, 4 * maxInFlight);
  const busy = `not sent: ${maxInFlight} questions already in flight here`;

  function udpOnce(server: DnsServer, name: string, type: RecordType): Promise<WireResponse | 'timeout' | 'busy' | Error> {
    if (slots.tryTake()) return send(server, name, type);
    return slots.take(timeoutMs).then((ok) => (ok ? send(server, name, type) : 'busy'));
  }

  /** One datagram out, holding a slot until it is answered, times out or fails. */
  function send(server: DnsServer, name: string, type: RecordType): Promise<WireResponse | 'timeout' | 'busy' | Error> {
    const id = freshId();
    if (id === undefined) {
      slots.release();
      return Promise.resolve('busy');
    }
    return new Promise((resolve) => {
      const finish = (r: WireResponse | 'timeout' | Error): void => {
        clearTimeout(timer);
        pending.delete(id);
        slots.release();
        resolve(r);
      };
      const timer = setTimeout(() => finish('timeout'), timeoutMs);
      pending.set(id, { name, type, server, done: finish });
      socketFor(server).send(encodeQuery(name, type, id, 0, recurse), server.port, server.host, (err) => {
        if (err && pending.get(id)?.done === finish) finish(err);
      });
    });
  }

  async function attempts(servers: readonly DnsServer[], name: string, type: RecordType): Promise<ExchangeResult> {
    let lastServer = servers[0]!;
    for (let attempt = 0; attempt <= retries; attempt++) {
      const server = servers[attempt % servers.length]!;
      lastServer = server;
      const r = await udpOnce(server, name, type);
      if (r === 'timeout') continue;
      if (r === 'busy') return failure('error', 'BUSY', busy, server, 'udp');
      if (r instanceof Error) return failure('error', 'NETWORK', r.message, server, 'udp');
      if (!r.truncated) return { ok: true, response: r, server: label(server), transport: 'udp' };
      return tcpExchange(server, name, type, timeoutMs, recurse);
    }
    return failure('timeout', 'TIMEOUT', `no answer after ${retries + 1} attempt(s) of ${timeoutMs} ms`, lastServer, 'udp');
  }

  return {
    exchange: (name, type) => attempts(options.servers, name, type),
    exchangeAt: (server, name, type) => attempts([server], name, type),
    close() {
      for (const s of sockets.values()) s.close();
      sockets.clear();
    },
  };
}

/** One query over TCP (RFC 7766 framing), used when UDP came back with TC set. */
export function tcpExchange(server: DnsServer, name: string, type: RecordType, timeoutMs: number, recurse = true): Promise<ExchangeResult> {
  return new Promise((resolve) => {
    const id = crypto.getRandomValues(new Uint16Array(1))[0]!;
    const query = encodeQuery(name, type, id, 0, recurse);
    const framed = Buffer.alloc(query.length + 2);
    framed.writeUInt16BE(query.length, 0);
    framed.set(query, 2);
    const socket = net.connect({ host: server.host, port: server.port });
    let buf = Buffer.alloc(0);
    let settled = false;
    const finish = (r: ExchangeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => finish(failure('timeout', 'TIMEOUT', `no TCP answer in ${timeoutMs} ms`, server, 'tcp')), timeoutMs);
    socket.on('connect', () => socket.write(framed));
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length < 2) return;
      const len = buf.readUInt16BE(0);
      if (buf.length < len + 2) return;
      try {
        const resp = decodeResponse(buf.subarray(2, len + 2));
        if (resp.id !== id) return finish(failure('error', 'FORMERR', 'TCP answer with a foreign id', server, 'tcp'));
        finish({ ok: true, response: resp, server: label(server), transport: 'tcp' });
      } catch (e) {
        finish(failure('error', 'FORMERR', `malformed TCP answer: ${(e as Error).message}`, server, 'tcp'));
      }
    });
    socket.on('error', (e) => finish(failure('error', 'NETWORK', e.message, server, 'tcp')));
    socket.on('close', () => finish(failure('error', 'NETWORK', 'TCP connection closed without an answer', server, 'tcp')));
  });
}

/** A failed exchange as the stub takes it. */
export function failure(outcome: 'timeout' | 'error', rcode: string, detail: string, server: DnsServer, transport: 'udp' | 'tcp'): ExchangeResult {
  return { ok: false, outcome, rcode, detail, server: label(server), transport };
}

export function label(server: DnsServer): string {
  return net.isIPv6(server.host) ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`;
}

function normalizeAddr(a: string): string {
  return a.startsWith('::ffff:') ? a.slice(7) : a.toLowerCase();
}
