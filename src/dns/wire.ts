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
  questionName: string;
  questionType: string;
  answers: DnsRecord[];
  authorities: DnsRecord[];
}

export function encodeQuery(name: string, type: RecordType, id: number): Uint8Array {
  return packet.encode({
    type: 'query',
    id,
    flags: packet.RECURSION_DESIRED,
    questions: [{ type, name, class: 'IN' }],
    additionals: [{ type: 'OPT', name: '.', udpPayloadSize: EDNS_UDP_SIZE, flags: 0 } as packet.Answer],
  });
}

/** Throws on a malformed packet; the transport turns that into an `error` outcome. */
export function decodeResponse(bytes: Uint8Array): WireResponse {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = packet.decode(buf) as packet.DecodedPacket & { rcode?: string; flag_tc?: boolean };
  const q = p.questions?.[0];
  return {
    id: p.id ?? -1,
    rcode: p.rcode ?? 'NOERROR',
    truncated: Boolean(p.flag_tc),
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

/** The parts of an SOA's data that matter to ptrcheck. */
export interface SoaFields {
  mname: string;
  rname: string;
  serial: number;
  minimum: number;
}

export function parseSoa(data: string): SoaFields | undefined {
  const f = data.split(/\s+/);
  if (f.length < 7) return undefined;
  return { mname: f[0]!, rname: f[1]!, serial: Number(f[2]), minimum: Number(f[6]) };
}
