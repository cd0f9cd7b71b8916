/**
 * A real authoritative DNS server for tests and benchmarks: UDP and TCP on
 * 127.0.0.1 (port picked by the OS), serving RFC 1035 zone files, with fault
 * injection per name: delay, SERVFAIL, REFUSED, no answer, truncation.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import http from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as packet from 'dns-packet';
import { parseZone, type Zone, type ZoneRecord } from './zone-file.js';
import { repoRoot } from './repo-root.js';

export type Fault =
  | { kind: 'delay'; ms: number }
  | { kind: 'servfail' }
  | { kind: 'refused' }
  | { kind: 'timeout' }
  | { kind: 'truncate' };

export interface QueryLogEntry {
  name: string;
  type: string;
  transport: 'udp' | 'tcp' | 'doh';
  /** performance.now() when it arrived. */
  at: number;
}

export interface DnsTestServer {
  host: string;
  port: number;
  /** "127.0.0.1:PORT", the form `--dns` and PTRCHECK_DNS take. */
  address: string;
  /** DNS over HTTPS (RFC 8484, plain HTTP on loopback) at this URL, when started with `doh: true`. */
  dohUrl?: string;
  /** Fault for a name (any type, or one type). `null` removes it. */
  setFault(name: string, fault: Fault | null, type?: string): void;
  clearFaults(): void;
  /** Delay every answer by `ms` (benchmarks: a stand-in for network round-trip time). */
  setDelay(ms: number): void;
  /** Serves this zone text from now on, replacing the zone with the same origin (a provider publishing a change). */
  setZone(text: string): void;
  /** Queries per second above which the server refuses (null: no limit). */
  setMaxQps(qps: number | null): void;
  /** Queries refused (or dropped) for going over the rate limit so far. */
  readonly rateRefused: number;
  readonly queries: QueryLogEntry[];
  close(): Promise<void>;
}

export interface DnsServerOptions {
  /** Zone files to serve; default: every fixtures/zones/*.zone. */
  zoneFiles?: string[];
  /** Extra zones given as text (each must carry its SOA). */
  zoneTexts?: string[];
  /** Faults by name, e.g. from fixtures/faults.json. */
  faults?: Record<string, Fault>;
  host?: string;
  port?: number;
  /** Also answer RFC 8484 DoH requests (GET ?dns= and POST) over HTTP on 127.0.0.1. */
  doh?: boolean;
  /**
   * 'authoritative' (default): answers with AA set, and refers questions below a
   * delegation it does not serve. 'resolver': a caching resolver's view: AA
   * clear, RA set, every TTL aged by `ageSeconds` plus the seconds since start
   * (a cache counting down), and SERVFAIL where it would have to follow a referral.
   */
  role?: 'authoritative' | 'resolver';
  ageSeconds?: number;
  /** Answers without the AA bit although it has the zone (a server listed for a zone it only caches). */
  noAuthority?: boolean;
  /** Never answers (a nameserver that is down or filtered). */
  silent?: boolean;
  /** Answers REFUSED, at once, to queries above this many per second (a public resolver's rate limit). */
  maxQps?: number;
  /** What a query over `maxQps` gets: REFUSED (default) or no answer at all (a resolver that drops). */
  overRate?: 'refuse' | 'drop';
}

const AA = 1 << 10;
const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

interface IndexedZone {
  origin: string;
  soa: ZoneRecord;
  byName: Map<string, ZoneRecord[]>;
  /** Names that exist only because something below them does (RFC 4592 empty non-terminals). */
  nonTerminals: Set<string>;
}

export function fixtureZoneFiles(): string[] {
  const dir = join(repoRoot(), 'fixtures', 'zones');
  return readdirSync(dir).filter((f) => f.endsWith('.zone')).sort().map((f) => join(dir, f));
}

export function fixtureFaults(): Record<string, Fault> {
  return JSON.parse(readFileSync(join(repoRoot(), 'fixtures', 'faults.json'), 'utf8')) as Record<string, Fault>;
}

