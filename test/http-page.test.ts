/// <reference lib="dom" />
/**
 * The report page in a real browser (the Chromium that npm ci installs,
 * driven by playwright-core; test/support/browser.ts): hostile input is shown as text and runs no script; the
 * form works without JavaScript; screenshots land in test-artifacts/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser.js';
import { docScreenshot } from './support/doc-screenshots.js';
import { useHttpServer } from './support/http.js';
import { repoRoot } from './support/repo-root.js';
import type { Report } from '../src/core/types.js';

const artifacts = join(repoRoot(), 'test-artifacts');

const srv = useHttpServer();
let browser: Browser;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await launchBrowser(); // throws with the reason when no browser can run: never a silent skip
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

async function audit(query: string): Promise<Report> {
  const res = await srv.get(`/api/v1/audit?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Report;
}

describe('report page in chromium', () => {
  it('shows hostile HELO, From and PTR strings literally and runs no script', async () => {
    const helo = '<script>window.__xss=1</script>';
    const from = '"><img src=x onerror="window.__xss=2">@example.com';
    const report = await audit(`ip=192.0.2.60&helo=${encodeURIComponent(helo)}&from=${encodeURIComponent(from)}`);
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const blocked: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    const res = await page.goto(`${srv.url}/r/${report.id}`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toMatch(/default-src 'none'/);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    const text = await page.locator('body').innerText();
    expect(text).toContain(helo);
    expect(text).toContain('<img/src=x/onerror=window.__xss=3>.example.com');
    expect(text).toContain('onerror="window.__xss=2"');
    await screenshot(page, join(artifacts, 'report-hostile.png'));
    await page.close();
  });

  it('renders a normal report: verdict, score, fixes, the exact record', async () => {
    const report = await audit('ip=192.0.2.17&helo=mail.example.com&mailFrom=bounce@example.com&from=news@example.com');
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${srv.url}/r/${report.id}`);
    expect(await page.locator('.verdict').innerText()).toBe('FAIL');
    expect(await page.locator('.gauge').innerText()).toBe(String(report.score));
    expect(await page.locator('#fix').isVisible()).toBe(true);
    expect(await page.locator('pre', { hasText: 'noaddr.example.com. 3600 IN A 192.0.2.17' }).count()).toBe(1);
    // The receivers' checklist sits near the top, above the fixes: one line per program naming what is not met; each opens to its rows.
    const headings = await page.locator('section.card > h2').allInnerTexts();
    expect(headings.indexOf('What the big receivers require')).toBe(0);
    expect(headings.indexOf('What to fix first')).toBe(1);
    const gmail = page.locator('#requirements ~ ul > li > details', { hasText: 'Gmail, all senders' });
    expect(await gmail.getAttribute('open')).toBeNull();
    expect(await gmail.locator(':scope > summary').innerText()).toMatch(/^Gmail, all senders: 1 not met · \d+ met · \d+ cannot tell$/);
    expect(await page.locator('#requirements ~ ul > li', { hasText: 'Gmail, all senders' }).locator('.missing').innerText()).toBe('Not met: The sending IP has a PTR record whose name resolves back to it');
    await gmail.locator(':scope > summary').click();
    expect(await gmail.getAttribute('open')).not.toBeNull();
    expect(await gmail.locator('li.requirement.not-met').innerText()).toMatch(/^NOT MET\s+The sending IP has a PTR record whose name resolves back to it\s+\(fcrdns\)\s+550 5\.7\.25 /);
    await gmail.locator(':scope > summary').click(); // closed again: the screenshots show the checklist as a reader first sees it
    const programs = (report.requirements ?? []).length;
    expect(await page.locator('#requirements ~ ul > li').count()).toBe(programs);
    // The stylesheet loaded under the CSP: the gauge is round.
    expect(await page.locator('.gauge').evaluate((el) => getComputedStyle(el).borderRadius)).toBe('50%');
    await screenshot(page, join(artifacts, 'report.png'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await docScreenshot(page, 'report.png', artifacts);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, join(artifacts, 'report-dark.png'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await docScreenshot(page, 'report-dark.png', artifacts);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, join(artifacts, 'report-mobile.png'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('runs an audit from the home page form with JavaScript disabled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${srv.url}/`);
    expect(await page.locator('pre', { hasText: 'curl' }).innerText()).toBe(`curl '${srv.url}/api/v1/audit?ip=192.0.2.55&helo=mail.example.com'`);
    await page.fill('input[name=ip]', '23.192.228.80');
    await page.fill('input[name=helo]', 'mail.example.com');
    await page.fill('input[name=mailFrom]', 'bounce@example.com');
    await Promise.all([page.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/), page.click('button[type=submit]')]);
    expect(await page.locator('.verdict').innerText()).toBe('PASS');
    await page.goto(`${srv.url}/`);
    await page.fill('input[name=ip]', 'mail.example.com');
    await page.click('button[type=submit]');
    expect(await page.locator('[role=alert]').innerText()).toMatch(/hostname, not an IP address/);
    await context.close();
  });

  it('shows where a message\'s IP came from and why that header', async () => {
    const body = readFileSync(join(repoRoot(), 'fixtures', 'messages', 'hops', 'exchange-hybrid.eml'));
    const res = await srv.get('/api/v1/audit/message', { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body });
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`${srv.url}/r/${report.id}`);
    const section = page.locator('section[aria-labelledby=msg]');
    expect(await section.innerText()).toMatch(/Why that header\s+the first Received: hop whose client is outside the receiving side, below 2 hop\(s\) of the receiving side \(Microsoft 365 internal relays\); confirmed by the receiver's Received-SPF \(client-ip=23\.192\.228\.80\)/);
    await section.screenshot({ path: join(artifacts, 'report-message-entry.png') });
    await page.close();
  });

  it('shows a clear page for an unknown report', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${srv.url}/r/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('No such report');
    await page.close();
  });
});
