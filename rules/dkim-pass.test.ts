import rule from './dkim-pass.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';
import type { AuthEvidence, DkimSignature } from '../src/core/types.js';

const sig = (domain: string, result: string, aligned: boolean, comment?: string): DkimSignature => ({ domain, selector: 's1', result, aligned, ...(comment ? { comment } : {}) });
const auth = (dkim: DkimSignature[]): AuthEvidence => ({ dkim, headerFrom: ['news@example.com'] });
const at = (dkim: DkimSignature[]) => evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], auth: auth(dkim) });

testRule(rule, [
  { why: 'aligned passing signature', evidence: at([sig('example.com', 'pass', true)]), status: 'pass', messageId: 'aligned', data: { domain: 'example.com' } },
  { why: 'an ESP signature plus an aligned one', evidence: at([sig('esp.example.net', 'pass', false), sig('example.com', 'pass', true)]), status: 'pass', messageId: 'aligned' },
  { why: 'passing but only the ESP\'s domain', evidence: at([sig('esp.example.net', 'pass', false)]), status: 'warn', messageId: 'unaligned', data: { fromDomain: 'example.com' } },
  { why: 'body modified after signing', evidence: at([sig('example.com', 'neutral', false, 'body hash did not verify')]), status: 'fail', messageId: 'failed' },
  { why: 'signature does not verify', evidence: at([sig('example.com', 'fail', false, 'bad signature')]), status: 'fail', messageId: 'failed' },
  { why: 'key not published', evidence: at([sig('example.com', 'neutral', false, 'no key')]), status: 'fail', messageId: 'failed' },
  { why: 'key lookup failed temporarily', evidence: at([sig('example.com', 'temperror', false)]), status: 'error', messageId: 'temporary' },
  { why: 'unsigned message', evidence: at([]), status: 'fail', messageId: 'none' },
  { why: 'IP audit: no message', evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'] }), status: 'skip', messageId: 'runner/missing-input' },
  {
    why: 'a runtime that cannot run the check: skipped with the reason, not an error',
    evidence: { ...evidenceFor('203.0.113.5', { ptr: ['mail.example.com'] }), unavailable: { auth: 'SPF, DKIM and DMARC could not be checked on this server (Unknown digest: rsa-sha256)', spf: 'SPF, DKIM and DMARC could not be checked on this server (Unknown digest: rsa-sha256)' } },
    status: 'skip', messageId: 'runner/unavailable', data: { reason: 'SPF, DKIM and DMARC could not be checked on this server (Unknown digest: rsa-sha256)' },
  },
]);
