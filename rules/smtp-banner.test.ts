import rule from './smtp-banner.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';
import type { Evidence, SmtpProbeEvidence } from '../src/core/types.js';

const probed = (e: Evidence, p: Partial<SmtpProbeEvidence>): Evidence => ({ ...e, smtpProbe: { address: e.ip!.address, port: 25, outcome: 'ok', ms: 12, ...p } });
const named = evidenceFor('192.0.2.10', { ptr: ['mx1.example.com'] });

testRule(rule, [
  {
    why: 'the banner names the PTR host, with a certificate for it',
    evidence: probed(named, { banner: '220 mx1.example.com ESMTP Postfix', bannerName: 'mx1.example.com', ehloName: 'mx1.example.com', starttls: 'ok', certNames: ['mx1.example.com'] }),
    status: 'pass', messageId: 'matches', data: { bannerName: 'mx1.example.com', cert: { messageId: 'cert-names', names: 'mx1.example.com' } },
  },
  {
    why: 'the banner names another host (MXToolbox: reverse DNS does not match SMTP banner)',
    evidence: probed(named, { banner: '220 localhost.localdomain ESMTP', bannerName: 'localhost.localdomain', ehloName: 'localhost.localdomain', starttls: 'not-offered' }),
    status: 'warn', messageId: 'mismatch', data: { ptr: { messageId: 'ptr-is', names: 'mx1.example.com' }, cert: { messageId: 'cert-none' }, ehlo: '' },
  },
  {
    why: 'no PTR at all: the banner cannot match',
    evidence: probed(evidenceFor('192.0.2.11', { ptr: 'nxdomain' }), { bannerName: 'mail.example.com', ehloName: 'smtp.example.com', starttls: 'failed' }),
    status: 'warn', messageId: 'mismatch', data: { ptr: { messageId: 'ptr-none' }, ehlo: { messageId: 'ehlo-name', name: 'smtp.example.com' }, cert: { messageId: 'cert-failed' } },
  },
  { why: 'nothing listens on port 25: a send-only host', evidence: probed(named, { outcome: 'refused', detail: 'connect ECONNREFUSED' }), status: 'info', messageId: 'no-listener' },
  { why: 'no answer in time: unknown (error), not a finding', evidence: probed(named, { outcome: 'timeout', detail: 'no reply in 10000 ms' }), status: 'error', messageId: 'no-banner', data: { banner: 'no reply in 10000 ms' } },
  { why: 'a greeting other than 220 (after the connection): error', evidence: probed(named, { banner: '554 go away' }), status: 'error', messageId: 'no-banner' },
  { why: 'a private address on a server: not probed, and said why', evidence: probed(named, { outcome: 'not-asked', detail: 'not probed: a private, loopback or reserved address' }), status: 'skip', messageId: 'not-probed' },
  { why: 'the PTR lookup failed: the comparison is unknown', evidence: probed(evidenceFor('192.0.2.13', { ptr: 'servfail' }), { bannerName: 'mx1.example.com' }), status: 'error', messageId: 'runner/temporary' },
]);
