import { defineRule } from '../src/core/rule.js';

export default defineRule({
  meta: {
    id: 'dmarc-pass',
    title: 'The message passes DMARC',
    failureTitle: 'The message fails DMARC',
    rationale: 'DMARC passes only when SPF or DKIM passes for a domain aligned with From; a failing message is quarantined or rejected wherever the domain\'s policy says so, and Gmail and Yahoo require alignment from bulk senders.',
    weight: 4,
    severity: 'critical',
    refs: ['RFC 9989 (DMARC)', 'Gmail sender guidelines', 'Yahoo sender requirements'],
    requires: ['auth'],
    lookups: ['auth', 'spf'],
    authres: 'dmarc',
    messages: {
      pass: 'DMARC pass for {fromDomain} through {via}.',
      fail: 'DMARC fail for {fromDomain}: neither SPF nor DKIM passed for an aligned domain (policy {policy}).',
      'no-policy': '{fromDomain} publishes no DMARC policy, so DMARC does not judge this message.',
      unevaluable: 'DMARC cannot judge this message: {reason}. Receivers treat such messages as suspicious (RFC 9989 §11.5).',
      temporary: 'DMARC could not be evaluated: a lookup failed temporarily.',
    },
    fragments: {
      dkim: 'DKIM ({dkim})',
      spf: 'SPF ({spf})',
      both: 'DKIM ({dkim}) and SPF ({spf})',
      aligned: 'an aligned identifier',
    },
    remedies: {
      fail: 'Make SPF pass for a MAIL FROM in the From domain, or (better, it survives forwarding) sign with DKIM in the From domain.',
      unevaluable: 'Send with exactly one From header holding one address in one domain.',
    },
  },
  run({ auth, senders }) {
    const d = auth.dmarc;
    const fromDomain = auth.headerFrom[0]?.split('@').pop()?.toLowerCase() ?? 'unknown';
    // Where our reading of From finds no usable address (`"ceo@bank.example" <>`), a DMARC
    // result for the display name would reassure about an address nobody sees.
    const unusable = senders?.find((s) => s.role === 'from' && s.problem)?.problem;
    if (!d || d.skipReason || unusable) {
      const reason = unusable ?? d?.skipReason ?? 'no From address';
      return { status: 'fail', messageId: 'unevaluable', data: { reason, authres: { result: 'permerror', props: {} } } };
    }
    const authres = { result: d.result, props: { 'header.from': fromDomain } };
    if (d.result === 'pass') {
      const messageId = d.dkimAligned && d.spfAligned ? 'both' : d.dkimAligned ? 'dkim' : d.spfAligned ? 'spf' : 'aligned';
      const via = { messageId, dkim: d.dkimAligned ?? '', spf: d.spfAligned ?? '' };
      return { status: 'pass', messageId: 'pass', data: { fromDomain, via, authres } };
    }
    if (d.result === 'fail') return { status: 'fail', messageId: 'fail', data: { fromDomain, policy: d.policy ?? 'none', authres } };
    if (d.result === 'temperror') return { status: 'error', messageId: 'temporary', data: { authres } };
    return { status: 'warn', messageId: 'no-policy', data: { fromDomain, authres } };
  },
});
