/**
 * End to end: `ptrcheck message` on real messages (DKIM-signed here with a
 * fresh key published in the test DNS server), against the real server.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFaults, startDnsServer, type DnsTestServer } from './support/dns-server.js';
import { runCli } from './support/cli.js';
import { buildMessage, makeDkimKey, postfixHop, signMessage } from './support/messages.js';
import { repoRoot } from './support/repo-root.js';
import type { Report, Status } from '../src/core/types.js';
import { tempDir } from './support/tmp.js';

let server: DnsTestServer;
let dir: string;
const file = (name: string) => join(dir, name);
const fixture = (name: string) => join(repoRoot(), 'fixtures', 'messages', name);

beforeAll(async () => {
  const comKey = makeDkimKey('example.com');
  const orgKey = makeDkimKey('example.org');
  server = await startDnsServer({ faults: fixtureFaults(), zoneTexts: [comKey.zone, orgKey.zone] });
  dir = tempDir('messages');
  const fromGood = postfixHop('mail.example.com', 'mail.example.com', '23.192.228.80');
  const fromElsewhere = postfixHop('elsewhere.example.com', 'elsewhere.example.com', '192.0.2.18');
  const base = { from: 'Example News <news@example.com>', returnPath: '<bounce@example.com>' };
  const signed = await signMessage(buildMessage({ ...base, received: [fromGood] }), comKey);
  writeFileSync(file('signed.eml'), signed);
  const tampered = (await signMessage(buildMessage({ ...base, received: [fromElsewhere] }), comKey)).replace('this is a test message', 'this is a CHANGED message');
  writeFileSync(file('tampered.eml'), tampered);
  writeFileSync(file('unaligned.eml'), await signMessage(buildMessage({ from: 'ceo@example.com', returnPath: '<ceo@example.com>', received: [fromElsewhere] }), orgKey));
  // A bounce: null reverse-path, HELO with its own SPF, From the domain's MAILER-DAEMON, DKIM-signed by the domain.
  writeFileSync(file('bounce.eml'), await signMessage(buildMessage({ from: 'Mail Delivery System <MAILER-DAEMON@example.com>', returnPath: '<>', received: [postfixHop('mta.example.com', 'mail.example.com', '23.192.228.80')], subject: 'Undelivered Mail Returned to Sender' }), comKey));
  // The same sender, received in plain text (the receiver wrote `with ESMTP` and no TLS note), to a null-MX envelope domain.
  const plainHop = fromGood.replace('\r\n\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))', '').replace('with ESMTPS', 'with ESMTP');
  writeFileSync(file('plaintext.eml'), buildMessage({ from: 'Example News <news@example.com>', returnPath: '<bounce@nullmx.example.net>', received: [plainHop] }));
  writeFileSync(file('empty.eml'), '');
  writeFileSync(file('binary.eml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(file('text.eml'), 'Dear friend,\r\nplease find my message below.\r\n');
  writeFileSync(file('malformed-from.eml'), buildMessage({ from: '"ceo@example.com" <>', returnPath: '<bounce@example.com>', received: [fromGood] }));
  writeFileSync(file('idn-from.eml'), buildMessage({ from: 'Müller <info@müller.example.com>', returnPath: '<bounce@example.com>', received: [fromGood] }));
  writeFileSync(file('group-from.eml'), buildMessage({ from: 'Team: news@example.com, info@example.com;', returnPath: '<bounce@example.com>', received: [fromGood] }));
  const filler = Array.from({ length: 5000 }, (_, i) => `X-Filler-${i}: value ${i}`);
  writeFileSync(file('many-headers.eml'), buildMessage({ ...base, received: [fromGood], extraHeaders: filler }));
  const line = `${'x'.repeat(998)}\r\n`;
  writeFileSync(file('big.eml'), buildMessage({ ...base, received: [fromGood], body: line.repeat(Math.ceil((30 * 1024 * 1024) / line.length)) }));
});
afterAll(() => server.close());

function program(report: Report, id: string): NonNullable<Report['requirements']>[number] {
  const p = report.requirements?.find((x) => x.id === id);
  if (!p) throw new Error(`no requirement program ${id} in the report`);
  return p;
}

async function message(args: string[], stdin?: string): Promise<{ code: number | null; report: Report; stdout: string; stderr: string }> {
  const run = await runCli(['message', ...args, '--json', '--timeout', '300'], { PTRCHECK_DNS: server.address }, stdin);
  let report = {} as Report;
  if (run.code !== 2) report = JSON.parse(run.stdout) as Report;
  return { code: run.code, report, stdout: run.stdout, stderr: run.stderr };
}
const statuses = (r: Report): Record<string, Status> => Object.fromEntries(r.results.map((x) => [x.rule, x.status]));

describe('ptrcheck message', () => {
  it('audits a null-sender bounce cleanly: SPF on the HELO, the From domain judged, DMARC aligned', async () => {
    const { code, report } = await message([file('bounce.eml')]);
    expect(code).toBe(0);
    expect(report.target).toMatchObject({ ip: '23.192.228.80', helo: 'mta.example.com', mailFrom: '<>' });
    expect(statuses(report)).toMatchObject({ fcrdns: 'pass', 'helo-resolves': 'pass', 'spf-pass': 'pass', 'from-domain-resolves': 'pass', 'dkim-pass': 'pass', 'dmarc-pass': 'pass' });
    expect(report.results.find((r) => r.rule === 'spf-pass')?.evidence).toMatchObject({ identity: 'helo', domain: 'mta.example.com' });
    expect(report.verdict).toBe('pass');
  });

  it('passes a DKIM-signed, aligned message from a clean sender', async () => {
    const { code, report } = await message([file('signed.eml')]);
    expect(code).toBe(0);
    expect(report.verdict).toBe('pass');
    expect(report.target).toEqual({
      ip: '23.192.228.80', helo: 'mail.example.com', mailFrom: '<bounce@example.com>', from: 'news@example.com', fromHeader: 'Example News <news@example.com>',
      // DESIGN.md: in message mode the target says where the IP and HELO came from.
      entry: { header: expect.stringMatching(/^from mail\.example\.com \(mail\.example\.com \[23\.192\.228\.80\]\)/), reason: 'the first Received: hop whose client is outside the receiving side' },
    });
    expect(statuses(report)).toMatchObject({ fcrdns: 'pass', 'helo-matches-ptr': 'pass', 'spf-pass': 'pass', 'dkim-pass': 'pass', 'dmarc-policy': 'pass', 'dmarc-pass': 'pass', 'smtp-starttls': 'pass', 'mail-from-bounces': 'pass' });
    expect(report.message).toMatchObject({ ipSource: 'received', heloSource: 'received', receivedCount: 1, hop: { index: 0, by: 'mx.receiver.example', tls: { used: true, protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' } }, messageId: '<test-1@example.com>' });
    expect(report.results.find((r) => r.rule === 'smtp-starttls')?.message).toBe('The receiver (mx.receiver.example) wrote that the message came over TLS: with ESMTPS (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)).');
    expect(report.authenticationResults).toBe(
      'Authentication-Results: ptrcheck; iprev=pass (mail.example.com) policy.iprev=23.192.228.80;\r\n\tspf=pass smtp.mailfrom=example.com;\r\n\tdkim=pass header.d=example.com header.s=test2026;\r\n\tdmarc=pass header.from=example.com',
    );
  });

  it('reads a plain-text entry hop from the receiver\'s own Received: line, and a null-MX envelope domain as unable to take bounces', async () => {
    const { report } = await message([file('plaintext.eml')]);
    expect(report.message?.hop?.tls).toEqual({ used: false, how: 'with ESMTP' });
    const tls = report.results.find((r) => r.rule === 'smtp-starttls');
    expect(tls).toMatchObject({ status: 'fail', messageId: 'hop-plaintext', message: 'The receiver (mx.receiver.example) wrote that the message came in plain text (with ESMTP, and no TLS note).' });
    expect(tls?.remedy).toMatch(/smtp_tls_security_level = may/);
    expect(report.results.find((r) => r.rule === 'mail-from-bounces')).toMatchObject({ status: 'fail', messageId: 'null-mx', evidence: { role: 'MAIL FROM', domain: 'nullmx.example.net' } });
  });

  it('fails DMARC when the body was changed after signing and SPF fails too', async () => {
    const { code, report } = await message([file('tampered.eml')]);
    expect(code).toBe(1);
    expect(report.verdict).toBe('fail');
    expect(statuses(report)).toMatchObject({ 'dkim-pass': 'fail', 'spf-pass': 'fail', 'dmarc-pass': 'fail' });
    expect(report.results.find((r) => r.rule === 'dkim-pass')?.message).toMatch(/d=example\.com s=test2026/);
    // Outlook.com's high-volume rule: SPF and DKIM and DMARC, else 5.7.515.
    const outlook = program(report, 'outlook-com-high-volume');
    expect(outlook.verdict).toEqual({ outcome: 'rejected', because: ['spf', 'dkim', 'dmarc'], reply: '550 5.7.515 Access denied, sending domain [SendingDomain] does not meet the required authentication level.' });
    expect(outlook.requirements.find((r) => r.id === 'dkim')).toMatchObject({ state: 'not-met', rules: ['dkim-pass'] });
  });

  it('judges each receiver\'s requirements for a signed, aligned message over TLS: Outlook.com accepts, what no audit sees cannot be told', async () => {
    const { report } = await message([file('signed.eml')]);
    const outlook = program(report, 'outlook-com-high-volume');
    expect(outlook.verdict).toEqual({ outcome: 'accept', because: [] });
    expect(Object.fromEntries(outlook.requirements.map((r) => [r.id, r.state]))).toEqual({
      spf: 'met', dkim: 'met', dmarc: 'met', ptr: 'met', 'not-dynamic': 'met', 'sender-address': 'met', unsubscribe: 'cannot-tell', 'list-hygiene': 'cannot-tell',
    });
    const gmail = program(report, 'gmail-all');
    expect(gmail.requirements.find((r) => r.id === 'tls')).toMatchObject({ state: 'met', rules: ['smtp-starttls'] });
    expect(gmail.requirements.find((r) => r.id === 'spam-rate')).toMatchObject({ state: 'cannot-tell', why: expect.stringMatching(/Postmaster Tools/) });
    expect(gmail.notMet).toBe(0);
    // The receivers' words come with where and when they were read.
    for (const p of report.requirements ?? []) for (const r of p.requirements) expect(r.source).toMatch(/^https:\/\//), expect(r.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('says the TLS requirement is not met when the receiver wrote a plain-text hop', async () => {
    const { report } = await message([file('plaintext.eml')]);
    expect(program(report, 'gmail-all').requirements.find((r) => r.id === 'tls')).toMatchObject({ state: 'not-met', rules: ['smtp-starttls'] });
    expect(program(report, 'yahoo-all').requirements.find((r) => r.id === 'rfc5321-5322')).toMatchObject({ state: 'not-met', rules: ['from-domain-resolves', 'mail-from-bounces'] });
  });

  it('says a valid signature by another domain does not align', async () => {
    const { report } = await message([file('unaligned.eml')]);
    expect(statuses(report)).toMatchObject({ 'dkim-pass': 'warn', 'dmarc-pass': 'fail' });
    expect(report.results.find((r) => r.rule === 'dkim-pass')?.evidence).toMatchObject({ domains: ['example.org'], fromDomain: 'example.com' });
  });

  it('takes --ip and --helo from the caller when there is no Received header', async () => {
    const { code, report } = await message([fixture('no-received.eml'), '--ip', '23.192.228.80', '--helo', 'mail.example.com']);
    expect(code).toBe(0);
    expect(report.message).toMatchObject({ ipSource: 'caller', heloSource: 'caller', receivedCount: 0 });
    expect(statuses(report)).toMatchObject({ 'dkim-pass': 'fail', 'spf-pass': 'pass', 'dmarc-pass': 'pass' });
  });

  it.each(['postfix.eml', 'exim.eml', 'sendmail.eml', 'm365.eml', 'gmail.eml', 'cloudflare.eml', 'haraka.eml'])('finds the sender in %s', async (name) => {
    const { report } = await message([fixture(name)]);
    expect(report.target).toMatchObject({ ip: '23.192.228.80', helo: 'mail.example.com' });
    expect(statuses(report)).toMatchObject({ fcrdns: 'pass', 'spf-pass': 'pass' });
  });

  it('reads the message from standard input', async () => {
    const { readFileSync } = await import('node:fs');
    const { code, report } = await message(['-'], readFileSync(file('signed.eml'), 'utf8'));
    expect(code).toBe(0);
    expect(statuses(report)['dkim-pass']).toBe('pass');
  });

  it('prints only the Authentication-Results line with --format authres', async () => {
    const run = await runCli(['message', file('signed.eml'), '--format', 'authres'], { PTRCHECK_DNS: server.address });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Authentication-Results: ptrcheck; iprev=pass .*\r\n\tspf=pass .*\r\n\tdkim=pass .*\r\n\tdmarc=pass header\.from=example\.com\r\n$/s);
  });
});

describe('ptrcheck message on hostile and odd input', () => {
  it.each([
    ['no Received header and no --ip', [fixture('no-received.eml')], /no Received: header names the connecting IP; pass it \(--ip/],
    ['an empty file', [join('EMPTY')], /cannot read 'EMPTY': no such file/],
    ['an empty message', ['@empty.eml'], /the message is empty/],
    ['binary data', ['@binary.eml'], /not an RFC 5322 message|NUL bytes/],
    ['text without headers', ['@text.eml'], /does not start with a header field/],
    ['a directory', ['/'], /cannot read '\/': it is a directory/],
    ['a message over --max-size', ['@big.eml', '--max-size', '1'], /the message is larger than the 1\.0 MB limit/],
    ['a bad --ip', [fixture('no-received.eml'), '--ip', '999.1.1.1'], /not a valid IPv4 address/],
  ])('%s: exit 2 with one clear line', async (_what, args, msg) => {
    const resolved = args.map((a) => (a.startsWith('@') ? file(a.slice(1)) : a));
    const run = await runCli(['message', ...resolved], { PTRCHECK_DNS: server.address });
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(msg);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('audits a 30 MB message', async () => {
    const { code, report } = await message([file('big.eml')]);
    expect(code).toBe(0);
    expect(report.message?.size).toBeGreaterThan(30 * 1024 * 1024);
    expect(statuses(report)['fcrdns']).toBe('pass');
  });

  it('audits a message with 5,000 headers', async () => {
    const { code, report } = await message([file('many-headers.eml')]);
    expect(code).toBe(0);
    expect(report.message?.headerCount).toBeGreaterThan(5000);
  });

  it('reports a From of only a display name as unusable, and DMARC as unable to judge', async () => {
    const { code, report } = await message([file('malformed-from.eml')]);
    expect(code).toBe(1);
    expect(statuses(report)).toMatchObject({ 'from-domain-resolves': 'fail', 'dmarc-pass': 'fail' });
    expect(report.results.find((r) => r.rule === 'dmarc-pass')?.messageId).toBe('unevaluable');
  });

  it('looks up an IDN From domain by its A-label', async () => {
    const { report } = await message([file('idn-from.eml')]);
    expect(report.results.find((r) => r.rule === 'from-domain-resolves')).toMatchObject({ status: 'pass', evidence: { domain: 'xn--mller-kva.example.com' } });
  });

  it('judges a group From by its first mailbox', async () => {
    const { report } = await message([file('group-from.eml')]);
    expect(statuses(report)['from-domain-resolves']).toBe('pass');
  });

  it.each([
    ['--helo', 'mail.example.com\r\nX-Injected: yes\u001b[31m', /--helo contains a control character \(\\x0d\): 'mail\.example\.com\\x0d\\x0aX-Injected: yes\\x1b\[31m'/],
    ['--mail-from', 'a@b.example\r\nBcc: x@y.example', /--mail-from contains a control character \(\\x0d\)/],
    // (argv cannot carry NUL at all; an escape sequence can)
    ['--ip', '192.0.2.1\u001b[0m', /--ip contains a control character \(\\x1b\)/],
    ['--helo', `${'h'.repeat(400)}.example.com`, /--helo is longer than 300 characters/],
  ])('refuses %s carrying %j: exit 2, one line, nothing audited', async (flag, value, msg) => {
    const run = await runCli(['message', file('signed.eml'), flag, value], { PTRCHECK_DNS: server.address });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(msg);
    expect(run.stderr).not.toContain('\u001b');
  });

  it('never lets an escape sequence from a Received: HELO reach the output raw', async () => {
    const evil = 'mail.example.com\u001b[31m';
    writeFileSync(file('evil-helo.eml'), buildMessage({ from: 'news@example.com', returnPath: '<bounce@example.com>', received: [postfixHop(evil, 'mail.example.com', '23.192.228.80')] }));
    const text = await runCli(['message', file('evil-helo.eml')], { PTRCHECK_DNS: server.address });
    expect(text.stdout).not.toContain('\u001b');
    expect(text.stdout).toContain('mail.example.com\\x1b[31m');
    const authres = await runCli(['message', file('evil-helo.eml'), '--format', 'authres'], { PTRCHECK_DNS: server.address });
    expect(authres.stdout).not.toContain('\u001b');
    const { report } = await message([file('evil-helo.eml')]);
    expect(report.results.find((r) => r.rule === 'helo-fqdn')).toMatchObject({ status: 'fail', messageId: 'invalid' });
  });
});
