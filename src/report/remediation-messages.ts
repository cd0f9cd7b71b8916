/** The remediation's words, as templates (filled by report/format.ts from what remediation.ts found). */
export const REMEDIATION_MESSAGES: Record<string, string> = {
  'not-public': '{address} is not a public address ({range}): receivers on the Internet see your public (NAT) address instead, so audit that one. ',
  served: ', served by {nameservers}',
  contact: ' (contact {contact})',
  'holder-delegated':
    'The reverse name is delegated by CNAME (RFC 2317) into the zone {zone}{served}{contact}: whoever runs that zone sets the PTR there, usually the customer the ISP delegated the block to.',
  'holder-provider-zone': '{provider}, which holds the reverse zone {zone}{served}. Set the PTR through {provider}, not at your domain\'s DNS host.',
  'holder-provider': '{provider}, which holds this address block. Set the PTR through {provider}, not at your domain\'s DNS host.',
  'holder-zone':
    'The holder of the IP block: the reverse zone {zone}{served}{contact}. That is your ISP, hosting or cloud provider, not your domain\'s DNS host: ask them to set the PTR.',
  'holder-unknown': 'The holder of the IP block (your ISP, hosting or cloud provider); the reverse zone could not be found ({unknownBecause}).',
  'verify-at-zone': 'dig @{ns} -x {address} +norecurse   # the zone\'s own server: sees the change at once',
  propagation:
    'Ask the zone\'s own nameserver first: it shows the change as soon as the provider publishes it.{when} Some providers publish reverse changes in batches; allow up to a day before concluding it did not work.',
  'after-change': ' After the change {parts}.',
  'cached-ptr': 'resolvers may keep the current PTR for up to its TTL, {ttl}',
  'cached-absence': 'resolvers remember that no PTR exists for up to {ttl} (the zone\'s negative-caching TTL)',
};
