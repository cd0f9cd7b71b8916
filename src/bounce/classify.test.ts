/**
 * Reply shapes, the choice of the receiver's answer, categories from the
 * receiver's own words, and the sending IP from the reply alone (issue 28).
 * Each row is one rule about a format, with the wording receivers use (the
 * issue quotes them from real bounces) and documentation addresses.
 */
import { describe, expect, it } from 'vitest';
import { decodeBounce, type DecodedBounce } from './decode.js';
import { authenticationResults, categorize } from './classify.js';
import { receivers } from '../../rules/receivers/index.js';
import { authenticationWords } from './words.js';

const decode = (text: string) => decodeBounce(text, receivers);

describe('reply shapes', () => {
  it.each<[string, string, Partial<DecodedBounce>]>([
    ['an address right after the code (GoDaddy)', '554 198.51.100.36 has been temporarily blocked for abuse. IB112', { code: '554', ip: '198.51.100.36', category: 'reputation' }],
    ['an underscore word after the code', '550 550_20 Message rejected because of local policy', { code: '550', reply: '550 550_20 Message rejected because of local policy' }],
    ['an address after "550-"', '550-192.0.2.222 blocked by ldap:ou=rblmx,dc=example,dc=net', { code: '550', ip: '192.0.2.222', category: 'reputation' }],
    ['an enhanced code with a colon', '421 4.7.0: Too many concurrent connections', { code: '421', enhanced: '4.7.0' }],
    ['a vendor\'s tag before the enhanced code', '550 cuda_nsu 5.7.1 Message blocked', { code: '550', enhanced: '5.7.1' }],
    ['a code right after "smtp;"', 'Diagnostic-Code: smtp;550 5.1.1 <x@example.net>: Recipient address rejected: User unknown', { code: '550', enhanced: '5.1.1', category: 'mailbox' }],
    ['qmail\'s own status in "(#5.1.1)"', '<x@example.net>:\nSorry, no mailbox here by that name. (#5.1.1)', { enhanced: '5.1.1', category: 'mailbox', code: undefined }],
    ['qmail\'s status with a tag: "(#5.1.1 - chkusr)"', '550 sorry, no mailbox here by that name (#5.1.1 - chkusr)', { code: '550', enhanced: '5.1.1', category: 'mailbox' }],
    ['a status in brackets: "[#4.1.9]"', 'Resources temporarily unavailable, please try again later [#4.1.9].', { enhanced: '4.1.9' }],
    ['a status after "#": "550 #5.1.0"', 'Diagnostic-Code: smtp; 550 #5.1.0 Address rejected.', { code: '550', enhanced: '5.1.0' }],
    ['a line that starts with a status after "--" (Mimecast)', 'The following message to <x@example.net> was undeliverable.\n-- 5.4.1 Recipient address rejected: Access denied.', { enhanced: '5.4.1' }],
    ['Zoho\'s ERROR_CODE', 'x@example.net Invalid Address, ERROR_CODE :550, ERROR_CODE :5.2.1 <x@example.net>... User Unknown', { enhanced: '5.2.1' }],
    ['Amazon SES: the leading status of the Diagnostic-Code', "Status: 5.0.0 (permanent failure)\nDiagnostic-Code: smtp; 5.3.0 - Other mail system problem 550-'Unknown user x@example.net' (delivery attempts: 0)", { enhanced: '5.3.0' }],
    ['a reply quoted inside another: the inner one', 'Status: 4.4.7\nDiagnostic-Code: smtp; 554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>', { code: '421', enhanced: '4.4.2' }],
    ['a generic Status (5.0.0) gives way to the reply\'s own code', 'x@example.net: 550 5.7.26 <x@example.net>: Recipient address rejected: Multiple authentication checks failed\n\nStatus: 5.0.0', { enhanced: '5.7.26', category: 'authentication' }],
    ['"X-Unix; 255": the transcript\'s reply says more', 'Reporting-MTA: dns; mx.example.org\n\n554 5.3.0 unknown mailer error 255\n\nStatus: 5.0.0\nDiagnostic-Code: X-Unix; 255', { code: '554', enhanced: '5.3.0' }],
    ['a local MTA\'s own words: no receiver spoke, no IP', 'Status: 4.4.1\nDiagnostic-Code: X-Postfix; connect to mx.example.net[192.0.2.44]:25: Connection timed out', { ip: undefined, category: 'other', enhanced: '4.4.1' }],
    ['"lost connection … while performing the HELO handshake" is no HELO refusal', 'Status: 4.4.2\nDiagnostic-Code: X-Postfix; lost connection with mx.example.net[192.0.2.44] while performing the HELO handshake', { ip: undefined, category: 'other' }],
    ['Messaging Server\'s connection tuple names the receiver', 'Status: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <x@example.net>... User Unknown\n Remote system: dns;mx.example.net (TCP|192.0.2.67|47323|192.0.2.225|25) (mx.example.net ESMTP)', { ip: undefined, category: 'mailbox' }],
    ['a boundary the body never uses: the DSN is still read', 'Content-Type: multipart/report; report-type=delivery-status; boundary="AAA.111/mx.example.org"\n\n--AAA.222/mx.example.org\nContent-Type: message/delivery-status\n\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does not exist.\n--AAA.222/mx.example.org--', { enhanced: '5.1.1', category: 'mailbox' }],
    ['qmail\'s note is no reply', 'Received: (qmail 487 invoked from network); 25 Nov 2026 10:00:01 -0000\n\nHello', { reply: undefined, code: undefined }],
  ])('%s', (_what, text, want) => {
    const d = decode(text);
    for (const [k, v] of Object.entries(want)) expect(d[k as keyof DecodedBounce], k).toEqual(v);
  });
});

