import rule from './ptr-hostname.js';
import { testRule, type RuleCase } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';

/** [PTR name, expected problem codes ([] = valid), why] */
const rows: [string, string[], string][] = [
  ['mail.example.com', [], 'a plain FQDN'],
  ['MAIL.Example.COM', [], 'case does not matter'],
  ['mx-1.mail.example.co.uk', [], 'hyphen inside a label, two-label public suffix'],
  ['a.b.c.d.e.example.org', [], 'deep names are fine'],
  ['xn--bcher-kva.example', ['unknown-suffix'], '.example is reserved (RFC 2606), not a real TLD'],
  ['mail.xn--p1ai', [], 'an IDN TLD in punycode (.рф) is real'],
  ['mail_out.example.com', ['underscore'], 'underscores are not allowed in host names'],
  ['mailhost', ['single-label'], 'a single label is not fully qualified'],
  ['192.0.2.21', ['ip-address'], 'an IPv4 address as the name'],
  ['2001:db8::1', ['ip-address'], 'an IPv6 address as the name'],
  ['mail.example.local', ['unknown-suffix'], '.local is not a public TLD'],
  ['mail.internal', ['unknown-suffix'], '.internal is not a public TLD'],
  ['mail.example.123', ['numeric-tld'], 'a numeric top label'],
  ['-mail.example.com', ['hyphen-edge'], 'a label starting with a hyphen'],
  ['mail-.example.com', ['hyphen-edge'], 'a label ending with a hyphen'],
  ['mail..example.com', ['empty-label'], 'an empty label'],
  [`${'a'.repeat(64)}.example.com`, ['label-too-long'], 'a label over 63 characters'],
  [`${'abcdefghi.'.repeat(25)}example.com`, ['too-long'], 'a name over 253 characters'],
  ['mail server.example.com', ['bad-character'], 'a space'],
  ['mail<script>.example.com', ['bad-character'], 'markup in a PTR name'],
];

const cases: RuleCase[] = [
  ...rows.map(([name, codes, why]): RuleCase => ({
    why: `${name.slice(0, 40)}: ${why}`,
    evidence: evidenceFor('203.0.113.5', { ptr: [name] }),
    status: codes.length === 0 ? 'pass' : 'fail',
    messageId: codes.length === 0 ? 'valid' : 'invalid',
    data: codes.length === 0 ? {} : { codes },
  })),
  {
    why: 'one bad name among good ones fails',
    evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com', 'mail_2.example.com'] }),
    status: 'fail',
    messageId: 'invalid',
    data: { names: ['mail_2.example.com'] },
  },
  { why: 'no PTR: nothing to check', evidence: evidenceFor('203.0.113.5', { ptr: 'nxdomain' }), status: 'skip', messageId: 'no-ptr' },
  { why: 'PTR lookup timed out: not judged', evidence: evidenceFor('203.0.113.5', { ptr: 'timeout' }), status: 'error', messageId: 'runner/temporary', data: { lookups: ['PTR 5.113.0.203.in-addr.arpa TIMEOUT'] } },
];

testRule(rule, cases);
