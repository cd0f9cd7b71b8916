/**
 * Barracuda Email Security Gateway (appliance) and its cloud service
 * (ess.barracudanetworks.com). No reverse DNS requirement was found in
 * Barracuda's published pages, so there is no rDNS verdict. Its knowledge
 * base says it blocks senders listed on Barracuda Reputation (its own list)
 * or on custom RBLs its administrator adds; which lists a site uses is its
 * own choice, so a listing found here is a risk there, not a certain
 * refusal. Its reply, as real bounces show it (luxsci.com, 2010; MIT CSAIL's
 * help wiki): '554 Service unavailable; Client host [server1.mail.com]
 * blocked using Barracuda Reputation;
 * http://bbl.barracudacentral.com/q.cgi?ip=192.168.1.1'. Postfix and other
 * servers that query b.barracudacentral.org answer 'blocked using
 * b.barracudacentral.org': that wording is theirs, not a Barracuda gateway's.
 * Checked 2026-12-07.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const KB = 'https://campus.barracuda.com/product/emailsecuritygateway/knowledgebase/50160000000HCoVAAW/How+should+I+deal+with+custom+RBL+or+Barracuda+Reputation+false+positives+on+my+Barracuda+Spam+Firewall%3F/';
const CHECKED = '2026-12-07';
const RBL = {
  text: 'The Barracuda Email Security Gateway blocks mail from senders listed on Barracuda Reputation or on the custom RBLs its administrator configures (Block/Accept > IP Reputation), and on some setups checks IP addresses from the message\'s headers too.',
  source: KB, checked: CHECKED, verbatim: false,
};

const barracuda: ReceiverSpec = {
  id: 'barracuda',
  name: 'Barracuda Email Security (gateway)',
  kind: 'filter',
  accept: '250 (each Barracuda customer\'s setup decides the text)',
  requirement: RBL,
  verdicts: [
    { when: { rule: 'dnsbl-clean', status: 'fail' }, outcome: 'spam-risk', reply: '', requirement: RBL },
  ],
  recognise: {
    hosts: [/\.barracudanetworks\.com$/i],
    replies: [/blocked using Barracuda Reputation/i, /bbl\.barracudacentral\.com/i],
  },
  codes: {
    'Barracuda Reputation': 'Barracuda: an IP is listed on Barracuda Reputation, its own block list; the one it names may come from the message\'s Received: lines rather than the sending server; the reply links its lookup at bbl.barracudacentral.com',
  },
};
export default barracuda;
