import { defineRule } from '../src/core/rule.js';
import { SENDER_DOMAIN_MESSAGES, SENDER_DOMAIN_REMEDIES, judgeSenderDomain } from './lib/sender-domain.js';

/**
 * The envelope sender alone: it is where bounces go, and the big receivers
 * (Gmail, Yahoo) ask that it can receive them. from-domain-resolves judges
 * it too, with the From domain; this rule is that half, light in weight so
 * the same fault is not counted twice in full.
 */
export default defineRule({
  meta: {
    id: 'mail-from-bounces',
    title: 'The envelope sender can receive bounces',
    failureTitle: 'Bounces to the envelope sender cannot be delivered',
    rationale: 'Non-delivery reports go to the MAIL FROM (Return-Path) address; a domain with no MX and no address, or a null MX (RFC 7505), cannot receive them, and receivers that check (Postfix reject_unknown_sender_domain, Gmail, Yahoo) refuse such mail.',
    weight: 1,
    severity: 'minor',
    refs: ['RFC 5321 §4.5.5', 'RFC 5321 §5.1', 'RFC 7505 (null MX)'],
    requires: ['senders'],
    lookups: ['senders'],
    messages: {
      ...SENDER_DOMAIN_MESSAGES,
      'no-envelope-sender': 'Not checked: no envelope sender (MAIL FROM, or the Return-Path of a received message) was given, or it was the empty sender <> of a bounce, which receives nothing.',
    },
    remedies: SENDER_DOMAIN_REMEDIES,
  },
  run({ senders }) {
    const envelope = senders.find((s) => s.role === 'mail-from');
    if (!envelope) return { status: 'skip', messageId: 'no-envelope-sender' };
    return judgeSenderDomain(envelope);
  },
});
