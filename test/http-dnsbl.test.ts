/**
 * dnsbl-clean on the HTTP report page and in the JSON: a real server with
 * --dnsbl zen.spamhaus.org and list.dnswl.org, both served by the test DNS
 * server on 127.0.0.1 (fixtures/zones). The list's TXT text is hostile.
 */
import { describe, expect, it } from 'vitest';
import { useHttpServer } from './support/http.js';
import type { Report } from '../src/core/types.js';

const srv = useHttpServer({ dnsbl: ['zen.spamhaus.org', 'list.dnswl.org', 'dnsbl-2.uceprotect.net'] });

async function reportPage(ip: string): Promise<{ report: Report; html: string }> {
  const res = await srv.get(`/api/v1/audit?ip=${ip}`);
  expect(res.status).toBe(200);
  const report = (await res.json()) as Report;
  const page = await srv.get(`/r/${report.id}`);
  expect(page.status).toBe(200);
  return { report, html: await page.text() };
}

describe('the report page names the list, the code meaning, the delisting page and the receivers', () => {
  it('a ZEN listing with a hostile TXT: shown as text, the delisting page a link', async () => {
    const { report, html } = await reportPage('192.0.2.35');
    const rule = report.results.find((r) => r.rule === 'dnsbl-clean')!;
    expect(rule.status).toBe('fail');
    expect(rule.evidence).toMatchObject({ lists: expect.arrayContaining([expect.objectContaining({ zone: 'zen.spamhaus.org', name: 'Spamhaus ZEN', codes: ['127.0.0.2'], meanings: { '127.0.0.2': 'SBL: Spamhaus Block List (spam sources and operations)' }, delist: 'https://check.spamhaus.org/' })]) });
    expect(html).toContain('<table class="dnsbl">');
    expect(html).toContain('Spamhaus ZEN');
    expect(html).toContain('127.0.0.2: SBL: Spamhaus Block List (spam sources and operations)');
    expect(html).toContain('<a href="https://check.spamhaus.org/" rel="nofollow noopener">https://check.spamhaus.org/</a>');
    expect(html).toContain('Cox (cox.net), GoDaddy (secureserver.net), SpamAssassin (default rules), rspamd (RBL module, default configuration)');
    // The TXT is escaped everywhere it appears; no markup from it reaches the page.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<a href=javascript:x>');
  });

  it('an allowlist hit and an informational listing are labelled as such', async () => {
    const { report, html } = await reportPage('192.0.2.10');
    expect(report.results.find((r) => r.rule === 'dnsbl-clean')!.status).toBe('info');
    expect(html).toContain('allowlist');
    expect(html).toContain('127.0.3.3: trust high, email service provider');
    expect(html).toContain('informational, not counted');
  });
});
