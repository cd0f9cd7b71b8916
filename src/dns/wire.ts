/**
 * DNS wire format: building queries and reading responses (RFC 1035),
 * shared by the UDP/TCP transport and DNS over HTTPS (RFC 8484).
 */
import * as packet from 'dns-packet';
import type { DnsRecord, RecordType } from './types.js';
import { normalizeName } from './types.js';

/** EDNS0 payload size recommended by DNS Flag Day 2020: avoids fragmentation. */
export const EDNS_UDP_SIZE = 1232;

export interface WireResponse {
  id: number;
  rcode: string;
  truncated: boolean;
  /** AA: the server answered from its own zone data (RFC 1035 §4.1.1); a lame server answers without it. */
  authoritative: boolean;
  questionName: string;
  questionType: string;
  answers: DnsRecord[];
  authorities: DnsRecord[];
}

/**
 * A query; with `headroom`, that many bytes are left free in front (TCP's
 * length prefix). `recurse: false` clears RD: a question to a zone's own
 * server, which must answer from its data alone.
 */
export function encodeQuery(name: string, type: RecordType, id: number, headroom = 0, recurse = true): Buffer {
  const fast = encodeQueryFast(name, type, id, headroom);
  if (fast) {
    if (!recurse) fast.writeUInt16BE(0, headroom + 2);
    return fast;
  }
  const q = encodeQueryPacket(name, type, id, recurse);
  if (headroom === 0) return Buffer.from(q.buffer, q.byteOffset, q.byteLength);
  const out = Buffer.allocUnsafe(headroom + q.length);
  out.set(q, headroom);
  return out;
}

function encodeQueryPacket(name: string, type: RecordType, id: number, recurse = true): Uint8Array {
  return packet.encode({
    type: 'query',
    id,
    flags: recurse ? packet.RECURSION_DESIRED : 0,
    questions: [{ type, name, class: 'IN' }],
    additionals: [{ type: 'OPT', name: '.', udpPayloadSize: EDNS_UDP_SIZE, flags: 0 } as packet.Answer],
  });
}

const TYPE_CODES: Record<string, number> = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28 };

/**
 * The same bytes dns-packet writes for our one-question query (tested
 * against it), without its object walk: a batch asks two of these per
 * address. Names outside plain ASCII labels go to dns-packet.
 */
function encodeQueryFast(name: string, type: RecordType, id: number, headroom: number): Buffer | undefined {
  const code = TYPE_CODES[type];
  const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
  if (code === undefined || trimmed.length > 253 || !/^[\x21-\x2d\x2f-\x5b\x5d-\x7e]+(\.[\x21-\x2d\x2f-\x5b\x5d-\x7e]+)*$|^$/.test(trimmed)) return undefined;
  const labels = trimmed === '' ? [] : trimmed.split('.');
  if (labels.some((l) => l.length > 63)) return undefined;
  const qnameLength = labels.reduce((n, l) => n + l.length + 1, 1);
  const buf = Buffer.allocUnsafe(headroom + 12 + qnameLength + 4 + 11);
  const h = headroom;
  buf.writeUInt16BE(id, h);
  buf.writeUInt16BE(packet.RECURSION_DESIRED, h + 2);
  buf.writeUInt16BE(1, h + 4); // one question
  buf.writeUInt16BE(0, h + 6);
  buf.writeUInt16BE(0, h + 8);
  buf.writeUInt16BE(1, h + 10); // one additional: OPT
  let o = h + 12;
  for (const l of labels) {
    buf[o++] = l.length;
    o += buf.write(l, o, 'latin1');
  }
  buf[o++] = 0;
  buf.writeUInt16BE(code, o);
  buf.writeUInt16BE(1, o + 2); // IN
  o += 4;
  buf[o++] = 0; // OPT owner: the root
  buf.writeUInt16BE(41, o); // OPT
  buf.writeUInt16BE(EDNS_UDP_SIZE, o + 2);
  buf.writeUInt32BE(0, o + 4); // extended rcode, version, flags
  buf.writeUInt16BE(0, o + 8); // no options
  return buf;
}

