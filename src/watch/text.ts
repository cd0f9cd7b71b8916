/**
 * A look at a PTR change as a terminal table: each of the zone's servers
 * and each resolver, what it answers, how long its answer may live, and
 * whether it shows what is waited for. Pure.
 */
import { sanitize } from '../report/text.js';
import { rowAnswer } from '../report/zone-words.js';
import type { WatchSource, WatchState } from './poll.js';

export function renderWatch(raw: WatchState, elapsedMs: number): string {
  const s = sanitize(raw);
  const want = s.expect ?? 'a PTR that resolves back to the IP';
  const out = [`ptrcheck watch ${s.ip}  waiting for ${want}  (${s.at}, ${Math.round(elapsedMs / 1000)} s in)`, ''];
  out.push(`PTR of ${s.name}${s.zone ? ` (zone ${s.zone})` : ''}`);
  out.push(...table(s.ptr));
  if (s.forwardName) {
    out.push('', `${s.forwardName} → ${s.ip}?`);
    out.push(...table(s.forward));
  }
  for (const n of s.notes) out.push('', `note: ${n}`);
  out.push('');
  if (s.done) out.push('Every server and resolver shows it: done.');
  else if (s.cannotTell) out.push(`Cannot tell yet: ${s.cannotTell.join('; ')}. Looking again.`);
  else if (s.waitSeconds !== undefined) out.push(`Published at the zone's servers; the slowest resolver cache expires in ${s.waitSeconds} s.`);
  else out.push('Not published at every one of the zone\'s own servers yet: the change is still with whoever runs the zone.');
  return out.join('\n') + '\n';
}

function table(rows: WatchSource[]): string[] {
  return rows.map((r) => {
    const who = `${r.kind === 'resolver' ? 'resolver ' : ''}${r.server}${r.address ? ` ${r.address}` : ''}`;
    const extra = [r.ttl !== undefined ? `ttl ${r.ttl}` : '', r.serial !== undefined ? `serial ${r.serial}` : ''].filter(Boolean).join('  ');
    return `  ${r.sees ? 'yes    ' : 'not yet'}  ${who.padEnd(44)} ${rowAnswer(r).padEnd(30)} ${extra}`;
  });
}
