import { defineRule } from '../src/core/rule.js';
import { worst } from '../src/core/status.js';
import { SENDER_DOMAIN_MESSAGES, SENDER_DOMAIN_REMEDIES, judgeSenderDomain } from './lib/sender-domain.js';

export default defineRule({
  meta: {
    id: 'from-domain-resolves',
    title: 'The sender domains exist and accept mail',
    failureTitle: 'A sender domain does not exist or cannot receive mail',
    rationale: 'Receivers refuse mail whose MAIL FROM or From domain does not exist or accepts no mail (Postfix reject_unknown_sender_domain, Gmail); replies and bounces must have somewhere to go.',
    // 3, not 4: the envelope half is also mail-from-bounces (weight 1), so a bad MAIL FROM domain costs what it did.
    weight: 3,
    severity: 'major',
    refs: ['RFC 5321 §5.1 (implicit MX)', 'RFC 7505 (null MX)', 'Postfix reject_unknown_sender_domain'],
    requires: ['senders'],
    lookups: ['senders'],
    messages: SENDER_DOMAIN_MESSAGES,
    remedies: SENDER_DOMAIN_REMEDIES,
  },
  run({ senders }) {
    return worst(senders.map(judgeSenderDomain));
  },
});
