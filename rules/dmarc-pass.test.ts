import rule from './dmarc-pass.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';
import type { AuthEvidence } from '../src/core/types.js';

const at = (dmarc: AuthEvidence['dmarc'], headerFrom = ['news@example.com']) =>
  evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], auth: { dkim: [], headerFrom, ...(dmarc ? { dmarc } : {}) } });

testRule(rule, [
  { why: 'aligned DKIM', evidence: at({ result: 'pass', policy: 'reject', dkimAligned: 'example.com' }), status: 'pass', messageId: 'pass', data: { via: { messageId: 'dkim', dkim: 'example.com', spf: '' } } },
  { why: 'aligned SPF', evidence: at({ result: 'pass', policy: 'none', spfAligned: 'example.com' }), status: 'pass', messageId: 'pass', data: { via: { messageId: 'spf', dkim: '', spf: 'example.com' } } },
  { why: 'neither aligned', evidence: at({ result: 'fail', policy: 'reject' }), status: 'fail', messageId: 'fail', data: { policy: 'reject' } },
  { why: 'no policy published', evidence: at({ result: 'none' }), status: 'warn', messageId: 'no-policy' },
  { why: 'temporary DNS failure', evidence: at({ result: 'temperror' }), status: 'error', messageId: 'temporary' },
  {
    why: 'SPF temperror and no DKIM: mailauth says fail, but DMARC\'s result is temperror',
    evidence: { ...at({ result: 'fail', policy: 'reject' }), spf: { identity: 'mailfrom', domain: 'example.com', result: 'temperror', comment: 'SERVFAIL' } },
    status: 'error', messageId: 'runner/temporary', data: { lookups: ['SPF for example.com (temperror: SERVFAIL)'], authres: { result: 'temperror', props: { 'header.from': 'example.com' } } },
  },
  {
    why: 'SPF temperror but aligned DKIM passes: DMARC passes',
    evidence: { ...at({ result: 'pass', policy: 'reject', dkimAligned: 'example.com' }), spf: { identity: 'mailfrom', domain: 'example.com', result: 'temperror', comment: 'SERVFAIL' } },
    status: 'pass', messageId: 'pass',
  },
  { why: 'From in two domains', evidence: at({ result: 'none', skipReason: 'multiple-author-domains' }), status: 'fail', messageId: 'unevaluable', data: { reason: 'multiple-author-domains' } },
  { why: 'no From at all', evidence: at(undefined, []), status: 'fail', messageId: 'unevaluable' },
  {
    why: 'mailauth passes the display name of "ceo@example.com" <>, but the From has no address',
    evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], from: '"ceo@example.com" <>', auth: { dkim: [], headerFrom: ['ceo@example.com'], dmarc: { result: 'pass', spfAligned: 'example.com' } } }),
    status: 'fail', messageId: 'unevaluable', data: { reason: 'empty address <> (only a display name)' },
  },
  { why: 'IP audit: no message', evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'] }), status: 'skip', messageId: 'runner/missing-input' },
  {
    why: 'a runtime that cannot run the check: skipped with the reason, not an error',
    evidence: { ...evidenceFor('203.0.113.5', { ptr: ['mail.example.com'] }), unavailable: { auth: 'SPF, DKIM and DMARC could not be checked on this server (Unknown digest: rsa-sha256)', spf: 'SPF, DKIM and DMARC could not be checked on this server (Unknown digest: rsa-sha256)' } },
    status: 'skip', messageId: 'runner/unavailable', data: { reason: 'SPF, DKIM and DMARC could not be checked on this server (Unknown digest: rsa-sha256)' },
  },
]);
