/**
 * The zone's own servers beside the resolver, as rows a person (or the
 * watch command) reads: one per server address, each with its answer, TTL
 * and SOA serial. Facts only; the rules say what they mean.
 */
import { answerOf, answerWords, problemOf, serialOf, type DnsAnswer, type RecordType } from '../core/zone-answers.js';
import type { Evidence, ReportZoneServers, ZoneAtServers, ZoneServerRow } from '../core/types.js';

export function zoneServersView(e: Evidence): ReportZoneServers | undefined {
  const z = e.zoneServers;
  if (!z || !e.ptr) return undefined;
  const type = e.ip?.version === 6 ? 'AAAA' : 'A';
  const view: ReportZoneServers = {
    why: z.why,
    name: z.name,
    resolver: resolverRow(e.ptr.answer),
    servers: z.zone ? rows(z.zone, 'PTR', z.name) : [],
    path: z.path.map((s) => ({ zone: s.zone, nameservers: s.nameservers })),
    forward: z.forward.map((f) => {
      const resolved = e.forward?.find((x) => x.name === f.name)?.answer;
      return { name: f.name, ...(f.zone ? { zone: f.zone.zone } : {}), ...(resolved ? { resolver: resolverRow(resolved) } : {}), servers: f.zone ? rows(f.zone, type, f.name) : [] };
    }),
  };
  if (z.zone) view.zone = z.zone.zone;
  if (z.delegatedFurther) view.delegatedFurther = { zone: z.delegatedFurther.zone, servers: rows(z.delegatedFurther, 'PTR', z.name) };
  return view;
}

export function resolverRow(a: DnsAnswer): ZoneServerRow {
  const answer = answerWords(a);
  return { server: a.server, ...(answer !== undefined ? { answer } : { problem: a.rcode }), ttl: a.ttl };
}

export function rows(zone: ZoneAtServers, type: RecordType, name: string): ZoneServerRow[] {
  return zone.servers.map((s) => {
    const a = answerOf(s, type, name);
    const problem = problemOf(s, type, name);
    const serial = serialOf(s, zone.zone);
    const row: ZoneServerRow = { server: s.ns };
    if (s.address) row.address = s.address;
    if (problem) row.problem = problem;
    else if (a) {
      row.answer = answerWords(a)!;
      row.ttl = a.ttl;
    }
    if (serial !== undefined) row.serial = serial;
    return row;
  }).concat((zone.unasked ?? []).map((u) => ({ server: u.ns, ...(u.address ? { address: u.address } : {}), problem: 'unasked' })));
}
