import { defineRule } from '../src/core/rule.js';

export default defineRule({
  meta: {
    id: 'dmarc-policy',
    title: 'The From domain publishes an enforced DMARC policy',
    failureTitle: 'The From domain has no effective DMARC policy',
    rationale: 'Gmail and Yahoo require bulk senders to publish DMARC (p=none is the minimum); an enforced policy (quarantine or reject) stops others from spoofing the domain.',
    weight: 4,
    severity: 'major',
    refs: ['RFC 9989 (DMARC)', 'Gmail sender guidelines', 'Yahoo sender requirements'],
    requires: ['dmarc'],
    lookups: ['dmarc'],
    messages: {
      enforced: 'DMARC p={policy} for {domain}, published at _dmarc.{recordDomain}: {record}',
      monitoring: 'DMARC p=none for {domain} (at _dmarc.{recordDomain}): receivers only report, nothing is enforced. {record}',
      missing: '{domain} publishes no DMARC record (none at _dmarc.{domain} nor its organizational domain).',
      invalid: '{domain}\'s DMARC record is not valid, so receivers ignore it: {rejected}',
      temporary: 'DMARC discovery for {domain} failed temporarily ({error}).',
    },
    remedies: {
      monitoring: 'Once the aggregate reports show all your mail passing, move to p=quarantine and then p=reject.',
      missing: 'Publish a TXT record at _dmarc.{domain}: "v=DMARC1; p=none; rua=mailto:dmarc-reports@{domain}" to start, then tighten the policy.',
      invalid: 'Publish one TXT record at _dmarc.{domain} starting exactly with "v=DMARC1;" followed by a valid p= tag (none, quarantine or reject).',
    },
  },
  run({ dmarc }) {
    const domain = dmarc.domain;
    if (dmarc.outcome === 'temperror' && !dmarc.record) return { status: 'error', messageId: 'temporary', data: { domain, error: dmarc.error ?? 'DNS failure' } };
    if (!dmarc.record) {
      if (dmarc.rejected.length > 0) return { status: 'fail', messageId: 'invalid', data: { domain, rejected: dmarc.rejected } };
      return { status: 'fail', messageId: 'missing', data: { domain } };
    }
    const data = { domain, policy: dmarc.policy ?? dmarc.p ?? 'none', recordDomain: dmarc.recordDomain ?? domain, record: dmarc.record, testMode: dmarc.testMode ?? false };
    if (data.policy === 'none') return { status: 'warn', messageId: 'monitoring', data };
    return { status: 'pass', messageId: 'enforced', data };
  },
});