export async function startDnsServer(options: DnsServerOptions = {}): Promise<DnsTestServer> {
  const texts = (options.zoneFiles ?? fixtureZoneFiles()).map((f) => readFileSync(f, 'utf8'));
  const zones = [...texts, ...(options.zoneTexts ?? [])].map((t) => indexZone(parseZone(t)));
  zones.sort((a, b) => b.origin.length - a.origin.length); // longest match first
  const faults = new Map<string, Fault>(Object.entries(options.faults ?? {}).map(([k, v]) => [canon(k), v]));
  let globalDelay = 0;
  const started = Date.now();
  const role = options.role ?? 'authoritative';
  const age = (): number => (role === 'resolver' ? (options.ageSeconds ?? 0) + Math.floor((Date.now() - started) / 1000) : 0);
  const flags = { aa: role === 'authoritative' && !options.noAuthority, ra: role === 'resolver' };
  const queries: QueryLogEntry[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const host = options.host ?? '127.0.0.1';

  // Token bucket: maxQps a second, at most 50 ms worth at once (resolvers count per short window).
  let maxQps = options.maxQps;
  let tokens = 0;
  let refilled = performance.now();
  let rateRefused = 0;
  function overRate(): boolean {
    if (maxQps === undefined) return false;
    const t = performance.now();
    const burst = Math.max(1, maxQps / 20);
    tokens = Math.min(burst, tokens + ((t - refilled) * maxQps) / 1000);
    refilled = t;
    if (tokens >= 1) {
      tokens -= 1;
      return false;
    }
    rateRefused++;
    return true;
  }

  function later(ms: number, fn: () => void): void {
    if (ms <= 0) return fn();
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  }

  // Answers under the global delay leave in arrival order from one timer, each D ms after its
  // query came in: a timer per query drifts (a bench at thousands of queries/s measured ~4 ms
  // of extra "network" per round trip).
  const due: { at: number; fn: () => void }[] = [];
  let dueHead = 0;
  let dueTimer: NodeJS.Timeout | undefined;
  function afterGlobalDelay(arrived: number, fn: () => void): void {
    due.push({ at: arrived + globalDelay, fn });
    if (!dueTimer) dueTimer = setTimeout(runDue, Math.max(0, arrived + globalDelay - performance.now()));
  }
  function runDue(): void {
    dueTimer = undefined;
    const now = performance.now();
    while (dueHead < due.length && due[dueHead]!.at <= now + 0.5) due[dueHead++]!.fn();
    if (dueHead === due.length) {
      due.length = 0;
      dueHead = 0;
    } else {
      if (dueHead > 4096) {
        due.splice(0, dueHead);
        dueHead = 0;
      }
      dueTimer = setTimeout(runDue, Math.max(0, due[dueHead]!.at - now));
    }
  }

  // A repeated question (same bytes after the id, same transport) gets the same reply bytes:
  // decoding and encoding with dns-packet costs more than a bench's client does per query.
  // Only while nothing can change the answer per query: no faults, no resolver ageing.
  const replies = new Map<string, { name: string; type: string; reply: Buffer }>();
  const questionKey = (msg: Buffer, transport: string): string | undefined =>
    msg.length >= 12 && msg.length <= 512 && msg.readUInt16BE(4) === 1 ? `${transport}${msg[2]! & 1}${msg.toString('latin1', 12)}` : undefined;

  /** Returns the encoded reply, or null to stay silent. */
  function handle(msg: Buffer, transport: 'udp' | 'tcp' | 'doh', reply: (b: Buffer) => void): void {
    const arrived = performance.now();
    const cacheable = role === 'authoritative' && faults.size === 0 && !options.silent && !options.noAuthority;
    const key = cacheable ? questionKey(msg, transport) : undefined;
    const known = key !== undefined ? replies.get(key) : undefined;
    if (known) {
      queries.push({ name: known.name, type: known.type, transport, at: arrived });
      if (overRate()) return options.overRate === 'drop' ? undefined : reply(encode(packet.decode(msg), RCODE.REFUSED, [], [], flags));
      const out = Buffer.from(known.reply);
      out.writeUInt16BE(msg.readUInt16BE(0), 0);
      if (globalDelay > 0) return afterGlobalDelay(arrived, () => reply(out));
      return reply(out);
    }
    let query: packet.DecodedPacket;
    try {
      query = packet.decode(msg);
    } catch {
      return; // not DNS: say nothing, like a real server
    }
    const q = query.questions?.[0];
    if (!q) return reply(encode(query, RCODE.FORMERR, [], [], flags));
    const name = canon(q.name);
    queries.push({ name, type: q.type, transport, at: arrived });
    if (options.silent) return;
    if (overRate()) return options.overRate === 'drop' ? undefined : reply(encode(query, RCODE.REFUSED, [], [], flags));
    const fault = faults.get(`${name}|${q.type}`) ?? faults.get(name);
    const delay = globalDelay + (fault?.kind === 'delay' ? fault.ms : 0);
    if (fault?.kind === 'timeout') return;
    const send = (): void => {
      if (fault?.kind === 'servfail') return reply(encode(query, RCODE.SERVFAIL, [], [], flags));
      if (fault?.kind === 'refused') return reply(encode(query, RCODE.REFUSED, [], [], flags));
      const found = resolve(zones, name, q.type);
      // A resolver follows a referral itself; where it cannot (the child servers fail), it says SERVFAIL.
      if (found.referral && role === 'resolver') return reply(encode(query, RCODE.SERVFAIL, [], [], { ...flags }));
      const { rcode, answers, authorities } = found;
      const aged = (rs: ZoneRecord[]) => (role === 'resolver' ? rs.map((r) => ({ ...r, ttl: Math.max(0, r.ttl - age()) })) : rs);
      const replyFlags = { ...flags, aa: flags.aa && !found.referral };
      const out = encode(query, rcode, aged(answers), aged(authorities), replyFlags);
      if (transport === 'udp') {
        const opt = (query.additionals ?? []).find((a) => a.type === 'OPT') as { udpPayloadSize?: number } | undefined;
        const limit = opt?.udpPayloadSize ?? 512;
        if (fault?.kind === 'truncate' || out.length > limit) return reply(encode(query, rcode, [], [], { ...replyFlags, truncated: true }));
      }
      if (key !== undefined && !fault && faults.size === 0) replies.set(key, { name, type: q.type, reply: out });
      reply(out);
    };
    if (fault?.kind === 'delay' || delay <= 0) later(delay, send);
    else afterGlobalDelay(arrived, send);
  }

  const conns = new Set<net.Socket>();
  const tcp = net.createServer((sock) => {
    // Each answer goes out when written: with Nagle, an answer behind an unacknowledged one waits for the
    // client's delayed ACK (40 ms on Linux), which made pipelined rounds stall (bench/monitor: 0.55 s or 0.85 s).
    sock.setNoDelay(true);
    conns.add(sock);
    sock.on('close', () => conns.delete(sock));
    sock.on('error', () => sock.destroy());
    let buf = Buffer.alloc(0);
    sock.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      while (buf.length >= 2 && buf.length >= buf.readUInt16BE(0) + 2) {
        const len = buf.readUInt16BE(0);
        const msg = buf.subarray(2, len + 2);
        buf = buf.subarray(len + 2);
        handle(msg, 'tcp', (b) => {
          if (sock.destroyed) return;
          const framed = Buffer.alloc(b.length + 2);
          framed.writeUInt16BE(b.length, 0);
          b.copy(framed, 2);
          // Answers released together (one timer, many queries) leave in one write.
          sock.cork();
          sock.write(framed);
          process.nextTick(() => sock.uncork());
        });
      }
    });
  });
  // UDP gets a port from the OS; TCP must then take the same number, which another process may
  // hold already: try again with a fresh UDP port rather than fail the test run.
  let udp: dgram.Socket | undefined;
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    const sock = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
    sock.on('message', (msg, rinfo) => handle(msg, 'udp', (b) => sock.send(b, rinfo.port, rinfo.address)));
    await new Promise<void>((res, rej) => {
      sock.once('error', rej);
      sock.bind(options.port ?? 0, host, () => res());
    });
    port = sock.address().port;
    try {
      await new Promise<void>((res, rej) => {
        tcp.once('error', rej);
        tcp.listen(port, host, () => {
          tcp.off('error', rej);
          res();
        });
      });
      udp = sock;
      break;
    } catch (e) {
      sock.close();
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || options.port || attempt >= 20) throw e;
    }
  }
  const udpSocket = udp;

  let doh: http.Server | undefined;
  let dohUrl: string | undefined;
  if (options.doh) {
    doh = http.createServer((req, res) => {
      const reply = (b: Buffer): void => {
        res.writeHead(200, { 'content-type': 'application/dns-message', 'content-length': b.length });
        res.end(b);
      };
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname !== '/dns-query') return void res.writeHead(404).end();
      if (req.method === 'GET') {
        const q = url.searchParams.get('dns');
        if (!q) return void res.writeHead(400).end();
        return handle(Buffer.from(q, 'base64url'), 'doh', reply);
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => handle(Buffer.concat(chunks), 'doh', reply));
    });
    await new Promise<void>((resolve) => doh!.listen(0, host, () => resolve()));
    dohUrl = `http://${host}:${(doh.address() as net.AddressInfo).port}/dns-query`;
  }

  return {
    host,
    port,
    ...(dohUrl ? { dohUrl } : {}),
    address: host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`,
    queries,
    get rateRefused() {
      return rateRefused;
    },
    setMaxQps(qps) {
      maxQps = qps ?? undefined;
      tokens = 0;
    },
    setFault(name, fault, type) {
      const key = type ? `${canon(name)}|${type}` : canon(name);
      if (fault) faults.set(key, fault);
      else faults.delete(key);
      replies.clear();
    },
    clearFaults() {
      faults.clear();
      replies.clear();
    },
    setDelay(ms) {
      globalDelay = ms;
    },
    setZone(text) {
      replies.clear();
      const zone = indexZone(parseZone(text));
      const at = zones.findIndex((z) => z.origin === zone.origin);
      if (at >= 0) zones.splice(at, 1, zone);
      else zones.push(zone);
      zones.sort((a, b) => b.origin.length - a.origin.length);
    },
    close() {
      for (const t of timers) clearTimeout(t);
      clearTimeout(dueTimer);
      due.length = 0;
      for (const c of conns) c.destroy();
      doh?.closeAllConnections();
      return new Promise<void>((res) => {
        udpSocket.close(() => tcp.close(() => (doh ? doh.close(() => res()) : res())));
      });
    },
  };
}

function indexZone(zone: Zone): IndexedZone {
  const soa = zone.records.find((r) => r.type === 'SOA' && r.name === zone.origin);
  if (!soa) throw new Error(`zone ${zone.origin} has no SOA at its apex`);
  const byName = new Map<string, ZoneRecord[]>();
  const nonTerminals = new Set<string>();
  for (const r of zone.records) {
    const list = byName.get(r.name) ?? [];
    list.push(r);
    byName.set(r.name, list);
    let n = r.name;
    while (n !== zone.origin && n.includes('.')) {
      n = n.slice(n.indexOf('.') + 1);
      nonTerminals.add(n);
    }
  }
  return { origin: zone.origin, soa, byName, nonTerminals };
}

interface Resolution {
  rcode: number;
  answers: ZoneRecord[];
  authorities: ZoneRecord[];
  /** The answer is a referral to a child zone's servers (AA clear). */
  referral?: boolean;
}

/** The deepest delegation (NS records below the apex) at or above `name` in the zone. */
function delegationOf(zone: IndexedZone, name: string): ZoneRecord[] | undefined {
  let cut: ZoneRecord[] | undefined;
  for (let n = name; n !== zone.origin && n.includes('.'); n = n.slice(n.indexOf('.') + 1)) {
    const ns = zone.byName.get(n)?.filter((r) => r.type === 'NS');
    if (ns && ns.length > 0) cut = ns; // keep walking up: the topmost cut is where this zone's authority ends
  }
  return cut;
}

/** Authoritative lookup: referral, answer, in-zone CNAME chase, NODATA, NXDOMAIN, wildcards. */
function resolve(zones: IndexedZone[], qname: string, qtype: string): Resolution {
  const zone = zones.find((z) => within(qname, z.origin));
  if (!zone) return { rcode: RCODE.REFUSED, answers: [], authorities: [] };
  const cut = delegationOf(zone, qname);
  if (cut) return { rcode: RCODE.NOERROR, answers: [], authorities: cut, referral: true };
  const answers: ZoneRecord[] = [];
  let current = qname;
  for (let hop = 0; hop < 8; hop++) {
    const recs: ZoneRecord[] | undefined = zone.byName.get(current) ?? wildcard(zone, current);
    if (!recs) {
      const exists = zone.nonTerminals.has(current);
      return { rcode: exists ? RCODE.NOERROR : RCODE.NXDOMAIN, answers, authorities: [zone.soa] };
    }
    const matched = recs.filter((r) => r.type === qtype);
    if (matched.length > 0) return { rcode: RCODE.NOERROR, answers: [...answers, ...matched], authorities: [] };
    const cname: ZoneRecord | undefined = qtype === 'CNAME' ? undefined : recs.find((r) => r.type === 'CNAME');
    if (!cname) return { rcode: RCODE.NOERROR, answers, authorities: [zone.soa] };
    answers.push(cname);
    const target: string = cname.fields[0]!;
    // Like real authoritative servers, chase only inside this zone; the client follows the rest.
    if (!within(target, zone.origin) || zones.find((z) => within(target, z.origin)) !== zone) {
      return { rcode: RCODE.NOERROR, answers, authorities: [] };
    }
    current = target;
  }
  return { rcode: RCODE.SERVFAIL, answers: [], authorities: [] };
}

function wildcard(zone: IndexedZone, name: string): ZoneRecord[] | undefined {
  let n = name;
  while (n.includes('.') && n !== zone.origin) {
    n = n.slice(n.indexOf('.') + 1);
    if (zone.byName.has(n)) break; // closest encloser exists: a wildcard below it still applies
    if (zone.nonTerminals.has(n)) break;
  }
  const recs = zone.byName.get(`*.${n}`);
  return recs?.map((r) => ({ ...r, name }));
}

interface ReplyFlags {
  aa: boolean;
  ra: boolean;
  truncated?: boolean;
}

function encode(query: packet.DecodedPacket, rcode: number, answers: ZoneRecord[], authorities: ZoneRecord[], f: ReplyFlags): Buffer {
  const flags = (f.aa ? AA : 0) | (f.ra ? packet.RECURSION_AVAILABLE : 0) | ((query.flags ?? 0) & packet.RECURSION_DESIRED) | (f.truncated ? packet.TRUNCATED_RESPONSE : 0) | rcode;
  return packet.encode({
    type: 'response',
    id: query.id ?? 0,
    flags,
    questions: query.questions ?? [],
    answers: answers.map(toAnswer),
    authorities: authorities.map(toAnswer),
  });
}

function toAnswer(r: ZoneRecord): packet.Answer {
  const f = r.fields;
  const base = { name: r.name, ttl: r.ttl, class: 'IN' as const };
  switch (r.type) {
    case 'SOA':
      return {
        ...base, type: 'SOA',
        data: { mname: f[0]!, rname: f[1]!, serial: +f[2]!, refresh: +f[3]!, retry: +f[4]!, expire: +f[5]!, minimum: +f[6]! },
      };
    case 'MX':
      return { ...base, type: 'MX', data: { preference: +f[0]!, exchange: f[1]! } };
    case 'TXT':
      return { ...base, type: 'TXT', data: f.map((s) => (s.startsWith('"') ? s.slice(1) : s)) };
    default:
      return { ...base, type: r.type, data: f[0]! } as packet.Answer;
  }
}

function canon(name: string): string {
  const n = name.toLowerCase();
  return n.endsWith('.') ? n.slice(0, -1) : n;
}

function within(name: string, zone: string): boolean {
  return name === zone || name.endsWith(`.${zone}`);
}
