import rule from './from-domain-resolves.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor, type SenderSpec } from '../test/support/evidence.js';

const from = (f: string | SenderSpec, mailFrom?: string | SenderSpec) =>
  evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], from: f, ...(mailFrom !== undefined ? { mailFrom } : {}) });
const envelope = (m: string | SenderSpec) => evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], mailFrom: m });

testRule(rule, [
  { why: 'From domain with MX', evidence: from('News <news@example.com>'), status: 'pass', messageId: 'mx', data: { domain: 'example.com', hosts: ['mx.example.com'] } },
  { why: 'MAIL FROM domain with MX', evidence: envelope('<bounce@example.com>'), status: 'pass', messageId: 'mx', data: { role: 'MAIL FROM' } },
  { why: 'no MX, but an A record: implicit MX', evidence: from({ address: 'a@implicit.example.net', mx: [], a: ['192.0.2.51'] }), status: 'pass', messageId: 'implicit-mx' },
  { why: 'IDN domain in Unicode is looked up as its A-label', evidence: from('info@bücher.de'), status: 'pass', messageId: 'mx', data: { domain: 'xn--bcher-kva.de' } },
  { why: 'null MX on the From domain: replies go nowhere', evidence: from({ address: 'a@nullmx.example.net', mx: ['0 '] }), status: 'warn', messageId: 'null-mx' },
  { why: 'null MX on MAIL FROM: bounces impossible, Postfix rejects', evidence: envelope({ address: 'b@nullmx.example.net', mx: ['0 '] }), status: 'fail', messageId: 'null-mx' },
  { why: 'From domain does not exist', evidence: from({ address: 'x@nope.example.com', mx: 'nxdomain', a: 'nxdomain', aaaa: 'nxdomain' }), status: 'fail', messageId: 'nxdomain' },
  { why: 'exists, but no MX and no address', evidence: from({ address: 'x@example.net', mx: [], a: [], aaaa: [] }), status: 'fail', messageId: 'no-mail-host' },
  { why: 'MX lookup SERVFAIL', evidence: from({ address: 'x@example.edu', mx: 'servfail', a: 'servfail', aaaa: 'servfail' }), status: 'error', messageId: 'temporary' },
  { why: 'malformed From: display name with an empty address', evidence: from('"ceo@example.com" <>'), status: 'fail', messageId: 'unusable' },
  { why: 'From without a domain', evidence: from('root'), status: 'fail', messageId: 'unusable' },
  { why: 'From with an IP literal domain', evidence: from('a@[192.0.2.1]'), status: 'fail', messageId: 'unusable' },
  { why: 'group syntax: the first mailbox is judged', evidence: from('Team: a@example.com, b@example.com;'), status: 'pass', messageId: 'mx' },
  { why: 'two From domains: DMARC cannot judge it', evidence: from('a@example.com, b@example.org'), status: 'fail', messageId: 'unusable' },
  { why: 'the worse of From and MAIL FROM wins', evidence: from('news@example.com', { address: 'b@nope.example.com', mx: 'nxdomain' }), status: 'fail', messageId: 'nxdomain' },
  { why: 'a bounce (MAIL FROM:<>): the From domain is what is judged', evidence: from('MAILER-DAEMON@example.com', '<>'), status: 'pass', messageId: 'mx', data: { role: 'header From', domain: 'example.com' } },
  { why: 'only a null reverse-path: no domain to judge (RFC 5321 §4.5.5), not an unusable one', evidence: envelope('<>'), status: 'skip', messageId: 'runner/missing-input' },
  { why: 'a null reverse-path with spaces', evidence: from('MAILER-DAEMON@example.com', '< >'), status: 'pass', messageId: 'mx' },
]);
