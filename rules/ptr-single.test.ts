import rule from './ptr-single.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';

testRule(rule, [
  { why: 'exactly one name', evidence: evidenceFor('192.0.2.10', { ptr: ['mx1.example.com'] }), status: 'pass', messageId: 'single', data: { name: 'mx1.example.com' } },
  { why: 'the same name twice is one name', evidence: evidenceFor('192.0.2.10', { ptr: ['mx1.example.com', 'MX1.example.com'] }), status: 'pass', messageId: 'single' },
  { why: 'two names', evidence: evidenceFor('192.0.2.16', { ptr: ['old-name.example.net', 'mx2.example.com'] }), status: 'warn', messageId: 'multiple', data: { count: 2 } },
  { why: 'twelve names', evidence: evidenceFor('192.0.2.40', { ptr: Array.from({ length: 12 }, (_, i) => `h${i}.example.com`) }), status: 'warn', messageId: 'multiple', data: { count: 12 } },
  { why: 'no PTR: nothing to count', evidence: evidenceFor('192.0.2.11', { ptr: 'nxdomain' }), status: 'skip', messageId: 'no-ptr' },
  { why: 'PTR lookup failed: not judged (not "nothing to count")', evidence: evidenceFor('192.0.2.13', { ptr: 'servfail' }), status: 'error', messageId: 'runner/temporary', data: { lookups: ['PTR 13.2.0.192.in-addr.arpa SERVFAIL'] } },
]);
