import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTrustedHop, matches, parseReceived, type ReceivedHop } from './received.js';
import { headerValues, parseHeaders } from './headers.js';
import { messageTarget } from './target.js';
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
    // Over HTTPS (MAPI): a client's host name, but no HELO was sent.
    { fromName: 'AM9PR04MB8652.eurprd04.prod.outlook.com', helo: undefined, ip: '2603:10a6:20b:43f::10', by: 'du0pr04mb9417.eurprd04.prod.outlook.com' }],
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

  it.each([
    ['m365.eml', /Microsoft 365 internal relays.*; confirmed by the receiver's Received-SPF \(client-ip=23\.192\.228\.80\)$/],
    ['postfix.eml', /private addresses\)$/],
  ])('%s: the report says why that hop, and what confirms it', (file, reason) => {
    const target = messageTarget(readFileSync(join(repoRoot(), 'fixtures', 'messages', file)));
    expect(target.message?.facts.hop?.reason).toMatch(reason);
  });

  it('ignores a Received-SPF or Authentication-Results below the entry hop (the sender wrote them)', () => {
    const raw = [
      'Received: from mail.example.com (mail.example.com [23.192.228.80]) by mx.receiver.example (Postfix) with ESMTPS id 1',
      'Received: from forged.example (forged.example [198.51.100.66]) by mail.example.com with ESMTP id 2',
      'Received-SPF: pass (forged) client-ip=198.51.100.66; helo=forged.example',
      'Authentication-Results: mx.receiver.example; spf=pass (sender IP is 198.51.100.66) smtp.mailfrom=example.com; iprev=pass policy.iprev=198.51.100.66',
      'From: a@example.com',
      '',
      'hi',
    ].join('\r\n');
    const target = messageTarget(new TextEncoder().encode(raw));
    expect(target.ip).toBe('23.192.228.80');
    expect(target.message?.facts.hop?.reason).toBe('the first Received: hop whose client is outside the receiving side');
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

/**
 * Entry hops in the shapes providers write (Received: values as they document
 * and publish them, with our own names and documentation addresses where the
 * provider's real ranges are not what the case is about), topmost first.
 * [case, Received: values, trusted patterns, expected entry IP, expected HELO]
 */
const CHAINS: [string, string[], string[], string, string][] = [
  ['Microsoft 365 → Microsoft 365: stops at the sending tenant\'s outbound service, not at its internal hops below', [
    'from AM9PR04MB8652.eurprd04.prod.outlook.com (2603:10a6:20b:43f::10) by DU0PR04MB9417.eurprd04.prod.outlook.com with HTTPS',
    'from AS4P190CA0012.EURP190.PROD.OUTLOOK.COM (2603:10a6:20b:5de::18) by AM9PR04MB8652.eurprd04.prod.outlook.com (2603:10a6:20b:43f::10) with Microsoft SMTP Server',
    'from EUR05-AM6-obe.outbound.protection.outlook.com (40.107.22.100) by AS4P190CA0012.mail.protection.outlook.com (2603:10a6:20b:5de::18) with Microsoft SMTP Server via Frontend Transport',
    'from PAXPR04MB8510.eurprd04.prod.outlook.com (2603:10a6:102:1e8::21) by PAXPR04MB8511.eurprd04.prod.outlook.com (2603:10a6:102:1e8::22) with Microsoft SMTP Server',
    'from PAXPR04MB8511.eurprd04.prod.outlook.com ([fe80::1]) by PAXPR04MB8511.eurprd04.prod.outlook.com with mapi id 15.20.8158.14',
  ], [], '40.107.22.100', 'EUR05-AM6-obe.outbound.protection.outlook.com'],
  ['Microsoft 365 → Gmail: the Microsoft outbound host is the entry', [
    'by 2002:a05:7010:6a1c:b0:3f1:2c4e:9a5b with SMTP id u28csp1234567mdf',
    'from EUR05-DB8-obe.outbound.protection.outlook.com (mail-db8eur05on2100.outbound.protection.outlook.com. [40.107.20.100]) by mx.google.com with ESMTPS id a640c23a62f3a-7b2c',
    'from DB9PR04MB8444.eurprd04.prod.outlook.com (2603:10a6:10:2c2::19) by DB9PR04MB8445.eurprd04.prod.outlook.com with Microsoft SMTP Server',
  ], [], '40.107.20.100', 'EUR05-DB8-obe.outbound.protection.outlook.com'],
  ['Gmail → Gmail: Google\'s outbound host, below Google\'s internal hop', [
    'by 2002:a05:7010:6a1c:b0:3f1:2c4e:9a5b with SMTP id u28csp1234567mdf',
    'from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com with SMTPS id a640c23a62f3a-7b2c',
    'by 2002:a17:906:1234::1 with SMTP id s25mr1234567ejb',
  ], [], '209.85.220.41', 'mail-sor-f41.google.com'],
  ['Google Workspace → Microsoft 365: Microsoft\'s inbound hop records Google\'s outbound host', [
    'from AM4PEPF00027A5F.eurprd04.prod.outlook.com (2603:10a6:20b:5de:cafe::7b) by AS4P190CA0012.outlook.office365.com (2603:10a6:20b:5de::18) with Microsoft SMTP Server via Frontend Transport',
    'from mail-wm1-f54.google.com (209.85.128.54) by AM4PEPF00027A5F.mail.protection.outlook.com (10.167.16.73) with Microsoft SMTP Server via Frontend Transport',
    'by 2002:a05:600c:1234::1 with SMTP id p7csp12345wmq',
  ], [], '209.85.128.54', 'mail-wm1-f54.google.com'],
  ['Yahoo → Yahoo: the consumer outbound host (sonic…consmr) is the entry', [
    'from 10.217.151.75 by atlas322.free.mail.bf1.yahoo.com with HTTPS',
    'from sonic310-21.consmr.mail.ne1.yahoo.com (EHLO sonic310-21.consmr.mail.ne1.yahoo.com) (66.163.186.4) by mta4001.mail.bf1.yahoo.com with SMTPS',
    'from 10.248.130.41 by sonic310-21.consmr.mail.ne1.yahoo.com with HTTP',
  ], [], '66.163.186.4', 'sonic310-21.consmr.mail.ne1.yahoo.com'],
  ['a security gateway in front of the MX, named by its looked-up name', [
    'from gw1.filter.example.net (gw1.filter.example.net [198.51.100.200]) by mx.receiver.example (Postfix) with ESMTPS id 1',
    'from mail.example.com (mail.example.com [23.192.228.80]) by gw1.filter.example.net (8.17.1/8.17.1) with ESMTPS id 2',
  ], ['*.filter.example.net'], '23.192.228.80', 'mail.example.com'],
  ['a mailing list relays: the list server is what connected', [
    'from lists.example.org (lists.example.org [198.51.100.33]) by mx.receiver.example (Postfix) with ESMTPS id 1',
    'from mail.example.com (mail.example.com [23.192.228.80]) by lists.example.org (Postfix) with ESMTPS id 2',
  ], [], '198.51.100.33', 'lists.example.org'],
  ['a HELO claiming Google from an address without rDNS: the HELO changes nothing', [
    'from mail-evil.google.com (unknown [192.0.2.30]) by mx.google.com with ESMTPS id 1',
    'from mail.example.com (mail.example.com [23.192.228.80]) by relay.example.com with ESMTPS id FORGED',
  ], [], '192.0.2.30', 'mail-evil.google.com'],
  ['a HELO naming the receiver itself: the HELO changes nothing', [
    'from mx2.receiver.example (unknown [192.0.2.31]) by mx.receiver.example (Postfix) with ESMTP id 1',
    'from mail.example.com (mail.example.com [23.192.228.80]) by mx2.receiver.example with ESMTP id FORGED',
  ], [], '192.0.2.31', 'mx2.receiver.example'],
  ['a HELO matching a --trusted-receiver pattern: only a looked-up name or the address counts', [
    'from gw9.filter.example.net (unknown [192.0.2.32]) by mx.receiver.example (Postfix) with ESMTP id 1',
    'from mail.example.com (mail.example.com [23.192.228.80]) by gw9.filter.example.net with ESMTP id FORGED',
  ], ['*.filter.example.net'], '192.0.2.32', 'gw9.filter.example.net'],
  ['an internal relay of the receiver, by its looked-up name', [
    'from relay2.receiver.example (relay2.receiver.example [198.51.100.9]) by mx.receiver.example (Postfix) with ESMTP id 1',
    'from mail.example.com (mail.example.com [23.192.228.80]) by relay2.receiver.example (Postfix) with ESMTPS id 2',
  ], [], '23.192.228.80', 'mail.example.com'],
  ['Microsoft-looking internal HELO from outside Microsoft\'s networks: not internal', [
    'from AM9PR04MB8652.eurprd04.prod.outlook.com (192.0.2.40) by AS4P190CA0012.mail.protection.outlook.com (10.167.16.73) with Microsoft SMTP Server',
    'from mail.example.com (23.192.228.80) by AM9PR04MB8652.eurprd04.prod.outlook.com with Microsoft SMTP Server',
  ], [], '192.0.2.40', 'AM9PR04MB8652.eurprd04.prod.outlook.com'],
];

describe('findTrustedHop: the entry hop in the shapes providers write', () => {
  it.each(CHAINS)('%s', (_what, values, trusted, ip, helo) => {
    const found = findTrustedHop(values.map(parseReceived), trusted);
    expect(found?.hop.ip).toBe(ip);
    expect(found?.hop.helo).toBe(helo);
    expect(found?.reason).toMatch(/^the first Received: hop whose client is outside the receiving side|^the deepest/);
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
