import rule from './helo-not-generic.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';

const at = (helo: string, ip = '203.0.113.5') => evidenceFor(ip, { ptr: ['mail.example.com'], helo });

testRule(rule, [
  { why: 'named mail host', evidence: at('mail.example.com'), status: 'pass', messageId: 'mail-host' },
  { why: 'plain name', evidence: at('server1.example.com'), status: 'pass', messageId: 'clean' },
  { why: 'static assignment', evidence: at('static-203-0-113-5.isp.example.net'), status: 'pass', messageId: 'static' },
  { why: 'IP in the name', evidence: at('203-0-113-5.example.net'), status: 'warn', messageId: 'ip-in-name' },
  { why: 'pool word', evidence: at('dhcp.example.net'), status: 'warn', messageId: 'dynamic-word' },
  { why: 'residential pool name', evidence: at('203-0-113-5.dsl.example.net'), status: 'fail', messageId: 'dynamic-pool' },
  { why: 'cloud default name', evidence: at('ec2-203-0-113-5.compute-1.amazonaws.com'), status: 'warn', messageId: 'cloud-default', data: { provider: 'Amazon Web Services (EC2)' } },
  { why: 'IPv6 pool name', evidence: at('2001-db8--5.dyn.example.net', '2001:db8::5'), status: 'fail', messageId: 'dynamic-pool' },
  { why: 'address literal', evidence: at('[203.0.113.5]'), status: 'skip', messageId: 'not-hostname' },
]);
