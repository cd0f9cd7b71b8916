/**
 * Received: formats beyond the common ones (issue 27), and the forging
 * table: whatever a client puts in its HELO (address literals, "(IP)"
 * strings, a fake `by` part, a keyword as its name), the address read is
 * the one the receiving MTA recorded. Lines are in each MTA's own shape,
 * with our own names and documentation addresses; the real-world table is
 * test/received-corpus.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { findTrustedHop, parseReceived, type ReceivedHop } from './received.js';
import { trustedReceiverPattern } from './trusted.js';
import { InputError } from '../core/errors.js';

type Expect = Partial<Pick<ReceivedHop, 'ip' | 'helo' | 'rdns' | 'notHop' | 'protocol'>>;

const FORMATS: [string, string, Expect][] = [
  ['qmail, HELO equal to the looked-up name (left out), ident', 'from mail.example.org (qmailr@192.0.2.10) by mx.example.net with SMTP; 25 Nov 2026 10:00:01 -0000',
    { ip: '192.0.2.10', helo: 'mail.example.org', rdns: 'mail.example.org' }],
  ['qmail, HELO and no reverse DNS', 'from unknown (HELO mail.example.org) (192.0.2.10) by mx.example.net with SMTP; 25 Nov 2026 10:00:01 -0000',
    { ip: '192.0.2.10', helo: 'mail.example.org', rdns: undefined }],
  ['qmail, reverse DNS and another HELO', 'from host10.isp.example (HELO mail.example.org) (192.0.2.10) by mx.example.net with SMTP; 25 Nov 2026 10:00:01 -0000',
    { ip: '192.0.2.10', helo: 'mail.example.org', rdns: 'host10.isp.example' }],
  ['qmail, a HELO literal (the sender\'s claim, not the client)', 'from unknown (HELO [198.51.100.1]) (192.0.2.10) by mx.example.net with SMTP; 25 Nov 2026 10:00:01 -0000',
    { ip: '192.0.2.10', helo: '[198.51.100.1]' }],
  ['qmail, an empty HELO', 'from unknown (HELO ) (192.0.2.60) by mx.example.net with SMTP; 25 Nov 2026 10:00:01 -0000',
    { ip: '192.0.2.60', helo: undefined }],
  ['qmail, EHLO and ident', 'from unknown (EHLO mail.example.org) (user@192.0.2.11) by mx.example.net with ESMTPS; 25 Nov 2026 10:00:01 -0000',
    { ip: '192.0.2.11', helo: 'mail.example.org' }],
  ['Yahoo (qmail shape, the address as the name)', 'from 192.0.2.12 (EHLO mail.example.org) (192.0.2.12) by mta4012.mail.bf1.yahoo.com with SMTPS; Wed, 25 Nov 2026 10:00:01 +0000',
    { ip: '192.0.2.12', helo: 'mail.example.org', rdns: undefined }],
  ['LMTP with LHLO', 'from mx.example.net (LHLO mx.example.net) (192.0.2.50) by store.example.net with LMTP; Wed, 25 Nov 2026 10:00:01 +0000',
    { ip: '192.0.2.50', helo: 'mx.example.net', protocol: 'LMTP' }],
  ['CommuniGate Pro, account and a HELO literal', 'from [192.0.2.23] (account user@example.edu HELO [10.10.10.10]) by mx.example.edu (CommuniGate Pro SMTP 4.1.8) with ESMTP-TLS id 1234 for x@example.edu; Wed, 25 Nov 2026 10:00:01 -0800',
    { ip: '192.0.2.23', helo: '[10.10.10.10]' }],
  ['CommuniGate Pro, verified', 'from mail.example.org ([192.0.2.24] verified) by mx.example.edu (CommuniGate Pro SMTP 6.2.3) with ESMTPS id 99 for x@example.edu; Wed, 25 Nov 2026 10:00:01 -0800',
    { ip: '192.0.2.24', helo: 'mail.example.org' }],
  ['Exim, a port after the address', 'from mail.example.org ([192.0.2.30]:50387 helo=mail.example.org) by mx.example.net with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384 (Exim 4.96) (envelope-from <a@example.org>) id 1tFx for x@example.net; Wed, 25 Nov 2026 10:00:01 +0000',
    { ip: '192.0.2.30', helo: 'mail.example.org', rdns: 'mail.example.org' }],
  ['Exim, a HELO literal (the bracket kept)', 'from [192.0.2.51] (helo=[192.0.2.51]) by mx.example.net with esmtp (Exim 4.96) (envelope-from <a@example.org>) id 1tFy; Wed, 25 Nov 2026 10:00:01 +0000',
    { ip: '192.0.2.51', helo: '[192.0.2.51]', rdns: undefined }],
  ['Exim, ident', 'from host31.isp.example ([192.0.2.31] helo=pc31 ident=alice) by mx.example.net with esmtp (Exim 4.96) id 1tFz; Wed, 25 Nov 2026 10:00:01 +0000',
    { ip: '192.0.2.31', helo: 'pc31', rdns: 'host31.isp.example' }],
  ['Momentum (ecelerity), address and port in one literal', 'from [192.0.2.32] ([192.0.2.32:50387] helo=mta.example.org) by mx.example.net (envelope-from <a@example.org>) (ecelerity 4.2.38.62370 r(:)) with ESMTPS (cipher=ECDHE-RSA-AES256-GCM-SHA384) id 2A/00-1; Wed, 25 Nov 2026 10:00:01 -0500',
    { ip: '192.0.2.32', helo: 'mta.example.org' }],
  ['Exchange, a port after the address', 'from mail.example.org (192.0.2.33:25) by EX01.corp.example.net (10.0.0.5) with Microsoft SMTP Server id 14.3.468.0; Wed, 25 Nov 2026 10:00:01 +0000',
    { ip: '192.0.2.33', helo: 'mail.example.org', rdns: undefined }],
  ['an address with its port as a fifth part', 'from mail.example.org (192.0.2.34.25) by mx.example.net with SMTP; Wed, 25 Nov 2026 10:00:01 +0000',
    { ip: '192.0.2.34', helo: 'mail.example.org' }],
  ['Exchange SMTPSVC, an empty HELO', 'from  ([172.16.1.78]) by mail.example.net with Microsoft SMTPSVC(6.0.3790.4675); Wed, 25 Nov 2026 10:00:01 +0000',
    { ip: '172.16.1.78', helo: undefined }],
  ['IBM Domino (Exchange shape)', 'from mail.example.org ([192.0.2.35]) by notes.example.net (Lotus Domino Release 8.5.3FP6) with ESMTP id 2026112510000123-456 ; Wed, 25 Nov 2026 10:00:01 +0000',
    { ip: '192.0.2.35', helo: 'mail.example.org', rdns: undefined }],
  ['GMX, the address after the comment', 'from mail.example.org (EHLO mail.example.org) [192.0.2.40] by mail.gmx.net (mxgmx017 [212.227.15.9]) with ESMTPS (Nemesis) id 1MXaBc-1a2b3c for <x@gmx.net>; Wed, 25 Nov 2026 11:00:01 +0100',
    { ip: '192.0.2.40', helo: 'mail.example.org', rdns: 'mail.example.org' }],
  ['GMX submission, a HELO literal as the name', 'from [192.168.1.2] ([192.0.2.41]) by mail.gmx.net (mrgmx104 [212.227.17.168]) with ESMTPSA (Nemesis) id 1M4Abc; Wed, 25 Nov 2026 11:00:01 +0100',
    { ip: '192.0.2.41', helo: '[192.168.1.2]' }],
  ['OpenSMTPD, no reverse DNS', 'from mail.example.org (<unknown> [192.0.2.42]) by mx.example.net (OpenSMTPD) with ESMTPS id 3f1a2b3c (TLSv1.3:TLS_AES_256_GCM_SHA384:256:NO) for <x@example.net>; Wed, 25 Nov 2026 10:00:01 +0000 (UTC)',
    { ip: '192.0.2.42', helo: 'mail.example.org', rdns: undefined }],
  ['Courier, IPv4-mapped', 'from mail.example.org (mail.example.org [::ffff:192.0.2.43]) (AUTH: LOGIN alice, TLS: TLSv1.3,256bits,TLS_AES_256_GCM_SHA384) by mx.example.net with ESMTPSA; Wed, 25 Nov 2026 10:00:01 -0500',
    { ip: '192.0.2.43', helo: 'mail.example.org', rdns: 'mail.example.org' }],
  ['Sendmail, ident before the looked-up name', 'from mail.example.org (root@host44.isp.example [192.0.2.44]) by mx.example.net (8.17.2/8.17.2) with ESMTP id 5APA01; Wed, 25 Nov 2026 10:00:01 GMT',
    { ip: '192.0.2.44', helo: 'mail.example.org', rdns: 'host44.isp.example' }],
  ['webmail over HTTP: no HELO', 'from 198.51.100.70 by mail.example.net with HTTP; Wed, 25 Nov 2026 10:00:01 +0000',
    { ip: '198.51.100.70', helo: undefined }],
  ['webmail via HTTP: no HELO', 'from [198.51.100.71] by webmail.example.net via HTTP; Wed, 25 Nov 2026 10:00:01 +0000',
    { ip: '198.51.100.71', helo: undefined }],
  ['ZMailer: the quoted EHLO, a port after the literal', 'from mail.example.org ([192.0.2.61]:59656 "EHLO mail.example.org" rhost-flags-OK-OK-OK-OK) by lists.example.net with ESMTP id S229520AbjDUJxM (ORCPT <rfc822;x@example.net>); Fri, 21 Apr 2023 05:53:12 -0400',
    { ip: '192.0.2.61', helo: 'mail.example.org', rdns: 'mail.example.org' }],
  ['ZMailer: a quoted literal EHLO', 'from [192.0.2.62] ([192.0.2.62]:61021 "EHLO [192.0.2.62]" rhost-flags-FAIL-FAIL-OK-FAIL) by lists.example.net with ESMTP id S1; Mon, 24 Jan 2022 14:48:14 -0500',
    { ip: '192.0.2.62', helo: '[192.0.2.62]', rdns: undefined }],
  ['Exim 3: RDNS (HELO) [IP.port]', 'from host63.isp.example (mail.example.org) [192.0.2.63.13219] (alice) by mx.example.net with esmtp (Exim 3.35 #1 (Debian)) id 1CO5y7-0001vC-00; Sun, 31 Oct 2004 04:01:23 +0100',
    { ip: '192.0.2.63', helo: 'mail.example.org', rdns: 'host63.isp.example' }],
  ['MDaemon: a literal name is the HELO; no address recorded', 'from [IPv6:2001:db8::64] by mx.example.net (IPv6:2001:db8::1) (MDaemon PRO v19.0.3) with ESMTPSA id md50002191208.msg; Fri, 09 Aug 2019 13:41:01 -0400',
    { ip: undefined, helo: '[IPv6:2001:db8::64]' }],
  ['a webmail\'s note before a semicolon: the date is after the last one (SquirrelMail)', 'from host65.example.org ([192.0.2.65]) (SquirrelMail authenticated user alice); by www.example.net with HTTP; Mon, 22 Mar 2004 12:54:13 -0600 (CST)',
    { ip: '192.0.2.65', helo: undefined, rdns: 'host65.example.org', protocol: 'HTTP' }],
  ['GMX webmail: "(via HTTP)" in a comment', 'from [192.0.2.66] ([192.0.2.66]) by web-mail.gmx.net (3c-app-gmx-bap76.server.lan [172.19.172.64]) (via HTTP); Mon, 4 Jan 2021 18:25:10 +0100',
    { ip: '192.0.2.66', helo: undefined }],
  ['Microsoft over HTTPS: the name is the client\'s own, no looked-up name', 'from HE1EUR01HT124.eop-EUR01.prod.protection.outlook.com (2603:1096:100:18::32) by SLXP216MB0381.KORP216.PROD.OUTLOOK.COM with HTTPS via SL2P216CA0022.KORP216.PROD.OUTLOOK.COM; Wed, 23 May 2018 08:15:59 +0000',
    { ip: '2603:1096:100:18::32', helo: undefined, rdns: undefined }],
  ['qmail, a bare address and "with SMTP": the name is the looked-up one', 'from mx.example.org (192.0.2.67) by 0 with SMTP; 29 Apr 2011 23:34:45 -0000', { ip: '192.0.2.67', helo: 'mx.example.org', rdns: 'mx.example.org' }],
  ['qmail-ldap: ident@[IP]', 'from unknown (HELO 192.168.1.3) (alice@[192.0.2.68]) (envelope-sender <a@example.org>) by relay.example.net (qmail-ldap-1.03) with SMTP for <x@example.net>; 12 Jan 2020 05:00:20 -0000',
    { ip: '192.0.2.68', helo: '192.168.1.3' }],
  ['Courier: "softdnserr" is no looked-up name', 'from mail.example.org (softdnserr [::ffff:192.0.2.69]) by mx.example.net with esmtp; Sun, 17 Aug 2003 19:30:42 +0300', { ip: '192.0.2.69', rdns: undefined }],
  ['Sendmail: (from user@localhost) is a local submission', '(from alice@localhost) by host.example.org (8.14.4/8.13.8/Submit) id oAIFWTpo021016 for x@example.net; Thu, 29 Apr 2009 23:45:00 +0900', { notHop: 'a local submission' }],
  ['Sendmail: from localhost with no address and no protocol', 'from localhost (localhost) by host.example.org (V8/cf) id q9RDSSCP020784; Sat, 27 Oct 2012 22:28:28 +0900', { notHop: 'a local submission' }],
  ['OpenSMTPD: [local]', 'from localhost (localhost [local]) by host.example.org (OpenSMTPD) with ESMTPA id b945e617 for <x@example.net>; Fri, 24 Oct 2014 12:30:45 +0000 (UTC)', { notHop: 'a local submission' }],
  ['CommuniGate PIPE', 'by mail.example.org (CommuniGate Pro PIPE 5.0.14) with PIPE id 3346853; Fri, 16 May 2008 10:49:38 -0700', { notHop: 'a local submission' }],
  ['Exchange mail pickup service', 'from mail pickup service by mail.example.org with Microsoft SMTPSVC; Sun, 31 Aug 2014 23:45:56 +0900', { notHop: 'a local submission' }],
  ['Exim 3 spam-scanned re-injection', 'from mail by mx.example.org with spam-scanned (Exim 3.35 #1 (Debian)) id 17WoTm-0002ED-00 for <x@example.org>; Tue, 23 Jul 2002 13:28:47 +1200', { notHop: 'a scanner\'s note' }],
  ['a qmail note', '(qmail 487 invoked from network); 25 Nov 2026 10:00:01 -0000', { ip: undefined, notHop: 'a qmail note (local injection)' }],
  ['a qmail note by uid', '(qmail 12345 invoked by uid 89); 25 Nov 2026 10:00:01 -0000', { ip: undefined, notHop: 'a qmail note (local injection)' }],
  ['a scanner\'s note', 'from 192.0.2.80 by mx.example.net (envelope-from <a@example.org>, uid 89) with qmail-scanner-1.24 (clamdscan: 0.98. spamassassin: 3.4.0. Clear:RC:0(192.0.2.80):. Processed in 0.4 secs); 25 Nov 2026 10:00:01 -0000',
    { notHop: 'a scanner\'s note' }],
  ['Exim, local', 'from alice by mx.example.net with local (Exim 4.96) (envelope-from <alice@example.net>) id 1tG1; Wed, 25 Nov 2026 10:00:01 +0000', { ip: undefined, notHop: 'a local submission' }],
  ['Postfix pickup', 'by mx.example.net (Postfix, from userid 1000) id 4Xk9; Wed, 25 Nov 2026 10:00:01 +0000 (UTC)', { ip: undefined, notHop: 'a local submission' }],
  ['fetchmail: a retrieval', 'from pop.example.net [192.0.2.90] by laptop.example.org with POP3 (fetchmail-6.4.37) for <me@example.org> (single-drop); Wed, 25 Nov 2026 10:00:01 +0000 (UTC)',
    { ip: '192.0.2.90', notHop: 'a retrieval (fetchmail)' }],
];

describe('parseReceived: formats', () => {
  it.each(FORMATS)('%s', (_what, raw, expected) => {
    const hop = parseReceived(raw);
    for (const [k, v] of Object.entries(expected)) expect(hop[k as keyof ReceivedHop], k).toBe(v);
  });
});

/** [how the client tries, the header as the receiving MTA writes it, the client's real address] */
const FORGING: [string, string, string][] = [
  ['qmail: a HELO literal', 'from unknown (HELO [198.51.100.66]) (192.0.2.10) by mx.example.net with SMTP; 25 Nov 2026 10:00:01 -0000', '192.0.2.10'],
  ['qmail: an "(IP)" inside the HELO', 'from unknown (HELO x (198.51.100.66)) (192.0.2.10) by mx.example.net with SMTP; 25 Nov 2026 10:00:01 -0000', '192.0.2.10'],
  ['qmail: a fake by part inside the HELO', 'from unknown (HELO mx.bank.example by mx.example.net (198.51.100.66)) (192.0.2.10) by mx.example.net with SMTP; 25 Nov 2026 10:00:01 -0000', '192.0.2.10'],
  ['Postfix: a HELO literal', 'from [198.51.100.66] (unknown [192.0.2.10]) by mx.example.net (Postfix) with ESMTP id 1', '192.0.2.10'],
  ['Postfix: "(IP)" glued to the HELO', 'from x(198.51.100.66) (unknown [192.0.2.10]) by mx.example.net (Postfix) with ESMTP id 1', '192.0.2.10'],
  ['Postfix: "([IP])" glued to the HELO', 'from x([198.51.100.66]) (unknown [192.0.2.10]) by mx.example.net (Postfix) with ESMTP id 1', '192.0.2.10'],
  ['Postfix: "(name [IP])" glued to the HELO', 'from x(mail.bank.example [198.51.100.66]) (unknown [192.0.2.10]) by mx.example.net (Postfix) with ESMTP id 1', '192.0.2.10'],
  ['Postfix: an ident-looking HELO', 'from user@198.51.100.66 (unknown [192.0.2.10]) by mx.example.net (Postfix) with ESMTP id 1', '192.0.2.10'],
  ['Postfix: a HELO of "by"', 'from by (unknown [192.0.2.10]) by mx.example.net (Postfix) with ESMTP id 1', '192.0.2.10'],
  ['Postfix: a HELO of "with"', 'from with (unknown [192.0.2.10]) by mx.example.net (Postfix) with ESMTP id 1', '192.0.2.10'],
  ['Postfix: a HELO that is a bare address', 'from 198.51.100.66 (unknown [192.0.2.10]) by mx.example.net (Postfix) with ESMTP id 1', '192.0.2.10'],
  ['Exim: a HELO literal', 'from [192.0.2.10] (helo=[198.51.100.66]) by mx.example.net with esmtp (Exim 4.96) id 1', '192.0.2.10'],
  ['Exim: "(IP)" inside the HELO', 'from host.isp.example ([192.0.2.10] helo=x(198.51.100.66)) by mx.example.net with esmtp (Exim 4.96) id 1', '192.0.2.10'],
  ['Exim: a comment appended after the HELO', 'from host.isp.example ([192.0.2.10] helo=x) ([198.51.100.66]) by mx.example.net with esmtp (Exim 4.96) id 1', '192.0.2.10'],
  ['CommuniGate: a literal HELO and an appended comment', 'from [192.0.2.10] (account u@example.edu HELO [198.51.100.66]) ([198.51.100.67]) by mx.example.edu (CommuniGate Pro SMTP 6.1.10) with ESMTP id 1', '192.0.2.10'],
  ['GMX: a literal EHLO before the recorded address', 'from x (EHLO [198.51.100.66]) [192.0.2.10] by mail.gmx.net (mxgmx017 [212.227.15.9]) with ESMTPS (Nemesis) id 1', '192.0.2.10'],
  ['Exchange: a HELO literal', 'from [198.51.100.66] (192.0.2.10) by EX01.corp.example.net (10.0.0.5) with Microsoft SMTP Server id 14.3.468.0', '192.0.2.10'],
  ['Exchange: "(IP)" glued to the HELO', 'from x(198.51.100.66) (192.0.2.10) by EX01.corp.example.net (10.0.0.5) with Microsoft SMTP Server id 14.3.468.0', '192.0.2.10'],
];

