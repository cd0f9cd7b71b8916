import rule from './smtp-starttls.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';
import type { SessionEvidence } from '../src/core/types.js';

const session = (s: Partial<SessionEvidence>): SessionEvidence => ({ ip: '203.0.113.5', mailFrom: 'b@example.com', rcpt: ['t@sink.example'], tls: false, ...s });
const at = (s: Partial<SessionEvidence>) => evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], session: session(s) });

testRule(rule, [
  { why: 'TLS 1.3', evidence: at({ tls: true, tlsProtocol: 'TLSv1.3', tlsCipher: 'TLS_AES_256_GCM_SHA384' }), status: 'pass', messageId: 'tls', data: { protocol: 'TLSv1.3' } },
  { why: 'TLS 1.2', evidence: at({ tls: true, tlsProtocol: 'TLSv1.2', tlsCipher: 'ECDHE-RSA-AES128-GCM-SHA256' }), status: 'pass', messageId: 'tls' },
  { why: 'TLS without protocol details still counts', evidence: at({ tls: true }), status: 'pass', messageId: 'tls', data: { cipher: 'unknown cipher' } },
  { why: 'TLS 1.0 is deprecated', evidence: at({ tls: true, tlsProtocol: 'TLSv1', tlsCipher: 'AES128-SHA' }), status: 'warn', messageId: 'old-tls' },
  { why: 'TLS 1.1 is deprecated', evidence: at({ tls: true, tlsProtocol: 'TLSv1.1' }), status: 'warn', messageId: 'old-tls' },
  { why: 'plain text', evidence: at({ tls: false }), status: 'fail', messageId: 'plaintext' },
  { why: 'not a sink session: skipped', evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'] }), status: 'skip', messageId: 'runner/missing-input' },
]);
