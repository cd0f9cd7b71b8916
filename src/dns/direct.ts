/**
 * Questions put straight to one of a zone's own nameservers, recursion off:
 * what the zone's operator has published right now, before any resolver's
 * cache. Only runtimes that can open UDP/TCP sockets to any address can ask
 * (Node); a Worker has DoH only, and says so instead (gather/zone-servers.ts).
 */
import type { DirectAnswer, DnsRecord, RecordType } from './types.js';
export type { DirectAnswer, DirectQuery } from './types.js';
import { normalizeName } from './types.js';
import type { ExchangeResult } from './stub.js';

/** One exchange's result as a DirectAnswer: no CNAME chasing (a zone's server answers for its zone only). */
export function toDirectAnswer(address: string, rawName: string, type: RecordType, r: ExchangeResult, ms: number): DirectAnswer {
  const name = normalizeName(rawName);
  const base = { name, type, address, chain: [] as DnsRecord[], ms, server: r.server, transport: r.transport };
  if (!r.ok) return { ...base, outcome: r.outcome, rcode: r.rcode, records: [], ttl: 0, detail: r.detail, authoritative: false, referral: [] };
  const resp = r.response;
  const chain = resp.answers.filter((a) => a.type === 'CNAME' && type !== 'CNAME');
  const owner = chain.length > 0 ? chain[chain.length - 1]!.data : name;
  const records = resp.answers.filter((a) => a.type === type && (a.name === owner || a.name === name));
  const soa = resp.authorities.find((a) => a.type === 'SOA');
  const referral = resp.authorities.filter((a) => a.type === 'NS');
  const outcome = resp.rcode === 'NOERROR' ? (records.length > 0 ? 'ok' : 'nodata')
    : resp.rcode === 'NXDOMAIN' ? 'nxdomain' : resp.rcode === 'SERVFAIL' ? 'servfail' : resp.rcode === 'REFUSED' ? 'refused' : 'error';
  const ttl = records.length > 0 ? Math.min(...records.map((x) => x.ttl)) : soa ? soa.ttl : 0;
  const answer: DirectAnswer = { ...base, chain, outcome, rcode: resp.rcode, records, ttl, authoritative: resp.authoritative, referral };
  if (soa) answer.authority = soa;
  return answer;
}