describe('forging: the address is never the one the client wrote', () => {
  it.each(FORGING)('%s', (_how, raw, real) => {
    const hop = parseReceived(raw);
    expect(hop.ip).toBe(real);
    // And as the entry hop of a message, above a line the sender wrote entirely.
    const forgedBelow = parseReceived('from mail.bank.example (mail.bank.example [198.51.100.99]) by relay.bank.example with ESMTP id FORGED');
    expect(findTrustedHop([hop, forgedBelow])?.hop.ip).toBe(real);
  });
});

describe('--trusted-receiver patterns', () => {
  it.each([
    ['mx.example.net', 'mx.example.net'],
    ['*.Filter.Example.NET.', '*.filter.example.net'],
    ['.example.net', '.example.net'],
    ['192.0.2.7', '192.0.2.7/32'],
    ['[192.0.2.7]', '192.0.2.7/32'],
    ['DEAD:BEEF:0000:0000:0000:0000:0000:0001', 'dead:beef::1/128'],
    ['2001:DB8::/32', '2001:db8::/32'],
    ['192.0.2.77/24', '192.0.2.0/24'],
    ['2001:db8:1:2::5/48', '2001:db8:1::/48'],
  ])('%s → %s', (given, pattern) => {
    expect(trustedReceiverPattern(given)).toBe(pattern);
  });

  it.each([
    ['', "--trusted-receiver '' is empty: give a host name (mx.example.net), *.example.net, an address or a CIDR"],
    ['10.0.0.0/33', "--trusted-receiver '10.0.0.0/33' is not a network: write ADDRESS/BITS (192.0.2.0/24, 2001:db8::/32)"],
    ['192.168.1.300', "--trusted-receiver '192.168.1.300' is not an IP address (four decimal numbers 0-255, or IPv6)"],
    ['dead:beef::1::2', "--trusted-receiver 'dead:beef::1::2' is not an IP address (four decimal numbers 0-255, or IPv6)"],
    ['localhost', "--trusted-receiver 'localhost' is not a host name pattern (mx.example.net, *.example.net, .example.net)"],
    ['mx example.net', "--trusted-receiver 'mx example.net' is not a host name pattern (mx.example.net, *.example.net, .example.net)"],
    ['mx.example.net\u001b[2J', "--trusted-receiver 'mx.example.net\\x1b[2J' is not a host name pattern (mx.example.net, *.example.net, .example.net)"],
  ])('%j is refused: %s', (given, message) => {
    expect(() => trustedReceiverPattern(given)).toThrow(InputError);
    expect(() => trustedReceiverPattern(given)).toThrow(message);
  });

  it('an address, a network or an IPv6 address in another spelling makes that gateway\'s hop internal', () => {
    const hops = [
      'from gw.filter.example.net (unknown [2001:db8:aa::25]) by mx.receiver.example (Postfix) with ESMTPS id 1',
      'from mail.example.com (mail.example.com [23.192.228.80]) by gw.filter.example.net (Postfix) with ESMTPS id 2',
    ].map(parseReceived);
    expect(findTrustedHop(hops)?.hop.ip).toBe('2001:db8:aa::25');
    for (const given of ['2001:DB8:00AA:0000:0000:0000:0000:0025', '2001:db8:aa::/48']) {
      expect(findTrustedHop(hops, [trustedReceiverPattern(given)])?.hop.ip).toBe('23.192.228.80');
    }
    expect(findTrustedHop(hops, [trustedReceiverPattern('2001:db8:bb::/48')])?.hop.ip).toBe('2001:db8:aa::25');
  });
});

