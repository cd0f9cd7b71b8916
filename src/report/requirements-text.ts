/**
 * Receivers' requirements in the terminal: a one-line-per-program checklist
 * near the top, and each requirement that is not met or cannot be told,
 * with the receiver's own words, further down. Pure; `paint` colours.
 */
import type { ProgramResult, RequirementResult } from '../core/types.js';

type Paint = (style: 'bold' | 'dim' | 'red' | 'green' | 'magenta' | 'yellow', s: string) => string;

const STATE = { met: { sym: '✔', word: 'met', style: 'green' }, 'not-met': { sym: '✖', word: 'not met', style: 'red' }, 'cannot-tell': { sym: '?', word: 'cannot tell', style: 'magenta' } } as const;

export function requirementSummaryLines(programs: readonly ProgramResult[], paint: Paint): string[] {
  if (programs.length === 0) return [];
  const width = Math.max(...programs.map((p) => p.name.length));
  const out = [paint('bold', 'Receivers\' requirements (met · not met · cannot tell)')];
  for (const p of programs) {
    const counts = `${paint('green', `${p.met} ✔`)}  ${paint(p.notMet ? 'red' : 'dim', `${p.notMet} ✖`)}  ${paint(p.cannotTell ? 'magenta' : 'dim', `${p.cannotTell} ?`)}`;
    const missing = p.requirements.filter((r) => r.state === 'not-met').map((r) => r.title);
    out.push(`  ${p.name.padEnd(width)}  ${counts}${missing.length ? `   not met: ${missing.join('; ')}` : ''}`);
    if (p.verdict?.outcome === 'rejected') out.push(`  ${' '.repeat(width)}  ${paint('red', `rejected: ${p.verdict.reply ?? ''}`)}`);
    else if (p.verdict?.outcome === 'unknown') out.push(`  ${' '.repeat(width)}  ${paint('magenta', `cannot tell whether it accepts: ${p.verdict.because.join(', ')} not shown`)}`);
  }
  return out;
}

export function requirementDetailLines(programs: readonly ProgramResult[], paint: Paint, wrap: (text: string, first: string, rest: string) => string[]): string[] {
  const out: string[] = [];
  for (const p of programs) {
    const open = p.requirements.filter((r) => r.state !== 'met');
    if (open.length === 0) continue;
    if (out.length === 0) out.push(paint('bold', 'What the receivers require that this audit does not show met'));
    out.push(`  ${p.name} ${paint('dim', `(${p.appliesTo})`)}`);
    for (const r of open.filter((x) => x.state === 'not-met')) out.push(...requirementLines(r, paint, wrap));
    // Those that cannot be told, one line per reason: an IP audit leaves many open for the same reason (no message).
    const byWhy = new Map<string, RequirementResult[]>();
    for (const r of open.filter((x) => x.state === 'cannot-tell')) {
      const key = `${r.temporary ? 'not a verdict: ' : ''}${r.why ?? ''}`;
      byWhy.set(key, [...(byWhy.get(key) ?? []), r]);
    }
    const indent = ' '.repeat(18);
    for (const [why, rs] of byWhy) {
      out.push(...wrap(`${paint('magenta', `${STATE['cannot-tell'].sym} ${STATE['cannot-tell'].word.padEnd(11)}`)} ${rs.map((r) => r.title).join('; ')}`, '    ', indent));
      if (why) out.push(...wrap(why, indent, indent).map((l) => paint('dim', l)));
    }
  }
  return out;
}

function requirementLines(r: RequirementResult, paint: Paint, wrap: (text: string, first: string, rest: string) => string[]): string[] {
  const s = STATE[r.state];
  const rules = r.rules.length ? paint('dim', `  [${r.rules.join(', ')}]`) : '';
  const out = [`    ${paint(s.style, `${s.sym} ${s.word.padEnd(11)}`)} ${r.title}${rules}`];
  const indent = ' '.repeat(18);
  if (r.why) out.push(...wrap(`${r.temporary ? 'not a verdict: ' : ''}${r.why}`, indent, indent).map((l) => paint('dim', l)));
  if (r.state === 'not-met') {
    const quote = r.verbatim ? `"${r.quote}"` : `${r.quote} (our summary)`;
    out.push(...wrap(`${quote} ${r.source} (checked ${r.checked})`, indent, indent).map((l) => paint('dim', l)));
    if (r.reply) out.push(...wrap(`reply: ${r.reply}`, indent, indent).map((l) => paint('dim', l)));
  }
  return out;
}