describe('which reply is the receiver\'s answer', () => {
  it('the Diagnostic-Code and Status of the DSN beat the local MTA\'s own words in the text', () => {
    const d = decode([
      'The mail system: 550 5.1.1 User unknown in local recipient table',
      '',
      'Final-Recipient: rfc822; x@example.net',
      'Action: failed',
      'Status: 5.1.6',
      'Diagnostic-Code: smtp; 551 not our customer',
    ].join('\n'));
    expect(d).toMatchObject({ code: '551', enhanced: '5.1.6', reply: '551 not our customer', category: 'mailbox' });
  });

  it('the real refusal beats the sequence complaint that follows it (Gmail\'s "503 5.5.1 RCPT first")', () => {
    const d = decode([
      'The response from the remote server was:',
      '550 5.2.1 The email account that you tried to reach is disabled. - gsmtp',
      '503 5.5.1 RCPT first. a640c23a62f3a - gsmtp',
    ].join('\n'));
    expect(d).toMatchObject({ code: '550', enhanced: '5.2.1', category: 'mailbox' });
  });

  it('the Status field gives the code when no reply line does', () => {
    const d = decode('Final-Recipient: rfc822; x@example.net\nAction: failed\nStatus: 5.7.1\nRemote-MTA: dns; mx.example.net');
    expect(d.enhanced).toBe('5.7.1');
    expect(d.reply).toBeUndefined();
  });

  it('the sending IP comes from the reply only: not the bounce\'s Received lines, not a queue id, not the receiver\'s MX', () => {
    const d = decode([
      'Received: from mail.example.org (mail.example.org [203.0.113.9]) by relay.example.org (Postfix) with ESMTP id 4Xk1',
      '<x@example.net>: connect to mx.example.net[192.0.2.44]:25: Connection timed out',
      'Diagnostic-Code: X-Postfix; host mx.example.net[192.0.2.44] said: 550 5.7.1 Message rejected (in reply to end of DATA command)',
    ].join('\n'));
    expect(d.ip).toBeUndefined();
  });
});

