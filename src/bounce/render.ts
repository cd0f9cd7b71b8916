/** A decoded bounce for the terminal: what the receiver said, what it means there, and how things stand now. Pure. */
import { sanitize } from '../report/text.js';
import type { BounceResult } from './check.js';
import { authenticationWords } from './words.js';

export function renderBounce(raw: BounceResult): string {
  const { bounce: b, now, audit } = sanitize(raw);
  const field = (label: string, value: string | undefined) => (value ? [`  ${label.padEnd(14)} ${value}`] : []);
  const out = ['ptrcheck bounce', ''];
  out.push(...field('Receiver', b.receiver ? `${b.receiver.name}${b.remoteMta ? ` (${b.remoteMta})` : ''}` : b.remoteMta ? `${b.remoteMta} (not one ptrcheck knows)` : 'unknown'));
  out.push(...field('Reply', b.reply));
  out.push(...field('Code', [b.code, b.enhanced].filter(Boolean).join(' ') || undefined));
  out.push(...field('Means', b.meaning));
  if (b.iana) out.push(...field(b.meaning ? 'IANA registry' : 'Means', b.meaning && b.enhanced ? `${b.iana}${differs(b.meaning, b.iana) ? ' (the receiver uses the code differently)' : ''}` : b.iana));
  out.push(...field('Kind', b.category));
  if (b.authentication) out.push(...field('Authentication', authenticationWords(b.authentication)));
  out.push(...field('Sending IP', b.ip));
  out.push(...field('Written by', b.writtenBy));
  for (const n of b.notes) out.push(`  note: ${n}`);
  out.push('', `Now: ${now.message}`);
  if (audit) out.push(`      audit of ${audit.target.ip}: ${audit.verdict.toUpperCase()}, score ${audit.score}/100 (ptrcheck audit ${audit.target.ip} for the whole report)`);
  return out.join('\n') + '\n';
}

/** Gmail's X.7.23 (PTR) against the registry's X.7.23 (SPF): different when neither names what the other does. */
function differs(own: string, iana: string): boolean {
  const topic = (s: string) => (/PTR|reverse DNS/i.test(s) ? 'ptr' : /SPF/i.test(s) ? 'spf' : /authenticat/i.test(s) ? 'auth' : 'other');
  return topic(own) !== topic(iana) && topic(iana) !== 'other';
}
