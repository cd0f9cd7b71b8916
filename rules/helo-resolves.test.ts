import rule from './helo-resolves.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';
import type { HeloSpec } from '../test/support/evidence.js';

const at = (helo: string | HeloSpec, ip = '203.0.113.5') => evidenceFor(ip, { ptr: ['mail.example.com'], helo });

testRule(rule, [
  { why: 'A record', evidence: at('mail.example.com'), status: 'pass', messageId: 'resolves', data: { addresses: ['203.0.113.5'] } },
  { why: 'AAAA only', evidence: at({ name: 'mail.example.com', a: [], aaaa: ['2001:db8::5'] }), status: 'pass', messageId: 'resolves' },
  { why: 'resolves elsewhere still resolves', evidence: at({ name: 'mail.example.com', a: ['198.51.100.1'] }), status: 'pass', messageId: 'resolves' },
  { why: 'NXDOMAIN', evidence: at({ name: 'ghost.example.com', a: 'nxdomain', aaaa: 'nxdomain' }), status: 'fail', messageId: 'nxdomain' },
  { why: 'exists without addresses', evidence: at({ name: 'example.com', a: [], aaaa: [] }), status: 'fail', messageId: 'no-address' },
  { why: 'SERVFAIL on A: temporary', evidence: at({ name: 'mail.example.com', a: 'servfail', aaaa: [] }), status: 'error', messageId: 'temporary', data: { rcode: 'SERVFAIL' } },
  { why: 'timeout on AAAA, nothing resolved', evidence: at({ name: 'mail.example.com', a: [], aaaa: 'timeout' }), status: 'error', messageId: 'temporary' },
  { why: 'AAAA times out but A answers: resolves', evidence: at({ name: 'mail.example.com', a: ['203.0.113.5'], aaaa: 'timeout' }), status: 'pass', messageId: 'resolves' },
  { why: 'single label cannot resolve', evidence: at('localhost'), status: 'fail', messageId: 'cannot-resolve' },
  { why: 'over-long label cannot resolve', evidence: at(`${'a'.repeat(70)}.example.com`), status: 'fail', messageId: 'cannot-resolve' },
  { why: 'address literal: nothing to resolve', evidence: at('[203.0.113.5]'), status: 'skip', messageId: 'not-hostname' },
  { why: 'bare IP: nothing to resolve', evidence: at('203.0.113.5'), status: 'skip', messageId: 'not-hostname' },
]);
