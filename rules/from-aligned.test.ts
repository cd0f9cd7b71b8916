import rule from './from-aligned.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';

testRule(rule, [
  { why: 'PTR in the From domain', evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], from: 'news@example.com' }), status: 'pass', messageId: 'ptr', data: { org: 'example.com' } },
  { why: 'From subdomain, PTR in the parent', evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], from: 'news@em.example.com' }), status: 'pass', messageId: 'ptr' },
  { why: 'two-label suffix organizations', evidence: evidenceFor('203.0.113.5', { ptr: ['out.example.co.uk'], from: 'a@shop.example.co.uk' }), status: 'pass', messageId: 'ptr' },
  { why: 'PTR elsewhere but HELO in the From domain', evidence: evidenceFor('203.0.113.5', { ptr: ['host.isp.example.net'], helo: 'mail.example.com', from: 'a@example.com' }), status: 'pass', messageId: 'helo' },
  { why: 'an ESP sending for a customer', evidence: evidenceFor('203.0.113.5', { ptr: ['o1.ptr1234.esp.example.net'], helo: 'o1.ptr1234.esp.example.net', from: 'news@example.com' }), status: 'warn', messageId: 'differs' },
  {
    why: 'only a forward-confirmed PTR counts: an unconfirmed one in the From domain does not',
    evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com', 'host.isp.example.net'], forward: { 'mail.example.com': ['198.51.100.9'] }, from: 'a@example.com' }),
    status: 'warn', messageId: 'differs',
  },
  { why: 'no PTR, HELO elsewhere', evidence: evidenceFor('203.0.113.5', { ptr: 'nxdomain', helo: 'mx.other.example.org', from: 'a@example.com' }), status: 'warn', messageId: 'differs' },
  { why: 'no PTR and no HELO', evidence: evidenceFor('203.0.113.5', { ptr: 'nxdomain', from: 'a@example.com' }), status: 'skip', messageId: 'nothing-to-compare' },
  { why: 'PTR lookup timed out, HELO elsewhere: unknown, not "differs"', evidence: evidenceFor('203.0.113.5', { ptr: 'timeout', helo: 'host.isp.example.net', from: 'news@example.com' }), status: 'error', messageId: 'runner/temporary', data: { lookups: ['PTR 5.113.0.203.in-addr.arpa TIMEOUT'] } },
  { why: 'PTR lookup failed but the HELO aligns: definite', evidence: evidenceFor('203.0.113.5', { ptr: 'servfail', helo: 'mail.example.com', from: 'a@example.com' }), status: 'pass', messageId: 'helo' },
  { why: 'only a MAIL FROM: no header From', evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], mailFrom: 'b@example.com' }), status: 'skip', messageId: 'no-from' },
  { why: 'malformed From', evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], from: '"a@example.com" <>' }), status: 'skip', messageId: 'no-from' },
]);
