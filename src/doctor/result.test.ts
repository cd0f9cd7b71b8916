import { describe, expect, it } from 'vitest';
import type { Report, ReceiverVerdict } from '../core/types.js';
import { classify } from './result.js';

const PROVIDERS = new Set(['gmail', 'gmx-webde', 'yahoo']);
const verdict = (id: string, outcome: ReceiverVerdict['outcome']): ReceiverVerdict => ({ id, name: id, outcome, reply: '', requirement: '', verbatim: false, source: '', checked: '', rules: [] });
/** classify reads only the receivers' predictions. */
const report = (...receivers: ReceiverVerdict[]) => ({ receivers }) as Pick<Report, 'receivers'> as Report;

describe('an address, judged from the mailbox providers only', () => {
  it.each([
    ['every provider accepts', [verdict('gmail', 'accept'), verdict('yahoo', 'accept')], 'ok', [], [], []],
    ['a provider rejects', [verdict('gmail', 'rejected'), verdict('yahoo', 'deferred')], 'rejected', ['gmail'], ['yahoo'], []],
    ['a temporary failure leaves one open: unknown, never rejected', [verdict('gmail', 'unknown'), verdict('yahoo', 'accept')], 'unknown', [], [], ['gmail']],
    ['a rejection stands beside an unknown', [verdict('gmail', 'unknown'), verdict('gmx-webde', 'rejected')], 'rejected', ['gmx-webde'], [], ['gmail']],
    ['deferred or junk only: at risk', [verdict('gmail', 'deferred'), verdict('gmx-webde', 'spam-risk')], 'at-risk', [], ['gmail', 'gmx-webde'], []],
    ['a filter (not a mailbox provider) rejecting does not count', [verdict('postfix', 'rejected'), verdict('gmail', 'accept')], 'ok', [], [], []],
  ] as const)('%s', (_why, receivers, v, rejectedBy, atRiskBy, cannotTell) => {
    expect(classify(report(...receivers), PROVIDERS)).toEqual({ verdict: v, rejectedBy, atRiskBy, cannotTell });
  });
});
