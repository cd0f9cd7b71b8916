/**
 * Postfix's main.cf, read the way Postfix reads it (postconf(5)): `#`
 * comments, a line starting with whitespace continues the logical line
 * before it, `name = value`, and a later definition overrides an earlier
 * one. Bounded: the caller reads at most MAIN_CF_LIMITS.bytes, and the
 * lines and their length are capped here, so a hostile file costs little.
 */
import { InputError } from '../core/errors.js';

export const MAIN_CF_LIMITS = {
  /** A real main.cf is a few KB; 1 MiB is far beyond any. */
  bytes: 1024 * 1024,
  lines: 100_000,
  /** One logical line (a long mynetworks list over continuation lines included). */
  lineChars: 64 * 1024,
} as const;

export interface MainCf {
  /** Each parameter's last definition, unexpanded. */
  params: Map<string, string>;
  /** Lines that are neither comments, blank, continuations nor `name = value`: Postfix would stop on them. */
  badLines: number[];
}

/** Parameter names: letters, digits, underscores (Postfix also allows a service-qualified name/type:param in master.cf, not here). */
const NAME = /^[A-Za-z0-9_]+$/;

export function parseMainCf(text: string, where = 'main.cf'): MainCf {
  const params = new Map<string, string>();
  const badLines: number[] = [];
  let current: { line: number; text: string } | undefined;
  const finish = () => {
    if (!current) return;
    const eq = current.text.indexOf('=');
    const name = eq < 0 ? '' : current.text.slice(0, eq).trim();
    if (NAME.test(name)) params.set(name, current.text.slice(eq + 1).trim());
    else badLines.push(current.line);
    current = undefined;
  };
  let lineNo = 0;
  let from = 0;
  while (from <= text.length) {
    const nl = text.indexOf('\n', from);
    const end = nl < 0 ? text.length : nl;
    lineNo += 1;
    if (lineNo > MAIN_CF_LIMITS.lines) throw new InputError(`${where} has more than ${MAIN_CF_LIMITS.lines} lines`);
    let line = text.slice(from, Math.min(end, from + MAIN_CF_LIMITS.lineChars + 1));
    if (end - from > MAIN_CF_LIMITS.lineChars) throw new InputError(`${where} line ${lineNo} is longer than ${MAIN_CF_LIMITS.lineChars} characters`);
    from = end + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const first = line.charAt(0);
    // Comments and blank lines end nothing: a continuation may follow a comment (postconf(5)).
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (first === ' ' || first === '\t') {
      if (current) {
        current.text += ` ${line.trim()}`;
        if (current.text.length > MAIN_CF_LIMITS.lineChars) throw new InputError(`${where} line ${current.line} (with its continuation lines) is longer than ${MAIN_CF_LIMITS.lineChars} characters`);
      } else badLines.push(lineNo);
      continue;
    }
    finish();
    current = { line: lineNo, text: line };
  }
  finish();
  return { params, badLines };
}
