import rule from './mail-from-bounces.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor, type SenderSpec } from '../test/support/evidence.js';

const envelope = (m: string | SenderSpec, f?: string | SenderSpec) =>
  evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], mailFrom: m, ...(f !== undefined ? { from: f } : {}) });

testRule(rule, [
  { why: 'MX: bounces have a server', evidence: envelope('<bounce@example.com>'), status: 'pass', messageId: 'mx', data: { role: 'MAIL FROM', domain: 'example.com', hosts: ['mx.example.com'] } },
  { why: 'no MX but an A record: the implicit MX takes bounces', evidence: envelope({ address: 'b@implicit.example.net', mx: [], a: ['192.0.2.51'] }), status: 'pass', messageId: 'implicit-mx' },
  { why: 'no MX but an AAAA record only', evidence: envelope({ address: 'b@v6only.example.net', mx: [], a: [], aaaa: ['2001:db8::25'] }), status: 'pass', messageId: 'implicit-mx' },
  { why: 'a null MX: the domain says it takes no mail, bounces are lost', evidence: envelope({ address: 'b@nullmx.example.net', mx: ['0 '] }), status: 'fail', messageId: 'null-mx' },
  { why: 'the domain does not exist', evidence: envelope({ address: 'b@nope.example.com', mx: 'nxdomain', a: 'nxdomain', aaaa: 'nxdomain' }), status: 'fail', messageId: 'nxdomain' },
  { why: 'neither MX nor address', evidence: envelope({ address: 'b@example.net', mx: [], a: [], aaaa: [] }), status: 'fail', messageId: 'no-mail-host' },
  { why: 'MX SERVFAIL and no address answer: a temporary failure, not a verdict', evidence: envelope({ address: 'b@example.edu', mx: 'servfail', a: 'servfail', aaaa: 'servfail' }), status: 'error', messageId: 'temporary' },
  { why: 'MX timed out: still not a verdict', evidence: envelope({ address: 'b@example.edu', mx: 'timeout', a: [], aaaa: [] }), status: 'error', messageId: 'temporary' },
  { why: 'MX timed out while the A record answered: "no MX" is unknown (a null MX would refuse bounces)', evidence: envelope({ address: 'b@example.edu', mx: 'timeout', a: ['192.0.2.51'] }), status: 'error', messageId: 'temporary', data: { rcode: 'TIMEOUT' } },
  { why: 'a malformed envelope sender', evidence: envelope('root'), status: 'fail', messageId: 'unusable' },
  { why: 'only the From domain is bad: not this rule\'s business', evidence: envelope('<bounce@example.com>', { address: 'x@nope.example.com', mx: 'nxdomain', a: 'nxdomain', aaaa: 'nxdomain' }), status: 'pass', messageId: 'mx' },
  { why: 'a bounce (MAIL FROM:<>) with a From: no envelope domain to judge', evidence: envelope('<>', 'MAILER-DAEMON@example.com'), status: 'skip', messageId: 'no-envelope-sender' },
  { why: 'no sender at all', evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'] }), status: 'skip', messageId: 'runner/missing-input' },
]);
