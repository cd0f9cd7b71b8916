/**
 * The resolver contract every DNS-using part of ptrcheck depends on.
 * Failures are data, not exceptions: a report must be able to say exactly
 * what the DNS answered (STYLE.md rule 3).
 */

export type RecordType = 'A' | 'AAAA' | 'PTR' | 'CNAME' | 'NS' | 'SOA' | 'MX' | 'TXT';

/** What happened to one question. `ok` means NOERROR with records of the asked type. */
export type DnsOutcome =
  | 'ok'
  | 'nxdomain'
  | 'nodata'
  | 'servfail'
  | 'refused'
  | 'timeout'
  | 'error';

/** One resource record, its data in presentation form (as dig prints it). */
export interface DnsRecord {
  name: string;
  type: RecordType;
  ttl: number;
  data: string;
}

export interface DnsAnswer {
  /** The name asked for, lower-case, no trailing dot. */
  name: string;
  type: RecordType;
  outcome: DnsOutcome;
  /** The RCODE of the last response (NOERROR, NXDOMAIN, SERVFAIL, REFUSED…), or TIMEOUT / NETWORK. */
  rcode: string;
  /** Records of the asked type at the end of the CNAME chain. */
  records: DnsRecord[];
  /** CNAME records followed from `name` to the final owner, in order. */
  chain: DnsRecord[];
  /**
   * How long this answer may be cached: the lowest TTL of the chain and records,
   * or for NXDOMAIN/NODATA the negative TTL from the authority SOA (RFC 2308).
   */
  ttl: number;
  /** The SOA from the authority section of a negative answer: names the zone that holds `name`. */
  authority?: DnsRecord;
  /** Wall time spent, including retries and CNAME re-queries. */
  ms: number;
  /** The server that gave the final answer ("127.0.0.1:53", "https://…"), or "cache". */
  server: string;
  transport: 'udp' | 'tcp' | 'doh' | 'cache';
  /** Human detail for `error`/`timeout` outcomes. */
  detail?: string;
}

export interface Resolver {
  query(name: string, type: RecordType): Promise<DnsAnswer>;
}

/**
 * A question put straight to one of a zone's own nameservers, recursion off:
 * what the zone's operator publishes now, before any resolver's cache
 * (implemented on Node by dns/direct-node.ts; a Worker has DoH only).
 */
export interface DirectAnswer extends DnsAnswer {
  /** The address asked (no port): the report names servers by their address. */
  address: string;
  /** AA set: the server answered from its own copy of the zone (RFC 1035 §4.1.1). */
  authoritative: boolean;
  /** NS records in the authority section of a non-authoritative answer: the server refers the question elsewhere. */
  referral: DnsRecord[];
  /** 2 when a REFUSED or SERVFAIL was asked once more (this is the second answer). */
  attempts?: number;
}

export interface DirectQuery {
  ask(address: string, name: string, type: RecordType): Promise<DirectAnswer>;
}

/** Canonical form used as cache key and for comparisons: lower case, no trailing dot. */
export function normalizeName(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
