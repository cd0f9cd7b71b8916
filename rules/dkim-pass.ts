import { defineRule } from '../src/core/rule.js';

export default defineRule({
  meta: {
    id: 'dkim-pass',
    title: 'A valid DKIM signature, aligned with From',
    failureTitle: 'No valid DKIM signature aligned with From',
    rationale: 'Gmail and Yahoo require DKIM for bulk senders and DMARC alignment through SPF or DKIM; DKIM survives forwarding where SPF does not.',
    weight: 4,
    severity: 'major',
    refs: ['RFC 6376', 'RFC 8463', 'Gmail sender guidelines', 'Yahoo sender requirements'],
    requires: ['auth'],
    lookups: ['auth'],
    authres: 'dkim',
    messages: {
      aligned: 'Valid DKIM signature by {domain} (selector {selector}), aligned with the From domain.',
      unaligned: 'Valid DKIM signature by {domains}, but not aligned with the From domain {fromDomain}: it cannot carry DMARC.',
      failed: 'DKIM did not verify: {details}.',
      none: 'The message carries no DKIM signature.',
      temporary: 'The DKIM key could not be fetched ({details}); try again.',
    },
    fragments: {
      signature: 'd={domain} s={selector}: {result}{comment}',
      comment: ' ({text})',
    },
    remedies: {
      unaligned: 'Sign with a key in the From domain ({fromDomain}): most providers offer "custom DKIM" with a CNAME or TXT under your domain.',
      failed: 'Check that the public key at <selector>._domainkey.<domain> matches the signing key and that nothing rewrites the message after signing.',
      none: 'Set up DKIM signing for the From domain and publish its public key.',
    },
  },
  run({ auth }) {
    const sigs = auth.dkim;
    const authres = sigs.map((s) => ({ result: s.result, props: { 'header.d': s.domain, 'header.s': s.selector }, ...(s.comment ? { comment: s.comment } : {}) }));
    if (sigs.length === 0) return { status: 'fail', messageId: 'none', data: { authres: [{ result: 'none', props: {} }] } };
    const passing = sigs.filter((s) => s.result === 'pass');
    const aligned = passing.find((s) => s.aligned);
    if (aligned) return { status: 'pass', messageId: 'aligned', data: { domain: aligned.domain, selector: aligned.selector, authres } };
    const fromDomain = auth.headerFrom[0]?.split('@').pop() ?? 'unknown';
    if (passing.length > 0) return { status: 'warn', messageId: 'unaligned', data: { domains: passing.map((s) => s.domain), fromDomain, authres } };
    const details = sigs.map((s) => ({ messageId: 'signature', domain: s.domain, selector: s.selector, result: s.result, comment: s.comment ? { messageId: 'comment', text: s.comment } : '' }));
    if (sigs.every((s) => s.result === 'temperror')) return { status: 'error', messageId: 'temporary', data: { details, authres } };
    return { status: 'fail', messageId: 'failed', data: { details, authres } };
  },
});
