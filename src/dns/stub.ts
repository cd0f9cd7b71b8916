/**
 * A stub resolver over any transport that can exchange one query for one
 * response (UDP/TCP on Node, DNS over HTTPS anywhere). It follows CNAME
 * chains itself, because an authoritative server (or a test server) answers
 * an out-of-zone CNAME without chasing it; RFC 2317 classless reverse
 * delegation is exactly that case.
 */
import type { DnsAnswer, DnsOutcome, DnsRecord, RecordType, Resolver } from './types.js';
import { normalizeName } from './types.js';
import type { WireResponse } from './wire.js';
import { parseSoa } from './soa.js';

export type ExchangeResult =
  | { ok: true; response: WireResponse; server: string; transport: DnsAnswer['transport'] }
  | { ok: false; outcome: 'timeout' | 'error'; rcode: string; detail: string; server: string; transport: DnsAnswer['transport'] };

export type Exchange = (name: string, type: RecordType) => Promise<ExchangeResult>;

/** Longer chains are misconfiguration; resolvers give up around here too. */
const MAX_CNAME_HOPS = 8;

export function createStubResolver(exchange: Exchange, now: () => number = () => performance.now()): Resolver {
  /**
   * One response, judged: the answer, or (an unchased CNAME) the next question. Written as a
   * callback, not an async loop: a batch asks two questions per address, and each await of a
   * loop costs its own promises.
   */
  function settle(name: string, type: RecordType, started: number, r: ExchangeResult, chain: DnsRecord[], seen: Set<string> | undefined, current: string, hop: number): DnsAnswer | Promise<DnsAnswer> {
    if (!r.ok) {
      return { name, type, chain, server: r.server, transport: r.transport, outcome: r.outcome, rcode: r.rcode, records: [], ttl: 0, ms: now() - started, detail: r.detail };
    }
    const resp = r.response;
    let owner = current;
    // Loops, not find/filter: this runs per question.
    if (type !== 'CNAME') {
      for (;;) {
        let cname: DnsRecord | undefined;
        for (const a of resp.answers) if (a.type === 'CNAME' && a.name === owner) cname = cname ?? a;
        if (!cname) break;
        chain.push(cname);
        owner = cname.data;
        seen ??= new Set<string>([name]); // made only when a CNAME shows up (rare)
        if (seen.has(owner)) {
          return { name, type, chain, server: r.server, transport: r.transport, outcome: 'error', rcode: resp.rcode, records: [], ttl: 0, ms: now() - started, detail: `CNAME loop at ${owner}` };
        }
        seen.add(owner);
      }
    }
    const records: DnsRecord[] = [];
    for (const a of resp.answers) if (a.type === type && a.name === owner) records.push(a);
    let soa: DnsRecord | undefined;
    for (const a of resp.authorities) if (a.type === 'SOA') soa = soa ?? a;
    const outcome = classify(resp.rcode, records.length > 0);
    // The chain moved on but the server did not chase it (and did not say the
    // target is empty): ask for the target ourselves.
    if (outcome === 'nodata' && owner !== current && !(soa && isWithin(owner, soa.name))) {
      if (hop >= MAX_CNAME_HOPS) {
        return { name, type, chain, outcome: 'error', rcode: 'NOERROR', records: [], ttl: 0, ms: now() - started, server: '', transport: 'udp', detail: `CNAME chain longer than ${MAX_CNAME_HOPS}` };
      }
      const next = owner;
      return exchange(next, type).then((r2) => settle(name, type, started, r2, chain, seen, next, hop + 1));
    }
    const answer: DnsAnswer = {
      name, type, chain, server: r.server, transport: r.transport,
      outcome,
      rcode: resp.rcode,
      records,
      ttl: answerTtl(outcome, chain, records, soa),
      ms: now() - started,
    };
    if (soa) answer.authority = soa;
    return answer;
  }

  return {
    query(rawName: string, type: RecordType): Promise<DnsAnswer> {
      const name = normalizeName(rawName);
      const started = now();
      return exchange(name, type).then((r) => settle(name, type, started, r, [], undefined, name, 0));
    },
  };
}

function classify(rcode: string, hasRecords: boolean): DnsOutcome {
  switch (rcode) {
    case 'NOERROR':
      return hasRecords ? 'ok' : 'nodata';
    case 'NXDOMAIN':
      return 'nxdomain';
    case 'SERVFAIL':
      return 'servfail';
    case 'REFUSED':
      return 'refused';
    default:
      return 'error';
  }
}

function isWithin(name: string, zone: string): boolean {
  return zone === '' || name === zone || name.endsWith(`.${zone}`);
}

/** RFC 2308: a negative answer lives for min(SOA TTL, SOA MINIMUM). */
function answerTtl(outcome: DnsOutcome, chain: DnsRecord[], records: DnsRecord[], soa: DnsRecord | undefined): number {
  if (outcome === 'ok') return Math.min(lowestTtl(chain), lowestTtl(records));
  if ((outcome === 'nxdomain' || outcome === 'nodata') && soa) {
    const fields = parseSoa(soa.data);
    return Math.min(soa.ttl, fields ? fields.minimum : soa.ttl, lowestTtl(chain));
  }
  return 0;
}

function lowestTtl(rs: DnsRecord[]): number {
  let low = Infinity;
  for (const r of rs) if (r.ttl < low) low = r.ttl;
  return low;
}
