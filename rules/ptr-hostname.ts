import { defineRule } from '../src/core/rule.js';
import { hostnameProblems } from '../src/core/names.js';
import { NAME_PROBLEM_FRAGMENTS, problemFragments } from './lib/name-problems.js';

export default defineRule({
  meta: {
    id: 'ptr-hostname',
    title: 'The PTR name is a valid host name',
    failureTitle: 'The PTR name is not a valid host name',
    rationale: 'A PTR must name a real, fully qualified host (RFC 1123 letters, digits and hyphens, under a real TLD); receivers treat anything else as no name at all.',
    weight: 5,
    severity: 'major',
    refs: ['RFC 1123 §2.1', 'RFC 1912 §2.1', 'RFC 5321 §2.3.5', 'SpamAssassin RDNS_NONE'],
    requires: ['ptr'],
    lookups: ['ptr'],
    messages: {
      valid: '{names}: a valid, fully qualified host name.',
      invalid: 'Not a valid host name: {problems}.',
      'no-ptr': 'No PTR name to check.',
    },
    fragments: { ...NAME_PROBLEM_FRAGMENTS, 'name-problems': '{name} {problems}' },
    remedies: {
      invalid: 'Point the PTR at a fully qualified name in your own domain, like mail.example.com, letters, digits and hyphens only.',
    },
  },
  run({ ptr }) {
    if (ptr.names.length === 0) return { status: 'skip', messageId: 'no-ptr' };
    const bad = ptr.names
      .map((name) => ({ name, problems: hostnameProblems(name) }))
      .filter((x) => x.problems.length > 0);
    if (bad.length === 0) return { status: 'pass', messageId: 'valid', data: { names: ptr.names } };
    return {
      status: 'fail',
      messageId: 'invalid',
      data: {
        names: bad.map((b) => b.name),
        codes: bad.flatMap((b) => b.problems),
        problems: bad.map((b) => ({ messageId: 'name-problems', name: b.name, problems: problemFragments(b.problems) })),
      },
    };
  },
});
