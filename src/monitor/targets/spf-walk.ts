/**
 * The addresses a domain's SPF record authorizes: ip4:/ip6: networks, the
 * addresses of a/mx names, include: and redirect= followed. The limits a
 * receiver applies hold here too (RFC 7208 §4.6.4: 10 DNS-querying terms,
 * 2 void lookups); past one, the walk stops and says so. What cannot be
 * listed (ptr, exists:, macros) is noted, never guessed.
 */
import { shown } from '../../core/errors.js';
import type { DnsAnswer } from '../../dns/types.js';
import type { Collector, Lookups } from './collect.js';
import { mxHosts } from './mx.js';
import { canonicalAddress, networkOf } from './network.js';
import { spfRecords, spfTerms, type DomainSpec, type SpfTerm } from './spf-record.js';

export interface SpfLimits {
  maxLookups: number;
  maxVoidLookups: number;
}

interface Walk {
  lookups: Lookups;
  out: Collector;
  limits: SpfLimits;
  used: number;
  voids: number;
  stopped: boolean;
}

/** Walks `domain`'s SPF record into `out`; its own TXT lookup is not one of the 10 (RFC 7208 §4.6.4). */
export async function expandSpf(domain: string, lookups: Lookups, out: Collector, limits: SpfLimits): Promise<void> {
  const walk: Walk = { lookups, out, limits, used: 0, voids: 0, stopped: false };
  const record = recordOf(walk, domain, await lookups.ask(domain, 'TXT'), undefined);
  if (record !== undefined) await evaluate(walk, domain, record, [domain], []);
}

/** The one SPF record in a TXT answer, or undefined with the reason noted (`via`: the include/redirect that led here). */
function recordOf(walk: Walk, domain: string, answer: DnsAnswer, via: string | undefined): string | undefined {
  const where = via ? `${via}: ${shown(domain)}` : shown(domain);
  if (answer.outcome === 'nxdomain' || answer.outcome === 'nodata') {
    walk.out.note(answer.outcome === 'nxdomain' ? `${where} does not exist (NXDOMAIN)` : `${where} has no SPF record`);
    if (via) countVoid(walk);
    return undefined;
  }
  if (answer.outcome !== 'ok') return undefined; // temporary: listed by Lookups
  const records = spfRecords(answer.records.map((r) => r.data));
  if (records.length === 0) walk.out.note(`${where} has no SPF record`);
  if (records.length > 1) walk.out.note(`${where} has ${records.length} SPF records (RFC 7208 §4.5: a permerror): none was expanded`);
  return records.length === 1 ? records[0] : undefined;
}

async function evaluate(walk: Walk, domain: string, record: string, chain: string[], path: string[]): Promise<void> {
  let redirect: Extract<SpfTerm, { kind: 'redirect' }> | undefined;
  for (const term of spfTerms(record)) {
    if (walk.stopped) return;
    const label = `spf ${[...path, term.text].map((t) => shown(t)).join(' ')}`;
    if (term.kind === 'modifier') continue;
    if (term.kind === 'invalid') {
      walk.out.note(`${label} is not valid SPF (${term.problem}): skipped`);
      continue;
    }
    if (term.kind === 'redirect') {
      if (redirect) walk.out.note(`${label}: a second redirect (RFC 7208 §6: a permerror): skipped`);
      else redirect = term;
      continue;
    }
    if (term.kind === 'all') {
      if (term.qualifier === '+') walk.out.note(`${label} authorizes every address: nothing to list`);
      return; // terms after "all" are never reached, and redirect= is ignored (RFC 7208 §5.1, §6.1)
    }
    const queries = term.kind !== 'ip4' && term.kind !== 'ip6';
    if (queries && !spend(walk)) return;
    if (term.qualifier !== '+') {
      walk.out.note(`${label} does not authorize (qualifier ${term.qualifier}): not watched`);
      continue;
    }
    switch (term.kind) {
      case 'ip4':
      case 'ip6':
        addAddress(walk, term.address, term.kind === 'ip4' ? 4 : 6, term.bits, label);
        break;
      case 'a':
      case 'mx':
        if (macro(walk, term.domain, label)) break;
        await hostTerm(walk, term, term.domain?.name ?? domain, label);
        break;
      case 'ptr':
        walk.out.note(`${label} cannot be listed: it authorizes whatever address has a matching reverse name`);
        break;
      case 'exists':
        walk.out.note(`${label} cannot be listed: it asks DNS about each sending address`);
        break;
      case 'include':
        await follow(walk, term.domain, chain, path, term.text, label);
        break;
    }
  }
  if (redirect && !walk.stopped && spend(walk)) await follow(walk, redirect.domain, chain, path, redirect.text, `spf ${[...path, redirect.text].map((t) => shown(t)).join(' ')}`);
}

