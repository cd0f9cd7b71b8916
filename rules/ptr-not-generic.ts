import { defineRule } from '../src/core/rule.js';
import { worst } from '../src/core/status.js';
import { GENERIC_FRAGMENTS, GENERIC_STATUS } from './lib/generic.js';

export default defineRule({
  meta: {
    id: 'ptr-not-generic',
    title: 'The PTR name looks like a mail server',
    failureTitle: 'The PTR name looks generic or dynamic',
    rationale: 'Yahoo asks for a meaningful, non-generic PTR; SpamAssassin, rspamd and the Spamhaus PBL treat pool-style names (IP digits, dsl, dyn, cloud defaults) as residential or unmanaged senders.',
    weight: 5,
    severity: 'major',
    refs: ['Yahoo sender best practices', 'SpamAssassin RDNS_DYNAMIC', 'rspamd hfilter HFILTER_HOSTNAME_*', 'RFC 1912 §2.1'],
    requires: ['ip', 'ptr'],
    lookups: ['ptr'],
    messages: {
      clean: '{name} does not look generic.',
      'mail-host': '{name} is named as a mail host ({detail}).',
      static: '{name} marks a static assignment ({detail}), which receivers accept; a name in your own domain is still better.',
      'cloud-default': '{name} is the {provider} default name, shared by every customer address: receivers see an unmanaged cloud host.',
      'ip-in-name': '{name} carries {detail}: receivers read it as an automatic name for an address pool.',
      'dynamic-word': '{name} contains {detail}: it reads as a dynamic or residential address.',
      'dynamic-pool': '{name} has {detail}: a dynamic/residential pool name, which many receivers block outright.',
      'no-ptr': 'No PTR name to judge.',
    },
    fragments: GENERIC_FRAGMENTS,
    remedies: {
      'cloud-default': 'Set a custom PTR in your own domain (e.g. mail.yourdomain.com) in the provider\'s console; see Remediation.',
      'ip-in-name': 'Ask the holder of the reverse zone for a PTR that names the mail server in your domain, e.g. mail.yourdomain.com.',
      'dynamic-word': 'Ask the holder of the reverse zone for a PTR that names the mail server in your domain, e.g. mail.yourdomain.com.',
      'dynamic-pool': 'Do not send directly from a residential or dynamic address: relay through your provider\'s smarthost or a mail service, or get a static IP with a custom PTR.',
    },
  },
  run({ ptr }) {
    if (ptr.names.length === 0) return { status: 'skip', messageId: 'no-ptr' };
    const judged = ptr.names.map((name, i) => {
      const found = ptr.classes[i] ?? { kind: 'clean' as const };
      return { name, ...found, status: GENERIC_STATUS[found.kind] };
    });
    const w = worst(judged);
    const data: Record<string, unknown> = { name: w.name, detail: w.detail, kind: w.kind };
    if (w.provider) data.provider = w.provider;
    if (judged.length > 1) data.all = judged.map((j) => ({ name: j.name, kind: j.kind }));
    return { status: w.status, messageId: w.kind, data };
  },
});
