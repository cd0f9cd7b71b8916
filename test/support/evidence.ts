/**
 * Evidence fixtures for rule tables: the same shapes gather produces,
 * built from a few words per case.
 */
import { parseIp, sameAddress } from '../../src/core/ip.js';
import type { Evidence, ForwardLookup, Target } from '../../src/core/types.js';
import type { DnsAnswer, DnsOutcome, RecordType } from '../../src/dns/types.js';
import { isResolvableName } from '../../src/core/names.js';
import { ptrNames } from '../../src/gather/ip.js';

const RCODE: Record<DnsOutcome, string> = {
  ok: 'NOERROR', nodata: 'NOERROR', nxdomain: 'NXDOMAIN', servfail: 'SERVFAIL', refused: 'REFUSED', timeout: 'TIMEOUT', error: 'FORMERR',
};

export function answer(name: string, type: RecordType, result: string[] | DnsOutcome, ttl = 3600): DnsAnswer {
  const outcome: DnsOutcome = Array.isArray(result) ? (result.length > 0 ? 'ok' : 'nodata') : result;
  const data = Array.isArray(result) ? result : [];
  return {
    name, type, outcome, rcode: RCODE[outcome], chain: [],
    records: data.map((d) => ({ name, type, ttl, data: d })),
    ttl: outcome === 'ok' ? ttl : 300, ms: 1, server: '127.0.0.1:53', transport: 'udp',
  };
}

export interface EvidenceSpec {
  /** PTR names, or the outcome of the PTR lookup. */
  ptr?: string[] | DnsOutcome;
  /** Forward answers by PTR name; a name not listed resolves to the IP itself. */
  forward?: Record<string, string[] | DnsOutcome>;
  target?: Partial<Target>;
  forwardCap?: number;
}

export function evidenceFor(ip: string, spec: EvidenceSpec = {}): Evidence {
  const parsed = parseIp(ip);
  const ptrAnswer = answer(parsed.reverseName, 'PTR', spec.ptr ?? []);
  const names = ptrNames(ptrAnswer);
  const cap = spec.forwardCap ?? 10;
  const checked = names.slice(0, cap);
  const type: RecordType = parsed.version === 4 ? 'A' : 'AAAA';
  const forward: ForwardLookup[] = checked.map((name) => {
    if (!isResolvableName(name)) return { name, notLookedUp: 'not a name that can exist in public DNS', addresses: [], matches: false };
    const a = answer(name, type, spec.forward?.[name] ?? [parsed.address]);
    const addresses = a.records.map((r) => r.data);
    return { name, answer: a, addresses, matches: addresses.some((x) => sameAddress(x, parsed.address)) };
  });
  return {
    target: { ip: parsed.address, ...spec.target },
    ip: parsed,
    ptr: { answer: ptrAnswer, names, checked, capped: names.length > checked.length },
    forward,
    reverseZone: { zone: parsed.reverseName.split('.').slice(1).join('.'), nameservers: ['ns1.isp.example'] },
    dns: [ptrAnswer, ...forward.flatMap((f) => (f.answer ? [f.answer] : []))],
  };
}
