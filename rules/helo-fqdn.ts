import { defineRule } from '../src/core/rule.js';
import type { NameProblem } from '../src/core/names.js';
import { NAME_PROBLEM_FRAGMENTS, problemFragments } from './lib/name-problems.js';

/** Problems that make the name merely not fully qualified, as opposed to not a name at all. */
const NOT_FQDN: ReadonlySet<NameProblem> = new Set(['single-label', 'unknown-suffix', 'numeric-tld']);
const REMEDY = 'Set the HELO name to the mail server\'s fully qualified name, the one its PTR points to (Postfix: smtp_helo_name or myhostname; Exim: helo_data or primary_hostname; Exchange: the send connector\'s FQDN).';

export default defineRule({
  meta: {
    id: 'helo-fqdn',
    title: 'The HELO name is a fully qualified host name',
    failureTitle: 'The HELO name is not a valid fully qualified host name',
    rationale: 'RFC 5321 requires the EHLO argument to be the client\'s FQDN or an address literal; Postfix (reject_invalid_helo_hostname, reject_non_fqdn_helo_hostname), Haraka helo.checks and rspamd reject or penalise anything else.',
    weight: 4,
    severity: 'major',
    refs: ['RFC 5321 §4.1.1.1', 'RFC 5321 §2.3.5', 'Postfix reject_non_fqdn_helo_hostname', 'Haraka helo.checks'],
    requires: ['helo'],
    lookups: [],
    messages: {
      fqdn: '{name} is a fully qualified host name.',
      literal: '{name} is an address literal (RFC 5321 §4.1.3), acceptable for a host without a name.',
      'bad-literal': '{name} looks like an address literal but holds no valid address.',
      'bare-ip': '{name} is a bare IP address. RFC 5321 allows a host name or an address literal like [{name}]; most receivers reject a bare IP.',
      'not-fqdn': '{name} is not fully qualified: it {problems}. Postfix reject_non_fqdn_helo_hostname and most filters reject it.',
      invalid: '{name} is not a valid host name: it {problems}.',
    },
    fragments: NAME_PROBLEM_FRAGMENTS,
    remedies: { 'bad-literal': REMEDY, 'bare-ip': REMEDY, 'not-fqdn': REMEDY, invalid: REMEDY },
  },
  run({ helo }) {
    const name = helo.name;
    if (helo.form === 'address-literal') {
      return helo.literal ? { status: 'pass', messageId: 'literal', data: { name } } : { status: 'fail', messageId: 'bad-literal', data: { name } };
    }
    if (helo.form === 'bare-ip') return { status: 'fail', messageId: 'bare-ip', data: { name }, critical: true };
    if (helo.problems.length === 0) return { status: 'pass', messageId: 'fqdn', data: { name } };
    const problems = problemFragments(helo.problems);
    const messageId = helo.problems.every((p) => NOT_FQDN.has(p)) ? 'not-fqdn' : 'invalid';
    return { status: 'fail', messageId, data: { name, problems, codes: helo.problems } };
  },
});
