import rule from './helo-matches-ip.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor, type HeloSpec } from '../test/support/evidence.js';

const at = (helo: string | HeloSpec, ip = '203.0.113.5') => evidenceFor(ip, { ptr: ['mail.example.com'], helo });

testRule(rule, [
  { why: 'A is the connecting IP', evidence: at('mail.example.com'), status: 'pass', messageId: 'match' },
  { why: 'one of several A records', evidence: at({ name: 'mail.example.com', a: ['198.51.100.1', '203.0.113.5'] }), status: 'pass', messageId: 'match' },
  { why: 'IPv6 connection, AAAA matches', evidence: at({ name: 'mail.example.com', a: ['203.0.113.5'], aaaa: ['2001:db8::5'] }, '2001:db8::5'), status: 'pass', messageId: 'match' },
  { why: 'A points elsewhere', evidence: at({ name: 'mail.example.com', a: ['198.51.100.1'] }), status: 'fail', messageId: 'elsewhere', data: { addresses: ['198.51.100.1'] } },
  { why: 'only an AAAA on an IPv4 connection', evidence: at({ name: 'mail.example.com', a: [], aaaa: ['2001:db8::5'] }), status: 'fail', messageId: 'elsewhere' },
  { why: 'resolves to localhost', evidence: at({ name: 'mail.example.com', a: ['127.0.0.1'] }), status: 'fail', messageId: 'elsewhere' },
  { why: 'a big provider\'s name resolving to their servers', evidence: at({ name: 'gmail.com', a: ['142.250.1.1'] }), status: 'fail', messageId: 'elsewhere' },
  { why: 'no addresses: helo-resolves reports it', evidence: at({ name: 'ghost.example.com', a: 'nxdomain', aaaa: 'nxdomain' }), status: 'skip', messageId: 'no-addresses' },
  { why: 'address literal: not a name', evidence: at('[203.0.113.5]'), status: 'skip', messageId: 'no-addresses' },
  { why: 'A timed out, AAAA elsewhere: the A it might have is unknown', evidence: at({ name: 'mail.example.com', a: 'timeout', aaaa: ['2001:db8::5'] }), status: 'error', messageId: 'runner/temporary', data: { lookups: ['A mail.example.com TIMEOUT'] } },
  { why: 'A and AAAA SERVFAIL: not "no addresses"', evidence: at({ name: 'mail.example.com', a: 'servfail', aaaa: 'servfail' }), status: 'error', messageId: 'runner/temporary' },
  { why: 'AAAA timed out but A matches: a match is definite', evidence: at({ name: 'mail.example.com', a: ['203.0.113.5'], aaaa: 'timeout' }), status: 'pass', messageId: 'match' },
]);
