import rule from './list-unsubscribe.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';
import type { MessageEvidence } from '../src/core/types.js';

const at = (m: Partial<MessageEvidence>) => evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], message: m });
const ONE_CLICK = 'List-Unsubscribe=One-Click';

testRule(rule, [
  { why: 'https + one-click POST', evidence: at({ bulkSignals: ['List-Unsubscribe'], listUnsubscribe: '<mailto:u@example.com>, <https://example.com/u/123>', listUnsubscribePost: ONE_CLICK }), status: 'pass', messageId: 'one-click', data: { uri: 'https://example.com/u/123' } },
  { why: 'header value case and spacing tolerated', evidence: at({ bulkSignals: ['List-ID'], listUnsubscribe: '<HTTPS://example.com/u>', listUnsubscribePost: ' list-unsubscribe=one-click ' }), status: 'pass', messageId: 'one-click' },
  { why: 'personal mail: not required', evidence: at({ bulkSignals: [] }), status: 'info', messageId: 'not-bulk' },
  { why: 'Precedence: bulk without List-Unsubscribe', evidence: at({ bulkSignals: ['Precedence: bulk'] }), status: 'fail', messageId: 'missing' },
  { why: 'List-Id without List-Unsubscribe', evidence: at({ bulkSignals: ['List-ID'] }), status: 'fail', messageId: 'missing' },
  { why: 'mailto only', evidence: at({ bulkSignals: ['List-Unsubscribe'], listUnsubscribe: '<mailto:unsubscribe@example.com?subject=unsubscribe>' }), status: 'fail', messageId: 'mailto-only' },
  { why: 'mailto and plain http: still only e-mail for one-click purposes', evidence: at({ bulkSignals: ['List-Unsubscribe'], listUnsubscribe: '<http://example.com/u>, <MAILTO:u@example.com>' }), status: 'fail', messageId: 'mailto-only' },
  { why: 'plain http is not enough', evidence: at({ bulkSignals: ['List-Unsubscribe'], listUnsubscribe: '<http://example.com/u>', listUnsubscribePost: ONE_CLICK }), status: 'fail', messageId: 'no-https' },
  { why: 'https without the Post header', evidence: at({ bulkSignals: ['List-Unsubscribe'], listUnsubscribe: '<https://example.com/u>' }), status: 'fail', messageId: 'no-one-click' },
  { why: 'wrong Post header value', evidence: at({ bulkSignals: ['List-Unsubscribe'], listUnsubscribe: '<https://example.com/u>', listUnsubscribePost: 'yes' }), status: 'fail', messageId: 'no-one-click' },
  { why: 'IP audit: no message', evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'] }), status: 'skip', messageId: 'runner/missing-input' },
]);
