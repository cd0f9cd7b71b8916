import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTrustedHop, matches, parseReceived, type ReceivedHop } from './received.js';
import { headerValues, parseHeaders } from './headers.js';
import { repoRoot } from '../../test/support/repo-root.js';

/** [MTA, Received: value, expected facts] */
const samples: [string, string, Partial<ReceivedHop>][] = [
  ['Postfix', 'from mail.example.com (mail.example.com [23.192.228.80]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)) by mx.receiver.example (Postfix) with ESMTPS id 4Xk2 for <a@receiver.example>; Wed, 25 Nov 2026 10:00:01 +0000 (UTC)',
    { helo: 'mail.example.com', rdns: 'mail.example.com', ip: '23.192.228.80', by: 'mx.receiver.example', protocol: 'ESMTPS' }],
  ['Postfix, no reverse DNS', 'from desktop-pc (unknown [192.0.2.11]) by mx.receiver.example (Postfix) with ESMTP id 4Xk3; Wed, 25 Nov 2026 10:00:01 +0000',
    { helo: 'desktop-pc', ip: '192.0.2.11' }],
  ['Postfix, IPv6', 'from mail6.example.com (mail6.example.com [IPv6:2001:db8::25]) by mx.receiver.example (Postfix) with ESMTPS id 4Xk4',
    { helo: 'mail6.example.com', rdns: 'mail6.example.com', ip: '2001:db8::25' }],
  ['Postfix, HELO literal', 'from [192.0.2.18] (elsewhere.example.com [192.0.2.18]) by mx.receiver.example (Postfix) with SMTP id 4Xk5',
    { helo: '[192.0.2.18]', rdns: 'elsewhere.example.com', ip: '192.0.2.18' }],
  ['Exim, HELO equals rDNS', 'from mail.example.com ([23.192.228.80]) by mx.receiver.example with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384 (Exim 4.97) (envelope-from <b@example.com>) id 1tFx',
    { helo: 'mail.example.com', rdns: 'mail.example.com', ip: '23.192.228.80', by: 'mx.receiver.example', protocol: 'esmtps' }],
  ['Exim, HELO differs', 'from 192-0-2-30.dsl.dynamic.example.net ([192.0.2.30] helo=desktop-pc) by mx.receiver.example with esmtp (Exim 4.97) id 1tFy',
    { helo: 'desktop-pc', rdns: '192-0-2-30.dsl.dynamic.example.net', ip: '192.0.2.30' }],
  ['Exim, no reverse DNS', 'from [198.51.100.71] (helo=mx.example.org) by mx.receiver.example with esmtp (Exim 4.97) id 1tFz',
    { helo: 'mx.example.org', ip: '198.51.100.71' }],
  ['Exim, IPv6', 'from mail6.example.com ([2001:db8::25] helo=mail6.example.com) by mx.receiver.example with esmtps (Exim 4.97) id 1tG0',
    { helo: 'mail6.example.com', rdns: 'mail6.example.com', ip: '2001:db8::25' }],
  ['Sendmail', 'from mail.example.com (mail.example.com [23.192.228.80]) by mx.receiver.example (8.17.2/8.17.2) with ESMTPS id 5APA01xq012345 (version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NOT) for <a@receiver.example>; Wed, 25 Nov 2026 10:00:01 GMT',
    { helo: 'mail.example.com', rdns: 'mail.example.com', ip: '23.192.228.80', by: 'mx.receiver.example' }],
  ['Sendmail, forged', 'from mail.example.com (host.isp.example.net [192.0.2.18] (may be forged)) by mx.receiver.example (8.17.2/8.17.2) with ESMTP id 5APA02',
    { helo: 'mail.example.com', rdns: 'host.isp.example.net', ip: '192.0.2.18' }],
  ['Microsoft 365 entry', 'from mail.example.com (23.192.228.80) by AM4PEPF00027A5F.mail.protection.outlook.com (10.167.16.73) with Microsoft SMTP Server (version=TLS1_3, cipher=TLS_AES_256_GCM_SHA384) id 15.20.8158.14 via Frontend Transport; Wed, 25 Nov 2026 10:00:01 +0000',
    { helo: 'mail.example.com', ip: '23.192.228.80', by: 'am4pepf00027a5f.mail.protection.outlook.com', protocol: 'Microsoft' }],
  ['Microsoft 365 internal', 'from AM9PR04MB8652.eurprd04.prod.outlook.com (2603:10a6:20b:43f::10) by DU0PR04MB9417.eurprd04.prod.outlook.com with HTTPS; Wed, 25 Nov 2026 10:00:03 +0000',
    { helo: 'AM9PR04MB8652.eurprd04.prod.outlook.com', ip: '2603:10a6:20b:43f::10', by: 'du0pr04mb9417.eurprd04.prod.outlook.com' }],
  ['Gmail', 'from mail.example.com (mail.example.com. [23.192.228.80]) by mx.google.com with ESMTPS id a640c23a62f3a-7b2c for <alice@gmail.com> (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256); Wed, 25 Nov 2026 02:00:01 -0800 (PST)',
    { helo: 'mail.example.com', rdns: 'mail.example.com', ip: '23.192.228.80', by: 'mx.google.com' }],
  ['Gmail internal (no from)', 'by 2002:a05:7010:6a1c:b0:3f1:2c4e:9a5b with SMTP id u28csp1234567mdf; Wed, 25 Nov 2026 02:00:02 -0800 (PST)',
    { by: '2002:a05:7010:6a1c:b0:3f1:2c4e:9a5b', protocol: 'SMTP' }],
  ['Cloudflare Email Routing', 'from mail.example.com (mail.example.com [23.192.228.80]) by mx.cloudflare.net (Postfix) with ESMTPS id 4Xk3Bc2Ytz4xQ for <alice@receiver.example>; Wed, 25 Nov 2026 10:00:01 +0000 (UTC)',
    { helo: 'mail.example.com', ip: '23.192.228.80', by: 'mx.cloudflare.net' }],
  ['Haraka', 'from mail.example.com (mail.example.com [23.192.228.80]) by mx.receiver.example (Haraka/3.0.4) with ESMTPS id 6A1B2C3D-4E5F.1 envelope-from <b@example.com> tls TLS_AES_256_GCM_SHA384; Wed, 25 Nov 2026 10:00:01 +0000',
    { helo: 'mail.example.com', rdns: 'mail.example.com', ip: '23.192.228.80', by: 'mx.receiver.example' }],
  ['qmail', 'from unknown (HELO mail.example.com) (23.192.228.80) by mx.receiver.example with SMTP; 25 Nov 2026 10:00:01 -0000',
    { helo: 'mail.example.com', ip: '23.192.228.80', by: 'mx.receiver.example' }],
  ['IPv4-mapped IPv6', 'from mail.example.com (mail.example.com [IPv6:::ffff:23.192.228.80]) by mx.receiver.example (Postfix) with ESMTP id 1',
    { ip: '23.192.228.80' }],
  ['garbage', 'this is not a Received header at all', {}],
];

