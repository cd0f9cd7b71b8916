/**
 * Real-format message headers (fixtures/messages/hops, our own names and
 * documentation addresses where the provider's real ranges are not what the
 * case is about): each picks the hop where the message entered the receiving
 * side, says why, and names what confirms it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageTarget } from './target.js';
import { repoRoot } from '../../test/support/repo-root.js';

/** [fixture, --trusted-receiver patterns, entry IP, HELO, why (reason), the MAIL FROM it carries] */
const CASES: [string, string[], string, string, RegExp, string][] = [
  ['m365-to-m365', [], '40.107.22.100', 'EUR05-AM6-obe.outbound.protection.outlook.com', /below 2 hop\(s\) of the receiving side \(Microsoft 365 internal relays\); confirmed by the receiver's Received-SPF \(client-ip=40\.107\.22\.100\)$/, '<bounce@example.com>'],
  ['m365-to-gmail', [], '40.107.20.100', 'EUR05-DB8-obe.outbound.protection.outlook.com', /^the first Received: hop whose client is outside the receiving side; confirmed by the receiver's Received-SPF \(client-ip=40\.107\.20\.100\)$/, '<bounce@example.com>'],
  ['gmail-to-gmail', [], '209.85.220.41', 'mail-sor-f41.google.com', /confirmed by the receiver's Received-SPF \(client-ip=209\.85\.220\.41\)$/, '<news@gmail.com>'],
  ['workspace-to-m365', [], '209.85.128.54', 'mail-wm1-f54.google.com', /Microsoft 365 internal relays\); confirmed by the receiver's Received-SPF \(client-ip=209\.85\.128\.54\)$/, '<bounce@example.com>'],
  ['yahoo-to-yahoo', [], '66.163.186.4', 'sonic310-21.consmr.mail.ne1.yahoo.com', /below 1 hop\(s\) of the receiving side \(private addresses\)$/, '<news@yahoo.com>'],
  ['icloud-to-icloud', [], '17.58.63.172', 'st43p00im-ztbu10073601.me.com', /below 1 hop\(s\) of the receiving side \(private addresses\)$/, '<news@icloud.com>'],
  ['mailing-list', [], '198.51.100.33', 'lists.example.org', /^the first Received: hop whose client is outside the receiving side$/, '<team-bounces+alice=receiver.example@lists.example.org>'],
  ['forwarder-srs', [], '198.51.100.44', 'fwd.example.net', /^the first Received: hop whose client is outside the receiving side$/, '<SRS0=Ab1c=TX=example.com=bounce@fwd.example.net>'],
  ['forwarder-srs', ['fwd.example.net'], '23.192.228.80', 'mail.example.com', /below 1 hop\(s\) of the receiving side \(hosts named by --trusted-receiver\)$/, '<SRS0=Ab1c=TX=example.com=bounce@fwd.example.net>'],
  ['gateway-mimecast', ['*.mimecast.com'], '23.192.228.80', 'mail.example.com', /hosts named by --trusted-receiver/, '<bounce@example.com>'],
  ['gateway-mimecast', [], '198.51.100.225', 'us-smtp-delivery-225.mimecast.com', /^the first Received: hop/, '<bounce@example.com>'],
  ['gateway-proofpoint', ['*.pphosted.com'], '23.192.228.80', 'mail.example.com', /hosts named by --trusted-receiver/, '<bounce@example.com>'],
  ['exchange-hybrid', [], '23.192.228.80', 'mail.example.com', /Microsoft 365 internal relays\); confirmed by the receiver's Received-SPF \(client-ip=23\.192\.228\.80\)$/, '<bounce@example.com>'],
  ['dsn-bounce', [], '23.192.228.80', 'mail.example.com', /^the first Received: hop whose client is outside the receiving side$/, '<>'],
  ['eop-internal-ipv6', [], '23.192.228.80', 'mail.example.com', /below 2 hop\(s\) of the receiving side \(Microsoft 365 internal relays\); confirmed by the receiver's Received-SPF \(client-ip=23\.192\.228\.80\)$/, '<bounce@example.com>'],
  ['qmail-to-postfix', [], '23.192.228.80', 'mail.example.com', /^the first Received: hop whose client is outside the receiving side$/, '<bounce@example.com>'],
  ['communigate-literal-helo', [], '23.192.228.80', '[10.10.10.10]', /^the first Received: hop whose client is outside the receiving side$/, '<bounce@example.com>'],
];

describe('the entry hop of real-format messages', () => {
  it.each(CASES)('%s (trusted %j) → %s, HELO %s', (file, trusted, ip, helo, reason, mailFrom) => {
    const raw = readFileSync(join(repoRoot(), 'fixtures', 'messages', 'hops', `${file}.eml`));
    const target = messageTarget(raw, { trustedReceivers: trusted });
    expect(target.ip).toBe(ip);
    expect(target.helo).toBe(helo);
    expect(target.mailFrom).toBe(mailFrom);
    expect(target.message?.facts).toMatchObject({ ipSource: 'received', heloSource: 'received' });
    expect(target.message?.facts.hop?.reason).toMatch(reason);
  });
});
