/**
 * Reading what a zone's own servers answered (evidence.zoneServers), for the
 * rules that compare them with each other and with the resolver. Pure.
 */
import { answerOf, answerWords, isDefinite, type RecordType } from '../../src/core/zone-answers.js';
import type { ZoneAtServers, ZoneServer } from '../../src/core/types.js';

export { answerOf, answerWords, isDefinite, problemOf, serialOf, serverLabel, type ServerProblem } from '../../src/core/zone-answers.js';

/** Servers grouped by the words of their definite answer to one question. */
export function groupBy(z: ZoneAtServers, type: RecordType, name: string): Map<string, ZoneServer[]> {
  const groups = new Map<string, ZoneServer[]>();
  for (const s of z.servers) {
    const a = answerOf(s, type, name);
    if (!isDefinite(a)) continue;
    const words = answerWords(a)!;
    groups.set(words, [...(groups.get(words) ?? []), s]);
  }
  return groups;
}

/** True when at least one server of the zone answered this question definitely: the rest can be judged against it. */
export function someoneAnswered(z: ZoneAtServers, type: RecordType, name: string): boolean {
  return z.servers.some((s) => isDefinite(answerOf(s, type, name)));
}


/** Seconds left, in words a reader acts on: "41 minutes", "2 hours 5 minutes", "under a minute". */
export function timeLeft(seconds: number): string {
  if (seconds < 60) return seconds <= 0 ? 'no time (it expires now)' : 'under a minute';
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.ceil((seconds % 3600) / 60);
  const part = (n: number, unit: string) => (n > 0 ? `${n} ${unit}${n === 1 ? '' : 's'}` : '');
  if (days > 0) return [part(days, 'day'), part(hours, 'hour')].filter(Boolean).join(' ');
  if (hours > 0) return [part(hours, 'hour'), part(minutes === 60 ? 0 : minutes, 'minute')].filter(Boolean).join(' ');
  return part(minutes, 'minute');
}
