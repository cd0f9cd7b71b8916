/**
 * bench/batch-ceiling: how fast can Node ask the DNS questions of a batch at
 * all, on this machine? The same 65,536 addresses as bench/batch, the same
 * nsd, the same 100 addresses in flight: adnslogres, then bare Node loops
 * that do nothing but PTR → A per address (our wire codec, no resolver, no
 * cache, no rules, no output) over three transports. Each bare loop's IPs/s ÷
 * adnslogres's IPs/s bounds what any Node design of `ptrcheck batch` can reach
 * here; the CPU columns show where the two cores go.
 *
 *   npm run bench:batch-ceiling
 */
import dgram from 'node:dgram';
import net from 'node:net';
import { decodeResponse, encodeQuery } from '../src/dns/wire.js';
import { NSD_HOST, runAdnslogres, startBenchNsd } from './nsd.js';

const WINDOW = 100;
const nsd = await startBenchNsd();
const reverse = nsd.ips.map((ip) => `${ip.split('.').reverse().join('.')}.in-addr.arpa`);

interface Run {
  label: string;
  ms: number;
  clientCpuMs: number;
  nsdCpuMs: number;
}

/** Something that sends a query and hands every answer that comes back to `onAnswer`. */
interface Wire {
  send(query: Buffer): void;
  close(): void;
}
type Transport = (onAnswer: (msg: Buffer) => void) => Promise<Wire>;

const udp = (connected: boolean): Transport => async (onAnswer) => {
  const s = dgram.createSocket({ type: 'udp4', recvBufferSize: 1 << 22 });
  s.on('message', onAnswer);
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
  if (connected) await new Promise<void>((r) => s.connect(53, NSD_HOST, r));
  return {
    send: connected ? (q) => s.send(q) : (q) => s.send(q, 53, NSD_HOST),
    close: () => s.close(),
  };
};

/** RFC 7766 pipelining: queries of an event-loop turn leave in one write per connection. */
const tcp = (connections: number): Transport => async (onAnswer) => {
  const socks = await Promise.all(Array.from({ length: connections }, () => new Promise<net.Socket>((resolve) => {
    const s = net.connect(53, NSD_HOST, () => resolve(s));
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

/** PTR → A for every address, WINDOW addresses at a time; an address is done when its A answer is in. */
async function bare(label: string, transport: Transport): Promise<Run> {
  let started = 0;
  let finished = 0;
  let confirmed = 0;
  let wire: Wire | undefined;
  let resolveDone: () => void = () => {};
  const allDone = new Promise<void>((r) => (resolveDone = r));
  // The id says which address and which step: 2 × index (PTR) or 2 × index + 1 (A), mod 65,536.
  const start = (): void => {
    while (started - finished < WINDOW && started < reverse.length) {
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
  const n0 = nsd.cpuMs();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  start();
  const timeout = setTimeout(() => resolveDone(), 60_000);
  await allDone;
  clearTimeout(timeout);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  wire.close();
  if (confirmed !== reverse.length) throw new Error(`${label}: ${confirmed} of ${reverse.length} confirmed (lost datagrams?)`);
  return { label, ms, clientCpuMs: (cpu.user + cpu.system) / 1000, nsdCpuMs: nsd.cpuMs() - n0 };
}

const runs: Run[] = [];
try {
  const adns = runAdnslogres(nsd, WINDOW);
  if (adns.confirmed !== nsd.ips.length) throw new Error(`adnslogres confirmed ${adns.confirmed} of ${nsd.ips.length}`);
  const base: Run = { label: 'adnslogres (C, adns)', ms: adns.ms, clientCpuMs: adns.cpuMs, nsdCpuMs: adns.nsdCpuMs };
  runs.push(base);
  runs.push(await bare('Node UDP, unconnected socket', udp(false)));
  runs.push(await bare('Node UDP, connected socket', udp(true)));
  runs.push(await bare('Node TCP, pipelined, 2 conns', tcp(2)));
  console.log(`bench/batch-ceiling: ${nsd.ips.length} IPs (PTR → A each), ${WINDOW} in flight, nsd on ${NSD_HOST}:53`);
  console.log(`${'client'.padEnd(32)} ${'IPs/s'.padStart(8)}  ratio   client CPU  nsd CPU  (µs per IP: client + nsd)`);
  for (const r of runs) {
    const rate = (nsd.ips.length / r.ms) * 1000;
    const pct = (cpu: number) => `${((cpu / r.ms) * 100).toFixed(0)} %`.padStart(7);
    const per = (cpu: number) => ((cpu * 1000) / nsd.ips.length).toFixed(1);
    console.log(`${r.label.padEnd(32)} ${rate.toFixed(0).padStart(8)}  ${(rate / ((nsd.ips.length / base.ms) * 1000)).toFixed(3)}  ${pct(r.clientCpuMs)}   ${pct(r.nsdCpuMs)}   (${per(r.clientCpuMs)} + ${per(r.nsdCpuMs)})`);
  }
} finally {
  await nsd.stop();
}
