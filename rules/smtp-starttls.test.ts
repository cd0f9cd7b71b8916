import rule from './smtp-starttls.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';
import type { HopTls, SessionEvidence } from '../src/core/types.js';

const session = (s: Partial<SessionEvidence>): SessionEvidence => ({ ip: '203.0.113.5', mailFrom: 'b@example.com', rcpt: ['t@sink.example'], tls: false, ...s });
const hop = (tls: HopTls | undefined) => evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], message: { hop: { index: 0, raw: 'from …', by: 'mx.example.net', ...(tls ? { tls } : {}) } } });
const at = (s: Partial<SessionEvidence>) => evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], session: session(s) });

testRule(rule, [
  { why: 'TLS 1.3', evidence: at({ tls: true, tlsProtocol: 'TLSv1.3', tlsCipher: 'TLS_AES_256_GCM_SHA384' }), status: 'pass', messageId: 'tls', data: { protocol: 'TLSv1.3' } },
  { why: 'TLS 1.2', evidence: at({ tls: true, tlsProtocol: 'TLSv1.2', tlsCipher: 'ECDHE-RSA-AES128-GCM-SHA256' }), status: 'pass', messageId: 'tls' },
  { why: 'TLS without protocol details still counts', evidence: at({ tls: true }), status: 'pass', messageId: 'tls', data: { cipher: 'unknown cipher' } },
  { why: 'TLS 1.0 is deprecated', evidence: at({ tls: true, tlsProtocol: 'TLSv1', tlsCipher: 'AES128-SHA' }), status: 'warn', messageId: 'old-tls' },
  { why: 'TLS 1.1 is deprecated', evidence: at({ tls: true, tlsProtocol: 'TLSv1.1' }), status: 'warn', messageId: 'old-tls' },
  { why: 'plain text', evidence: at({ tls: false }), status: 'fail', messageId: 'plaintext' },
  { why: 'neither a sink session nor a message: skipped', evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'] }), status: 'skip', messageId: 'no-session' },
  { why: 'message: the receiver wrote ESMTPS with TLS 1.3', evidence: hop({ used: true, protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', how: 'with ESMTPS (using TLSv1.3 …)' }), status: 'pass', messageId: 'hop-tls', data: { by: 'mx.example.net', protocol: 'TLSv1.3' } },
  { why: 'message: ESMTPSA without a version note', evidence: hop({ used: true, how: 'with ESMTPSA' }), status: 'pass', messageId: 'hop-tls', data: { protocol: 'TLS', cipher: 'unknown cipher' } },
  { why: 'message: the receiver wrote TLSv1 (deprecated)', evidence: hop({ used: true, protocol: 'TLSv1', how: '(TLSv1:AES256-SHA:256)' }), status: 'warn', messageId: 'hop-old-tls' },
  { why: 'message: plain ESMTP', evidence: hop({ used: false, how: 'with ESMTP' }), status: 'fail', messageId: 'hop-plaintext', data: { how: 'with ESMTP' } },
  { why: 'message: the hop does not say', evidence: hop(undefined), status: 'skip', messageId: 'hop-silent' },
  { why: 'message with no trusted hop (the caller gave the IP)', evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], message: {} }), status: 'skip', messageId: 'no-session' },
  { why: 'a sink session wins over what the message\'s headers say', evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], session: session({ tls: false }), message: { hop: { index: 0, raw: 'r', by: 'mx.example.net', tls: { used: true, how: 'with ESMTPS' } } } }), status: 'fail', messageId: 'plaintext' },
]);
