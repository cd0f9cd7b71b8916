import { describe, expect, it } from 'vitest';
import { scoreResults } from './score.js';
import type { RuleMeta } from './rule.js';
import type { RuleResult, Status } from './types.js';

const meta = (weight: number, severity: RuleMeta['severity']): RuleMeta => ({
  id: 'x', title: '', failureTitle: '', rationale: '', weight, severity, refs: [], requires: [], lookups: [], messages: {},
});
const metas: Record<string, RuleMeta> = { crit: meta(60, 'critical'), major: meta(30, 'major'), minor: meta(10, 'minor') };
const run = (statuses: Record<string, Status>): RuleResult[] =>
  Object.entries(statuses).map(([rule, status]) => ({ rule, status, messageId: 'm' }));

describe('scoreResults', () => {
  it.each([
    [{ crit: 'pass', major: 'pass', minor: 'pass' }, 100, 'pass', false],
    [{ crit: 'pass', major: 'warn', minor: 'pass' }, 85, 'warn', false],
    [{ crit: 'pass', major: 'fail', minor: 'pass' }, 70, 'warn', false],
    [{ crit: 'fail', major: 'pass', minor: 'pass' }, 40, 'fail', false],
    [{ crit: 'warn', major: 'pass', minor: 'pass' }, 70, 'warn', false],
    [{ crit: 'pass', major: 'skip', minor: 'pass' }, 100, 'pass', false],
    [{ crit: 'pass', major: 'info', minor: 'pass' }, 100, 'pass', false],
    [{ crit: 'error', major: 'pass', minor: 'pass' }, 100, 'warn', true],
    [{ crit: 'error', major: 'fail', minor: 'pass' }, 25, 'warn', true],
    [{ crit: 'skip', major: 'skip', minor: 'skip' }, 0, 'pass', false],
    [{ crit: 'fail', major: 'fail', minor: 'fail' }, 0, 'fail', false],
  ] as const)('%j → %i %s partial=%s', (statuses, score, verdict, partial) => {
    expect(scoreResults(run(statuses), (id) => metas[id])).toEqual({ score, verdict, partial });
  });

  it('gives unknown rules no weight', () => {
    expect(scoreResults(run({ crit: 'pass', nope: 'fail' }), (id) => metas[id])).toMatchObject({ score: 100, verdict: 'warn' });
  });
});
