/**
 * Microsoft 365 / Exchange Online Protection. Texts from Microsoft's
 * "Email non-delivery reports and SMTP errors in Exchange Online" and
 * "Support for anonymous inbound email messages over IPv6". 5.7.515 is an
 * authentication level (SPF/DKIM/DMARC for high-volume senders), not PTR.
 * Checked 2026-12-01.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const NDR = 'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online';
const IPV6 = 'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/support-for-anonymous-inbound-email-messages-over-ipv6';
const CHECKED = '2026-12-01';

const microsoft365: ReceiverSpec = {
  id: 'microsoft-365',
  name: 'Microsoft 365 (Exchange Online Protection)',
  kind: 'mailbox-provider',
  accept: '250 2.6.0 Queued mail for delivery',
  requirement: { text: 'The sending IPv6 address must have a reverse DNS record in order to send email over IPv6.', source: NDR, checked: CHECKED, verbatim: true },
  verdicts: [
    {
      when: { all: [{ ipVersion: 6 }, { rule: 'ptr-present', status: 'fail' }] },
      outcome: 'deferred',
      reply: '450 4.7.25 Service unavailable, sending IPv6 address [$SenderIPAddress] must have reverse DNS record.',
      requirement: { text: 'The sending IPv6 address must have a reverse DNS record in order to send email over IPv6.', source: IPV6, checked: CHECKED, verbatim: true },
    },
    {
      when: { rule: 'helo-not-impersonating', status: 'fail' },
      outcome: 'rejected',
      reply: '550 5.7.506 Access denied, Bad HELO',
      requirement: { text: "Your server is attempting to introduce itself (HELO according to RFC 821) as the server it's trying to connect to, rather than its own fully qualified domain name.", source: NDR, checked: CHECKED, verbatim: true },
    },
  ],
  // Outlook.com (consumer) runs on the same servers: its own marks (olc hosts, S3150, DY-001) are
  // recognised by outlook-com, listed before this receiver so that the more specific one answers.
  recognise: {
    hosts: [/\.protection\.outlook\.com$/i, /\.outlook\.com$/i, /\.office365\.com$/i, /\.microsoft\.com$/i],
    replies: [
      // The server that answered, in brackets: [BL2NAM02FT061.eop-nam02.prod.protection.outlook.com],
      // [SA2PEPF00003AE4.namprd02.prod.outlook.com 2026-01-24T07:00:10.851Z 08DE…], [DX0P273CA0040.AREP273.PROD.OUTLOOK.COM …].
      /\[[A-Z0-9-]{1,40}\.[A-Z0-9-]{1,40}\.prod\.(?:protection\.)?outlook\.com[\] ]/i,
      /\[(?:Hostname=)?[A-Z0-9.-]{0,120}outlook\.com\]/i,
      // The block list tag after a banned or blocked sending IP: (AS16012609), (AS3130).
      /\(AS\d{4,10}\)/,
      /aka\.ms\/EXOSmtpErrors/i,
      /sender\.office\.com/i,
    ],
  },
  codes: {
    '4.7.25': 'Microsoft 365: the sending IPv6 address has no reverse DNS record',
    '5.7.25': 'Microsoft 365: the sending IPv6 address must have a reverse DNS record',
    '5.7.506': 'Microsoft 365: bad HELO (the server introduced itself as the receiver)',
    '5.7.515': 'Microsoft 365: the sender does not meet the required authentication level (SPF, DKIM, DMARC for high-volume senders); not a PTR problem',
    '5.7.510': 'Microsoft 365: the recipient does not accept email over IPv6',
  },
};
export default microsoft365;
