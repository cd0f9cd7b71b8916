import rule from './ptr-present.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';

testRule(rule, [
  { why: 'one PTR', evidence: evidenceFor('192.0.2.10', { ptr: ['mx1.example.com'] }), status: 'pass', messageId: 'present', data: { names: ['mx1.example.com'] } },
  { why: 'two PTRs still count as present', evidence: evidenceFor('192.0.2.16', { ptr: ['a.example.com', 'b.example.com'] }), status: 'pass', messageId: 'present' },
  { why: 'IPv6 PTR', evidence: evidenceFor('2001:db8::25', { ptr: ['mail6.example.com'] }), status: 'pass', messageId: 'present' },
  { why: 'NXDOMAIN: no reverse name at all', evidence: evidenceFor('192.0.2.11', { ptr: 'nxdomain' }), status: 'fail', messageId: 'nxdomain', data: { reverseName: '11.2.0.192.in-addr.arpa' } },
  { why: 'NODATA: the name exists without a PTR', evidence: evidenceFor('192.0.2.12', { ptr: [] }), status: 'fail', messageId: 'nodata' },
  { why: 'SERVFAIL is temporary: error, never fail', evidence: evidenceFor('192.0.2.13', { ptr: 'servfail' }), status: 'error', messageId: 'temporary', data: { outcome: 'SERVFAIL' } },
  { why: 'timeout is temporary', evidence: evidenceFor('192.0.2.14', { ptr: 'timeout' }), status: 'error', messageId: 'temporary', data: { outcome: 'TIMEOUT' } },
  { why: 'REFUSED: the server would not answer, not proof of absence', evidence: evidenceFor('192.0.2.14', { ptr: 'refused' }), status: 'error', messageId: 'temporary' },
  { why: 'malformed answer', evidence: evidenceFor('192.0.2.14', { ptr: 'error' }), status: 'error', messageId: 'temporary' },
  { why: 'IPv6 without PTR', evidence: evidenceFor('2001:db8::27', { ptr: 'nxdomain' }), status: 'fail', messageId: 'nxdomain' },
]);
