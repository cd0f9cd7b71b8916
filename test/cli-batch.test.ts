/**
 * `ptrcheck batch` end to end against the test DNS server.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFaults, startDnsServer, type DnsTestServer } from './support/dns-server.js';
import { runCli } from './support/cli.js';
import { repoRoot } from './support/repo-root.js';
import { gzip, zipOne } from './support/archives.js';
import type { CompactResult } from '../src/batch/records.js';
import { tempDir } from './support/tmp.js';

let dns: DnsTestServer;
const dir = tempDir('batch');
const file = (name: string, text: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

beforeAll(async () => {
  dns = await startDnsServer({ faults: fixtureFaults() });
});
afterAll(() => dns.close());

const batch = (args: string[], stdin?: string) => runCli(['batch', ...args, '--timeout', '200'], { PTRCHECK_DNS: dns.address }, stdin);
const ndjson = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as CompactResult);

describe('ptrcheck batch', () => {
  const input = file('in.txt', '# our outbound MTAs\n23.192.228.80\n192.0.2.16/30   # the fleet\nmail.example.com\n\n2001:db8::24/126\n');

  it('audits every address of the IPs and CIDRs, reports bad lines, and summarises', async () => {
    const run = await batch([input]);
    expect(run.code).toBe(1); // some verdicts are fail
    const rows = ndjson(run.stdout);
    expect(rows.map((r) => r.ip).sort()).toEqual(['192.0.2.16', '192.0.2.17', '192.0.2.18', '192.0.2.19', '2001:db8::24', '2001:db8::25', '2001:db8::26', '2001:db8::27', '23.192.228.80'].sort());
    expect(rows.find((r) => r.ip === '23.192.228.80')).toMatchObject({ line: 2, ptr: ['mail.example.com'], fcrdns: 'pass', iprev: 'pass', generic: 'mail-host', verdict: 'pass', failing: [] });
    expect(rows.find((r) => r.ip === '192.0.2.17')).toMatchObject({ line: 3, iprev: 'fail', verdict: 'fail', failing: expect.arrayContaining(['fcrdns:fail']) });
    expect(rows.find((r) => r.ip === '2001:db8::27')).toMatchObject({ iprev: 'permerror', generic: 'no-ptr' });
    expect(run.stderr).toMatch(/^ptrcheck: line 4: 'mail\.example\.com' is a hostname, not an IP address.*\(skipped\)$/m);
    expect(run.stderr).toMatch(/ptrcheck batch: 9 addresses in [\d.]+ s \(\d+\/s\); pass 1, warn \d+, fail \d+; 1 bad input line\(s\)/);
    expect(run.stderr).toMatch(/fcrdns:fail +\d+/);
  });

  it('gives the same lines over pipelined TCP (the default) and over UDP', async () => {
    const norm = (out: string) => ndjson(out).sort((a, b) => a.line - b.line || a.ip.localeCompare(b.ip));
    const [tcp, udp] = await Promise.all([batch([input]), batch([input, '--dns-transport', 'udp'])]);
    expect(norm(tcp.stdout)).toHaveLength(9);
    expect(norm(udp.stdout)).toEqual(norm(tcp.stdout));
  });

  it('asks DNS blocklists too when named, and not otherwise', async () => {
    const listed = await batch(['-', '--dnsbl', 'bl.example.net'], '192.0.2.30\n192.0.2.10\n');
    const rows = ndjson(listed.stdout);
    expect(rows.find((r) => r.ip === '192.0.2.30')?.failing).toContain('dnsbl-clean:fail');
    expect(rows.find((r) => r.ip === '192.0.2.10')?.failing).not.toContain('dnsbl-clean:fail');
    expect(listed.stderr).toMatch(/dnsbl-clean:fail +1/);
    const plain = ndjson((await batch(['-'], '192.0.2.30\n')).stdout);
    expect(plain[0]?.failing.some((f) => f.startsWith('dnsbl-clean'))).toBe(false);
  });

  it('writes CSV, and only failing addresses when asked', async () => {
    const run = await batch([input, '--format', 'csv', '--only-failing']);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('ip,ptr,fcrdns,iprev,generic,score,verdict,failing_rules');
    expect(lines.some((l) => l.startsWith('23.192.228.80,'))).toBe(false);
    expect(lines.find((l) => l.startsWith('192.0.2.18,'))).toMatch(/^192\.0\.2\.18,elsewhere\.example\.com,fail,fail,clean,\d+,fail,/);
  });

  it('reads standard input', async () => {
    const run = await batch(['-'], '23.192.228.80\n192.0.2.10\n');
    expect(ndjson(run.stdout).map((r) => r.ip).sort()).toEqual(['192.0.2.10', '23.192.228.80']);
    expect(run.code).toBe(0);
  });

  it('joins a DMARC aggregate report\'s counts, plain, gzip\'d or zipped', async () => {
    const xml = readFileSync(join(repoRoot(), 'fixtures', 'dmarc', 'aggregate.xml'));
    for (const path of [join(repoRoot(), 'fixtures', 'dmarc', 'aggregate.xml'), file('r.xml.gz', await gzip(xml)), file('r.zip', await zipOne('r.xml', xml))]) {
      const run = await batch(['--from-dmarc', path, '--format', 'csv']);
      const lines = run.stdout.trim().split('\n');
      expect(lines[0]).toBe('ip,ptr,fcrdns,iprev,generic,score,verdict,failing_rules,dmarc_count,dmarc_disposition,dmarc_dkim,dmarc_spf,header_from');
      expect(lines.find((l) => l.startsWith('192.0.2.30,'))).toMatch(/,37,reject,fail,fail,example\.com$/);
      expect(lines).toHaveLength(4);
    }
  });

  it.each([
    [['/nonexistent/list.txt'], /cannot read '\/nonexistent\/list\.txt': no such file/],
    [[], /batch needs an input file/],
    [['x', '--concurrency', '0'], /--concurrency '0' must be a whole number/],
    [['x', '--concurrency', '10001'], /--concurrency '10001' must be a whole number from 1 to 10000/],
    [['x', '--qps', '0'], /--qps '0' must be a whole number from 1 to 1000000/],
    [['x', '--qps', '-5'], /--qps needs a value; for one that starts with a dash write --qps=VALUE/],
    [['x', '--qps', '2.5'], /--qps '2\.5' must be a whole number from 1 to 1000000/],
    [['x', '--qps', '1e3'], /--qps '1e3' must be a whole number/],
    [['x', '--qps', '9'.repeat(40)], /--qps '9{40}' must be a whole number from 1 to 1000000/],
    [['x', '--format', 'xml'], /--format 'xml' is not ndjson or csv/],
    [['x', '--dns-transport', 'quic'], /--dns-transport 'quic' is not udp or tcp/],
    [['--from-dmarc', '/nonexistent.xml'], /cannot read/],
  ])('bad usage %j: exit 2, one line', async (args, message) => {
    const run = await batch(args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  it('refuses a huge IPv6 prefix on its line and goes on', async () => {
    const run = await batch(['-'], '2001:db8::/64\n23.192.228.80\n');
    expect(run.stderr).toMatch(/line 1: 2001:db8::\/64 holds 18446744073709551616 addresses, over the limit/);
    expect(ndjson(run.stdout)).toHaveLength(1);
  });
});
