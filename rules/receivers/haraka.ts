/**
 * Haraka's fcrdns plugin with its [reject] options turned on (all are off by
 * default: then it only records results for other plugins to score). Reply
 * texts are the plugin's own (index.js); Haraka answers DENY with 550.
 * Checked 2026-12-01 against haraka-plugin-fcrdns on GitHub.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const PLUGIN = 'https://github.com/haraka/haraka-plugin-fcrdns';
const CHECKED = '2026-12-01';
const q = (text: string) => ({ text, source: PLUGIN, checked: CHECKED, verbatim: true });

const haraka: ReceiverSpec = {
  id: 'haraka',
  name: 'Haraka fcrdns (reject options on)',
  kind: 'filter',
  accept: '250 (fcrdns pass, recorded in Authentication-Results as iprev)',
  requirement: q('Determine if the SMTP sender has matching forward and reverse DNS.'),
  verdicts: [
    { when: { rule: 'ptr-present', status: 'fail' }, outcome: 'rejected', reply: '550 client [$SenderIPAddress] rejected; no rDNS', requirement: q('reject if the IP address has no PTR record') },
    { when: { rule: 'ptr-hostname', status: 'fail' }, outcome: 'rejected', reply: '550 client [$SenderIPAddress] rejected; invalid TLD in rDNS', requirement: q('reject if the PTR points to a hostname without a valid TLD') },
    { when: { rule: 'ptr-not-generic', status: 'fail' }, outcome: 'rejected', reply: '550 client [$SenderIPAddress] rejected; generic rDNS, please use your ISPs SMTP relay', requirement: q('reject if the rDNS is generic') },
    { when: { rule: 'fcrdns', status: 'fail' }, outcome: 'rejected', reply: '550 Sorry, no FCrDNS match found', requirement: q('reject if the FCrDNS test fails') },
  ],
  recognise: { hosts: [], replies: [/rejected; no rDNS/i, /no FCrDNS match found/i, /generic rDNS, please use your ISPs SMTP relay/i] },
  codes: {},
};
export default haraka;