/** Throws on a malformed packet; the transport turns that into an `error` outcome. */
export function decodeResponse(bytes: Uint8Array): WireResponse {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return decodeResponseFast(buf) ?? decodeResponsePacket(buf);
}

const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE'];
const FAST_TYPES: Record<number, RecordType> = { 1: 'A', 2: 'NS', 5: 'CNAME', 6: 'SOA', 12: 'PTR' };
const QUESTION_TYPES: Record<number, string> = { 1: 'A', 2: 'NS', 5: 'CNAME', 6: 'SOA', 12: 'PTR', 15: 'MX', 16: 'TXT', 28: 'AAAA' };

/**
 * The answers a reverse-DNS audit mostly gets (A, PTR, CNAME, NS, SOA), read
 * straight off the bytes into the same WireResponse dns-packet's decode gives
 * (tested against it). Anything else, or anything odd, returns undefined and
 * dns-packet reads it (and throws on what is malformed).
 */
export function decodeResponseFast(buf: Buffer): WireResponse | undefined {
  if (buf.length < 12) return undefined;
  const flags = buf.readUInt16BE(2);
  const qd = buf.readUInt16BE(4);
  const an = buf.readUInt16BE(6);
  const ns = buf.readUInt16BE(8);
  const ar = buf.readUInt16BE(10);
  if (qd !== 1 || ar > 1) return undefined;
  const q = readName(buf, 12);
  if (!q || q.end + 4 > buf.length) return undefined;
  const qtype = QUESTION_TYPES[buf.readUInt16BE(q.end)];
  if (qtype === undefined) return undefined;
  let o = q.end + 4;
  const sections: DnsRecord[][] = [[], []];
  for (let section = 0; section < 2; section++) {
    const count = section === 0 ? an : ns;
    for (let i = 0; i < count; i++) {
      const owner = readName(buf, o);
      if (!owner || owner.end + 10 > buf.length) return undefined;
      const type = FAST_TYPES[buf.readUInt16BE(owner.end)];
      const ttl = buf.readUInt32BE(owner.end + 4);
      const rdlength = buf.readUInt16BE(owner.end + 8);
      const rdata = owner.end + 10;
      if (type === undefined || rdata + rdlength > buf.length) return undefined;
      let data: string;
      if (type === 'A') {
        if (rdlength !== 4) return undefined;
        data = `${buf[rdata]}.${buf[rdata + 1]}.${buf[rdata + 2]}.${buf[rdata + 3]}`;
      } else if (type === 'SOA') {
        const m = readName(buf, rdata);
        const r = m && readName(buf, m.end);
        if (!m || !r || r.end + 20 !== rdata + rdlength) return undefined;
        const n = (k: number) => buf.readUInt32BE(r.end + 4 * k);
        data = `${normalizeName(m.name)} ${normalizeName(r.name)} ${n(0)} ${n(1)} ${n(2)} ${n(3)} ${n(4)}`;
      } else {
        const target = readName(buf, rdata);
        if (!target || target.end !== rdata + rdlength) return undefined;
        data = normalizeName(target.name);
      }
      sections[section]!.push({ name: normalizeName(owner.name), type, ttl, data });
      o = rdata + rdlength;
    }
  }
  // The additional section is read only as far as to know it is our EDNS OPT and nothing else.
  if (ar === 1) {
    if (o + 11 > buf.length || buf[o] !== 0 || buf.readUInt16BE(o + 1) !== 41 || buf.readUInt16BE(o + 9) !== 0) return undefined;
    o += 11;
  }
  if (o !== buf.length) return undefined;
  return {
    id: buf.readUInt16BE(0),
    rcode: RCODES[flags & 0xf] ?? `RCODE_${flags & 0xf}`,
    truncated: (flags & packet.TRUNCATED_RESPONSE) !== 0,
    authoritative: (flags & packet.AUTHORITATIVE_ANSWER) !== 0,
    questionName: normalizeName(q.name),
    questionType: qtype,
    answers: sections[0]!,
    authorities: sections[1]!,
  };
}