describe('provider internal hops over IPv6', () => {
  it('Exchange Online: an EOP internal hop at one of Microsoft\'s IPv6 addresses is skipped', () => {
    // The shape of a real EOP chain (an eop-NAM04 front end at 2a01:111:e400:…), the sender ours.
    const hops = [
      'from BN8NAM04HT123.eop-NAM04.prod.protection.outlook.com (2603:10b6:408:b4::20) by CH0PR04MB8051.namprd04.prod.outlook.com (2603:10b6:610:fd::12) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.8158.14',
      'from BN8NAM04FT041.eop-NAM04.prod.protection.outlook.com (2a01:111:e400:c418::34) by BN8NAM04HT123.eop-NAM04.prod.protection.outlook.com (2a01:111:e400:c418::1f5) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.8158.14',
      'from mail.example.com (23.192.228.80) by BN8NAM04FT041.mail.protection.outlook.com (10.13.160.212) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.8158.14 via Frontend Transport',
    ].map(parseReceived);
    const found = findTrustedHop(hops);
    expect(found?.hop.ip).toBe('23.192.228.80');
    expect(found?.index).toBe(2);
    expect(found?.reason).toMatch(/below 2 hop\(s\) of the receiving side \(Microsoft 365 internal relays\)/);
  });

  it('a Microsoft-looking internal name at an address outside Microsoft\'s networks is not skipped', () => {
    const hops = [
      'from BN8NAM04FT041.eop-NAM04.prod.protection.outlook.com (2001:db8::34) by BN8NAM04HT123.eop-NAM04.prod.protection.outlook.com (2a01:111:e400:c418::1f5) with Microsoft SMTP Server id 15.20.8158.14',
      'from mail.example.com (23.192.228.80) by BN8NAM04FT041.mail.protection.outlook.com (10.13.160.212) with Microsoft SMTP Server id 15.20.8158.14',
    ].map(parseReceived);
    expect(findTrustedHop(hops)?.hop.ip).toBe('2001:db8::34');
  });

  it('notes and retrievals are never the entry hop', () => {
    const hops = [
      '(qmail 487 invoked from network); 25 Nov 2026 10:00:01 -0000',
      'from pop.example.net [192.0.2.90] by laptop.example.org with POP3 (fetchmail-6.4.37) for <me@example.org> (single-drop)',
      'from mail.example.com (mail.example.com [23.192.228.80]) by pop.example.net (Postfix) with ESMTPS id 2',
    ].map(parseReceived);
    expect(findTrustedHop(hops)).toMatchObject({ index: 2, hop: { ip: '23.192.228.80' } });
  });
});
