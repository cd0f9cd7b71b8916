/**
 * Orange (orange.fr, wanadoo.fr). Requirements quoted from Orange's
 * postmaster page, "Email Delivery Guidelines" (followed "to make sure your
 * message is accepted and not tag as SPAM"); Orange publishes no reply text
 * for them, so the verdicts carry none. Its replies end in an OFR tag; the
 * codes below are the ones seen in real bounces, with their own words:
 * OFR006_102, OFR005_505, OFR_999 and OFR_416 in sisimai's set-of-emails
 * (maildir/bsd/rhost-franceptt-06, -08, -07, -01), ofr_506 in a bounce quoted
 * by doc.gadz.org, and OFR006_103, OFR005_104 and OFR_417 as sisimai's Orange
 * module (lib/sisimai/rhost/franceptt.rb) quotes them. Orange's own code table
 * was not read. Checked 2026-12-07.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const POSTMASTER = 'https://postmaster.orange.fr';
const CHECKED = '2026-12-07';
const q = (text: string) => ({ text, source: POSTMASTER, checked: CHECKED, verbatim: true });
const PTR = q('Your IP needs a valid reverse dns record (PTR)');

const REFUSED = 'Orange: service refused for now ("Service refuse. Veuillez essayer plus tard"); retry later';

const orange: ReceiverSpec = {
  id: 'orange',
  name: 'Orange (orange.fr, wanadoo.fr)',
  kind: 'mailbox-provider',
  accept: '250 (Orange publishes no accept text)',
  requirement: PTR,
  verdicts: [
    { when: { any: [{ rule: 'ptr-present', status: 'fail' }, { rule: 'fcrdns', status: 'fail' }] }, outcome: 'spam-risk', reply: '', requirement: PTR },
    { when: { rule: 'ptr-not-generic', status: 'fail' }, outcome: 'spam-risk', reply: '', requirement: q('Sending IP must be a static IP address') },
    { when: { rule: 'helo-fqdn', status: 'fail' }, outcome: 'spam-risk', reply: '', requirement: q('You must be using a valid HELO/EHLO, It must be a fully qualified domain name (FQDN).') },
  ],
  recognise: {
    hosts: [/(^|\.)orange\.fr$/i, /(^|\.)wanadoo\.fr$/i],
    // '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. … OFR006_102 Ref http://csi.cloudmark.com/… [102]'
    replies: [/\bOFR\d{0,3}_\d{3}\b/i, /\bmwinf\d[a-z0-9]{1,10} ME\b/],
  },
  codes: {
    OFR006_102: 'Orange: the source IP is blocked after a spam incident ("Adresse IP source bloquee pour incident de spam"); the reply links Cloudmark\'s reset request for the IP',
    OFR006_103: REFUSED,
    OFR005_104: 'Orange: too many connections ("Trop de connexions, veuillez verifier votre configuration"); slow down',
    OFR005_505: REFUSED,
    OFR_999: REFUSED,
    OFR_416: 'Orange: invalid recipient ("Adresse d au moins un destinataire invalide")',
    OFR_417: 'Orange: the recipient\'s mailbox is full ("Boite du destinataire pleine")',
    OFR_506: 'Orange: mail rejected ("Mail rejete")',
    ofr_506: 'Orange: mail rejected ("Mail rejete")',
  },
};
export default orange;
