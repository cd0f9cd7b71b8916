/**
 * Our Resolver in the shape of dns.promises.resolve(name, rrtype), which is
 * what mailauth takes (resolver injection): answers in node:dns form,
 * failures as errors carrying node:dns codes. Every SPF, DKIM and DMARC
 * lookup thereby goes through our client, cache and recorder.
 */
import type { DnsAnswer, RecordType, Resolver } from './types.js';
import { parseSoa } from './soa.js';

export type NodeStyleResolver = (name: string, rrtype?: string) => Promise<unknown[]>;

const SUPPORTED: ReadonlySet<string> = new Set(['A', 'AAAA', 'PTR', 'CNAME', 'NS', 'SOA', 'MX', 'TXT']);

const CODES: Record<string, string> = {
  nxdomain: 'ENOTFOUND',
  nodata: 'ENODATA',
  servfail: 'ESERVFAIL',
  refused: 'EREFUSED',
  timeout: 'ETIMEOUT',
  error: 'EBADRESP',
};

export function toNodeStyle(resolver: Resolver): NodeStyleResolver {
  return async (name: string, rrtype = 'A') => {
    const type = rrtype.toUpperCase();
    if (!SUPPORTED.has(type)) throw dnsError('ENOTIMP', name, type);
    if (!isQueryable(name)) throw dnsError('EBADNAME', name, type);
    const answer = await resolver.query(name, type as RecordType);
    if (answer.outcome !== 'ok') throw dnsError(CODES[answer.outcome] ?? 'EBADRESP', name, type);
    return present(answer);
  };
}

function present(answer: DnsAnswer): unknown[] {
  switch (answer.type) {
    case 'TXT':
      // node:dns gives TXT as chunks; ours are already joined, which every consumer does anyway.
      return answer.records.map((r) => [r.data]);
    case 'MX':
      return answer.records.map((r) => {
        const [priority, exchange] = r.data.split(' ');
        return { priority: Number(priority), exchange: exchange === undefined || exchange === '' ? '' : exchange };
      });
    case 'SOA':
      return answer.records.map((r) => {
        const soa = parseSoa(r.data);
        const f = r.data.split(/\s+/);
        return { nsname: soa?.mname, hostmaster: soa?.rname, serial: soa?.serial, refresh: Number(f[3]), retry: Number(f[4]), expire: Number(f[5]), minttl: soa?.minimum };
      });
    default:
      return answer.records.map((r) => r.data);
  }
}

/** Names that cannot be asked in DNS at all (RFC 1035 2.3.4 lengths). */
function isQueryable(name: string): boolean {
  const n = name.endsWith('.') ? name.slice(0, -1) : name;
  return n.length > 0 && n.length <= 253 && n.split('.').every((l) => l.length > 0 && l.length <= 63);
}

function dnsError(code: string, name: string, type: string): Error {
  const err = new Error(`${type} ${name}: ${code}`) as Error & { code: string; hostname: string };
  err.code = code;
  err.hostname = name;
  return err;
}
