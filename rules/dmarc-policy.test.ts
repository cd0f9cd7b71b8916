import rule from './dmarc-policy.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';
import type { DmarcEvidence } from '../src/core/types.js';

const dmarc = (d: Partial<DmarcEvidence>): DmarcEvidence => ({ domain: 'example.com', outcome: 'found', rejected: [], warnings: [], ...d });
const at = (d: Partial<DmarcEvidence>) => evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], dmarc: dmarc(d) });
const rec = (p: string) => ({ record: `v=DMARC1; p=${p}`, p, policy: p as DmarcEvidence['policy'], recordDomain: 'example.com' });

testRule(rule, [
  { why: 'p=reject', evidence: at(rec('reject')), status: 'pass', messageId: 'enforced', data: { policy: 'reject', recordDomain: 'example.com' } },
  { why: 'p=quarantine', evidence: at(rec('quarantine')), status: 'pass', messageId: 'enforced', data: { policy: 'quarantine' } },
  { why: 'inherited from the organizational domain', evidence: at({ ...rec('reject'), domain: 'news.example.com' }), status: 'pass', messageId: 'enforced', data: { recordDomain: 'example.com' } },
  { why: 'p=none: monitoring only', evidence: at(rec('none')), status: 'warn', messageId: 'monitoring' },
  { why: 'p=reject with t=y applies as quarantine', evidence: at({ ...rec('reject'), policy: 'quarantine', testMode: true }), status: 'pass', messageId: 'enforced', data: { policy: 'quarantine', testMode: true } },
  { why: 'no record anywhere', evidence: at({ outcome: 'none' }), status: 'fail', messageId: 'missing' },
  { why: 'a record missing the ";" after the version is ignored', evidence: at({ outcome: 'none', rejected: ['v=DMARC1 p=reject'] }), status: 'fail', messageId: 'invalid', data: { rejected: ['v=DMARC1 p=reject'] } },
  { why: 'tree walk failed temporarily', evidence: at({ outcome: 'temperror', error: 'ESERVFAIL' }), status: 'error', messageId: 'temporary' },
  { why: 'no From address: skipped', evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'] }), status: 'skip', messageId: 'runner/missing-input' },
]);
