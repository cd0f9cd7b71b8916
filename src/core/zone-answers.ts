/**
 * Reading the answers of a zone's own servers (evidence.zoneServers): shared
 * by the rules that judge them and the views that show them (report, watch).
 */
import type { DirectAnswer } from '../dns/types.js';
import type { DnsAnswer, RecordType } from '../dns/types.js';
import type { ZoneServer } from './zone-servers.js';

export type { DnsAnswer, RecordType } from '../dns/types.js';

/** "ns1.isp.example (192.0.2.1)": one server at one address. */
export function serverLabel(s: ZoneServer): string {
  return s.address ? `${s.ns} (${s.address})` : s.ns;
}

export function answerOf(s: ZoneServer, type: RecordType, name?: string): DirectAnswer | undefined {
  return s.answers.find((a) => a.type === type && (name === undefined || a.name === name));
}

/** The server answered from its own copy of the zone, definitely (a name, or that there is none). */
export function isDefinite(a: DirectAnswer | undefined): boolean {
  return a !== undefined && a.authoritative && (a.outcome === 'ok' || a.outcome === 'nxdomain' || a.outcome === 'nodata');
}

/** An answer as words a user compares: the names, or "none" (NXDOMAIN/NODATA); undefined when it said nothing definite. */
export function answerWords(a: DnsAnswer | undefined): string | undefined {
  if (!a) return undefined;
  if (a.outcome === 'ok') return [...new Set(a.records.map((r) => r.data))].sort().join(', ');
  if (a.outcome === 'nxdomain' || a.outcome === 'nodata') return 'none';
  return undefined;
}

/** The SOA serial one server gave for the zone, when it answered it definitely. */
export function serialOf(s: ZoneServer, zone: string): number | undefined {
  const soa = answerOf(s, 'SOA', zone);
  if (!soa || !isDefinite(soa) || soa.outcome !== 'ok') return undefined;
  const serial = Number(soa.records[0]!.data.split(' ')[2]);
  return Number.isFinite(serial) ? serial : undefined;
}

/** What went wrong with one server, when it did not answer definitely; undefined when it did. */
export type ServerProblem = 'lame' | 'referral' | 'refused' | 'servfail' | 'silent' | 'no-address' | 'not-asked';

export function problemOf(s: ZoneServer, type: RecordType, name: string): ServerProblem | undefined {
  if (!s.address) return 'no-address';
  const a = answerOf(s, type, name);
  if (!a) return undefined;
  if (isDefinite(a)) return undefined;
  if (a.rcode === 'NOT_ASKED') return 'not-asked';
  if (a.outcome === 'refused') return 'refused';
  if (a.outcome === 'servfail') return 'servfail';
  if (a.outcome === 'timeout' || a.outcome === 'error') return 'silent';
  if (a.referral.length > 0 && a.outcome === 'nodata') return 'referral'; // the name is delegated further down
  return 'lame'; // an answer without AA: the server does not hold the zone it is named for
}
