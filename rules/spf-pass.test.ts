import rule from './spf-pass.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';
import type { SpfEvidence, SpfResult, Status } from '../src/core/types.js';

const spf = (result: SpfResult, extra: Partial<SpfEvidence> = {}): SpfEvidence => ({
  identity: 'mailfrom', domain: 'example.com', result, comment: `ptrcheck: ${result}`, record: 'v=spf1 ip4:203.0.113.0/24 -all', ...extra,
});
const rows: [SpfResult, Status, string][] = [
  ['pass', 'pass', 'the IP is listed'],
  ['fail', 'fail', '-all and not listed'],
  ['softfail', 'warn', '~all and not listed'],
  ['neutral', 'warn', '?all'],
  ['none', 'warn', 'no SPF record'],
  ['permerror', 'fail', 'broken record (too many lookups, syntax)'],
  ['temperror', 'error', 'DNS failed temporarily'],
];

testRule(rule, [
  ...rows.map(([result, status, why]) => ({
    why: `${result}: ${why}`, evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], spf: spf(result) }), status, messageId: result,
    data: { authres: { result, props: { 'smtp.mailfrom': 'example.com' } } },
  })),
  {
    why: 'null sender: the HELO identity is reported as smtp.helo',
    evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], spf: spf('pass', { identity: 'helo', domain: 'mail.example.com' }) }),
    status: 'pass', messageId: 'pass', data: { authres: { result: 'pass', props: { 'smtp.helo': 'mail.example.com' } } },
  },
  { why: 'no MAIL FROM or HELO: nothing to check', evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'] }), status: 'skip', messageId: 'runner/missing-input' },
  {
    why: 'a runtime that cannot run the check: skipped with the reason, not an error',
    evidence: { ...evidenceFor('203.0.113.5', { ptr: ['mail.example.com'] }), unavailable: { auth: 'SPF, DKIM and DMARC could not be checked on this server (Unknown digest: rsa-sha256)', spf: 'SPF, DKIM and DMARC could not be checked on this server (Unknown digest: rsa-sha256)' } },
    status: 'skip', messageId: 'runner/unavailable', data: { reason: 'SPF, DKIM and DMARC could not be checked on this server (Unknown digest: rsa-sha256)' },
  },
]);
