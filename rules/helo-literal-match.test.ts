import rule from './helo-literal-match.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';

const at = (ip: string, helo: string) => evidenceFor(ip, { ptr: ['mail.example.com'], helo });

testRule(rule, [
  { why: 'IPv4 literal equals the IP', evidence: at('203.0.113.5', '[203.0.113.5]'), status: 'pass', messageId: 'match' },
  { why: 'IPv6 literal equals the IP in another spelling', evidence: at('2001:db8::5', '[IPv6:2001:0db8:0:0:0:0:0:5]'), status: 'pass', messageId: 'match' },
  { why: 'IPv4-mapped IPv6 literal equals the IPv4 connection', evidence: at('203.0.113.5', '[IPv6:::ffff:203.0.113.5]'), status: 'pass', messageId: 'match' },
  { why: 'literal of another IPv4 address', evidence: at('203.0.113.5', '[203.0.113.6]'), status: 'fail', messageId: 'mismatch', data: { literal: '203.0.113.6' } },
  { why: 'private address literal behind NAT', evidence: at('203.0.113.5', '[192.168.1.20]'), status: 'fail', messageId: 'mismatch' },
  { why: 'IPv6 literal on an IPv4 connection', evidence: at('203.0.113.5', '[IPv6:2001:db8::5]'), status: 'fail', messageId: 'mismatch' },
  { why: 'unparsable literal', evidence: at('203.0.113.5', '[999.1.1.1]'), status: 'fail', messageId: 'unparsable' },
  { why: 'a host name is not a literal', evidence: at('203.0.113.5', 'mail.example.com'), status: 'skip', messageId: 'not-literal' },
  { why: 'a bare IP is not a literal (helo-fqdn judges it)', evidence: at('203.0.113.5', '203.0.113.5'), status: 'skip', messageId: 'not-literal' },
]);
