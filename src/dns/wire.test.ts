/**
 * The hand-written query encoder and response decoder against dns-packet,
 * which remains the reference (and the fallback for everything else).
 */
import * as packet from 'dns-packet';
import { describe, expect, it } from 'vitest';
import type { RecordType } from './types.js';
import { decodeResponse, decodeResponseFast, decodeResponsePacket, EDNS_UDP_SIZE, encodeQuery } from './wire.js';

const reference = (name: string, type: RecordType, id: number) =>
  packet.encode({
    type: 'query', id, flags: packet.RECURSION_DESIRED,
    questions: [{ type, name, class: 'IN' }],
    additionals: [{ type: 'OPT', name: '.', udpPayloadSize: EDNS_UDP_SIZE, flags: 0 } as packet.Answer],
  });

describe('encodeQuery', () => {
  it.each([
    ['10.2.0.192.in-addr.arpa', 'PTR'],
    ['mail.example.com.', 'A'],
    ['MAIL.Example.COM', 'AAAA'],
    ['_dmarc.example.com', 'TXT'],
    ['example.com', 'MX'],
    ['example.com', 'SOA'],
    ['example.com', 'NS'],
    ['www.example.com', 'CNAME'],
    [`${'a'.repeat(63)}.example.com`, 'A'],
    ['', 'NS'],
    ['müller.example', 'A'], // not plain ASCII: dns-packet writes it
    ['a\\.b.example', 'A'], // an escaped dot: dns-packet writes it
    ['*.example.com', 'A'],
  ] as const)('%s %s: the bytes dns-packet writes', (name, type) => {
    for (const id of [0, 1, 0xabcd, 0xffff]) expect(Buffer.from(encodeQuery(name, type, id))).toEqual(reference(name, type, id));
    // with room in front for TCP's length prefix: the same query after it
    expect(encodeQuery(name, type, 7, 2).subarray(2)).toEqual(reference(name, type, 7));
  });
});

const rr = (name: string, type: string, data: unknown, ttl = 300) => ({ name, type, ttl, class: 'IN', data }) as packet.Answer;
const response = (p: Partial<packet.Packet> & { rcode?: number }) =>
  packet.encode({ type: 'response', id: 4242, flags: packet.AUTHORITATIVE_ANSWER | (p.rcode ?? 0), questions: [{ type: 'PTR', name: '10.2.0.192.in-addr.arpa', class: 'IN' }], ...p } as packet.Packet);
const soa = { mname: 'ns1.example.com', rname: 'hostmaster.example.com', serial: 2026112501, refresh: 7200, retry: 900, expire: 1209600, minimum: 300 };

const CASES: [string, Buffer][] = [
  ['a PTR', response({ answers: [rr('10.2.0.192.in-addr.arpa', 'PTR', 'mx1.example.com.')] })],
  ['two PTRs', response({ answers: [rr('16.2.0.192.in-addr.arpa', 'PTR', 'old-name.example.net'), rr('16.2.0.192.in-addr.arpa', 'PTR', 'mx2.example.com', 60)] })],
  ['an RFC 2317 CNAME, then the PTR', response({ answers: [rr('70.100.51.198.in-addr.arpa', 'CNAME', '70.64-127.100.51.198.in-addr.arpa'), rr('70.64-127.100.51.198.in-addr.arpa', 'PTR', 'smtp.example.org')] })],
  ['NXDOMAIN with the SOA', response({ rcode: 3, authorities: [rr('2.0.192.in-addr.arpa', 'SOA', soa, 3600)] })],
  ['NODATA with the SOA', response({ authorities: [rr('example.com', 'SOA', soa)] })],
  ['A records', response({ questions: [{ type: 'A', name: 'mx1.example.com', class: 'IN' }], answers: [rr('mx1.example.com', 'A', '192.0.2.10'), rr('mx1.example.com', 'A', '255.0.0.1', 0)] })],
  ['NS records', response({ questions: [{ type: 'NS', name: 'example.com', class: 'IN' }], answers: [rr('example.com', 'NS', 'ns1.example.com'), rr('example.com', 'NS', 'ns2.example.net')] })],
  ['MX (dns-packet reads it)', response({ questions: [{ type: 'MX', name: 'example.com', class: 'IN' }], answers: [rr('example.com', 'MX', { preference: 10, exchange: 'mail.example.com' })] })],
  ['AAAA (dns-packet reads it)', response({ questions: [{ type: 'AAAA', name: 'mail6.example.com', class: 'IN' }], answers: [rr('mail6.example.com', 'AAAA', '2001:db8::25')] })],
  ['TXT (dns-packet reads it)', response({ questions: [{ type: 'TXT', name: 'example.com', class: 'IN' }], answers: [rr('example.com', 'TXT', ['v=spf1 -all'])] })],
  ['an OPT in the additional section', response({ answers: [rr('10.2.0.192.in-addr.arpa', 'PTR', 'mx1.example.com')], additionals: [{ type: 'OPT', name: '.', udpPayloadSize: 1232, flags: 0 } as packet.Answer] })],
  ['SERVFAIL', response({ rcode: 2 })],
  ['REFUSED', response({ rcode: 5 })],
  ['rcode 11', response({ rcode: 11 })],
  ['a hostile PTR name', response({ answers: [rr('60.2.0.192.in-addr.arpa', 'PTR', '<img/src=x/onerror=window.__xss=3>.example.com')] })],
  ['a PTR name with a space (dns-packet reads it)', response({ answers: [rr('10.2.0.192.in-addr.arpa', 'PTR', 'a b.example.com')] })],
];