/** include: or redirect=: the named domain's record, walked in turn (a domain already on the way here is a loop). */
async function follow(walk: Walk, spec: DomainSpec, chain: string[], path: string[], text: string, label: string): Promise<void> {
  if (macro(walk, spec, label)) return;
  if (chain.includes(spec.name)) {
    walk.out.note(`${label} loops back to ${shown(spec.name)}: not followed`);
    return;
  }
  const record = recordOf(walk, spec.name, await walk.lookups.ask(spec.name, 'TXT'), label);
  if (record !== undefined && !walk.stopped) await evaluate(walk, spec.name, record, [...chain, spec.name], [...path, text]);
}

/** a and mx: the addresses of the name (or of its MX hosts), each widened to the term's prefix length. */
async function hostTerm(walk: Walk, term: Extract<SpfTerm, { kind: 'a' | 'mx' }>, name: string, label: string): Promise<void> {
  if (term.kind === 'a') {
    const found = await walk.lookups.hostAddresses(name, label);
    if (found.none) {
      walk.out.note(`${label}: ${shown(name)} has no address`);
      countVoid(walk);
    }
    for (const address of found.addresses) addAddress(walk, address, address.includes(':') ? 6 : 4, address.includes(':') ? term.cidr6 : term.cidr4, label);
    return;
  }
  const mx = await mxHosts(name, walk.lookups, walk.out, label);
  if (mx.none) countVoid(walk);
  for (const { host, addresses } of mx.hosts) {
    for (const address of addresses) addAddress(walk, address, address.includes(':') ? 6 : 4, address.includes(':') ? term.cidr6 : term.cidr4, `${label} ${host}`);
  }
}

function addAddress(walk: Walk, address: string, version: 4 | 6, bits: number, label: string): void {
  if (bits < (version === 4 ? 32 : 128)) {
    walk.out.addNetwork(networkOf(address, version, bits), label);
    return;
  }
  const canonical = canonicalAddress(address);
  if (canonical) walk.out.add(canonical, label);
  else walk.out.note(`${label}: ${shown(address)} cannot send mail: left out`);
}

function macro(walk: Walk, spec: DomainSpec | undefined, label: string): boolean {
  if (!spec?.macro) return false;
  walk.out.note(`${label} has a macro (%{…}), which only a receiver expands, per message: not expanded`);
  return true;
}

/** One more DNS-querying term; false (and the walk stopped) past the limit. */
function spend(walk: Walk): boolean {
  if (walk.used >= walk.limits.maxLookups) {
    stop(walk, `SPF needs more than ${walk.limits.maxLookups} DNS lookups (RFC 7208 §4.6.4): the rest was not expanded`);
    return false;
  }
  walk.used++;
  return true;
}

function countVoid(walk: Walk): void {
  walk.voids++;
  if (walk.voids > walk.limits.maxVoidLookups) {
    stop(walk, `SPF has more than ${walk.limits.maxVoidLookups} void lookups (RFC 7208 §4.6.4): the rest was not expanded`);
  }
}

function stop(walk: Walk, why: string): void {
  walk.stopped = true;
  walk.out.note(why, true);
}
