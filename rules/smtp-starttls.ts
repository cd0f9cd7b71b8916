import { defineRule } from '../src/core/rule.js';

export default defineRule({
  meta: {
    id: 'smtp-starttls',
    title: 'The sender used TLS',
    failureTitle: 'The sender did not use TLS',
    rationale: 'Gmail requires every sender to use a TLS connection and marks mail received in plain text with a red open lock; TLS 1.2 or later is the floor (RFC 8996).',
    weight: 3,
    severity: 'major',
    refs: ['RFC 3207 (STARTTLS)', 'RFC 8996', 'RFC 8314', 'Gmail sender guidelines'],
    requires: ['session'],
    lookups: [],
    messages: {
      tls: 'The message came over {protocol} ({cipher}).',
      'old-tls': 'The message came over {protocol}, which RFC 8996 deprecates.',
      plaintext: 'The message came in plain text: the sender did not use STARTTLS although this server offered it.',
    },
    remedies: {
      'old-tls': 'Enable TLS 1.2 and 1.3 in the sending MTA (Postfix: smtp_tls_protocols = >=TLSv1.2).',
      plaintext: 'Turn on opportunistic TLS in the sending MTA (Postfix: smtp_tls_security_level = may; Exim: tls on by default with a certificate).',
    },
  },
  run({ session }) {
    if (!session.tls) return { status: 'fail', messageId: 'plaintext' };
    const protocol = session.tlsProtocol ?? 'TLS';
    const data = { protocol, cipher: session.tlsCipher ?? 'unknown cipher' };
    if (/^(SSLv|TLSv1(\.0|\.1)?$)/.test(protocol)) return { status: 'warn', messageId: 'old-tls', data };
    return { status: 'pass', messageId: 'tls', data };
  },
});
