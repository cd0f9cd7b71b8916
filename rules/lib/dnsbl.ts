/**
 * Reading the DNS-list registry (rules/data/dnsbl-registry.ts): which list a
 * configured zone is, whether it may be asked at all, and what an answer
 * code means there. Shared by config (refusing dead lists), gather (what to
 * ask) and dnsbl-clean (what to say).
 */
import { DNS_LISTS, type DnsList } from '../data/dnsbl-registry.js';

export function findDnsList(zone: string): DnsList | undefined {
  const z = zone.replace(/\.$/, '').toLowerCase();
  return DNS_LISTS.find((l) => l.zone === z || (l.subzones === true && z.endsWith(`.${l.zone}`)));
}

/** Why a zone must not be asked about an IP (a dead list, a domain list); undefined when it may be. */
export function dnsListRefusal(zone: string): string | undefined {
  const l = findDnsList(zone);
  if (!l) return undefined;
  if (l.status === 'dead') return `${zone} is ${l.name}, dead since ${l.deadSince}: ${l.reason}. Remove it`;
  if (l.keys === 'domain') return `${zone} is ${l.name}: it lists domains, not IP addresses (an IP query only gets an error code). Remove it`;
  return undefined;
}

const DOTTED = /^127\.0\.(\d{1,3})\.(\d{1,3})$/;

/** What one answer code means on this list; undefined when the list does not document it. */
export function codeMeaning(list: DnsList, code: string): string | undefined {
  const known = list.codes[code] ?? list.errors[code];
  if (known !== undefined) return known;
  const m = list.octets ? DOTTED.exec(code) : null;
  if (!m || !list.octets) return undefined;
  const trust = list.octets.fourth[m[2]!];
  if (trust === undefined) return undefined;
  const category = list.octets.third[m[1]!];
  return `trust ${trust}${category ? `, ${category}` : ''}`;
}