/** Scratch space for a name being read: one string made per name, not one per label. */
const NAME_SCRATCH = Buffer.allocUnsafe(256);

/** A (possibly compressed) name at `offset`, as dns-packet spells it; undefined when it is not plain. */
function readName(buf: Buffer, offset: number): { name: string; end: number } | undefined {
  let o = offset;
  let end = -1;
  let n = 0; // bytes of NAME_SCRATCH used
  let total = 0;
  let limit = offset; // pointers may only go back (RFC 1035 §4.1.4), as dns-packet insists
  for (let hops = 0; hops < 64; hops++) {
    if (o >= buf.length) return undefined;
    const len = buf[o]!;
    if (len === 0) return { name: NAME_SCRATCH.toString('latin1', 0, n), end: end === -1 ? o + 1 : end };
    if ((len & 0xc0) === 0xc0) {
      if (o + 1 >= buf.length) return undefined;
      const target = ((len & 0x3f) << 8) | buf[o + 1]!;
      if (target >= limit) return undefined;
      if (end === -1) end = o + 2;
      o = target;
      limit = target;
      continue;
    }
    if ((len & 0xc0) !== 0 || o + 1 + len > buf.length) return undefined;
    total += len + 1;
    if (total > 254) return undefined;
    if (n > 0) NAME_SCRATCH[n++] = 0x2e;
    for (let i = o + 1; i <= o + len; i++) {
      const c = buf[i]!;
      if (c < 0x21 || c > 0x7e || c === 0x2e) return undefined;
      NAME_SCRATCH[n++] = c;
    }
    o += 1 + len;
  }
  return undefined;
}

/** The general decoder (dns-packet): every type, and the reference the fast path is tested against. */
export function decodeResponsePacket(buf: Buffer): WireResponse {
  const p = packet.decode(buf) as packet.DecodedPacket & { rcode?: string; flag_tc?: boolean; flag_aa?: boolean };
  const q = p.questions?.[0];
  return {
    id: p.id ?? -1,
    rcode: p.rcode ?? 'NOERROR',
    truncated: Boolean(p.flag_tc),
    authoritative: Boolean(p.flag_aa),
    questionName: q ? normalizeName(q.name) : '',
    questionType: q ? String(q.type) : '',
    answers: (p.answers ?? []).flatMap(toRecord),
    authorities: (p.authorities ?? []).flatMap(toRecord),
  };
}

const KNOWN: ReadonlySet<string> = new Set(['A', 'AAAA', 'PTR', 'CNAME', 'NS', 'SOA', 'MX', 'TXT']);

function toRecord(rr: packet.Answer): DnsRecord[] {
  if (!KNOWN.has(rr.type)) return [];
  return [{ name: normalizeName(rr.name), type: rr.type as RecordType, ttl: (rr as { ttl?: number }).ttl ?? 0, data: presentData(rr) }];
}

/** Record data as dig prints it, so reports and tests read the same text. */
function presentData(rr: packet.Answer): string {
  const data: unknown = (rr as { data?: unknown }).data;
  switch (rr.type) {
    case 'A':
    case 'AAAA':
      return String(data);
    case 'PTR':
    case 'CNAME':
    case 'NS':
      return normalizeName(String(data));
    case 'MX': {
      const mx = data as { preference: number; exchange: string };
      return `${mx.preference} ${normalizeName(mx.exchange)}`;
    }
    case 'SOA': {
      const s = data as packet.SoaData;
      return `${normalizeName(s.mname)} ${normalizeName(s.rname)} ${s.serial} ${s.refresh} ${s.retry} ${s.expire} ${s.minimum}`;
    }
    case 'TXT': {
      const parts = Array.isArray(data) ? data : [data];
      return parts.map((p) => (typeof p === 'string' ? p : Buffer.from(p as Uint8Array).toString('utf8'))).join('');
    }
    default:
      return String(data);
  }
}
