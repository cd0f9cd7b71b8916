/**
 * The bounce decoder on real formats (fixtures/bounces: Postfix, Sendmail
 * and Exchange DSNs, Exim and pasted text), one row per receiver and MTA:
 * who said it, the code in that receiver's meaning, the IP it names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBounce, type DecodedBounce } from './decode.js';
import { receivers } from '../../rules/receivers/index.js';
import { repoRoot } from '../../test/support/repo-root.js';

const fixture = (name: string) => readFileSync(join(repoRoot(), 'fixtures', 'bounces', name), 'utf8');

const ROWS: [string, Partial<DecodedBounce> & { meaningLike?: RegExp; replyLike?: RegExp }][] = [
  ['postfix-gmail-ptr.eml', {
    format: 'dsn', writtenBy: 'postfix', receiver: { id: 'gmail', name: 'Gmail' }, code: '550', enhanced: '5.7.25', category: 'ptr', ip: '203.0.113.10',
    remoteMta: 'gmail-smtp-in.l.google.com', reportingMta: 'mail.fresh.example', recipient: 'reader@gmail.com', iana: 'Reverse DNS validation failed (RFC 7372)',
    replyLike: /^550 5\.7\.25 \[203\.0\.113\.10\] The IP address sending this message does not have a PTR record setup, or the corresponding forward DNS entry does not point to the sending IP\. As a policy, Gmail does not accept messages from IPs with missing PTR records\./,
  }],
  ['sendmail-gmx-ptr.eml', { format: 'dsn', writtenBy: 'sendmail', receiver: { id: 'gmx-webde', name: 'GMX / WEB.DE / mail.com' }, category: 'ptr', ip: '23.192.228.80', replyLike: /Bad DNS PTR resource record\. For explanation visit/, meaningLike: /no usable PTR/ }],
  ['exchange-m365-ipv6.eml', { format: 'dsn', writtenBy: 'exchange', receiver: { id: 'microsoft-365', name: 'Microsoft 365 (Exchange Online Protection)' }, code: '450', enhanced: '4.7.25', category: 'ptr', ip: '3fff:0:3::25', meaningLike: /IPv6 address has no reverse DNS/ }],
  ['exim-comcast-ptr.txt', { format: 'text', writtenBy: 'exim', receiver: { id: 'comcast', name: 'Comcast (Xfinity)' }, code: '554', category: 'ptr', ip: '203.0.113.66', remoteMta: 'mx1a1.comcast.net', iana: 'Transaction failed, or no SMTP service here (RFC 5321)' }],
  ['gmail-ipv6-pasted.txt', { format: 'text', receiver: { id: 'gmail', name: 'Gmail' }, enhanced: '5.7.1', category: 'ptr', ip: '3fff:0:1::25', meaningLike: /IPv6 it is the PTR-and-authentication requirement/ }],
  ['outlook-dy001.txt', { receiver: { id: 'outlook-com', name: 'Outlook.com' }, code: '550', category: 'ptr', ip: '192.0.2.30', meaningLike: /dynamically assigned/ }],
  ['postfix-receiver-reverse.txt', { receiver: { id: 'postfix', name: 'Postfix (reject_unknown_* restrictions)' }, enhanced: '4.7.1', category: 'ptr', ip: '203.0.113.10', remoteMta: 'mx.shop.fresh.example', replyLike: /^450 4\.7\.1 Client host rejected: cannot find your reverse hostname, \[203\.0\.113\.10\]$/ }],
  ['yahoo-unauthenticated.txt', { receiver: { id: 'yahoo', name: 'Yahoo / AOL' }, enhanced: '5.7.9', category: 'authentication', meaningLike: /unauthenticated/, iana: 'Authentication mechanism is too weak (RFC 4954)' }],
  ['icloud-helo.txt', { format: 'dsn', receiver: { id: 'icloud', name: 'Apple iCloud Mail' }, enhanced: '4.7.1', category: 'helo', replyLike: /<localhost\.localdomain>: Helo command rejected: Host not found/ }],
  ['unknown.txt', { category: 'other', ip: '203.0.113.11', code: '550' }],
];

describe('decodeBounce', () => {
  it.each(ROWS)('%s', (file, want) => {
    const d = decodeBounce(fixture(file), receivers);
    const { meaningLike, replyLike, ...exact } = want;
    expect(d).toMatchObject(exact);
    if (meaningLike) expect(d.meaning).toMatch(meaningLike);
    if (replyLike) expect(d.reply).toMatch(replyLike);
    if (!want.ip) expect(d.notes.join(' ')).toMatch(/does not name the sending IP/);
  });

  it('says Gmail\'s X.7.23 is PTR while the registry\'s is SPF', () => {
    const d = decodeBounce("421-4.7.23 [203.0.113.12] The sending IP address for this message doesn't have a PTR record, or the PTR record's forward DNS entry doesn't match the sending IP address. To protect users from spam, your email has been temporarily rate limited. - gsmtp", receivers);
    expect(d).toMatchObject({ receiver: { id: 'gmail' }, enhanced: '4.7.23', category: 'ptr', ip: '203.0.113.12' });
    expect(d.meaning).toMatch(/PTR record.*IANA registry, RFC 7372, assigns X\.7\.23 to an SPF validation failure/);
    expect(d.iana).toBe('SPF validation error (RFC 7372), temporarily');
  });

  it.each([
    ['nothing that looks like a reply', 'Hello, your mail did not arrive, sorry.', /no SMTP reply/],
    ['a receiver nobody knows', 'Remote-MTA: dns; mx.far-away.example\nDiagnostic-Code: smtp; 550 5.1.1 <x@far-away.example>: Recipient address rejected', /mx\.far-away\.example is not a receiver ptrcheck knows/],
  ])('%s: says what it could not classify', (_why, text, note) => {
    const d = decodeBounce(text, receivers);
    expect(d.notes.join(' ')).toMatch(note);
    expect(d.category).toBe('other');
  });

  it('never takes the receiver\'s own MX address for the sending IP', () => {
    const d = decodeBounce('<a@b.example>: host mx.b.example[192.0.2.44] said: 550 5.7.1 Access denied (in reply to RCPT TO command)', receivers);
    expect(d.ip).toBeUndefined();
  });

  it('reads at most 64 MIME parts of a hostile bounce (the rest is not decoded)', () => {
    const parts = Array.from({ length: 5000 }, (_, i) => `--b\nContent-Type: text/plain\n\n550 5.7.1 part ${i} [203.0.113.${i % 250}]\n`).join('');
    const d = decodeBounce(`Content-Type: multipart/mixed; boundary="b"\n\n${parts}--b--\n`, receivers);
    expect(d.code).toBe('550');
    expect(d.reply).toMatch(/^550 5\.7\.1 part \d+ /);
    expect(Number(/part (\d+)/.exec(d.reply!)![1])).toBeLessThan(64);
  });
});
