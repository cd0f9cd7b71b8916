/**
 * ptrcheck bounce, POST /api/v1/bounce and the page's "Paste a bounce" form,
 * against the zone-servers world: each fixture's IP is audited now, and the
 * answer says whether the problem is still there, published but cached, or
 * fixed since.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { useNetworkHttpServer } from './support/http.js';
import { useBrowser, screenshot } from './support/browser.js';
import { repoRoot } from './support/repo-root.js';
import type { BounceResult } from '../src/bounce/check.js';

const FIXTURES = join(repoRoot(), 'fixtures', 'bounces');
const srv = useNetworkHttpServer();
const chromium = useBrowser();

const NOW: [string, BounceResult['now']['status'], number, RegExp][] = [
  ['postfix-gmail-ptr.eml', 'published', 0, /already answer mail\.fresh\.example; your resolver has cached the old answer \(none\) for another 41 minutes/],
  ['exchange-m365-ipv6.eml', 'still-there', 1, /still there \(ptr-present\)/],
  ['exim-comcast-ptr.txt', 'still-there', 1, /still there \(ptr-present, fcrdns\)/],
  ['sendmail-gmx-ptr.eml', 'fixed', 0, /Fixed since.*GMX \/ WEB\.DE \/ mail\.com is now predicted to accept/],
  ['outlook-dy001.txt', 'still-there', 1, /still there \(ptr-not-generic\)/],
  ['yahoo-unauthenticated.txt', 'no-ip', 0, /does not name the sending IP/],
  ['unknown.txt', 'not-rechecked', 0, /cannot re-check this kind of refusal/],
];

describe('ptrcheck bounce with a resolver that never answers (issue 26.2)', () => {
  let silent: dgram.Socket;
  let address = '';
  beforeAll(async () => {
    silent = dgram.createSocket('udp4');
    await new Promise<void>((r) => silent.bind(0, '127.0.0.1', () => r()));
    address = `127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  afterAll(() => silent.close());

  // Every bounce whose problem a fresh audit would judge: with no answers, it cannot be judged. Never still there, published or fixed.
  const RECHECKED = NOW.filter(([, status]) => status === 'still-there' || status === 'published' || status === 'fixed');
  it.each(RECHECKED)('%s → cannot-check (was %s with answers), exit 0', async (file) => {
    const run = await runCli(['bounce', join(FIXTURES, file), '--json', '--timeout', '200', '--dns', address]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as BounceResult;
    expect(result.now.status).toBe('cannot-check');
    expect(result.now.message).toMatch(/^Could not check again: the lookups this needs did not answer\. (PTR|SOA|A|AAAA) \S+ TIMEOUT.* failed, so .*(ptr-present|ptr-not-generic).* could not be judged\. Run the check again in a few minutes\.$/);
    expect(result.audit?.partial).toBe(true);
  });

  it('the text says it too, with no verdict word', async () => {
    const run = await runCli(['bounce', join(FIXTURES, 'sendmail-gmx-ptr.eml'), '--timeout', '200', '--dns', address]);
    expect(run.stdout).toMatch(/Now: Could not check again/);
    expect(run.stdout).not.toMatch(/Fixed since|still there|is now predicted to accept/);
  });
});

describe('ptrcheck bounce', () => {
  it.each(NOW)('%s → %s (exit %i)', async (file, status, exit, message) => {
    const run = await runCli(['bounce', join(FIXTURES, file), '--json', '--timeout', '300'], srv.net.env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(exit);
    const result = JSON.parse(run.stdout) as BounceResult;
    expect(result.now.status).toBe(status);
    expect(result.now.message).toMatch(message);
    if (result.bounce.ip) expect(result.audit?.target.ip).toBe(result.bounce.ip);
    else expect(result.audit).toBeUndefined();
  });

  it('prints the receiver, the code in its meaning and the registry\'s, the IP and how it stands now', async () => {
    const run = await runCli(['bounce', '-', '--timeout', '300'], srv.net.env, readFileSync(join(FIXTURES, 'postfix-gmail-ptr.eml'), 'utf8'));
    expect(run.stdout).toMatch(/Receiver +Gmail \(gmail-smtp-in\.l\.google\.com\)/);
    expect(run.stdout).toMatch(/Code +550 5\.7\.25/);
    expect(run.stdout).toMatch(/Means +Gmail: the sending IP has no PTR record/);
    expect(run.stdout).toMatch(/IANA registry +Reverse DNS validation failed \(RFC 7372\)/);
    expect(run.stdout).toMatch(/Sending IP +203\.0\.113\.10/);
    expect(run.stdout).toMatch(/^Now: The fix is published at the reverse zone's own servers/m);
  });

  it.each([
    [['bounce'], /bounce needs a file/],
    [['bounce', '/nonexistent/bounce.eml'], /cannot read '\/nonexistent\/bounce\.eml'/],
    [['bounce', '-'], /the bounce is empty/],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const run = await runCli(args, srv.net.env, '');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('POST /api/v1/bounce', () => {
  it('decodes a DSN sent as message/rfc822 and audits its IP (kept, with its report)', async () => {
    const res = await srv.get('/api/v1/bounce', { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: readFileSync(join(FIXTURES, 'exchange-m365-ipv6.eml')) });
    expect(res.status).toBe(200);
    const result = (await res.json()) as BounceResult;
    expect(result.bounce).toMatchObject({ receiver: { id: 'microsoft-365' }, enhanced: '4.7.25', ip: '3fff:0:3::25' });
    expect(result.now.status).toBe('still-there');
    expect(result.audit!.receivers.find((r) => r.id === 'microsoft-365')).toMatchObject({ outcome: 'deferred' });
    expect((await srv.get(`/api/v1/reports/${result.audit!.id}`)).status).toBe(200);
  });

  it.each([
    ['text/html', 'x', 415],
    ['text/plain', '   ', 400],
  ])('%s body %j → %i, never a 500', async (type, body, status) => {
    const res = await srv.get('/api/v1/bounce', { method: 'POST', headers: { 'content-type': type }, body });
    expect(res.status).toBe(status);
  });
});

describe('"Paste a bounce" on the page (no JavaScript)', () => {
  it('posts the pasted text and shows what it means now, with a link to the report', async () => {
    const page = await chromium.browser.newPage({ javaScriptEnabled: false });
    try {
      await page.goto(`${srv.url}/`);
      await page.getByLabel('Bounce text').fill(readFileSync(join(FIXTURES, 'gmail-ipv6-pasted.txt'), 'utf8'));
      await Promise.all([page.waitForURL(`${srv.url}/bounce`), page.getByRole('button', { name: 'Explain this bounce' }).click()]);
      const text = await page.locator('main').innerText();
      expect(text).toMatch(/Receiver\s+Gmail/);
      expect(text).toMatch(/Meaning there\s+Gmail: blocked by policy; over IPv6 it is the PTR-and-authentication requirement/);
      expect(text).toMatch(/Sending IP\s+3fff:0:1::25/);
      expect(await page.getByRole('status').innerText()).toMatch(/published at the reverse zone's own servers/);
      const link = page.getByRole('link', { name: /The full report for 3fff:0:1::25/ });
      await link.click();
      expect(await page.getByRole('heading', { name: 'How receivers will treat this' }).count()).toBe(1);
      const gmailRow = await page.locator('tr', { hasText: 'Gmail' }).first().innerText();
      expect(gmailRow).toMatch(/rejects \(5xx\)/);
      await screenshot(page, join('test-artifacts', 'bounce-report.png'));
      await page.locator('section', { hasText: 'How receivers will treat this' }).screenshot({ path: join('test-artifacts', 'receivers-table.png') });
    } finally {
      await page.close();
    }
  });
});
