import { defineRule } from '../src/core/rule.js';
import type { RuleOutcome } from '../src/core/types.js';

const OLD = /^(SSLv|TLSv1(\.0|\.1)?$)/;

export default defineRule({
  meta: {
    id: 'smtp-starttls',
    title: 'The sender used TLS',
    failureTitle: 'The sender did not use TLS',
    rationale: 'Gmail requires every sender to use a TLS connection and marks mail received in plain text with a red open lock; TLS 1.2 or later is the floor (RFC 8996).',
    weight: 3,
    severity: 'major',
    refs: ['RFC 3207 (STARTTLS)', 'RFC 3848 (ESMTPS)', 'RFC 8996', 'RFC 8314', 'Gmail sender guidelines'],
    // A live session (the sink) or a received message whose receiver wrote down the entry hop: either will do.
    requires: [],
    lookups: [],
    messages: {
      tls: 'The message came over {protocol} ({cipher}).',
      'old-tls': 'The message came over {protocol}, which RFC 8996 deprecates.',
      plaintext: 'The message came in plain text: the sender did not use STARTTLS although this server offered it.',
      'hop-tls': 'The receiver ({by}) wrote that the message came over TLS: {how}.',
      'hop-old-tls': 'The receiver ({by}) wrote that the message came over {protocol}, which RFC 8996 deprecates: {how}.',
      'hop-plaintext': 'The receiver ({by}) wrote that the message came in plain text ({how}, and no TLS note).',
      'hop-silent': 'The receiver\'s Received: line ({by}) does not say whether the session used TLS.',
      'no-session': 'Not checked: needs a live SMTP session (mail sent to the test address) or a received message whose receiver\'s Received: line says how it came.',
    },
    remedies: {
      'old-tls': 'Enable TLS 1.2 and 1.3 in the sending MTA (Postfix: smtp_tls_protocols = >=TLSv1.2).',
      plaintext: 'Turn on opportunistic TLS in the sending MTA (Postfix: smtp_tls_security_level = may; Exim: tls on by default with a certificate).',
      'hop-old-tls': 'Enable TLS 1.2 and 1.3 in the sending MTA (Postfix: smtp_tls_protocols = >=TLSv1.2).',
      'hop-plaintext': 'Turn on opportunistic TLS in the sending MTA (Postfix: smtp_tls_security_level = may; Exim: tls on by default with a certificate).',
    },
  },
  run({ session, message }): RuleOutcome {
    if (session) {
      if (!session.tls) return { status: 'fail', messageId: 'plaintext' };
      const protocol = session.tlsProtocol ?? 'TLS';
      const data = { protocol, cipher: session.tlsCipher ?? 'unknown cipher' };
      if (OLD.test(protocol)) return { status: 'warn', messageId: 'old-tls', data };
      return { status: 'pass', messageId: 'tls', data };
    }
    const hop = message?.hop;
    if (!hop) return { status: 'skip', messageId: 'no-session' };
    const by = hop.by ?? 'the receiving server';
    const tls = hop.tls;
    if (!tls) return { status: 'skip', messageId: 'hop-silent', data: { by } };
    const data = { by, how: tls.how, protocol: tls.protocol ?? 'TLS', cipher: tls.cipher ?? 'unknown cipher' };
    if (!tls.used) return { status: 'fail', messageId: 'hop-plaintext', data };
    if (tls.protocol && OLD.test(tls.protocol)) return { status: 'warn', messageId: 'hop-old-tls', data };
    return { status: 'pass', messageId: 'hop-tls', data };
  },
});
