import { defineRule } from '../src/core/rule.js';

export default defineRule({
  meta: {
    id: 'list-unsubscribe',
    title: 'Bulk mail offers one-click unsubscribe',
    failureTitle: 'Bulk mail lacks one-click unsubscribe (RFC 8058)',
    rationale: 'Gmail and Yahoo require bulk senders to support one-click unsubscribe: a List-Unsubscribe https URI plus List-Unsubscribe-Post: List-Unsubscribe=One-Click (RFC 8058).',
    weight: 2,
    severity: 'major',
    refs: ['RFC 2369', 'RFC 8058', 'Gmail sender guidelines', 'Yahoo sender requirements'],
    requires: ['message'],
    lookups: [],
    messages: {
      'one-click': 'One-click unsubscribe: {uri} with List-Unsubscribe-Post.',
      'not-bulk': 'The message does not look like bulk mail (no List-Id, List-Unsubscribe, Precedence: bulk or Feedback-ID), so unsubscribe headers are not required.',
      missing: 'This looks like bulk mail ({signals}) but has no List-Unsubscribe header.',
      'no-https': 'List-Unsubscribe has no https URI ({value}): one-click needs one (RFC 8058).',
      'mailto-only': 'List-Unsubscribe offers only e-mail ({value}): one-click needs an https URI (RFC 8058), though some receivers (Yahoo) accept a mailto: one.',
      'no-one-click': 'List-Unsubscribe has {uri}, but List-Unsubscribe-Post: List-Unsubscribe=One-Click is missing.',
    },
    remedies: {
      missing: 'Add List-Unsubscribe: <https://…> and List-Unsubscribe-Post: List-Unsubscribe=One-Click, and honour the POST within two days.',
      'no-https': 'Add an https unsubscribe URI to List-Unsubscribe and the List-Unsubscribe-Post header.',
      'mailto-only': 'Add an https unsubscribe URI beside the mailto: one, and the List-Unsubscribe-Post header (Gmail requires one-click).',
      'no-one-click': 'Add List-Unsubscribe-Post: List-Unsubscribe=One-Click and make the https URI accept a POST that unsubscribes at once.',
    },
  },
  run({ message }) {
    const signals = message.bulkSignals;
    const value = message.listUnsubscribe;
    if (!value) {
      return signals.length === 0 ? { status: 'info', messageId: 'not-bulk' } : { status: 'fail', messageId: 'missing', data: { signals } };
    }
    const uris = [...value.matchAll(/<([^>]*)>/g)].map((m) => m[1]!.trim());
    const https = uris.find((u) => /^https:\/\//i.test(u));
    if (!https) return { status: 'fail', messageId: uris.some((u) => /^mailto:/i.test(u)) ? 'mailto-only' : 'no-https', data: { value } };
    if (!/^\s*List-Unsubscribe=One-Click\s*$/i.test(message.listUnsubscribePost ?? '')) return { status: 'fail', messageId: 'no-one-click', data: { uri: https } };
    return { status: 'pass', messageId: 'one-click', data: { uri: https } };
  },
});
