import { describe, expect, it } from 'vitest';
import { parseReceived } from './received.js';

// Each row is a format real MTAs write (names and addresses are ours); `tls` is what the receiver's own words say.
const rows: { why: string; raw: string; tls: { used: boolean; protocol?: string; cipher?: string } | undefined }[] = [
  { why: 'Postfix with TLS 1.3', raw: 'from mail.example.org (mail.example.org [192.0.2.10]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256) (No client certificate requested) by mx.example.net (Postfix) with ESMTPS id 4AbC; Mon, 7 Dec 2026 10:00:00 +0000', tls: { used: true, protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' } },
  { why: 'old Postfix: ESMTP with a TLS note', raw: 'from mail.example.org (mail.example.org [192.0.2.10]) (using TLSv1 with cipher DHE-RSA-AES256-SHA (256/256 bits)) by mx.example.net (Postfix) with ESMTP id 1; Mon, 7 Dec 2026 10:00:00 +0000', tls: { used: true, protocol: 'TLSv1', cipher: 'DHE-RSA-AES256-SHA' } },
  { why: 'Postfix, plain text', raw: 'from mail.example.org (mail.example.org [192.0.2.10]) by mx.example.net (Postfix) with ESMTP id 1; Mon, 7 Dec 2026 10:00:00 +0000', tls: { used: false } },
  { why: 'Postfix, authenticated over TLS (RFC 3848 ESMTPSA), no note', raw: 'from [10.0.0.5] (unknown [192.0.2.10]) by smtp.example.net (Postfix) with ESMTPSA id 1; Mon, 7 Dec 2026 10:00:00 +0000', tls: { used: true } },
  { why: 'Exim 4.9x: (TLS1.3) then tls CIPHER', raw: 'from mail.example.org ([192.0.2.10] helo=mail.example.org) by mx.example.net with esmtps  (TLS1.3) tls TLS_AES_256_GCM_SHA384 (Exim 4.96) (envelope-from <b@example.org>) id 1abc-000; Mon, 07 Dec 2026 10:00:00 +0000', tls: { used: true, protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' } },
  { why: 'old Exim: esmtp (TLSv1:AES256-SHA:256)', raw: 'from host.example.org ([192.0.2.10] helo=host.example.org) by mx.example.net with esmtp (TLSv1:AES256-SHA:256) (Exim 4.41) id 1; Mon, 07 Dec 2026 10:00:00 +0000', tls: { used: true, protocol: 'TLSv1', cipher: 'AES256-SHA' } },
  { why: 'GnuTLS Exim: TLS-1.0:…', raw: 'from host.example.org ([192.0.2.10] helo=h) by mx.example.net with esmtps (TLS-1.0:DHE_RSA_3DES_EDE_CBC_SHA:24) (Exim 4.50) id 1; Mon, 07 Dec 2026 10:00:00 +0000', tls: { used: true, protocol: 'TLSv1.0', cipher: 'DHE_RSA_3DES_EDE_CBC_SHA' } },
  { why: 'Exim plain text', raw: 'from host.example.org ([192.0.2.10] helo=host.example.org) by mx.example.net with esmtp (Exim 4.96) id 1; Mon, 07 Dec 2026 10:00:00 +0000', tls: { used: false } },
  { why: 'Sendmail: version= cipher=', raw: 'from host.example.org (host.example.org [192.0.2.10]) by mx.example.net (8.17.1/8.17.1) with ESMTPS id 1 (version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NOT) for <a@example.net>; Mon, 7 Dec 2026 10:00:00 +0000', tls: { used: true, protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' } },
  { why: 'old Sendmail: ESMTP with version=TLSv1/SSLv3', raw: 'from host.example.org (host.example.org [192.0.2.10]) by mx.example.net (8.13.8/8.13.8) with ESMTP id 1 (version=TLSv1/SSLv3 cipher=DHE-RSA-AES256-SHA bits=256 verify=NO); Mon, 7 Dec 2026 10:00:00 +0000', tls: { used: true, protocol: 'TLSv1/SSLv3', cipher: 'DHE-RSA-AES256-SHA' } },
  { why: 'Gmail', raw: 'from mail.example.org (mail.example.org. [192.0.2.10]) by mx.google.com with ESMTPS id x1si2 for <a@example.net> (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256); Mon, 07 Dec 2026 02:00:00 -0800 (PST)', tls: { used: true, protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' } },
  { why: 'Google between its own hosts: SMTPS (Google Transport Security)', raw: 'from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com with SMTPS id a1sor for <a@example.net> (Google Transport Security); Mon, 07 Dec 2026 02:00:00 -0800 (PST)', tls: { used: true } },
  { why: 'Exchange Online: version=TLS1_2, cipher=…', raw: 'from mail.example.org (192.0.2.10) by AM0PR01MB0001.eurprd01.prod.outlook.com (2603:10a6:208:1::1) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.1; Mon, 7 Dec 2026 10:00:00 +0000', tls: { used: true, protocol: 'TLSv1.2', cipher: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384' } },
  { why: 'Exchange: Microsoft SMTP Server (TLS)', raw: 'from mx.example.org (10.100.0.27) by srv1.example.org (10.1.0.124) with Microsoft SMTP Server (TLS) id 15.0.1178.4 via Frontend Transport; Mon, 7 Dec 2026 10:00:00 +0100', tls: { used: true } },
  { why: 'Exchange without TLS', raw: 'from host.example.org (192.0.2.10) by srv1.example.org (10.1.0.124) with Microsoft SMTP Server id 14.3.123.3; Mon, 7 Dec 2026 10:00:00 +0900', tls: { used: false } },
  { why: 'SMTPSVC over TLS secured channel', raw: 'from out.example.org ([192.0.2.10]) by in.example.net over TLS secured channel with Microsoft SMTPSVC(7.5.7601.22751); Mon, 7 Dec 2026 10:00:00 -0800', tls: { used: true } },
  { why: 'SMTPSVC plain', raw: 'from out.example.org ([192.0.2.10]) by in.example.net with Microsoft SMTPSVC(6.0.3790.3999); Mon, 7 Dec 2026 10:00:00 +0900', tls: { used: false } },
  { why: 'CommuniGate ESMTPS', raw: 'from [192.0.2.10] (HELO host.example.org) by relay.example.net (CommuniGate Pro SMTP 6.2.15) with ESMTPS id 1 for a@example.net; Mon, 07 Dec 2026 10:00:00 +0200', tls: { used: true } },
  { why: 'GMX Nemesis ESMTPS', raw: 'from out.example.org ([192.0.2.10]) by mx-ha.gmx.net (mxgmx001) with ESMTPS (Nemesis) id 0Lh7; Mon, 07 Dec 2026 10:00:00 +0100', tls: { used: true } },
  { why: 'SMTPUTF8 over TLS (RFC 6531 UTF8SMTPS)', raw: 'from host.example.org (host.example.org [192.0.2.10]) by mx.example.net (Postfix) with UTF8SMTPS id 1; Mon, 7 Dec 2026 10:00:00 +0000', tls: { used: true } },
  { why: 'HTTP submission: not SMTP, nothing to say', raw: 'by 10.0.0.1 with HTTP; Mon, 7 Dec 2026 10:00:00 -0700', tls: undefined },
  { why: 'no with clause at all', raw: 'from host.example.org (host.example.org [192.0.2.10]) by mx.example.net id 1; Mon, 7 Dec 2026 10:00:00 +0000', tls: undefined },
  // Forging: the client's HELO and the receiver's first comment about it say nothing about TLS.
  { why: 'a HELO claiming a TLS note: the receiver wrote plain ESMTP', raw: 'from (using TLSv1.3 with cipher X) (host.example.org [192.0.2.10]) by mx.example.net (Postfix) with ESMTP id 1; Mon, 7 Dec 2026 10:00:00 +0000', tls: { used: false } },
  { why: 'an Exim helo= holding TLS words: plain esmtp', raw: 'from host.example.org ([192.0.2.10] helo=TLSv1.3:X) by mx.example.net with esmtp (Exim 4.96) id 1; Mon, 07 Dec 2026 10:00:00 +0000', tls: { used: false } },
  { why: 'a HELO named "over TLS": plain', raw: 'from over (TLS [192.0.2.10]) by mx.example.net (Postfix) with ESMTP id 1; Mon, 7 Dec 2026 10:00:00 +0000', tls: { used: false } },
];

describe('the entry hop\'s TLS, as the receiver wrote it', () => {
  it.each(rows)('$why', ({ raw, tls }) => {
    const got = parseReceived(raw).tls;
    if (tls === undefined) expect(got).toBeUndefined();
    else expect(got).toMatchObject(tls);
    if (tls && !tls.protocol) expect(got?.protocol).toBeUndefined();
  });

  it('a 1 MB header of nested, unclosed TLS-like comments is read (cut at the tokenizer\'s 8 KB), never as plain text', () => {
    const raw = `from h (h [192.0.2.10]) ${'(using TLSv1.3 with cipher version=TLS1_3 cipher= '.repeat(20_000)} by mx.example.net with ESMTPS id 1`;
    expect(raw.length).toBeGreaterThan(1_000_000);
    const got = parseReceived(raw).tls;
    expect(got?.used).not.toBe(false);
    expect((got?.how ?? '').length).toBeLessThan(340);
  });

  it('reads a 8 KB comment of TLS-like text in linear time and keeps the note short', () => {
    const raw = `from h (h [192.0.2.10]) (${'using TLSv1.3 with cipher '.repeat(400)}) by mx.example.net with ESMTPS id 1; Mon, 7 Dec 2026 10:00:00 +0000`;
    const got = parseReceived(raw).tls;
    expect(got).toMatchObject({ used: true, protocol: 'TLSv1.3' });
    expect(got!.how.length).toBeLessThan(340);
  });
});
