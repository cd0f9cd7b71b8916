import rule from './message-id-present.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';

const at = (messageId?: string) => evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], message: messageId === undefined ? {} : { messageId } });

testRule(rule, [
  { why: 'a normal Message-ID', evidence: at('<20261125100000.abc123@mail.example.com>'), status: 'pass', messageId: 'present' },
  { why: 'Gmail-style', evidence: at('<CAF=+xyz_123@mail.gmail.com>'), status: 'pass', messageId: 'present' },
  { why: 'missing', evidence: at(), status: 'fail', messageId: 'missing' },
  { why: 'no angle brackets', evidence: at('abc123@example.com'), status: 'warn', messageId: 'malformed' },
  { why: 'no @', evidence: at('<abc123>'), status: 'warn', messageId: 'malformed' },
  { why: 'spaces inside', evidence: at('<abc 123@example.com>'), status: 'warn', messageId: 'malformed' },
  { why: 'IP audit: no message', evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'] }), status: 'skip', messageId: 'runner/missing-input' },
]);
