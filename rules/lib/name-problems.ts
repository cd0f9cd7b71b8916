/** Host-name problems (core/names.ts NameProblem codes) in words: the fragments of helo-fqdn and ptr-hostname. */
import type { NameProblem } from '../../src/core/names.js';

export const NAME_PROBLEM_FRAGMENTS: Record<NameProblem, string> = {
  empty: 'empty',
  'too-long': 'longer than 253 characters',
  'empty-label': 'has an empty label',
  'label-too-long': 'has a label over 63 characters',
  underscore: 'contains an underscore',
  'bad-character': 'contains characters other than letters, digits, hyphens and dots',
  'hyphen-edge': 'has a label starting or ending with a hyphen',
  'single-label': 'is a single label, not a fully qualified name',
  'ip-address': 'is an IP address, not a name',
  'numeric-tld': 'ends in a numeric label',
  'unknown-suffix': 'is not under a public suffix (TLD) that exists',
};

/** One fragment per problem, in the order found. */
export const problemFragments = (problems: readonly NameProblem[]) => problems.map((messageId) => ({ messageId }));
