/**
 * GoDaddy (Workspace Email and hosted mail; MX and relays under
 * secureserver.net). Reply texts and their causes from GoDaddy's "Fix rejected
 * email with a bounce error" page, as sisimai's GoDaddy module
 * (lib/sisimai/rhost/godaddy.rb) reproduces its table; the page itself was
 * read only in part, so the requirement is a summary. Real bounces carry
 * these codes (sisimai's set-of-emails: IB607 in rhost-godaddy-03, IB508 in
 * lhost-office365-03, IB506 in lhost-exim-45). GoDaddy manages reverse DNS
 * for its own senders and refuses, for now, an IP without it (IB108).
 * Checked 2026-12-07.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const BOUNCES = 'https://www.godaddy.com/help/fix-rejected-email-with-a-bounce-error-40685';
const CHECKED = '2026-12-07';
const RDNS = { text: 'GoDaddy refuses mail for now (421, IB108) from an IP that has no reverse DNS set up, or whose reverse DNS lookup failed.', source: BOUNCES, checked: CHECKED, verbatim: false };

const godaddy: ReceiverSpec = {
  id: 'godaddy',
  name: 'GoDaddy (secureserver.net)',
  kind: 'mailbox-provider',
  accept: '250 (GoDaddy publishes no accept text)',
  requirement: RDNS,
  verdicts: [
    { when: { rule: 'ptr-present', status: 'fail' }, outcome: 'deferred', reply: '421 Temporarily rejected. Reverse DNS for this IP failed. IB108', requirement: RDNS },
  ],
  recognise: {
    hosts: [/(^|\.)secureserver\.net$/i],
    replies: [/\bIB\d{3}\b/, /\bx\.co\/(?:rl|sr)bounce\b/i],
  },
  codes: {
    IB007: 'GoDaddy: too many sessions open from this IP; lower the number of concurrent sessions',
    IB101: 'GoDaddy: server temporarily unavailable (higher than normal volume); try again later',
    IB103: 'GoDaddy: connection refused; the IP has a poor reputation on Cloudmark Sender Intelligence (CSI)',
    IB104: 'GoDaddy: connection refused; the IP is listed on the Spamhaus Block List (SBL)',
    IB105: 'GoDaddy: connection refused; the IP is listed on the Spamhaus Exploits Block List (XBL)',
    IB106: 'GoDaddy: connection refused; the IP is listed on the Spamhaus Policy Block List (PBL)',
    IB108: 'GoDaddy: temporarily rejected; the sending IP has no reverse DNS set up, or the lookup failed',
    IB110: 'GoDaddy: the IP is blocked for an hour for sending too many messages judged to be spam',
    IB111: 'GoDaddy: the IP is blocked for the day for sending too many messages judged to be spam',
    IB112: 'GoDaddy: the IP is blocked for an hour for mailing too many invalid recipients',
    IB113: 'GoDaddy: the IP is blocked for the day for mailing too many invalid recipients',
    IB212: 'GoDaddy: the message was rejected for content judged to be spam',
    IB401: 'GoDaddy: authentication is not allowed on its inbound servers (a mail client set to the wrong SMTP server)',
    IB501: 'GoDaddy: a blank From: address is not allowed',
    IB502: 'GoDaddy: an IP address is not allowed as the From: address',
    IB504: 'GoDaddy: this IP has sent too many messages this hour',
    IB506: 'GoDaddy: the From: domain is invalid (no valid MX or address records, or its DNS lookup failed)',
    IB508: 'GoDaddy: the sending domain\'s SPF record does not authorize the sending server',
    IB510: 'GoDaddy: too many messages in one session; open a new session',
    IB605: 'GoDaddy: the message has too many recipients',
    IB607: 'GoDaddy: this IP has sent to too many recipients this hour',
    IB705: 'GoDaddy: the message was rejected as virus-infected',
  },
};
export default godaddy;
