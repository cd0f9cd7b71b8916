/// <reference lib="dom" />
/**
 * The pages with axe-core (run inside the tests' Chromium): no serious or
 * critical violations on the home page, a failing report, the inbox page,
 * the watch page, the monitoring pages (list and a target's timeline) and a
 * decoded bounce, in light and dark, narrow and wide.
 * And the forms work from the keyboard alone.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.js';
import { useNetworkHttpServer } from './support/http.js';
import { useSink } from './support/sink.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ADMIN_TOKEN = 'axe admin token';
const srv = useNetworkHttpServer({ adminToken: ADMIN_TOKEN });
const chromium = useBrowser();
const sink = useSink();

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

async function violationsAt(url: string, colorScheme: 'light' | 'dark', width: number, signedIn: boolean): Promise<Violation[]> {
  const page = await chromium.browser.newPage({ colorScheme, viewport: { width, height: 900 } });
  // The /monitors pages open with the admin cookie, as after their login form; without it they show that form.
  if (signedIn) await page.context().addCookies([{ name: 'ptrcheck_admin', value: encodeURIComponent(ADMIN_TOKEN), url: `${srv.url}/monitors` }]);
  try {
    const status = (await page.goto(url))?.status();
    // The page meant, not an error page: the login form answers 401, everything else 200.
    const meant = url.includes('/monitors') && !signedIn ? 401 : 200;
    if (status !== meant) return [{ id: 'status', impact: 'critical', help: `HTTP ${status}, not ${meant}`, nodes: [] }];
    // Evaluated through the debugging protocol: the page's CSP (no script) does not apply to it.
    await page.evaluate(AXE);
    return (await page.evaluate(async () => (await (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe.run()).violations)) as Violation[];
  } finally {
    await page.close();
  }
}

async function pages(): Promise<[string, string, boolean?][]> {
  const report = (await (await srv.get('/api/v1/audit?ip=203.0.113.10&helo=mail.fresh.example&from=news@fresh.example')).json()) as { id: string };
  const inbox = (await (await fetch(`${sink.http}/api/v1/inbox`, { method: 'POST' })).json()) as { token: string };
  const list: [string, string, boolean?][] = [
    ['home', '/'],
    ['a failing report', `/r/${report.id}`],
    ['the watch page', '/watch?ip=203.0.113.10&expect=mail.fresh.example'],
  ];
  list.push(['an inbox waiting for mail', `/inbox/${inbox.token}`]);
  // A watched target with a baseline, a look and a confirmed transition: the timeline chart and its table.
  const monitors = srv.store.monitors;
  const id = 'm_axe000000001';
  if (!(await monitors.findMonitor(id))) {
    const t0 = Date.parse('2026-12-07T00:00:00Z');
    await monitors.addMonitor({ id, target: '203.0.113.10', kind: 'ip', label: 'outbound', createdAt: t0 });
    await monitors.setState(id, '203.0.113.10', { verdict: 'fail', failing: ['ptr-present'] }, t0 + 7_200_000);
    await monitors.record([
      { monitorId: id, ip: '203.0.113.10', at: t0, kind: 'baseline', data: { verdict: 'pass', failing: [], score: 100 } },
      { monitorId: id, ip: '203.0.113.10', at: t0 + 3_600_000, kind: 'look', data: { verdict: 'pass', score: 100 } },
      { monitorId: id, ip: '203.0.113.10', at: t0 + 7_200_000, kind: 'transition', data: { from: { verdict: 'pass', failing: [] }, to: { verdict: 'fail', failing: ['ptr-present'] }, score: 40 } },
    ]);
  }
  list.push(['the monitor list', '/monitors', true], ['a monitored target', `/monitors/${id}`, true], ['the monitor login form', '/monitors', false]);
  return list;
}

describe('accessibility (axe-core in Chromium)', () => {
  it('has no serious or critical violations, in light and dark, narrow and wide', async () => {
    const found: string[] = [];
    for (const [name, path, signedIn = false] of await pages()) {
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const width of [375, 1280]) {
          const base = path.startsWith('/inbox/') ? sink.http : srv.url;
          for (const v of (await violationsAt(`${base}${path}`, colorScheme, width, signedIn)).filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
            found.push(`${name} (${colorScheme}, ${width}px): ${v.id} ${v.impact}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
          }
        }
      }
    }
    expect(found).toEqual([]);
  }, 120_000);

  it('the decoded bounce page too', async () => {
    const page = await chromium.browser.newPage({ javaScriptEnabled: true });
    try {
      await page.goto(`${srv.url}/`);
      await page.getByLabel('Bounce text').fill('550-5.7.25 [203.0.113.10] The IP address sending this message does not have a PTR record setup - gsmtp');
      await Promise.all([page.waitForURL(`${srv.url}/bounce`), page.getByRole('button', { name: 'Explain this bounce' }).click()]);
      await page.evaluate(AXE);
      const violations = (await page.evaluate(async () => (await (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe.run()).violations)) as Violation[];
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the audit form works from the keyboard alone', async () => {
    const page = await chromium.browser.newPage({ javaScriptEnabled: false });
    try {
      await page.goto(`${srv.url}/`);
      await page.keyboard.press('Tab'); // the brand link
      await page.keyboard.press('Tab'); // the IP field
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('ip');
      await page.keyboard.type('203.0.113.11');
      await Promise.all([page.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/), page.keyboard.press('Enter')]);
      expect(await page.getByRole('heading', { level: 1 }).first().innerText()).toContain('203.0.113.11');
    } finally {
      await page.close();
    }
  });
});
