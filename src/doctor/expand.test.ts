import { describe, expect, it } from 'vitest';
import { EXPAND_LIMITS, Expander } from './expand.js';

const expander = (params: Record<string, string>) => new Expander((n) => params[n]);

describe('$name expansion', () => {
  it.each([
    ['$a', 'A'],
    ['${a}', 'A'],
    ['$(a)', 'A'],
    ['x$a.y', 'xA.y'],
    ['$a$a', 'AA'],
    ['$$a', '$a'],
    ['a $-b', 'a $-b'],
    ['cost $5', 'cost '], // $5 is a name (digits are name characters), unset
    ['$', '$'],
    ['${a?set}', 'set'],
    ['${a:unset}', ''],
    ['${empty?set}', ''],
    ['${empty:unset}', 'unset'],
    ['${a?{braced $a}}', 'braced A'],
    ['${nothing}', ''],
    ['${a', '${a'],
    ['${{x} == {y}?z}', '${{x} == {y}?z}'],
    ['$chain', 'mail.A'],
  ])('%s → %j', (text, out) => {
    const e = expander({ a: 'A', empty: '', chain: 'mail.$a', t: text });
    expect(e.value('t')).toBe(out);
  });

  it('names a cycle', () => {
    expect(() => expander({ a: '$b', b: 'x.${c}', c: '$(a)' }).value('a')).toThrow('main.cf: $a refers to itself ($a → $b → $c → $a)');
    expect(() => expander({ a: 'x$a' }).value('a')).toThrow('$a refers to itself');
  });

  it('stops a chain deeper than the limit', () => {
    const params: Record<string, string> = { [`p${EXPAND_LIMITS.depth + 1}`]: 'end' };
    for (let i = 0; i <= EXPAND_LIMITS.depth; i++) params[`p${i}`] = `$p${i + 1}`;
    expect(() => expander(params).value('p0')).toThrow(`goes deeper than ${EXPAND_LIMITS.depth} levels`);
    const ok: Record<string, string> = { p9: 'end' };
    for (let i = 0; i < 9; i++) ok[`p${i}`] = `$p${i + 1}`;
    expect(expander(ok).value('p0')).toBe('end');
  });

  it('caps an expansion bomb at 4 KiB instead of building it', () => {
    const bomb = { a: '$b'.repeat(100), b: '$c'.repeat(100), c: '$d'.repeat(100), d: 'xxxxxxxxxx' };
    expect(() => expander(bomb).value('a')).toThrow('main.cf: $a expands to more than 4096 characters');
  });

  it('expands each name once: a million references to an empty name cost their own length', () => {
    const e = new Expander((n) => (n === 'top' ? '$mid'.repeat(200_000) : n === 'mid' ? '$leaf'.repeat(200_000) : ''));
    expect(e.value('top')).toBe('');
  });

  it('keeps nested conditionals within the depth limit', () => {
    const nested = `${'${a?'.repeat(50)}x${'}'.repeat(50)}`;
    expect(() => expander({ a: 'A', t: nested }).value('t')).toThrow('deeper than 10 levels');
    expect(expander({ a: 'A', t: '${a?${a?in}}' }).value('t')).toBe('in');
  });

  it('lists names it has no value for', () => {
    const e = expander({ a: '$mystery and $a2', a2: '' });
    expect(e.value('a')).toBe(' and ');
    expect([...e.unknown]).toEqual(['mystery']);
  });
});
