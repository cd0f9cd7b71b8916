import { defineRule } from '../src/core/rule.js';
import { GENERIC_FRAGMENTS, GENERIC_STATUS } from './lib/generic.js';

export default defineRule({
  meta: {
    id: 'helo-not-generic',
    title: 'The HELO name looks like a mail server',
    failureTitle: 'The HELO name looks generic or dynamic',
    rationale: 'A HELO that is an address pool\'s automatic name (IP digits, dsl, dyn, cloud defaults) marks an unmanaged host; SpamAssassin HELO_DYNAMIC_* and rspamd hfilter score it.',
    weight: 2,
    severity: 'minor',
    refs: ['SpamAssassin HELO_DYNAMIC_IPADDR', 'rspamd hfilter HFILTER_HELO_*'],
    requires: ['helo', 'ip'],
    lookups: [],
    messages: {
      clean: '{name} does not look generic.',
      'mail-host': '{name} is named as a mail host ({detail}).',
      static: '{name} marks a static assignment ({detail}).',
      'cloud-default': '{name} is the {provider} default name: receivers see an unmanaged cloud host.',
      'ip-in-name': '{name} carries {detail}: it reads as an automatic pool name.',
      'dynamic-word': '{name} contains {detail}: it reads as a dynamic or residential host.',
      'dynamic-pool': '{name} has {detail}: a dynamic/residential pool name.',
      'not-hostname': 'The HELO is not a host name.',
    },
    fragments: GENERIC_FRAGMENTS,
    remedies: {
      'cloud-default': 'Give the server a name in your own domain and use it as HELO (and PTR).',
      'ip-in-name': 'Use a HELO name in your own domain, like mail.yourdomain.com.',
      'dynamic-word': 'Use a HELO name in your own domain, like mail.yourdomain.com.',
      'dynamic-pool': 'Do not send directly from a dynamic address; relay through a smarthost or mail service.',
    },
  },
  run({ helo }) {
    if (helo.form !== 'hostname' || !helo.class) return { status: 'skip', messageId: 'not-hostname' };
    const found = helo.class;
    const data: Record<string, unknown> = { name: helo.name, detail: found.detail, kind: found.kind };
    if (found.provider) data.provider = found.provider;
    return { status: GENERIC_STATUS[found.kind], messageId: found.kind, data };
  },
});
