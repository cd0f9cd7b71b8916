import rule from './helo-fqdn.js';
import { testRule, type RuleCase } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';
import type { Status } from '../src/core/types.js';

const IP = '203.0.113.5';
/** [HELO, status, message id, why] */
const rows: [string, Status, string, string][] = [
  ['mail.example.com', 'pass', 'fqdn', 'a plain FQDN'],
  ['MAIL.EXAMPLE.COM', 'pass', 'fqdn', 'case is irrelevant'],
  ['mail.example.com.', 'pass', 'fqdn', 'a trailing root dot is tolerated'],
  ['smtp-out-7.mail.example.co.uk', 'pass', 'fqdn', 'hyphens, depth, two-label suffix'],
  ['mx.xn--bcher-kva.de', 'pass', 'fqdn', 'an IDN in A-label form'],
  ['[203.0.113.5]', 'pass', 'literal', 'an IPv4 address literal'],
  ['[IPv6:2001:db8::5]', 'pass', 'literal', 'an IPv6 address literal with its tag'],
  ['[ipv6:2001:DB8::5]', 'pass', 'literal', 'the IPv6 tag is case-insensitive'],
  ['203.0.113.5', 'fail', 'bare-ip', 'a bare IPv4 address'],
  ['2001:db8::5', 'fail', 'bare-ip', 'a bare IPv6 address'],
  ['[2001:db8::5]', 'fail', 'bad-literal', 'IPv6 literal without the IPv6: tag'],
  ['[203.0.113.256]', 'fail', 'bad-literal', 'an impossible IPv4 literal'],
  ['[mail.example.com]', 'fail', 'bad-literal', 'a name in brackets'],
  ['[]', 'fail', 'bad-literal', 'empty brackets'],
  ['localhost', 'fail', 'not-fqdn', 'single label'],
  ['DESKTOP-4F2K9Q1', 'fail', 'not-fqdn', 'a Windows machine name'],
  ['mail', 'fail', 'not-fqdn', 'single label "mail"'],
  ['mail.local', 'fail', 'not-fqdn', '.local is not a public TLD'],
  ['exchange.corp.internal', 'fail', 'not-fqdn', '.internal is not a public TLD'],
  ['mail.example', 'fail', 'not-fqdn', '.example is reserved'],
  ['host.lan', 'fail', 'not-fqdn', '.lan is not a public TLD'],
  ['mail.example.123', 'fail', 'not-fqdn', 'numeric top label'],
  ['mail_out.example.com', 'fail', 'invalid', 'an underscore'],
  ['mail example.com', 'fail', 'invalid', 'a space: trailing garbage after a name'],
  ['mail.example.com\r\nX-Injected: yes', 'fail', 'invalid', 'header injection through CRLF'],
  ['mail.example.com;rm', 'fail', 'invalid', 'shell metacharacter'],
  ['<script>alert(1)</script>.example.com', 'fail', 'invalid', 'markup'],
  ['-mail.example.com', 'fail', 'invalid', 'label starting with a hyphen'],
  ['mail..example.com', 'fail', 'invalid', 'empty label'],
  [`${'a'.repeat(64)}.example.com`, 'fail', 'invalid', 'label over 63 characters'],
  [`${'abcdefghi.'.repeat(26)}example.com`, 'fail', 'invalid', 'name over 253 characters'],
  ['', 'fail', 'invalid', 'an empty HELO'],
];

const cases: RuleCase[] = [
  ...rows.map(([helo, status, messageId, why]): RuleCase => ({
    why: `${JSON.stringify(helo).slice(0, 40)}: ${why}`,
    evidence: evidenceFor(IP, { ptr: ['mail.example.com'], helo }),
    status,
    messageId,
  })),
  { why: 'no HELO given: skipped', evidence: evidenceFor(IP, { ptr: ['mail.example.com'] }), status: 'skip', messageId: 'runner/missing-input' },
];

testRule(rule, cases);
