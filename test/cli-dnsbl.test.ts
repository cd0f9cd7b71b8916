/**
 * The DNSBL registry end to end: the built CLI against the real test DNS
 * server, which serves stand-ins for zen.spamhaus.org, list.dnswl.org,
 * dnsbl-2.uceprotect.net and b.barracudacentral.org from fixtures/zones (on
 * 127.0.0.1 only: no real list is ever asked).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFaults, startDnsServer, type DnsTestServer } from './support/dns-server.js';
import { runCli } from './support/cli.js';
import type { Report, ReportResult } from '../src/core/types.js';

let server: DnsTestServer;
beforeAll(async () => {
  server = await startDnsServer({ faults: fixtureFaults() });
});
afterAll(() => server.close());

const lists = (...zones: string[]) => zones.flatMap((z) => ['--dnsbl', z]);
async function audit(ip: string, zones: string[]): Promise<{ code: number | null; report: Report; rule: ReportResult }> {
  const run = await runCli(['audit', ip, '--json', '--timeout', '200', ...lists(...zones)], { PTRCHECK_DNS: server.address });
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as Report;
  return { code: run.code, report, rule: report.results.find((r) => r.rule === 'dnsbl-clean')! };
}

describe('ptrcheck audit --dnsbl with lists the registry knows', () => {
  it.each([
    {
      why: 'ZEN XBL + PBL and Barracuda: each code in words, the delisting pages and who uses the lists; DNSWL does not cancel it',
      ip: '192.0.2.30', zones: ['zen.spamhaus.org', 'list.dnswl.org', 'b.barracudacentral.org'], status: 'fail',
      words: [
        'Listed on Spamhaus ZEN (zen.spamhaus.org): 127.0.0.4 = XBL: exploited host (CBL data: botnets, proxies, malware); 127.0.0.10 = PBL, ISP-maintained:',
        'the list says: https://check.spamhaus.org/query/ip/192.0.2.30; delisting: https://check.spamhaus.org/; used by Cox (cox.net), GoDaddy (secureserver.net), SpamAssassin (default rules), rspamd (RBL module, default configuration)',
        'Barracuda Reputation Block List (BRBL) (b.barracudacentral.org): 127.0.0.2 = listed on Barracuda Reputation',
        'used by Barracuda Email Security (gateway)',
        'Notes: allowlisted on DNSWL (dnswl.org) (list.dnswl.org): 127.0.6.1 = trust low, personal or private server.',
      ],
    },
    {
      why: 'UCEPROTECT level 2 (informational) lists the allocation: info; DNSWL high trust is said',
      ip: '192.0.2.10', zones: ['zen.spamhaus.org', 'list.dnswl.org', 'dnsbl-2.uceprotect.net'], status: 'info',
      words: ['only informational lists list it (shown, not counted against the sender): UCEPROTECT Level 2 (dnsbl-2.uceprotect.net): 127.0.0.2 = the allocation around this address', 'allowlisted on DNSWL (dnswl.org) (list.dnswl.org): 127.0.3.3 = trust high, email service provider'],
    },
    { why: 'ZEN 127.255.255.254: refused, never listed', ip: '192.0.2.31', zones: ['zen.spamhaus.org'], status: 'error', words: ['zen.spamhaus.org refused to answer (127.255.255.254)'] },
    { why: 'only DNSWL, which answers 127.0.0.255 (over its limit): info, the refusal noted', ip: '192.0.2.31', zones: ['list.dnswl.org'], status: 'info', words: ['No blocklist is configured, only allowlists (list.dnswl.org). Notes: list.dnswl.org could not be checked (127.0.0.255)'] },
    { why: 'ZEN SERVFAIL: cannot tell, never listed', ip: '192.0.2.33', zones: ['zen.spamhaus.org', 'list.dnswl.org'], status: 'error', words: ['Could not check zen.spamhaus.org (zen.spamhaus.org: SERVFAIL)'] },
    { why: 'ZEN timeout: cannot tell, never listed', ip: '192.0.2.34', zones: ['zen.spamhaus.org'], status: 'error', words: ['Could not check zen.spamhaus.org (zen.spamhaus.org: TIMEOUT)'] },
    {
      why: 'IPv6: ZEN asked in nibble form (PBL), Barracuda not asked (it does not answer for IPv6)',
      ip: '2001:db8::27', zones: ['zen.spamhaus.org', 'b.barracudacentral.org'], status: 'fail',
      words: ['Listed on Spamhaus ZEN (zen.spamhaus.org): 127.0.0.11 = PBL, Spamhaus-maintained', 'Notes: b.barracudacentral.org does not answer for IPv6 addresses, so it was not asked (not clear, not listed).'],
    },
    { why: 'IPv6 with only an IPv4-only list: not checked, neither clear nor listed', ip: '2001:db8::27', zones: ['b.barracudacentral.org'], status: 'skip', words: ['b.barracudacentral.org does not answer for IPv6 addresses'] },
    { why: 'IPv6 allowlist hit in nibble form', ip: '2001:db8::25', zones: ['zen.spamhaus.org', 'list.dnswl.org'], status: 'pass', words: ['Not listed on zen.spamhaus.org. Notes: allowlisted on DNSWL (dnswl.org) (list.dnswl.org): 127.0.9.2 = trust medium, media and tech company.'] },
  ])('$why', async ({ ip, zones, status, words }) => {
    const { rule, report } = await audit(ip, zones);
    expect(rule.status).toBe(status);
    for (const w of words) expect(rule.message).toContain(w);
    // The JSON carries every list, registered or not, with what it said.
    const seen = (rule.evidence as { lists: { zone: string; registered: boolean }[] }).lists;
    expect(seen.map((l) => [l.zone, l.registered])).toEqual(zones.map((z) => [z, true]));
    // A list that could not answer leaves the report partial ("cannot tell"), never a listing.
    if (status === 'error') expect(report.partial).toBe(true);
  });

  it('never asks an IPv4-only list about an IPv6 address', async () => {
    const before = server.queries.length;
    await audit('2001:db8::27', ['zen.spamhaus.org', 'b.barracudacentral.org']);
    const asked = server.queries.slice(before).map((q) => q.name);
    expect(asked.filter((n) => n.endsWith('.b.barracudacentral.org'))).toEqual([]);
    expect(asked).toContain('7.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.spamhaus.org');
  });

  it('an informational listing takes nothing off the score: the same as with no list at all', async () => {
    const none = JSON.parse((await runCli(['audit', '192.0.2.10', '--json'], { PTRCHECK_DNS: server.address })).stdout) as Report;
    const { report, code } = await audit('192.0.2.10', ['dnsbl-2.uceprotect.net']);
    expect({ score: report.score, verdict: report.verdict, code }).toEqual({ score: none.score, verdict: none.verdict, code: 0 });
  });

  it('an allowlist hit takes nothing off either, and a ZEN listing still fails with it', async () => {
    const zen = await audit('192.0.2.10', ['zen.spamhaus.org']);
    const both = await audit('192.0.2.10', ['zen.spamhaus.org', 'list.dnswl.org']);
    expect(both.report.score).toBe(zen.report.score);
    expect((await audit('192.0.2.30', ['zen.spamhaus.org', 'list.dnswl.org'])).rule.status).toBe('fail');
  });

  it('a hostile TXT reason is data: escaped in the text report, whole in the JSON', async () => {
    const { rule } = await audit('192.0.2.35', ['zen.spamhaus.org']);
    expect(rule.message).toContain('the list says: <script>alert(1)</script> \u001b[2J see <a href=javascript:x>');
    const text = await runCli(['audit', '192.0.2.35', '--timeout', '200', '--dnsbl', 'zen.spamhaus.org'], { PTRCHECK_DNS: server.address });
    expect(text.stdout).not.toContain('\u001b');
    expect(text.stdout).toContain('\\x1b[2J');
  });
});

describe('dead and domain lists are refused before any query', () => {
  it.each([
    [['--dnsbl', 'dnsbl.sorbs.net'], {}, "ptrcheck: --dnsbl: dnsbl.sorbs.net is SORBS, dead since 2024-06-05: Proofpoint decommissioned SORBS; its servers no longer answer and it holds no reputation data. Remove it"],
    [['--dnsbl', 'zen.spamhaus.org,spam.dnsbl.sorbs.net'], {}, /^ptrcheck: --dnsbl: spam\.dnsbl\.sorbs\.net is SORBS, dead since 2024-06-05/],
    [[], { PTRCHECK_DNSBL: 'dnsbl.ahbl.org' }, /^ptrcheck: --dnsbl: dnsbl\.ahbl\.org is AHBL, dead since 2015-01-01: shut down; since 2015 it answers every query as listed/],
    [['--dnsbl', 'dnsbl.njabl.org'], {}, /dead since 2013-03-01/],
    [['--dnsbl', 'list.dsbl.org'], {}, /dead since 2009-03-09/],
    [['--dnsbl', 'dbl.spamhaus.org'], {}, /^ptrcheck: --dnsbl: dbl\.spamhaus\.org is Spamhaus DBL \(domains\): it lists domains, not IP addresses/],
  ] as const)('%j %j → exit 2', async (args, env, message) => {
    const before = server.queries.length;
    const run = await runCli(['audit', '192.0.2.30', ...args], { PTRCHECK_DNS: server.address, ...env });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    if (typeof message === 'string') expect(run.stderr.trim()).toBe(message);
    else expect(run.stderr).toMatch(message);
    expect(server.queries.length).toBe(before);
  });
});
