/**
 * Bad input: exit 2, one clear line on stderr, never a stack trace.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

const cases: [string[], RegExp][] = [
  [['audit'], /audit needs an IP address/],
  [['audit', ''], /no IP address given/],
  [['audit', '192.0.2.0/24'], /CIDR range.*ptrcheck batch/],
  [['audit', 'mail.example.com'], /is a hostname, not an IP address/],
  [['audit', '999.1.1.1'], /not a valid IPv4 address/],
  [['audit', 'not an ip'], /not an IP address/],
  [['audit', '192.0.2.1', '192.0.2.2'], /one IP address, got 2/],
  [['audit', '192.0.2.1', '--dns', 'dns.example.com:53'], /--dns 'dns\.example\.com:53' is not HOST:PORT with an IP address/],
  [['audit', '192.0.2.1', '--dns', '127.0.0.1:99999'], /bad port/],
  [['audit', '192.0.2.1', '--timeout', 'soon'], /--timeout 'soon' must be a whole number/],
  [['audit', '192.0.2.1', '--timeout', '0'], /--timeout '0'/],
  [['audit', '192.0.2.1', '--bogus'], /Unknown option '--bogus'/],
  [['frobnicate'], /unknown command 'frobnicate'/],
];

describe('bad input', () => {
  it.each(cases.map(([args, msg]) => [args.join(' ') || '(empty)', args, msg] as const))('%s', async (_label, args, msg) => {
    const run = await runCli(args, { PTRCHECK_DNS: '127.0.0.1:9' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ptrcheck: /);
    expect(lines[0]).toMatch(msg);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a malformed PTRCHECK_DNS clearly', async () => {
    const run = await runCli(['audit', '192.0.2.1'], { PTRCHECK_DNS: 'localhost' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ptrcheck: PTRCHECK_DNS 'localhost' is not HOST:PORT/);
  });

  it('prints help and exits 2 with no command, 0 with --help', async () => {
    expect((await runCli([])).code).toBe(2);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/ptrcheck audit <ip>/);
  });

  it('prints the version', async () => {
    const run = await runCli(['--version']);
    expect(run).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });
});

describe('ptrcheck rules', () => {
  it('lists the catalogue from the rules\' meta', async () => {
    const run = await runCli(['rules', '--json']);
    expect(run.code).toBe(0);
    const rules = JSON.parse(run.stdout) as { id: string; weight: number; severity: string }[];
    expect(rules.map((r) => r.id)).toEqual(['ip-public', 'ptr-present', 'ptr-single', 'ptr-hostname', 'ptr-not-generic', 'fcrdns', 'ptr-website', 'ptr-propagated', 'forward-propagated', 'reverse-zone-delegation', 'reverse-zone-servers', 'dnsbl-clean', 'helo-fqdn', 'helo-literal-match', 'helo-resolves', 'helo-matches-ip', 'helo-matches-ptr', 'helo-not-generic', 'helo-not-impersonating', 'from-domain-resolves', 'mail-from-bounces', 'from-aligned', 'spf-pass', 'dkim-pass', 'dmarc-policy', 'dmarc-pass', 'smtp-starttls', 'smtp-banner', 'message-id-present', 'list-unsubscribe']);
    expect(rules.find((r) => r.id === 'fcrdns')).toMatchObject({ weight: 14, severity: 'critical' });
  });

  it('prints a readable table', async () => {
    const run = await runCli(['rules']);
    expect(run.stdout).toMatch(/^fcrdns +14 {2}critical {2}Forward-confirmed reverse DNS/m);
    expect(run.stdout).toMatch(/^dnsbl-clean +4 {2}major {5}The IP is on none of the configured DNS blocklists/m);
  });
});
