/**
 * One look at a PTR change on its way out: the reverse zone's own servers
 * (recursion off) and each resolver the user cares about, for the PTR and
 * for the expected name's A/AAAA. `ptrcheck watch`, GET /api/v1/watch and
 * the watch page repeat it; each look is independent (no state kept).
 */
import { parseIp, sameAddress } from '../core/ip.js';
import { canonicalName } from '../core/names.js';
import { resolverRow, rows } from '../report/zone-servers.js';
import type { ZoneAtServers, ZoneServerRow } from '../core/types.js';
import type { DirectQuery, DnsAnswer, Resolver } from '../dns/types.js';
import { describeReverseZone, locateReverseZone } from '../gather/reverse-zone.js';
import { atServers, forwardAtItsZone } from '../gather/zone-servers.js';
import { NO_DIRECT_QUERIES } from '../gather/index.js';

/** One server's view (a zone's own nameserver at one address, or a resolver), as a report's row, and whether it shows what is waited for. */
export interface WatchSource extends ZoneServerRow {
  kind: 'authoritative' | 'resolver';
  sees: boolean;
}

export interface WatchState {
  ip: string;
  /** The name whose PTR is asked (the CNAME target under RFC 2317). */
  name: string;
  zone?: string;
  /** The PTR name waited for; absent: any PTR that resolves back to the IP. */
  expect?: string;
  at: string;
  ptr: WatchSource[];
  /** The expected (or current) PTR name's A/AAAA at its own zone's servers and at each resolver. */
  forward: WatchSource[];
  /** The name whose forward records are watched. */
  forwardName?: string;
  done: boolean;
  /**
   * Why the look could not tell (a resolver's lookup failed temporarily, or no server of a zone answered at all):
   * while this is set, `done` is false and nothing is said about the change itself.
   */
  cannotTell?: string[];
  /** When the zone's servers already show the change: the longest a resolver may keep its old answer, in seconds. */
  waitSeconds?: number;
  /** Why part of the picture is missing (a Worker cannot ask the zone's servers). */
  notes: string[];
}

export interface WatchDeps {
  /** Finds the zone and the NS addresses. */
  resolver: Resolver;
  /** The resolvers whose caches are watched, each by its label (its address). */
  resolvers: readonly { label: string; resolver: Resolver }[];
  direct?: DirectQuery | undefined;
  now?: () => number;
}

