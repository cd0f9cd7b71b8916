/**
 * End to end: the built CLI against the real test DNS server, one row per
 * scenario of the IP audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFaults, startDnsServer, type DnsTestServer } from './support/dns-server.js';
import { runCli } from './support/cli.js';
import type { Report, Status } from '../src/core/types.js';

let server: DnsTestServer;
beforeAll(async () => {
  server = await startDnsServer({ faults: fixtureFaults() });
});
afterAll(() => server.close());

async function auditJson(ip: string, extra: string[] = []): Promise<{ code: number | null; report: Report; stderr: string }> {
  const run = await runCli(['audit', ip, '--json', '--timeout', '200', ...extra], { PTRCHECK_DNS: server.address });
  expect(run.stderr).toBe('');
  return { code: run.code, report: JSON.parse(run.stdout) as Report, stderr: run.stderr };
}

const statusOf = (r: Report): Record<string, Status> => Object.fromEntries(r.results.map((x) => [x.rule, x.status]));

interface Scenario {
  why: string;
  ip: string;
  exit: 0 | 1;
  verdict: Report['verdict'];
  iprev: Report['iprev'];
  ptr: string[];
  statuses: Partial<Record<string, Status>>;
  partial?: boolean;
}

const scenarios: Scenario[] = [
  { why: 'clean sender', ip: '23.192.228.80', exit: 0, verdict: 'pass', iprev: 'pass', ptr: ['mail.example.com'], statuses: { 'ip-public': 'pass', 'ptr-present': 'pass', 'ptr-single': 'pass', 'ptr-hostname': 'pass', 'ptr-not-generic': 'pass', fcrdns: 'pass' } },
  { why: 'clean IPv6 sender', ip: '2600:1406:3a00:21::173e:2e65', exit: 0, verdict: 'pass', iprev: 'pass', ptr: ['mail.example.com'], statuses: { fcrdns: 'pass', 'ip-public': 'pass' } },
  { why: 'clean sender in a documentation range: only ip-public warns', ip: '192.0.2.10', exit: 0, verdict: 'warn', iprev: 'pass', ptr: ['mx1.example.com'], statuses: { 'ip-public': 'warn', fcrdns: 'pass' } },
  { why: 'NXDOMAIN', ip: '192.0.2.11', exit: 1, verdict: 'fail', iprev: 'permerror', ptr: [], statuses: { 'ptr-present': 'fail', fcrdns: 'fail', 'ptr-single': 'skip', 'ptr-hostname': 'skip', 'ptr-not-generic': 'skip' } },
  { why: 'NODATA', ip: '192.0.2.12', exit: 1, verdict: 'fail', iprev: 'permerror', ptr: [], statuses: { 'ptr-present': 'fail', fcrdns: 'fail' } },
  { why: 'SERVFAIL is an error, not a failure', ip: '192.0.2.13', exit: 0, verdict: 'warn', iprev: 'temperror', ptr: [], partial: true, statuses: { 'ptr-present': 'error', fcrdns: 'error' } },
  { why: 'timeout is an error, not a failure', ip: '192.0.2.14', exit: 0, verdict: 'warn', iprev: 'temperror', ptr: [], partial: true, statuses: { 'ptr-present': 'error', fcrdns: 'error' } },
  { why: 'truncated UDP answer retried over TCP', ip: '192.0.2.15', exit: 0, verdict: 'warn', iprev: 'pass', ptr: ['mx-tcp.example.com'], statuses: { 'ptr-present': 'pass', fcrdns: 'pass' } },
  { why: 'two PTRs, one confirmed', ip: '192.0.2.16', exit: 0, verdict: 'warn', iprev: 'pass', ptr: ['old-name.example.net', 'mx2.example.com'], statuses: { 'ptr-single': 'warn', fcrdns: 'pass' } },
  { why: 'PTR name without an A record', ip: '192.0.2.17', exit: 1, verdict: 'fail', iprev: 'fail', ptr: ['noaddr.example.com'], statuses: { 'ptr-present': 'pass', fcrdns: 'fail' } },
  { why: 'PTR name resolving elsewhere', ip: '192.0.2.18', exit: 1, verdict: 'fail', iprev: 'fail', ptr: ['elsewhere.example.com'], statuses: { fcrdns: 'fail' } },
  { why: 'underscore in the PTR name', ip: '192.0.2.19', exit: 0, verdict: 'warn', iprev: 'pass', ptr: ['mail_out.example.com'], statuses: { 'ptr-hostname': 'fail', fcrdns: 'pass' } },
  { why: 'single-label PTR name', ip: '192.0.2.20', exit: 1, verdict: 'fail', iprev: 'fail', ptr: ['mailhost'], statuses: { 'ptr-hostname': 'fail', fcrdns: 'fail' } },
  { why: 'an IP address as the PTR name', ip: '192.0.2.21', exit: 1, verdict: 'fail', iprev: 'fail', ptr: ['192.0.2.21'], statuses: { 'ptr-hostname': 'fail', 'ptr-not-generic': 'warn', fcrdns: 'fail' } },
  { why: 'forward lookup SERVFAIL', ip: '192.0.2.22', exit: 0, verdict: 'warn', iprev: 'temperror', ptr: ['flaky.example.com'], partial: true, statuses: { fcrdns: 'error' } },
  { why: 'residential pool name', ip: '192.0.2.30', exit: 0, verdict: 'warn', iprev: 'pass', ptr: ['192-0-2-30.dsl.dynamic.example.net'], statuses: { 'ptr-not-generic': 'fail', fcrdns: 'pass' } },
  { why: 'AWS default name', ip: '192.0.2.31', exit: 0, verdict: 'warn', iprev: 'pass', ptr: ['ec2-192-0-2-31.compute-1.amazonaws.com'], statuses: { 'ptr-not-generic': 'warn' } },
  { why: 'Hetzner default name', ip: '192.0.2.32', exit: 0, verdict: 'warn', iprev: 'pass', ptr: ['static.32.2.0.192.clients.your-server.de'], statuses: { 'ptr-not-generic': 'warn' } },
  { why: 'twelve PTRs, the confirming one past the cap', ip: '192.0.2.40', exit: 1, verdict: 'fail', iprev: 'fail', ptr: Array.from({ length: 12 }, (_, i) => `h${i}.fleet.example.com`), statuses: { 'ptr-single': 'warn', fcrdns: 'fail' } },
  { why: 'RFC 2317 CNAME delegation', ip: '198.51.100.70', exit: 0, verdict: 'warn', iprev: 'pass', ptr: ['smtp.example.org'], statuses: { 'ptr-present': 'pass', fcrdns: 'pass' } },
  { why: 'RFC 2317 delegation with nothing in the child zone', ip: '198.51.100.71', exit: 1, verdict: 'fail', iprev: 'permerror', ptr: [], statuses: { 'ptr-present': 'fail' } },
  { why: 'IPv6 clean (documentation range)', ip: '2001:db8::25', exit: 0, verdict: 'warn', iprev: 'pass', ptr: ['mail6.example.com'], statuses: { fcrdns: 'pass', 'ptr-not-generic': 'pass' } },
  { why: 'IPv6 PTR name resolving elsewhere', ip: '2001:db8::26', exit: 1, verdict: 'fail', iprev: 'fail', ptr: ['mail6-old.example.com'], statuses: { fcrdns: 'fail' } },
  { why: 'IPv6 without PTR', ip: '2001:db8::27', exit: 1, verdict: 'fail', iprev: 'permerror', ptr: [], statuses: { 'ptr-present': 'fail' } },
  { why: 'IPv6 generic nibble-style name', ip: '2001:db8::1:c000:250', exit: 0, verdict: 'warn', iprev: 'pass', ptr: ['2001-db8--1-c000-250.ip6.dyn.example.net'], statuses: { 'ptr-not-generic': 'fail' } },
];

describe('ptrcheck audit --json', () => {
  it.each(scenarios.map((s) => [s.why, s] as const))('%s', async (_why, s) => {
    const { code, report } = await auditJson(s.ip);
    expect({ code, verdict: report.verdict, iprev: report.iprev, ptr: report.ptr, partial: report.partial }).toEqual({
      code: s.exit, verdict: s.verdict, iprev: s.iprev, ptr: s.ptr, partial: s.partial ?? false,
    });
    expect(statusOf(report)).toMatchObject(s.statuses);
  });

  it('writes a complete version 1 report', async () => {
    const { report } = await auditJson('192.0.2.11', ['--helo', 'mail.example.org', '--from', 'news@example.org']);
    expect(Object.keys(report).sort()).toEqual(
      ['authenticationResults', 'createdAt', 'dns', 'elapsedMs', 'id', 'iprev', 'partial', 'ptr', 'remediation', 'receivers', 'requirements', 'results', 'score', 'target', 'verdict', 'version', 'zoneServers'].sort(),
    );
    expect(report.version).toBe(1);
    expect(report.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Date(report.createdAt).toISOString()).toBe(report.createdAt);
    expect(report.target).toEqual({ ip: '192.0.2.11', helo: 'mail.example.org', from: 'news@example.org' });
    expect(report.results.map((r) => r.rule)).toEqual(['ip-public', 'ptr-present', 'ptr-single', 'ptr-hostname', 'ptr-not-generic', 'fcrdns', 'ptr-website', 'ptr-propagated', 'forward-propagated', 'reverse-zone-delegation', 'reverse-zone-servers', 'dnsbl-clean', 'helo-fqdn', 'helo-literal-match', 'helo-resolves', 'helo-matches-ip', 'helo-matches-ptr', 'helo-not-generic', 'helo-not-impersonating', 'from-domain-resolves', 'mail-from-bounces', 'from-aligned', 'spf-pass', 'dkim-pass', 'dmarc-policy', 'dmarc-pass', 'smtp-starttls', 'smtp-banner', 'message-id-present', 'list-unsubscribe']);
    expect(report.dns.map((d) => `${d.type} ${d.name} ${d.rcode}`)).toEqual(
      expect.arrayContaining(['PTR 11.2.0.192.in-addr.arpa NXDOMAIN', 'SOA 11.2.0.192.in-addr.arpa NXDOMAIN', 'NS 2.0.192.in-addr.arpa NOERROR']),
    );
    const ptrResult = report.results.find((r) => r.rule === 'ptr-present')!;
    expect(ptrResult).toMatchObject({ status: 'fail', title: 'The IP has no PTR record', messageId: 'nxdomain' });
    expect(ptrResult.remedy).toMatch(/holder of the reverse zone/);
    // The PTR is missing, so the zone's own servers (the fixtures name the test server itself) were asked directly, recursion off.
    expect(report.zoneServers).toMatchObject({ why: 'ptr-missing', zone: '2.0.192.in-addr.arpa', name: '11.2.0.192.in-addr.arpa', resolver: { answer: 'none' } });
    expect(report.zoneServers!.servers.map((s) => [s.server, s.address, s.answer, s.serial])).toEqual([
      ['ns1.isp.example', '127.0.0.1', 'none', 2026112501],
      ['ns2.isp.example', '127.0.0.1', 'none', 2026112501],
    ]);
    expect(report.dns.filter((d) => d.authoritative !== undefined).map((d) => `${d.type} ${d.name} ${d.rcode} aa=${d.authoritative}`)).toEqual(
      expect.arrayContaining(['PTR 11.2.0.192.in-addr.arpa NXDOMAIN aa=true', 'SOA 2.0.192.in-addr.arpa NOERROR aa=true', 'NS 2.0.192.in-addr.arpa NOERROR aa=true']),
    );
    expect(report.results.find((r) => r.rule === 'ptr-propagated')).toMatchObject({ status: 'pass', messageId: 'agree' });
    // How receivers will treat it: Gmail refuses an IP without PTR, Postfix defers it, each quoting its own reply.
    const by = Object.fromEntries(report.receivers.map((r) => [r.id, r]));
    expect(by.gmail).toMatchObject({ outcome: 'rejected', rules: ['ptr-present'], source: 'https://support.google.com/mail/answer/81126', checked: '2026-12-01' });
    expect(by.gmail!.reply).toMatch(/^550 5\.7\.25 /);
    expect(by.postfix).toMatchObject({ outcome: 'deferred' });
    expect(by.comcast).toMatchObject({ outcome: 'rejected' });
    expect(by['microsoft-365']).toMatchObject({ outcome: 'accept' });
  });

  it('says exactly what to create, where, and how to check', async () => {
    const { report } = await auditJson('192.0.2.11', ['--helo', 'mail.example.org']);
    expect(report.remediation).toMatchObject({
      needed: true,
      reverseName: '11.2.0.192.in-addr.arpa.',
      zone: '2.0.192.in-addr.arpa.',
      nameservers: ['ns1.isp.example', 'ns2.isp.example'],
      contact: 'hostmaster@isp.example',
      hostname: 'mail.example.org',
      hostnameIsPlaceholder: false,
      record: '11.2.0.192.in-addr.arpa. 3600 IN PTR mail.example.org.',
      forwardRecord: 'mail.example.org. 3600 IN A 192.0.2.11',
    });
    expect(report.remediation.verify).toContain('dig +short -x 192.0.2.11');
    expect(report.remediation.verify).toContain('dig +short A mail.example.org');
    expect(report.remediation.controlledBy).toMatch(/2\.0\.192\.in-addr\.arpa.*ns1\.isp\.example.*not your domain's DNS host/);
    expect(report.remediation.propagation).toMatch(/5 minutes/);
  });

  it('points RFC 2317 remediation at the delegated zone', async () => {
    const { report } = await auditJson('198.51.100.71', ['--from', 'bounce@example.org']);
    expect(report.remediation).toMatchObject({
      zone: '64-127.100.51.198.in-addr.arpa.',
      delegatedTo: '71.64-127.100.51.198.in-addr.arpa.',
      record: '71.64-127.100.51.198.in-addr.arpa. 3600 IN PTR mail.example.org.',
    });
    expect(report.remediation.controlledBy).toMatch(/RFC 2317/);
  });

  it('names the cloud provider and its own steps', async () => {
    const { report } = await auditJson('192.0.2.31');
    expect(report.remediation.controlledBy).toMatch(/Amazon Web Services/);
    expect(report.remediation.providerSteps).toMatch(/Elastic IP/);
  });

  it('keeps a good existing PTR name and asks only for the forward record', async () => {
    const { report } = await auditJson('192.0.2.17');
    expect(report.remediation).toMatchObject({ hostname: 'noaddr.example.com', forwardRecord: 'noaddr.example.com. 3600 IN A 192.0.2.17' });
  });
});

describe('ptrcheck audit (text)', () => {
  it('prints the verdict, each check, the fix and the lookups, without colour under NO_COLOR', async () => {
    const run = await runCli(['audit', '192.0.2.11', '--timeout', '200'], { PTRCHECK_DNS: server.address, NO_COLOR: '1' });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/\x1b\[/);
    expect(run.stdout).toMatch(/^ptrcheck {2}192\.0\.2\.11 {2}→ {2}\(no PTR\)$/m);
    expect(run.stdout).toMatch(/ FAIL +score \d+\/100 {2}iprev=permerror/);
    expect(run.stdout).toMatch(/✖ fail {2}ptr-present/);
    expect(run.stdout).toMatch(/What to fix first/);
    expect(run.stdout).toMatch(/PTR record +11\.2\.0\.192\.in-addr\.arpa\. 3600 IN PTR mail\.example\.com\./);
    expect(run.stdout).toMatch(/PTR {2}11\.2\.0\.192\.in-addr\.arpa {2}NXDOMAIN/);
  });

  it('uses colour when forced', async () => {
    const run = await runCli(['audit', '23.192.228.80'], { PTRCHECK_DNS: server.address, NO_COLOR: '', FORCE_COLOR: '1' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\x1b\[32m/);
  });

  it('marks a partial audit', async () => {
    const run = await runCli(['audit', '192.0.2.13'], { PTRCHECK_DNS: server.address });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/incomplete: some lookups failed temporarily/);
  });

  it('audits over DNS over HTTPS with --doh', async () => {
    const doh = await startDnsServer({ faults: fixtureFaults(), doh: true });
    try {
      const run = await runCli(['audit', '23.192.228.80', '--doh', doh.dohUrl!, '--json'], { PTRCHECK_DNS: '127.0.0.1:9' });
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as Report;
      expect(report.verdict).toBe('pass');
      expect(new Set(report.dns.map((d) => d.transport))).toEqual(new Set(['doh']));
    } finally {
      await doh.close();
    }
  });

  it('refuses a plain-http DoH URL to a non-loopback host', async () => {
    const run = await runCli(['audit', '23.192.228.80', '--doh', 'http://dns.example.com/dns-query']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/must be an https URL/);
  });

  it('takes --dns over PTRCHECK_DNS', async () => {
    const run = await runCli(['audit', '23.192.228.80', '--dns', server.address, '--json'], { PTRCHECK_DNS: '127.0.0.1:9' });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Report).dns[0]?.server).toBe(server.address);
  });
});

describe('ptrcheck audit --dnsbl (RFC 5782, against bl.example.net in the fixtures)', () => {
  const dnsbl = (r: Report) => r.results.find((x) => x.rule === 'dnsbl-clean')!;

  it.each([
    ['192.0.2.10', 'pass', /Not listed on bl\.example\.net/],
    ['192.0.2.30', 'fail', /Listed on bl\.example\.net \(127\.0\.0\.4: Dynamic IP range, see https:\/\/bl\.example\.net\/lookup\?ip=192\.0\.2\.30\)/],
    ['192.0.2.31', 'error', /refused to answer \(127\.255\.255\.254\)/],
    ['192.0.2.32', 'error', /Could not check bl\.example\.net \(bl\.example\.net: SERVFAIL/],
    ['2001:db8::27', 'fail', /Listed on bl\.example\.net \(127\.0\.0\.3\)/],
    ['2001:db8::25', 'pass', /Not listed/],
  ] as const)('%s → %s', async (ip, status, message) => {
    const { report } = await auditJson(ip, ['--dnsbl', 'bl.example.net']);
    expect(dnsbl(report).status).toBe(status);
    expect(dnsbl(report).message).toMatch(message);
    expect(report.dns.some((d) => d.name.endsWith('.bl.example.net') && d.type === 'A')).toBe(true);
  });

  it('asks TXT only for a listing (lists count queries)', async () => {
    const clear = (await auditJson('192.0.2.10', ['--dnsbl', 'bl.example.net'])).report;
    const listed = (await auditJson('192.0.2.30', ['--dnsbl', 'bl.example.net'])).report;
    expect(clear.dns.filter((d) => d.type === 'TXT')).toEqual([]);
    expect(listed.dns.filter((d) => d.type === 'TXT').map((d) => d.name)).toEqual(['30.2.0.192.bl.example.net']);
  });

  it('a listing is a failing check but not a critical one: the verdict is warn when the rest is clean', async () => {
    const { report, code } = await auditJson('23.192.228.80', ['--dnsbl', 'bl.example.net']);
    expect(dnsbl(report).status).toBe('pass');
    expect(code).toBe(0);
  });

  it('is skipped, saying how to turn it on, when no list is configured', async () => {
    const { report } = await auditJson('192.0.2.30');
    expect(dnsbl(report)).toMatchObject({ status: 'skip', message: 'Not checked: needs a DNS blocklist to check (--dnsbl ZONE; none is configured).' });
  });

  it('takes PTRCHECK_DNSBL, and refuses a zone that is not a name', async () => {
    const env = await runCli(['audit', '192.0.2.30', '--json'], { PTRCHECK_DNS: server.address, PTRCHECK_DNSBL: 'bl.example.net' });
    expect(dnsbl(JSON.parse(env.stdout) as Report).status).toBe('fail');
    const bad = await runCli(['audit', '192.0.2.30', '--dnsbl', 'not a zone'], { PTRCHECK_DNS: server.address });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe("ptrcheck: --dnsbl: 'not a zone' is not a DNS zone name (e.g. zen.spamhaus.org)");
  });
});
