/**
 * The receivers' requirement programs as others see them, generated from
 * rules/requirements (STYLE.md rule 9): `ptrcheck requirements` and the
 * section in docs/bounces-and-receivers.md come from here.
 */
import type { ProgramSpec, RequirementCheck } from '../core/requirements.js';

function shownBy(check: RequirementCheck): string {
  if ('cannotTell' in check) return `cannot tell: ${check.cannotTell}`;
  const rules = 'all' in check ? check.all.join(' and ') : check.any.join(' or ');
  const also = Object.entries(check.meetsWith ?? {}).map(([rule, ids]) => `${rule} finding ${ids.join(', ')}`);
  const only = Object.entries(check.passOnly ?? {}).map(([rule, ids]) => `${rule} finding ${ids.join(', ')}`);
  return `shown by ${rules}${also.length ? ` (also met by ${also.join('; ')})` : ''}${only.length ? ` (only ${only.join('; ')})` : ''}`;
}

/** The text `ptrcheck requirements` prints: per program, each requirement, what shows it, and where the receiver says so. */
export function requirementsText(programs: readonly ProgramSpec[]): string {
  const out: string[] = [];
  for (const p of programs) {
    out.push(`${p.name} (${p.id}): ${p.appliesTo}`);
    if (p.enforced) out.push(`  enforced together: ${p.enforced.requirements.join(', ')}, else ${p.enforced.reply}`);
    for (const r of p.requirements) {
      out.push(`  ${r.id.padEnd(20)} ${r.title}${r.ipVersion ? ` (IPv${r.ipVersion} only)` : ''}`);
      out.push(`  ${' '.repeat(20)} ${shownBy(r.check)}`);
      out.push(`  ${' '.repeat(20)} ${r.quote.verbatim ? 'their words' : 'our summary'}: ${r.quote.source} (checked ${r.quote.checked})`);
    }
    out.push('');
  }
  return out.join('\n');
}
