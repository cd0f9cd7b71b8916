import rule from './helo-matches-ptr.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';

const at = (helo: string, ptr: string[] | 'nxdomain' = ['mail.example.com']) => evidenceFor('203.0.113.5', { ptr, helo });

testRule(rule, [
  { why: 'HELO is the PTR name', evidence: at('mail.example.com'), status: 'pass', messageId: 'equal' },
  { why: 'case and trailing dot do not matter', evidence: at('MAIL.Example.com.'), status: 'pass', messageId: 'equal' },
  { why: 'HELO equals the second PTR', evidence: at('mx2.example.org', ['mail.example.com', 'mx2.example.org']), status: 'pass', messageId: 'equal' },
  { why: 'same organizational domain', evidence: at('smtp.example.com'), status: 'pass', messageId: 'same-org', data: { domain: 'example.com' } },
  { why: 'same org under a two-label suffix', evidence: at('out.example.co.uk', ['mail.eu.example.co.uk']), status: 'pass', messageId: 'same-org' },
  { why: 'different domains', evidence: at('mail.example.org'), status: 'warn', messageId: 'differs' },
  { why: 'sibling domains under a public suffix do not match', evidence: at('mail.other.co.uk', ['mail.example.co.uk']), status: 'warn', messageId: 'differs' },
  { why: 'generic PTR vs own HELO', evidence: at('mail.example.com', ['203-0-113-5.dsl.isp.example.net']), status: 'warn', messageId: 'differs' },
  { why: 'no PTR to compare', evidence: at('mail.example.com', 'nxdomain'), status: 'skip', messageId: 'no-ptr' },
  { why: 'PTR lookup SERVFAIL: not judged', evidence: evidenceFor('203.0.113.5', { ptr: 'servfail', helo: 'mail.example.com' }), status: 'error', messageId: 'runner/temporary' },
  { why: 'PTR lookup failed but the HELO is an address literal: nothing to compare anyway', evidence: evidenceFor('203.0.113.5', { ptr: 'servfail', helo: '[203.0.113.5]' }), status: 'error', messageId: 'runner/temporary' },
  { why: 'address literal', evidence: at('[203.0.113.5]'), status: 'skip', messageId: 'not-hostname' },
]);
