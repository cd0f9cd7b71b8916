/**
 * The requirement judge as a table: rule statuses in → met, not met or
 * cannot tell out. A rule in error (a temporary failure) is never "not met";
 * a rule that did not run (skip) leaves it open.
 */
import { describe, expect, it } from 'vitest';
import { judgePrograms, judgeRequirement, type RequirementCheck, type RequirementSpec, type RequirementState } from './requirements.js';
import type { RuleResult, Status } from './result.js';

const skipReason = (rule: string) => `${rule} needs a message`;
const quote = { text: 'Senders must.', source: 'https://receiver.example/policy', checked: '2026-12-07', verbatim: true };
const spec = (check: RequirementCheck, extra: Partial<RequirementSpec> = {}): RequirementSpec => ({ id: 'req', title: 'A requirement', quote, check, ...extra });
/** A status, or a status and the finding's message id ("fail:mailto-only"). */
const results = (statuses: Record<string, Status | `${Status}:${string}`>) =>
  new Map(Object.entries(statuses).map(([rule, v]) => {
    const [status, messageId = 'x'] = v.split(':') as [Status, string?];
    return [rule, { rule, status, messageId } as RuleResult];
  }));

interface Row {
  why: string;
  check: RequirementCheck;
  /** Rules not named are absent from the audit (judged as skip). */
  statuses: Record<string, Status | `${Status}:${string}`>;
  state: RequirementState;
  rules: string[];
  temporary?: true;
  reason?: string | RegExp;
}

const ROWS: Row[] = [
  { why: 'meetsWith: a failing finding the receiver accepts meets it', check: { all: ['u'], meetsWith: { u: ['mailto-only'] } }, statuses: { u: 'fail:mailto-only' }, state: 'met', rules: ['u'] },
  { why: 'meetsWith: another failing finding of the same rule does not', check: { all: ['u'], meetsWith: { u: ['mailto-only'] } }, statuses: { u: 'fail:no-https' }, state: 'not-met', rules: ['u'] },
  { why: 'meetsWith: an error is still cannot tell', check: { all: ['u'], meetsWith: { u: ['mailto-only'] } }, statuses: { u: 'error:mailto-only' }, state: 'cannot-tell', rules: ['u'], temporary: true },
  { why: 'passOnly: the named passing finding meets it', check: { all: ['h'], passOnly: { h: ['equal'] } }, statuses: { h: 'pass:equal' }, state: 'met', rules: ['h'] },
  { why: 'passOnly: another passing finding does not (same domain is not the same name)', check: { all: ['h'], passOnly: { h: ['equal'] } }, statuses: { h: 'pass:same-org' }, state: 'not-met', rules: ['h'] },
  { why: 'passOnly: a skip stays cannot tell', check: { all: ['h'], passOnly: { h: ['equal'] } }, statuses: { h: 'skip' }, state: 'cannot-tell', rules: ['h'], reason: 'h needs a message' },
  { why: 'meetsWith names one rule only', check: { all: ['u', 'v'], meetsWith: { u: ['mailto-only'] } }, statuses: { u: 'pass', v: 'fail:mailto-only' }, state: 'not-met', rules: ['v'] },
  { why: 'all: every rule passes', check: { all: ['a', 'b'] }, statuses: { a: 'pass', b: 'pass' }, state: 'met', rules: ['a', 'b'] },
  { why: 'all: info meets', check: { all: ['a', 'b'] }, statuses: { a: 'pass', b: 'info' }, state: 'met', rules: ['a', 'b'] },
  { why: 'all: one fails', check: { all: ['a', 'b'] }, statuses: { a: 'pass', b: 'fail' }, state: 'not-met', rules: ['b'] },
  { why: 'all: one fails, one errs: the failure decides', check: { all: ['a', 'b'] }, statuses: { a: 'fail', b: 'error' }, state: 'not-met', rules: ['a'] },
  { why: 'all: one errs, the other passes: temporary', check: { all: ['a', 'b'] }, statuses: { a: 'pass', b: 'error' }, state: 'cannot-tell', rules: ['b'], temporary: true, reason: /^a lookup for b failed temporarily; ask again$/ },
  { why: 'all: one errs, one skipped: the error is what to retry', check: { all: ['a', 'b'] }, statuses: { a: 'skip', b: 'error' }, state: 'cannot-tell', rules: ['b'], temporary: true },
  { why: 'all: one skipped: cannot tell, with why, not temporary', check: { all: ['a', 'b'] }, statuses: { a: 'pass', b: 'skip' }, state: 'cannot-tell', rules: ['b'], reason: 'b needs a message' },
  { why: 'all: a rule absent from the audit counts as skipped', check: { all: ['a', 'b'] }, statuses: { a: 'pass' }, state: 'cannot-tell', rules: ['b'], reason: 'b needs a message' },
  { why: 'all: warn without warnMeets does not meet', check: { all: ['a'] }, statuses: { a: 'warn' }, state: 'not-met', rules: ['a'] },
  { why: 'all: warn with warnMeets meets', check: { all: ['a'], warnMeets: true }, statuses: { a: 'warn' }, state: 'met', rules: ['a'] },
  { why: 'all: warnMeets does not make a fail meet', check: { all: ['a', 'b'], warnMeets: true }, statuses: { a: 'warn', b: 'fail' }, state: 'not-met', rules: ['b'] },
  { why: 'any: one passes, one fails', check: { any: ['a', 'b'] }, statuses: { a: 'fail', b: 'pass' }, state: 'met', rules: ['b'] },
  { why: 'any: one passes, one errs: a pass is enough', check: { any: ['a', 'b'] }, statuses: { a: 'error', b: 'pass' }, state: 'met', rules: ['b'] },
  { why: 'any: one skipped, one fails: the skipped one could still meet it', check: { any: ['a', 'b'] }, statuses: { a: 'skip', b: 'fail' }, state: 'cannot-tell', rules: ['a'], reason: 'a needs a message' },
  { why: 'any: one errs, one fails: temporary, never not met', check: { any: ['a', 'b'] }, statuses: { a: 'error', b: 'fail' }, state: 'cannot-tell', rules: ['a'], temporary: true },
  { why: 'any: one errs, one skipped: temporary', check: { any: ['a', 'b'] }, statuses: { a: 'error', b: 'skip' }, state: 'cannot-tell', rules: ['a'], temporary: true },
  { why: 'any: all fail', check: { any: ['a', 'b'] }, statuses: { a: 'fail', b: 'fail' }, state: 'not-met', rules: ['a', 'b'] },
  { why: 'any: warn and fail without warnMeets', check: { any: ['a', 'b'] }, statuses: { a: 'warn', b: 'fail' }, state: 'not-met', rules: ['a', 'b'] },
  { why: 'any: warn with warnMeets meets', check: { any: ['a', 'b'], warnMeets: true }, statuses: { a: 'warn', b: 'fail' }, state: 'met', rules: ['a'] },
  { why: 'any: warnMeets naming b: b\'s warn meets (another domain\'s DKIM signature)', check: { any: ['a', 'b'], warnMeets: ['b'] }, statuses: { a: 'warn', b: 'warn' }, state: 'met', rules: ['b'] },
  { why: 'any: warnMeets naming b: a\'s warn still does not (an SPF softfail)', check: { any: ['a', 'b'], warnMeets: ['b'] }, statuses: { a: 'warn', b: 'fail' }, state: 'not-met', rules: ['a', 'b'] },
  { why: 'all: warnMeets naming a: b\'s warn is not met', check: { all: ['a', 'b'], warnMeets: ['a'] }, statuses: { a: 'warn', b: 'warn' }, state: 'not-met', rules: ['b'] },
  { why: 'cannotTell: whatever the rules say', check: { cannotTell: 'visible only at the receiver' }, statuses: { a: 'fail' }, state: 'cannot-tell', rules: [], reason: 'visible only at the receiver' },
];