/** The same answer with the names compressed, the way nsd and BIND send it. */
function compressed(): Buffer {
  const q = Buffer.from(response({}).subarray(0, 12 + 25 + 4));
  q.writeUInt16BE(2, 6); // two answers
  const ptrTo = (target: string) => {
    const labels = Buffer.concat([...target.split('.').slice(0, 1).map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)])), Buffer.from([0xc0, 23])]);
    const head = Buffer.from([0xc0, 12, 0, 12, 0, 1, 0, 0, 0x0e, 0x10, 0, labels.length]);
    return Buffer.concat([head, labels]);
  };
  // Offset 23 is "in-addr.arpa" inside the question name: these PTRs read mx1.in-addr.arpa and mx2.in-addr.arpa.
  return Buffer.concat([q, ptrTo('mx1'), ptrTo('mx2')]);
}

describe('decodeResponse', () => {
  it.each(CASES)('%s: what dns-packet reads', (_what, bytes) => {
    expect(decodeResponse(bytes)).toEqual(decodeResponsePacket(bytes));
  });

  it('takes the fast path for what an rDNS audit mostly gets, and leaves the rest to dns-packet', () => {
    const fast = CASES.filter(([, b]) => decodeResponseFast(b) !== undefined).map(([what]) => what);
    expect(fast).toEqual(CASES.map(([what]) => what).filter((w) => !w.includes('dns-packet reads it')));
    expect(decodeResponseFast(compressed())).toBeDefined();
  });

  it('reads compressed names (pointers back into the question)', () => {
    const bytes = compressed();
    const r = decodeResponse(bytes);
    expect(r.answers.map((a) => a.data)).toEqual(['mx1.in-addr.arpa', 'mx2.in-addr.arpa']);
    expect(r.answers.map((a) => a.name)).toEqual(['10.2.0.192.in-addr.arpa', '10.2.0.192.in-addr.arpa']);
    expect(r).toEqual(decodeResponsePacket(bytes));
  });

  it('a truncated packet, a forward pointer or a pointer loop is rejected, never misread', () => {
    const good = CASES[0]![1];
    expect(() => decodeResponse(good.subarray(0, good.length - 3))).toThrow();
    const loop = Buffer.from(compressed());
    loop.writeUInt16BE(0xc000 | (loop.length - 2), loop.length - 2); // a pointer to itself
    expect(() => decodeResponse(loop)).toThrow();
  });

  it('never disagrees with dns-packet on damaged packets: same result or both throw', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const sources = [...CASES.map((c) => c[1]), compressed()];
    let compared = 0;
    for (let i = 0; i < 5000; i++) {
      const bytes = Buffer.from(sources[i % sources.length]!);
      for (let k = 0; k < 1 + Math.floor(random() * 3); k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      let expected: unknown;
      try {
        expected = decodeResponsePacket(bytes);
      } catch {
        expected = 'throws';
      }
      let actual: unknown;
      try {
        actual = decodeResponse(bytes);
      } catch {
        actual = 'throws';
      }
      expect(actual).toEqual(expected);
      compared++;
    }
    expect(compared).toBe(5000);
  });
});
