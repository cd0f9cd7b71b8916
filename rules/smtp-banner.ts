import { defineRule } from '../src/core/rule.js';

export default defineRule({
  meta: {
    id: 'smtp-banner',
    title: 'The SMTP banner names the PTR host',
    failureTitle: 'The SMTP banner does not name the PTR host',
    rationale: 'Receivers and blocklist operators compare the name a server announces in its 220 banner (and EHLO reply) with its reverse DNS; a mismatch looks like a misconfigured or hijacked host ("Reverse DNS does not match SMTP banner").',
    weight: 1,
    severity: 'minor',
    refs: ['RFC 5321 §4.3.1 (the 220 greeting names the server)', 'MXToolbox SMTP check: "Reverse DNS does not match SMTP banner"'],
    requires: ['ip', 'ptr', 'smtpProbe'],
    lookups: ['ptr', 'smtpProbe'],
    messages: {
      matches: 'The server at {address}:{port} announces {bannerName}, a PTR name of this IP{cert}.',
      mismatch: 'The server at {address}:{port} announces {bannerName}{ehlo}, but the PTR {ptr}{cert}.',
      'no-listener': 'Nothing accepts SMTP connections at {address}:{port} ({detail}), so there is no banner to compare: fine for a host that only sends.',
      'no-banner': 'The server at {address}:{port} did not greet with 220 ({banner}).',
      'not-probed': 'Not probed: {detail}.',
    },
    fragments: {
      'ptr-is': 'is {names}',
      'ptr-none': 'is missing',
      'ehlo-name': ' (EHLO: {name})',
      'cert-names': '; its STARTTLS certificate names {names}',
      'cert-none': '; it offers no STARTTLS',
      'cert-failed': '; its STARTTLS handshake failed',
    },
    remedies: {
      mismatch: 'Make the server announce its PTR name: in Postfix set myhostname (smtpd_banner uses it), in Exim primary_hostname, in Exchange the receive connector\'s FQDN; or point the PTR at the name it announces (and give that name an A/AAAA record for this IP).',
    },
  },
  run({ ip, ptr, smtpProbe: p }) {
    const base = { address: ip.address, port: p.port };
    if (p.outcome === 'not-asked') return { status: 'skip', messageId: 'not-probed', data: { detail: p.detail ?? 'not asked' } };
    if (p.outcome === 'refused') return { status: 'info', messageId: 'no-listener', data: { ...base, detail: p.detail ?? 'connection refused' } };
    if (p.outcome !== 'ok' || !p.bannerName) return { status: 'error', messageId: 'no-banner', data: { ...base, banner: p.banner ?? p.detail ?? p.outcome } };
    const cert = p.starttls === 'ok' && p.certNames?.length ? { messageId: 'cert-names', names: p.certNames.join(', ') }
      : p.starttls === 'not-offered' ? { messageId: 'cert-none' } : p.starttls === 'failed' ? { messageId: 'cert-failed' } : '';
    if (ptr.names.includes(p.bannerName)) return { status: 'pass', messageId: 'matches', data: { ...base, bannerName: p.bannerName, cert } };
    const ehlo = p.ehloName && p.ehloName !== p.bannerName ? { messageId: 'ehlo-name', name: p.ehloName } : '';
    const ptrWords = ptr.names.length > 0 ? { messageId: 'ptr-is', names: ptr.names.join(', ') } : { messageId: 'ptr-none' };
    return { status: 'warn', messageId: 'mismatch', data: { ...base, bannerName: p.bannerName, ehlo, ptr: ptrWords, cert } };
  },
});
