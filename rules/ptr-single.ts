import { defineRule } from '../src/core/rule.js';

export default defineRule({
  meta: {
    id: 'ptr-single',
    title: 'The IP has exactly one PTR record',
    failureTitle: 'The IP has several PTR records',
    rationale: 'Receivers usually look at one PTR name (often the first, in whatever order the resolver gives); several make the checks unpredictable, and big answers may need TCP.',
    weight: 1,
    severity: 'minor',
    refs: ['RFC 1912 §2.1', 'RFC 8601 §2.7.3'],
    requires: ['ptr'],
    lookups: ['ptr'],
    messages: {
      single: 'One PTR record: {name}.',
      multiple: '{count} PTR records: {names}. Receivers pick one of them, so every one must be right.',
      'no-ptr': 'No PTR record to count.',
    },
    remedies: {
      multiple: 'Keep one PTR record, the mail server\'s name, and remove the others (ask the holder of the reverse zone).',
    },
  },
  run({ ptr }) {
    if (ptr.names.length === 0) return { status: 'skip', messageId: 'no-ptr' };
    if (ptr.names.length === 1) return { status: 'pass', messageId: 'single', data: { name: ptr.names[0] } };
    return { status: 'warn', messageId: 'multiple', data: { count: ptr.names.length, names: ptr.names } };
  },
});
