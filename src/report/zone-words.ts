import { MAX_SERVERS_PER_ZONE } from '../core/zone-servers.js';
/** Words for the zone-servers view's codes, shared by the text, the page and the watch table. */
export const SERVER_PROBLEM_WORDS: Record<string, string> = {
  lame: 'answers without authority (AA clear)',
  referral: 'refers the name to a child zone',
  refused: 'REFUSED',
  servfail: 'SERVFAIL',
  silent: 'no answer',
  'no-address': 'no address',
  'not-asked': 'private address: not asked',
  unasked: `not asked: at most ${MAX_SERVERS_PER_ZONE} addresses a zone`,
};

export const ZONE_CHECK_WHY: Record<string, string> = {
  asked: 'as asked',
  'ptr-missing': 'because the PTR is missing',
  'ptr-failed': 'because the PTR lookup failed',
  'fcrdns-failing': 'because FCrDNS fails',
};

/** A row's answer in words: the names, "none", or what went wrong. */
export function rowAnswer(row: { answer?: string; problem?: string }): string {
  return row.answer ?? SERVER_PROBLEM_WORDS[row.problem ?? ''] ?? row.problem ?? 'no answer';
}
