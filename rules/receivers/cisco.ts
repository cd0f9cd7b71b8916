/**
 * Cisco Secure Email (IronPort; cloud MX hosts under iphmx.com). Cisco's
 * AsyncOS user guide ("Verifying Senders", read as a copy of the guide's
 * pages) suggests putting hosts whose PTR record does not exist, or does not
 * match the forward lookup, into sender groups with throttling mail flow
 * policies: a suggested setting, not a default, so each site decides. Its
 * reply for a poor SenderBase (Talos) reputation, which no rule here can see
 * (real bounces: pcsdesk.com; community.cisco.com, where a Cisco engineer
 * explains it): '554 Your access to this mail system has been rejected due to
 * the sending MTA's poor reputation. If you believe that this failure is in
 * error, please contact the intended recipient via alternate means.'
 * Checked 2026-12-07.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const GUIDE = 'https://manualsbrain.com/pt/manuals/1649669/?page=146';
const CHECKED = '2026-12-07';
const THROTTLED = {
  text: 'Now, senders for which reverse DNS lookups fail will match the SUSPECTLIST sender group and will receive the default action from the THROTTLED mail flow policy.',
  source: GUIDE, checked: CHECKED, verbatim: true,
};

const cisco: ReceiverSpec = {
  id: 'cisco',
  name: 'Cisco Secure Email (IronPort gateway)',
  kind: 'filter',
  accept: '250 (each Cisco customer\'s setup decides the text)',
  requirement: THROTTLED,
  verdicts: [
    { when: { any: [{ rule: 'ptr-present', status: 'fail' }, { rule: 'fcrdns', status: 'fail' }] }, outcome: 'deferred', reply: '', requirement: THROTTLED },
  ],
  recognise: {
    hosts: [/\.iphmx\.com$/i],
    replies: [/sending MTA's poor reputation/i],
  },
  codes: {
    "sending MTA's poor reputation": 'Cisco Secure Email: the sending IP\'s SenderBase reputation score put it in the sender group that is refused (BLOCKED_LIST, formerly BLACKLIST); ask the recipient\'s administrator, or improve the IP\'s reputation',
  },
};
export default cisco;
