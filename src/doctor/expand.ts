/**
 * Postfix's `$name` expansion (postconf(5)): `$name`, `${name}`, `$(name)`,
 * `${name?value}` (value when name is non-empty), `${name:value}` (value
 * when it is empty), `$$` for a dollar. Bounded three ways, so a hostile
 * main.cf cannot blow time or memory: each parameter is expanded once
 * (memoized: `c = $a$a$a…` over `a = $b$b$b…` costs the text's length, not
 * its product), nesting is capped (EXPAND_LIMITS.depth), and so is every
 * expanded value's length (EXPAND_LIMITS.chars). A cycle is named.
 * A scanner, not a regex: nothing here can back-track.
 */
import { InputError } from '../core/errors.js';

export const EXPAND_LIMITS = { chars: 4096, depth: 10 } as const;

/** What main.cf (or a built-in default) says for a name, unexpanded; undefined: not a parameter we know (expands to nothing). */
export type RawLookup = (name: string) => string | undefined;

const isNameChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Index of the bracket closing the one at `open`, or -1: one pass, counting only that bracket kind. */
function closing(text: string, open: number): number {
  const o = text.charAt(open);
  const c = o === '{' ? '}' : ')';
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === o) depth += 1;
    else if (ch === c && --depth === 0) return i;
  }
  return -1;
}

export class Expander {
  private readonly memo = new Map<string, string>();
  private readonly stack: string[] = [];
  /** Names referenced that main.cf does not set and Postfix has no default for here (they expand to nothing). */
  readonly unknown = new Set<string>();

  private readonly raw: RawLookup;
  private readonly where: string;
  private readonly limits: { chars: number; depth: number };

  constructor(raw: RawLookup, where = 'main.cf', limits: { chars: number; depth: number } = EXPAND_LIMITS) {
    this.raw = raw;
    this.where = where;
    this.limits = limits;
  }

  /** The parameter's value with every reference expanded. */
  value(name: string): string {
    const known = this.memo.get(name);
    if (known !== undefined) return known;
    if (this.stack.includes(name)) throw new InputError(`${this.where}: $${name} refers to itself (${[...this.stack.slice(this.stack.indexOf(name)), name].map((n) => `$${n}`).join(' → ')})`);
    if (this.stack.length >= this.limits.depth) throw new InputError(`${this.where}: expanding $${this.stack[0]} goes deeper than ${this.limits.depth} levels ($${this.stack.join(' → $')} → …)`);
    this.stack.push(name);
    try {
      const raw = this.raw(name);
      if (raw === undefined) this.unknown.add(name);
      const v = raw === undefined ? '' : this.text(raw, this.stack.length);
      this.memo.set(name, v);
      return v;
    } finally {
      this.stack.pop();
    }
  }

  /** Expands a value's text; `level` counts the references and conditionals it sits in. */
  private text(text: string, level: number): string {
    let out = '';
    const add = (s: string) => {
      if (out.length + s.length > this.limits.chars) throw new InputError(`${this.where}: $${this.stack[0]} expands to more than ${this.limits.chars} characters`);
      out += s;
    };
    let i = 0;
    while (i < text.length) {
      const d = text.indexOf('$', i);
      if (d < 0) {
        add(text.slice(i));
        break;
      }
      add(text.slice(i, d));
      const next = text.charAt(d + 1);
      if (next === '$') {
        add('$');
        i = d + 2;
      } else if (next === '{' || next === '(') {
        const end = closing(text, d + 1);
        if (end < 0) {
          add(text.slice(d)); // unbalanced: kept as written (Postfix would complain)
          break;
        }
        this.braced(text.slice(d + 2, end), text.slice(d, end + 1), level, add);
        i = end + 1;
      } else if (isNameChar(text.charCodeAt(d + 1))) {
        let k = d + 1;
        while (k < text.length && isNameChar(text.charCodeAt(k))) k++;
        add(this.value(text.slice(d + 1, k)));
        i = k;
      } else {
        add('$');
        i = d + 1;
      }
    }
    return out;
  }

  /** `${name}`, `${name?value}`, `${name:value}` (and `${name?{value}}`, Postfix 3.0); anything else is kept as written. */
  private braced(inner: string, written: string, level: number, add: (s: string) => void): void {
    let k = 0;
    while (k < inner.length && isNameChar(inner.charCodeAt(k))) k++;
    const name = inner.slice(0, k);
    const op = inner.charAt(k);
    if (name === '' || (k < inner.length && op !== '?' && op !== ':')) {
      add(written);
      return;
    }
    const v = this.value(name);
    if (k === inner.length) {
      add(v);
      return;
    }
    if ((op === '?') !== (v !== '')) return;
    if (level + 1 > this.limits.depth) throw new InputError(`${this.where}: expanding $${this.stack[0] ?? name} goes deeper than ${this.limits.depth} levels`);
    let alt = inner.slice(k + 1);
    if (alt.startsWith('{') && closing(alt, 0) === alt.length - 1) alt = alt.slice(1, -1);
    add(this.text(alt, level + 1));
  }
}