describe('judgeRequirement', () => {
  it.each(ROWS.map((r) => [r.why, r] as const))('%s', (_, row) => {
    const got = judgeRequirement(spec(row.check, { reply: '550 no' }), results(row.statuses), skipReason);
    expect(got.state).toBe(row.state);
    expect(got.rules).toEqual(row.rules);
    expect(got.temporary).toBe(row.temporary);
    if (row.reason !== undefined) expect(got.why).toMatch(row.reason);
    if (row.state !== 'cannot-tell') expect(got.why).toBeUndefined();
    // The quote and the reply travel with every state.
    expect([got.quote, got.verbatim, got.source, got.checked, got.reply]).toEqual([quote.text, true, quote.source, quote.checked, '550 no']);
  });

  it('has no reply field when the receiver publishes none', () => {
    expect('reply' in judgeRequirement(spec({ all: ['a'] }), results({ a: 'fail' }), skipReason)).toBe(false);
  });
});

describe('judgePrograms', () => {
  const program = {
    id: 'p', receiver: 'r', name: 'P', appliesTo: 'everyone',
    requirements: [
      spec({ all: ['a'] }, { id: 'one' }),
      spec({ all: ['b'] }, { id: 'v6', ipVersion: 6 }),
      spec({ all: ['c'] }, { id: 'v4', ipVersion: 4 }),
      spec({ cannotTell: 'hidden' }, { id: 'hidden' }),
    ],
  };
  const audit: RuleResult[] = [
    { rule: 'a', status: 'pass', messageId: 'x' },
    { rule: 'b', status: 'fail', messageId: 'x' },
    { rule: 'c', status: 'fail', messageId: 'x' },
  ];

  it.each([
    [4, ['one', 'v4', 'hidden'], { met: 1, notMet: 1, cannotTell: 1 }],
    [6, ['one', 'v6', 'hidden'], { met: 1, notMet: 1, cannotTell: 1 }],
  ] as const)('over IPv%i keeps the rows for that version and counts them', (ip, ids, counts) => {
    const [got] = judgePrograms([program], audit, ip, skipReason);
    expect(got!.requirements.map((r) => r.id)).toEqual(ids);
    expect({ met: got!.met, notMet: got!.notMet, cannotTell: got!.cannotTell }).toEqual(counts);
    expect([got!.id, got!.receiver, got!.name, got!.appliesTo]).toEqual(['p', 'r', 'P', 'everyone']);
  });
});

describe('reasons a requirement cannot be told', () => {
  it('says each reason once, in order (DKIM and DMARC both need a received message)', () => {
    const why = (rule: string) => (rule === 'c' ? 'visible only to the receiver' : 'needs a received message');
    const r = judgeRequirement(spec({ all: ['a', 'b', 'c'] }), results({}), why);
    expect(r).toMatchObject({ state: 'cannot-tell', rules: ['a', 'b', 'c'], why: 'needs a received message; visible only to the receiver' });
  });
});
