/**
 * The bare Node PTR → A loop: what Node itself can do with the questions of
 * a batch and nothing else (our wire codec; no resolver, cache, rules or
 * output). bench/batch-ceiling runs it in-process beside adnslogres;
 * bench/batch-latency runs it as its own process against the delaying test
 * DNS server (`node dist/bench/bare-loop.js HOST PORT WINDOW < ips`).
 */
import dgram from 'node:dgram';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { decodeResponse, encodeQuery } from '../src/dns/wire.js';

/** Something that sends a query and hands every answer that comes back to `onAnswer`. */
export interface Wire {
  send(query: Buffer): void;
  close(): void;
}
export type Transport = (onAnswer: (msg: Buffer) => void) => Promise<Wire>;

export const udp = (host: string, port: number, connected: boolean): Transport => async (onAnswer) => {
  const s = dgram.createSocket({ type: 'udp4', recvBufferSize: 1 << 22 });
  s.on('message', onAnswer);
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
  if (connected) await new Promise<void>((r) => s.connect(port, host, r));
  return {
    send: connected ? (q) => s.send(q) : (q) => s.send(q, port, host),
    close: () => s.close(),
  };
};

/** RFC 7766 pipelining: queries of an event-loop turn leave in one write per connection. */
export const tcp = (host: string, port: number, connections: number): Transport => async (onAnswer) => {
  const socks = await Promise.all(Array.from({ length: connections }, () => new Promise<net.Socket>((resolve) => {
    const s = net.connect(port, host, () => resolve(s));
    s.setNoDelay(true);
    let pending: Buffer = Buffer.alloc(0);
    s.on('data', (chunk: Buffer) => {
      pending = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      let off = 0;
      while (pending.length - off >= 2) {
        const len = pending.readUInt16BE(off);
        if (pending.length - off < 2 + len) break;
        onAnswer(pending.subarray(off + 2, off + 2 + len));
        off += 2 + len;
      }
      pending = pending.subarray(off);
    });
  })));
  let queued: Buffer[][] = socks.map(() => []);
  let next = 0;
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    socks.forEach((s, i) => {
      if (queued[i]!.length > 0) s.write(Buffer.concat(queued[i]!));
    });
    queued = socks.map(() => []);
  };
  return {
    send(q) {
      const framed = Buffer.allocUnsafe(q.length + 2);
      framed.writeUInt16BE(q.length, 0);
      q.copy(framed, 2);
      queued[next++ % socks.length]!.push(framed);
      // Everything asked while this chunk of answers is read leaves in one write.
      if (!scheduled) {
        scheduled = true;
        queueMicrotask(flush);
      }
    },
    close: () => socks.forEach((s) => s.destroy()),
  };
};

export interface BareRun {
  ms: number;
  /** User + system CPU of this process during the loop, ms. */
  cpuMs: number;
}

/** PTR → A for every address, `window` addresses at a time; an address is done when its A answer is in. */
export async function bareLoop(ips: readonly string[], window: number, transport: Transport): Promise<BareRun> {
  const reverse = ips.map((ip) => `${ip.split('.').reverse().join('.')}.in-addr.arpa`);
  // The id says which address and which step: 2 × index (PTR) or 2 × index + 1 (A), mod 65,536.
  // More than 32,768 in flight would reuse ids; the windows here stay far below.
  let started = 0;
  let finished = 0;
  let confirmed = 0;
  let wire: Wire | undefined;
  let resolveDone: () => void = () => {};
  const allDone = new Promise<void>((r) => (resolveDone = r));
  const start = (): void => {
    while (started - finished < window && started < reverse.length) {
      wire!.send(encodeQuery(reverse[started]!, 'PTR', (2 * started) & 0xffff));
      started++;
    }
  };
  const onAnswer = (msg: Buffer): void => {
    const r = decodeResponse(msg);
    if ((r.id & 1) === 0) {
      const name = r.answers[0]?.data;
      if (name) return wire!.send(encodeQuery(name, 'A', r.id | 1));
    } else if (r.answers.length > 0) confirmed++;
    finished++;
    if (finished === reverse.length) resolveDone();
    else start();
  };
  wire = await transport(onAnswer);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  start();
  const timeout = setTimeout(() => resolveDone(), 120_000);
  await allDone;
  clearTimeout(timeout);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  wire.close();
  if (confirmed !== reverse.length) throw new Error(`bare loop: ${confirmed} of ${reverse.length} confirmed (lost datagrams?)`);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const self = fileURLToPath(import.meta.url);

/** The loop in its own process (pipelined TCP, 2 connections, as the batch), so a server in this process keeps its own core. */
export async function runBareLoopChild(host: string, port: number, ips: readonly string[], window: number): Promise<BareRun> {
  const child = spawn(process.execPath, [self, host, String(port), String(window)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stdin.end(`${ips.join('\n')}\n`);
  const code = await new Promise<number | null>((r) => child.on('close', r));
  if (code !== 0) throw new Error(`bare loop exited ${code}`);
  return JSON.parse(out) as BareRun;
}

if (process.argv[1] === self) {
  const [host, port, window] = process.argv.slice(2);
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  const run = await bareLoop(text.trim().split('\n'), Number(window), tcp(host!, Number(port), 2));
  process.stdout.write(JSON.stringify(run));
}
