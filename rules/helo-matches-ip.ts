import { defineRule } from '../src/core/rule.js';
import { sameAddress } from '../src/core/ip.js';

export default defineRule({
  meta: {
    id: 'helo-matches-ip',
    title: 'The HELO name resolves to the connecting IP',
    failureTitle: 'The HELO name resolves to other addresses',
    rationale: 'A HELO name that points elsewhere suggests a borrowed or forged identity; rspamd (HFILTER_HELO_NORES_A_OR_MX, HFILTER_HELO_IP_A) and Haraka helo.checks score it.',
    weight: 3,
    severity: 'major',
    refs: ['RFC 5321 §4.1.4', 'rspamd hfilter', 'Haraka helo.checks'],
    requires: ['helo', 'ip'],
    lookups: ['helo'],
    messages: {
      match: '{name} resolves to {address}, the connecting IP.',
      elsewhere: '{name} resolves to {addresses}, not to the connecting IP {address}.',
      'no-addresses': 'The HELO name has no addresses to compare.',
    },
    remedies: {
      elsewhere: 'Use as HELO the name whose A/AAAA record is this IP (normally the PTR name), or add this IP to the HELO name\'s records.',
    },
  },
  run({ helo, ip }) {
    if (helo.form !== 'hostname' || helo.addresses.length === 0) return { status: 'skip', messageId: 'no-addresses' };
    const data = { name: helo.name, address: ip.address, addresses: helo.addresses };
    if (helo.addresses.some((a) => sameAddress(a, ip.address))) return { status: 'pass', messageId: 'match', data };
    return { status: 'fail', messageId: 'elsewhere', data };
  },
});