export async function watchOnce(ipText: string, expectText: string | undefined, deps: WatchDeps): Promise<WatchState> {
  const ip = parseIp(ipText); // throws InputError for what is not an address
  const expect = expectText === undefined || expectText.trim() === '' ? undefined : canonicalName(expectText);
  const located = await locateReverseZone(ip, deps.resolver);
  const name = located.delegatedTo ?? ip.reverseName;
  const notes: string[] = [];
  const [zone, cached] = await Promise.all([
    deps.direct ? describeReverseZone(located, deps.resolver) : undefined,
    Promise.all(deps.resolvers.map(async (r) => ({ label: r.label, answer: await r.resolver.query(ip.reverseName, 'PTR') }))),
  ]);
  if (!deps.direct) notes.push(NO_DIRECT_QUERIES);
  else if (!zone?.zone) notes.push(`no reverse zone was found (${zone?.unknownBecause ?? 'no answer'})`);
  const atZone = deps.direct && zone?.zone ? await atServers(zone.zone, zone.nameservers, [[name, 'PTR'], [zone.zone, 'SOA']], deps.resolver, deps.direct) : undefined;

  const seesPtr = (words: string | undefined): boolean => words !== undefined && words !== 'none' && (expect === undefined || words.split(', ').includes(expect));
  const ptr: WatchSource[] = [
    ...(atZone ? authoritativeSources(atZone, 'PTR', name, seesPtr) : []),
    ...cached.map(({ label, answer }) => resolverSource(label, answer, seesPtr)),
  ];

  // The forward side: the expected name, else the first name anybody gives.
  const forwardName = expect ?? firstName([...ptr.map((s) => s.answer)]);
  const forward: WatchSource[] = [];
  if (forwardName) {
    const type = ip.version === 4 ? 'A' : 'AAAA';
    const seesIp = (words: string | undefined): boolean => words !== undefined && words.split(', ').some((a) => sameAddress(a, ip.address));
    const [own, viaResolvers] = await Promise.all([
      deps.direct ? forwardAtItsZone(forwardName, ip, deps.resolver, deps.direct) : undefined,
      Promise.all(deps.resolvers.map(async (r) => ({ label: r.label, answer: await r.resolver.query(forwardName, type) }))),
    ]);
    if (own?.zone) forward.push(...authoritativeSources(own.zone, type, forwardName, seesIp));
    else if (own?.unknownBecause) notes.push(`${forwardName}: ${own.unknownBecause}`);
    forward.push(...viaResolvers.map(({ label, answer }) => resolverSource(label, answer, seesIp)));
  }
  // Done when every resolver and every one of the zones' servers that answered shows it. A server that gave no
  // definite answer (not reachable from here, lame, or left out by the per-zone limit) is listed, not waited for,
  // unless no server of that zone answered at all; a resolver whose lookup failed leaves the look undecided.
  const cannotTell: string[] = [];
  if (zone?.nameserversFailed) cannotTell.push(`the NS lookup of ${zone.zone} gave ${zone.nameserversFailed}, so its servers could not be asked`);
  const counted: WatchSource[] = [];
  for (const [list, what] of [[ptr, `the PTR of ${name}`], [forward, `${forwardName ?? ''}`]] as const) {
    const own = list.filter((s) => s.kind === 'authoritative');
    const answered = own.filter((s) => s.answer !== undefined);
    if (deps.direct && own.length > 0 && answered.length === 0) cannotTell.push(`no server of the zone answered for ${what}`);
    for (const s of own) if (s.answer === undefined && s.problem !== 'unasked') notes.push(unansweredNote(s));
    counted.push(...answered);
    for (const s of list.filter((x) => x.kind === 'resolver')) {
      if (s.answer === undefined && s.problem !== undefined && TEMPORARY_RCODES.has(s.problem)) cannotTell.push(`resolver ${s.server} gave ${s.problem}`);
      counted.push(s);
    }
  }
  const all = [...ptr, ...forward];
  const done = cannotTell.length === 0 && counted.length > 0 && counted.every((s) => s.sees) && forward.length > 0;
  const state: WatchState = { ip: ip.address, name, at: new Date((deps.now ?? Date.now)()).toISOString(), ptr, forward, done, notes: [...new Set(notes)] };
  if (cannotTell.length > 0) state.cannotTell = cannotTell;
  if (zone?.zone) state.zone = zone.zone;
  if (expect) state.expect = expect;
  if (forwardName) state.forwardName = forwardName;
  // Published at the source but not yet everywhere: the stale caches decide how long is left.
  const published = (list: WatchSource[]) => {
    const answered = list.filter((s) => s.kind === 'authoritative' && s.answer !== undefined);
    return answered.length > 0 && answered.every((s) => s.sees);
  };
  const stale = all.filter((s) => s.kind === 'resolver' && !s.sees && s.ttl !== undefined);
  if (!done && cannotTell.length === 0 && atZone && published(ptr) && stale.length > 0) state.waitSeconds = Math.max(...stale.map((s) => s.ttl!));
  return state;
}

function authoritativeSources(zone: ZoneAtServers, type: 'PTR' | 'A' | 'AAAA', name: string, sees: (words: string | undefined) => boolean): WatchSource[] {
  return rows(zone, type, name).map((row) => ({ kind: 'authoritative' as const, ...row, sees: sees(row.answer) }));
}

function resolverSource(label: string, answer: DnsAnswer, sees: (words: string | undefined) => boolean): WatchSource {
  const row = resolverRow(answer);
  return { kind: 'resolver', ...row, server: label, sees: sees(row.answer) };
}

/** Answers that say nothing about the record: the resolver could not look. */
const TEMPORARY_RCODES = new Set(['SERVFAIL', 'REFUSED', 'TIMEOUT', 'NETWORK', 'BUSY', 'FORMERR']);

/** Why a zone's server is not waited for, in words a reader acts on. */
export function unansweredNote(s: WatchSource): string {
  const who = `${s.server}${s.address ? ` (${s.address})` : ''}`;
  if (s.problem === 'silent') return `${who} did not answer: not reachable from here (an IPv6 address on a host without IPv6, or a dead server); check it from a host that can reach it`;
  if (s.problem === 'no-address') return `${who} has no address, so it was not asked`;
  if (s.problem === 'not-asked') return `${who} is at a private or reserved address, so it was not asked`;
  return `${who} gave no answer from its own data (${s.problem ?? 'no answer'}): it does not serve the zone, so it is not waited for`;
}

function firstName(answers: (string | undefined)[]): string | undefined {
  for (const a of answers) if (a && a !== 'none') return a.split(', ')[0];
  return undefined;
}