describe('categories, from the receiver\'s words', () => {
  it.each<[string, string, string | undefined, DecodedBounce['category']]>([
    ['Gmail\'s 5.7.1 "No such user" is a mailbox, not a PTR', '550 5.7.1 No such user', '5.7.1', 'mailbox'],
    ['a DMARC refusal is authentication', '550 5.7.1 Email rejected per DMARC policy for example.org', '5.7.1', 'authentication'],
    ['Postfix: blocked using any zone', '554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using bl.example.org; https://bl.example.org/q?ip=192.0.2.9', '5.7.1', 'blocklist'],
    ['Postfix: cannot find your reverse hostname', '450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.9]', '4.7.1', 'ptr'],
    ['Postfix: cannot find your hostname', '450 4.7.25 Client host rejected: cannot find your hostname, [192.0.2.9]', '4.7.25', 'ptr'],
    ['Listed by', '550 5.7.1 Listed by PBL, see https://check.spamhaus.org/', '5.7.1', 'blocklist'],
    ['listed as abusive', '554 Your IP 192.0.2.9 is listed as abusive', undefined, 'blocklist'],
    ['Microsoft banned sending IP with its AS tag', '550 5.7.606 Access denied, banned sending IP [192.0.2.10]. To request removal from this list please visit https://sender.office.com/ and follow the directions. (AS16012609)', '5.7.606', 'reputation'],
    ['"ATLAS(2503)" is no AS tag', '550 5.0.0 Rejected by ATLAS(2503) for x', '5.0.0', 'other'],
    ['Outlook.com S3150 block list', '550 5.7.1 Unfortunately, messages from [192.0.2.11] weren\'t sent. Please contact your Internet service provider since part of their network is on our block list (S3150).', '5.7.1', 'blocklist'],
    ['Sender IP rejected', '554 5.7.1 Sender IP rejected', '5.7.1', 'reputation'],
    ['IP name lookup failed', '554 IP name lookup failed [192.0.2.12]', undefined, 'ptr'],
    ['Exim: unverifyable sending IPs', '550 service permits 2 unverifyable sending IPs', undefined, 'ptr'],
    ['T-Online DIAL', '554 IP=192.0.2.13 - Dialup/transient IP not allowed. (DIAL)', undefined, 'ptr'],
    ['T-Online NOWL', '554 IP=192.0.2.14 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (NOWL)', undefined, 'reputation'],
    ['T-Online BL', '554 IP=192.0.2.15 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)', undefined, 'blocklist'],
    ['AT&T fix reverse DNS', '553 5.3.0 flph829 DNSBL:RBL 521< 192.0.2.16 >_is_blocked.For assistance forward this error to abuse_rbl@abuse-att.net, or Fix reverse DNS for 192.0.2.16', '5.3.0', 'ptr'],
    ['Mail.ru access blocked', '550 Access from ip address 192.0.2.17 blocked. Visit https://help.mail.ru/mail/error/blocked', undefined, 'reputation'],
    ['Orange OFR006', '550 5.7.1 Service refuse. Veuillez essayer plus tard. service refused, please try later. OFR006_102 [102]', '5.7.1', 'reputation'],
    ['Comcast BL000000', '554 resimta-h1p-028.sys.comcast.net resimta-h1p-028.sys.comcast.net 192.0.2.18 found on one or more DNSBLs, see http://postmaster.comcast.net/smtp-error-codes.php#BL000000', undefined, 'blocklist'],
    ['new or untrusted IP', '421 4.7.0 [TSS04] Messages from 192.0.2.19 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes', '4.7.0', 'reputation'],
    ['not allowed to send mail from a domain is SPF', '550 5.7.1 192.0.2.20 is not allowed to send mail from example.org', '5.7.1', 'authentication'],
    ['a failed SMTP login is not sender authentication', '535 5.7.8 Error: excessive authentication failures', '5.7.8', 'other'],
    ['a message too big', '552 5.3.4 Message size exceeds fixed maximum message size', '5.3.4', 'size'],
    ['spam content', '550 5.7.1 Message rejected as spam by Content Filtering', '5.7.1', 'content'],
    ['a listed URL in the message is content, whatever "HELO=" the reply logs', '550 REJECTED - Blacklisted URL in message. (example.com) in [black]. See http://lookup.uribl.com. - Blacklisted Link - H=mail.example.org [192.0.2.11] HELO=[mail.example.org]', undefined, 'content'],
    ['use the smtp server of your ISP: a residential address', '550 5.7.0 <x@example.net>... Please use the smtp server of your ISP.', '5.7.0', 'ptr'],
    ['La Poste / Orange LPN codes', '550 5.5.0 Service refuse. Veuillez essayer plus tard. service refused, please try later. LPN001_108', '5.5.0', 'reputation'],
    ['Orange OFR_999', '421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]', undefined, 'reputation'],
    ['Mimecast host network not allowed', '554 Host network not allowed - https://community.mimecast.com/docs/DOC-1369#554', undefined, 'reputation'],
    ['a domain that mismatches the client IP', '550 domain [example.org] mismatches client ip 192.0.2.225.', undefined, 'reputation'],
    ['not accepting connections at the greeting', '554 mx.example.net ESMTP not accepting connections', undefined, 'reputation'],
    ['a daily relay quota of the sending IP', '554 mx.example.net : You\'ve reached your daily relay quota - 192.0.2.30', undefined, 'reputation'],
    ['Sender ID: the Purported Responsible Address', '550 5.7.1 can\'t determine Purported Responsible Address', '5.7.1', 'authentication'],
    ['no authentication information', '550 5.7.1 This message does not have authentication information or fails to pass', '5.7.1', 'authentication'],
    ['an IP not allowed for the domain', '554 INVALID IP FOR SENDING MAIL OF DOMAIN example.org [RCPT_TO]', undefined, 'authentication'],
  ])('%s', (_what, reply, enhanced, category) => {
    expect(categorize(reply, enhanced, undefined)).toBe(category);
  });

  it('Microsoft\'s 5.7.515 lists each method: the one to fix is said', () => {
    const reply = "550 5.7.515 Access denied, sending domain example.org does not meet the required authentication level. The sender's domain in the 5322.From address doesn't meet the authentication requirements defined for the sender. Spf= Fail , Dkim= Pass , DMARC= Pass";
    expect(categorize(reply, '5.7.515', 'microsoft-365')).toBe('authentication');
    expect(authenticationResults(reply)).toEqual({ spf: 'fail', dkim: 'pass', dmarc: 'pass' });
    expect(decode(`Diagnostic-Code: smtp; ${reply}`)).toMatchObject({ category: 'authentication', authentication: { spf: 'fail', dkim: 'pass', dmarc: 'pass' } });
    expect(authenticationWords({ spf: 'fail', dkim: 'pass', dmarc: 'pass' })).toBe('SPF fail (fix this), DKIM pass, DMARC pass');
  });
});
