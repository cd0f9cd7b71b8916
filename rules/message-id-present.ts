import { defineRule } from '../src/core/rule.js';

export default defineRule({
  meta: {
    id: 'message-id-present',
    title: 'The message has a valid Message-ID',
    failureTitle: 'The message lacks a valid Message-ID',
    rationale: 'Gmail requires messages formatted per RFC 5322 and rejects or spam-folders mail without a Message-ID; threading and deduplication depend on it.',
    weight: 1,
    severity: 'minor',
    refs: ['RFC 5322 §3.6.4', 'Gmail sender guidelines'],
    requires: ['message'],
    lookups: [],
    messages: {
      present: 'Message-ID: {messageId}',
      malformed: 'The Message-ID {messageId} is not of the form <left@right>.',
      missing: 'The message has no Message-ID header.',
    },
    remedies: {
      malformed: 'Let the sending application or MTA generate Message-IDs like <unique-part@your-domain>.',
      missing: 'Add a Message-ID header (most MTAs add one when told to: Postfix always_add_missing_headers = yes).',
    },
  },
  run({ message }) {
    const id = message.messageId;
    if (!id) return { status: 'fail', messageId: 'missing' };
    if (!/^<[^<>@\s]+@[^<>@\s]+>$/.test(id.trim())) return { status: 'warn', messageId: 'malformed', data: { messageId: id } };
    return { status: 'pass', messageId: 'present', data: { messageId: id } };
  },
});