describe('parseReceived', () => {
  it.each(samples)('%s', (_mta, raw, expected) => {
    const hop = parseReceived(raw);
    for (const [k, v] of Object.entries(expected)) expect(hop[k as keyof ReceivedHop], k).toBe(v);
    if (!('ip' in expected)) expect(hop.ip).toBeUndefined();
  });
});

describe('findTrustedHop on whole messages', () => {
  const hopOf = (file: string, trusted: string[] = []) => {
    const h = parseHeaders(readFileSync(join(repoRoot(), 'fixtures', 'messages', file)));
    return findTrustedHop(headerValues(h, 'received').map(parseReceived), trusted);
  };

  it.each([
    ['postfix.eml', 1, 'skips the local content-filter hop (127.0.0.1)'],
    ['exim.eml', 0, 'the only hop'],
    ['sendmail.eml', 0, 'the only hop'],
    ['m365.eml', 3, 'skips three internal Exchange Online hops'],
    ['gmail.eml', 1, 'skips Google\'s internal hop named by an IPv6 address'],
    ['cloudflare.eml', 0, 'the Email Routing hop'],
    ['haraka.eml', 0, 'the only hop'],
  ])('%s → hop %i (%s)', (file, index, _why) => {
    const t = hopOf(file);
    expect(t).toMatchObject({ index, hop: { ip: '23.192.228.80', helo: 'mail.example.com' } });
  });

  it('has no hop without Received headers', () => {
    expect(hopOf('no-received.eml')).toBeUndefined();
  });

  it('skips hops of configured receiving hosts (a filtering service in front)', () => {
    const hops = [
      'from filter.relay.example.net (filter.relay.example.net [198.51.100.200]) by mx.receiver.example (Postfix) with ESMTPS id 1',
      'from mail.example.com (mail.example.com [23.192.228.80]) by filter.relay.example.net (Postfix) with ESMTPS id 2',
    ].map(parseReceived);
    expect(findTrustedHop(hops)?.hop.ip).toBe('198.51.100.200');
    expect(findTrustedHop(hops, ['*.relay.example.net'])?.hop.ip).toBe('23.192.228.80');
  });

  it('takes the deepest public hop of a message that never left one organization', () => {
    const hops = [
      'from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com with SMTPS id 1',
      'by 2002:a05:6a20:1234::1 with SMTP id 2',
    ].map(parseReceived);
    expect(findTrustedHop(hops)?.hop.ip).toBe('209.85.220.41');
  });

  it('ignores forged Received headers below the receiver\'s own', () => {
    const hops = [
      'from mail.example.com (mail.example.com [23.192.228.80]) by mx.receiver.example (Postfix) with ESMTPS id 1',
      'from trusted.bank.example (trusted.bank.example [198.51.100.1]) by mail.bank.example with ESMTP id FORGED',
    ].map(parseReceived);
    expect(findTrustedHop(hops)?.index).toBe(0);
  });
});

describe('matches (trusted receiver patterns)', () => {
  it.each([
    ['mx.example.net', 'mx.example.net', true],
    ['mx.example.net', '*.example.net', true],
    ['a.b.example.net', '.example.net', true],
    ['example.net', '*.example.net', false],
    ['evil-example.net', '*.example.net', false],
    ['MX.Example.NET', 'mx.example.net.', false],
  ])('%s ~ %s → %s', (name, pattern, ok) => {
    expect(matches(name, pattern)).toBe(ok);
  });
});
