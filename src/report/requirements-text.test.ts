import { describe, expect, it } from 'vitest';
import { requirementDetailLines, requirementSummaryLines } from './requirements-text.js';
import type { ProgramResult, RequirementResult } from '../core/types.js';

const base = { quote: 'Senders must.', verbatim: true, source: 'https://receiver.example/p', checked: '2026-12-07' };
const req = (id: string, state: RequirementResult['state'], extra: Partial<RequirementResult> = {}): RequirementResult => ({ id, title: `Title ${id}`, state, rules: [id], ...base, ...extra });
const program = (requirements: RequirementResult[], extra: Partial<ProgramResult> = {}): ProgramResult => ({
  id: 'p', receiver: 'r', name: 'Receiver', appliesTo: 'everyone', requirements,
  met: requirements.filter((r) => r.state === 'met').length, notMet: requirements.filter((r) => r.state === 'not-met').length, cannotTell: requirements.filter((r) => r.state === 'cannot-tell').length, ...extra,
});
const plain = (_s: string, t: string) => t;
const wrap = (text: string, first: string) => [first + text];

describe('requirements in the terminal', () => {
  it('one summary line per program, naming what is not met and an enforced rejection', () => {
    const p = program([req('a', 'met'), req('b', 'not-met'), req('c', 'cannot-tell', { why: 'x' })], { verdict: { outcome: 'rejected', because: ['b'], reply: '550 5.7.515 no' } });
    expect(requirementSummaryLines([p], plain)).toEqual([
      'Receivers\' requirements (met · not met · cannot tell)',
      '  Receiver  1 ✔  1 ✖  1 ?   not met: Title b',
      '            rejected: 550 5.7.515 no',
    ]);
  });

  it('lists what is not met with the receiver\'s words, and groups what cannot be told by its reason', () => {
    const p = program([
      req('a', 'met'),
      req('b', 'not-met', { reply: '550 no' }),
      req('c', 'cannot-tell', { why: 'needs a received message' }),
      req('d', 'cannot-tell', { why: 'needs a received message' }),
      req('e', 'cannot-tell', { why: 'a lookup failed temporarily; ask again', temporary: true }),
    ]);
    const lines = requirementDetailLines([p], plain, wrap);
    expect(lines[0]).toBe('What the receivers require that this audit does not show met');
    expect(lines.filter((l) => l.includes('cannot tell'))).toEqual(['    ? cannot tell Title c; Title d', '    ? cannot tell Title e']);
    expect(lines.filter((l) => l.trim() === 'needs a received message')).toHaveLength(1);
    expect(lines.some((l) => l.includes('not a verdict: a lookup failed temporarily; ask again'))).toBe(true);
    expect(lines.some((l) => l.includes('"Senders must." https://receiver.example/p (checked 2026-12-07)'))).toBe(true);
    expect(lines.some((l) => l.includes('reply: 550 no'))).toBe(true);
    expect(lines.some((l) => l.includes('Title a'))).toBe(false);
  });

  it('says nothing about a program whose requirements are all met', () => {
    expect(requirementDetailLines([program([req('a', 'met')])], plain, wrap)).toEqual([]);
  });
});
