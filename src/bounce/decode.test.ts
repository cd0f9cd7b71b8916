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
    ['nothing that looks like a reply', 'Hello, your mail did not arrive, sorry.', /no SMTP reply/, 'other'],
    ['a receiver nobody knows (its reply still read: a mailbox refusal)', 'Remote-MTA: dns; mx.far-away.example\nDiagnostic-Code: smtp; 550 5.1.1 <x@far-away.example>: Recipient address rejected', /mx\.far-away\.example is not a receiver ptrcheck knows/, 'mailbox'],
  ])('%s: says what it could not classify', (_why, text, note, category) => {
    const d = decodeBounce(text, receivers);
    expect(d.notes.join(' ')).toMatch(note);
    expect(d.category).toBe(category);
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

const KB = 1024;
const MB = KB * KB;
/** `head`, then `unit` repeated, cut to exactly `size` characters. */
const bomb = (head: string, unit: string, size: number) => head + unit.repeat(Math.ceil((size - head.length) / unit.length)).slice(0, size - head.length);
const HTML = 'Content-Type: text/html\n\n';
const base64 = (s: string) => btoa(s).replace(/(.{76})/g, '$1\n');
const GMAIL = '550-5.7.25 [203.0.113.10] The IP address sending this message does not have a PTR record setup. - gsmtp\n';
const GMAIL_READ = { receiver: { id: 'gmail' }, code: '550', enhanced: '5.7.25', category: 'ptr', ip: '203.0.113.10', reply: '550 5.7.25 [203.0.113.10] The IP address sending this message does not have a PTR record setup. - gsmtp' };
const NOTHING = { format: 'text', category: 'other', reply: undefined, code: undefined, receiver: undefined, ip: undefined };
const REFUSED = { format: 'text', category: 'other', code: '550', enhanced: '5.7.1', receiver: undefined, ip: undefined };
const PART = '1 part(s) longer than 256 KB: the first 256 KB of each was read';
const LINE = '1 line(s) longer than 4 KB: the first 4 KB of each was read';
const cut = (...said: string[]) => `the bounce was read in part (${said.join('; ')})`;

/** Each bomb of issue 25 (F2), within the 10 MB the server lets in: what is read of it, and the note that says what was not. */
const BOMBS: [string, () => string, Partial<Record<keyof DecodedBounce, unknown>>, string][] = [
  ['200 KB of <a<a<a… as text/html', () => bomb(HTML, '<a', 200 * KB), NOTHING, cut(LINE)],
  ['1 MB of <a<a<a… as text/html', () => bomb(HTML, '<a', MB), NOTHING, cut(PART, LINE)],
  ['10 MB of <a<a<a… as text/html', () => bomb(HTML, '<a', 10 * MB), NOTHING, cut(PART, LINE)],
  ['10 MB of <script<script…', () => bomb(HTML, '<script', 10 * MB), NOTHING, cut(PART, LINE)],
  ['10 MB in an unclosed <!--', () => bomb(`${HTML}<!--`, 'x', 10 * MB), NOTHING, cut(PART, LINE)],
  ['300 KB of (in reply to (in reply to…', () => bomb('550 5.7.1 refused ', '(in reply to ', 300 * KB), { ...REFUSED, reply: bomb('550 5.7.1 refused ', '(in reply to ', 2000) }, cut(PART, LINE)],
  ['10 MB of (in reply to (in reply to…', () => bomb('550 5.7.1 refused ', '(in reply to ', 10 * MB), { ...REFUSED, reply: bomb('550 5.7.1 refused ', '(in reply to ', 2000) }, cut(PART, LINE)],
  ['10 MB of lines, each an unclosed (in reply to', () => bomb('', '550 5.7.1 refused (in reply to RCPT TO command\n', 10 * MB), { ...REFUSED, reply: '550 5.7.1 refused (in reply to RCPT TO command refused (in reply to RCPT TO command' }, cut(PART)],
  ['one line of 10 MB', () => bomb('550 5.7.1 ', 'a', 10 * MB), { ...REFUSED, reply: bomb('550 5.7.1 ', 'a', 2000) }, cut(PART, LINE)],
  ['10 MB of newlines after the reply', () => bomb(GMAIL, '\n', 10 * MB), GMAIL_READ, cut(PART, 'lines after the first 20,000 were not read')],
  ['a 9.5 MB base64 part', () => `Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n${base64(bomb(GMAIL, 'filler text ', 7 * MB))}`, GMAIL_READ, cut(PART, LINE)],
  ['a 10 MB quoted-printable part', () => bomb(`Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n${GMAIL}`, '=3D=\n', 10 * MB), GMAIL_READ, cut(PART, LINE)],
  ['a 1 MB header block', () => `${bomb('', `X-Filler: ${'v'.repeat(60)}\n`, MB)}\n\n${GMAIL}`, GMAIL_READ, cut('1 header block(s) longer than 64 KB: the first 64 KB of each was read')],
  ['10 MB of MIME parts', () => bomb(`Content-Type: multipart/mixed; boundary="b"\n\n--b\n\n${GMAIL}`, '--b\nContent-Type: text/plain\n\n550 5.7.1 another part\n', 10 * MB), GMAIL_READ, cut('MIME parts after the first 64 were not read')],
  ['10 MB of continuation lines', () => bomb('550-5.7.1 first\n', '550-5.7.1 and more\n', 10 * MB), { ...REFUSED, reply: bomb('550 5.7.1 first', ' and more', 2000) }, cut(PART)],
  ['more than the 10 MB read', () => bomb(HTML, '<a', 10 * MB + 1), NOTHING, cut('it is longer than 10 MB: only its first 10 MB was read', PART, LINE)],
];

describe('hostile bounces: read in part, in linear time', () => {
  it.each(BOMBS)('%s', (_what, make, want, note) => {
    const d = decodeBounce(make(), receivers);
    expect(d).toMatchObject(Object.fromEntries(Object.entries(want).filter(([, v]) => v !== undefined)));
    for (const [k, v] of Object.entries(want)) if (v === undefined) expect(d[k as keyof DecodedBounce]).toBeUndefined();
    expect(d.notes[0]).toBe(note);
  });

  /** Best of three, in ms: one slow run (a busy machine) does not decide. */
  const time = (f: () => unknown) => Math.min(...[0, 1, 2].map(() => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  }));

  // Quadratic work takes 16 times as long for 4 times the input (the bombs above took 6.9 s at 100 KB, 27 s at 200 KB); linear, 4; cut, about 1.
  it.each(BOMBS.filter(([what]) => what.startsWith('10 MB')))('%s: 4 times the input, at most 8 times the time', (_what, make) => {
    const big = make();
    const small = big.slice(0, big.length / 4);
    const [tSmall, tBig] = [time(() => decodeBounce(small, receivers)), time(() => decodeBounce(big, receivers))];
    expect(tBig).toBeLessThan(8 * tSmall + 5);
  });
});
