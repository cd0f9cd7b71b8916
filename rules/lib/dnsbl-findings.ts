/**
 * dnsbl-clean's findings in words and data: each listing by the registry's
 * name, code meanings, delisting page and receivers (or as RFC 5782 reads an
 * unknown zone), the notes beside the verdict, and each list's JSON view.
 */
import type { DnsblLookup, Fragment } from '../../src/core/types.js';
import { scoringBlocklist } from '../../src/core/temporary.js';
import { codeMeaning, findDnsList } from './dnsbl.js';
import { receivers } from '../receivers/index.js';

export const list = (ls: DnsblLookup[]) => ls.map((l) => l.zone).join(', ');
export const isBlock = (l: DnsblLookup) => (l.kind ?? 'block') === 'block';
/** One definition of a list that decides (the runner's too). */
export const scoring = scoringBlocklist;

/** One answer code in words: the registry's meaning, or that the list does not document it. */
function meanings(l: DnsblLookup): Fragment[] {
  const known = findDnsList(l.zone);
  return l.codes.map((code) => {
    const meaning = known ? codeMeaning(known, code) : undefined;
    return meaning === undefined ? { messageId: 'code-undocumented', code } : { messageId: 'code', code, meaning };
  });
}

/** A listing in words: a registered list by name, code meanings, delisting page and who uses it; another as RFC 5782 reads it. */
export function listing(l: DnsblLookup): Fragment {
  const known = findDnsList(l.zone);
  if (!known) return { messageId: 'listing', zone: l.zone, codes: l.codes.join(', '), reason: l.reason ? { messageId: 'reason', text: l.reason } : '' };
  const users = usedBy(l);
  return {
    messageId: 'listing-known', name: known.name, zone: l.zone, meanings: meanings(l),
    said: l.reason ? { messageId: 'said', text: l.reason } : '',
    delist: known.delist ? { messageId: 'delist', url: known.delist } : '',
    usedBy: users.length > 0 ? { messageId: 'used-by', receivers: users.map((u) => u.name).join(', ') } : '',
  };
}

function usedBy(l: DnsblLookup): { id: string; name: string }[] {
  return (findDnsList(l.zone)?.usedBy ?? []).map((u) => ({ id: u.receiver, name: u.label ?? receivers.find((r) => r.id === u.receiver)?.name ?? u.receiver }));
}

/** What each list said, for the JSON report (additive: zone, codes, reason and query as before). */
export function view(l: DnsblLookup) {
  const known = findDnsList(l.zone);
  return {
    zone: l.zone, query: l.query, result: l.result, codes: l.codes, reason: l.reason,
    kind: l.kind ?? 'block', role: l.role ?? 'scoring', registered: known !== undefined,
    ...(known ? { name: known.name, meanings: Object.fromEntries(l.codes.map((c) => [c, codeMeaning(known, c) ?? null])), delist: known.delist, homepage: known.homepage, usedBy: usedBy(l) } : {}),
    ...(l.skipped ? { skipped: l.skipped } : {}),
  };
}

/** Everything beside the verdict: allowlist hits, informational lists, lists not asked, unknown zones, side lists that failed. */
export function notes(dnsbl: DnsblLookup[], shownListings: boolean): Fragment | '' {
  const items: Fragment[] = [];
  for (const l of dnsbl) {
    const known = findDnsList(l.zone);
    const name = known?.name ?? l.zone;
    if (l.kind === 'allow' && l.result === 'listed') items.push({ messageId: 'note-allowed', name, zone: l.zone, meanings: meanings(l) });
    else if (l.role === 'informational' && l.result === 'listed' && !shownListings) items.push({ messageId: 'note-informational', listing: listing(l) });
    if (l.skipped === 'no-ipv6') items.push({ messageId: 'note-no-ipv6', zone: l.zone });
    if (l.skipped === 'dead') items.push({ messageId: 'note-dead', name, zone: l.zone, since: known?.deadSince ?? 'unknown' });
    if (l.skipped === 'domain-list') items.push({ messageId: 'note-domain-list', zone: l.zone });
    if (!scoring(l) && (l.result === 'error' || l.result === 'refused')) items.push({ messageId: 'note-failed', zone: l.zone, codes: l.problem?.kind === 'lookup-failed' ? l.problem.rcode : l.codes.join(', ') || 'no usable answer' });
  }
  const unknown = dnsbl.filter((l) => !findDnsList(l.zone));
  if (unknown.length > 0) items.push({ messageId: 'note-unregistered', zones: list(unknown) });
  return items.length > 0 ? { messageId: 'notes', items } : '';
}
