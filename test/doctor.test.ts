/**
 * `ptrcheck doctor` end to end: the built CLI reads real main.cf files
 * (fixtures/postfix/), a fake postconf (a shell script first on PATH), or an
 * Exim file, and audits the addresses against the real test DNS server
 * (fixtures/zones: 192.0.2.10 mx1.example.com and 2001:db8::25
 * mail6.example.com confirmed, 192.0.2.11 and 2001:db8::27 without a PTR,
 * 192.0.2.13 SERVFAIL). --ip (or a bind address in main.cf) keeps the
 * machine's own interfaces out of it. Hostile rows are bounded in time and
 * memory, measured.
 */
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFaults, startDnsServer, type DnsTestServer } from './support/dns-server.js';
import { runCli } from './support/cli.js';
import { runMeasured } from './support/measured-cli.js';
import { repoRoot } from './support/repo-root.js';
import { tempDir } from './support/tmp.js';
import type { DoctorResult } from '../src/doctor/result.js';

let server: DnsTestServer;
beforeAll(async () => {
  server = await startDnsServer({ faults: fixtureFaults() });
});
afterAll(() => server.close());

const conf = (name: string) => join(repoRoot(), 'fixtures', 'postfix', name);
/** main.cf read directly: a postconf on this machine must not answer instead. */
const doctor = (args: string[], env: Record<string, string> = {}) => runCli(['doctor', '--postconf', 'none', '--timeout', '300', ...args], { PTRCHECK_DNS: server.address, ...env });

async function doctorJson(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; result: DoctorResult }> {
  const run = await doctor([...args, '--json'], env);
  expect(run.stderr).toBe('');
  return { code: run.code, result: JSON.parse(run.stdout) as DoctorResult };
}

describe('doctor: Postfix from main.cf', () => {
  it('a clean IPv4 sender whose HELO is its PTR name: exit 0', async () => {
    const run = await doctor(['--postfix-config', conf('mail.example.com'), '--ip', '192.0.2.10']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`ptrcheck doctor: Postfix, settings from ${conf('mail.example.com')}/main.cf`);
    expect(lines).toContain('  myhostname               mx1.example.com');
    expect(lines).toContain('  smtp_helo_name           mx1.example.com  (default)');
    expect(lines).toContain('Sends from (IPv4 only):');
    expect(lines).toContain('    HELO mx1.example.com   PTR mx1.example.com   FCrDNS pass');
    expect(lines).toContain('    ok: no mailbox provider rejects it');
    expect(run.stdout).not.toContain('What to change:');
    expect(lines).toContain('no mailbox provider would reject mail from this address (exit 0)');
  });

  it('dual stack from its bind addresses, IPv6 preferred and without a PTR: exit 1, and the IPv6 way out', async () => {
    const { code, result } = await doctorJson(['--postfix-config', conf('dual-stack')]);
    expect(code).toBe(1);
    expect(result.exit).toBe(1);
    expect(result.mta).toMatchObject({ kind: 'postfix', source: 'main.cf', helo: 'mx1.example.com', families: { ipv4: true, ipv6: true }, prefer: 'ipv6', bind: { ipv4: '192.0.2.10', ipv6: '2001:db8::27' } });
    expect(result.addresses.map((a) => [a.ip, a.family, a.source, a.helo, a.verdict])).toEqual([
      ['2001:db8::27', 'ipv6', 'bind', 'mx1.example.com', 'rejected'],
      ['192.0.2.10', 'ipv4', 'bind', 'mx1.example.com', 'ok'],
    ]);
    expect(result.addresses[0]!.rejectedBy).toContain('gmail');
    expect(result.addresses[0]!.rejectedBy).toContain('gmx-webde');
    expect(result.addresses[0]!.report.target).toEqual({ ip: '2001:db8::27', helo: 'mx1.example.com' });
    const v6 = result.advice.find((a) => a.ip === '2001:db8::27')!;
    expect(v6.setting).toBe('inet_protocols');
    expect(v6.text).toMatch(/^Postfix sends over IPv6 \(`inet_protocols = ipv4, ipv6`\) from 2001:db8::27, which has no PTR: Gmail, .* reject IPv6 mail without one \(550 5\.7\.1 This message does not meet IPv6 sending guidelines/);
    expect(v6.text).toContain('IN PTR mx1.example.com.');
    expect(v6.text).toContain('or set `smtp_address_preference = ipv4` (IPv4 tried first) or `inet_protocols = ipv4` (no IPv6 mail at all)');
    expect(result.notes).toContain('smtp_bind_address6 = 2001:db8::27 is not a public address: if this host sends through NAT, the receivers see another one; give it with --ip');
  });

  it('a HELO that is not the PTR name: set smtp_helo_name to it (exit 0: nobody rejects for that alone)', async () => {
    const { code, result } = await doctorJson(['--postfix-config', conf('helo-mismatch'), '--ip', '192.0.2.10']);
    expect(code).toBe(0);
    expect(result.addresses[0]).toMatchObject({ helo: 'mail.example.com', verdict: 'ok' });
    expect(result.advice).toEqual([
      { setting: 'smtp_helo_name', ip: '192.0.2.10', text: 'Postfix announces HELO mail.example.com from 192.0.2.10, whose PTR name is mx1.example.com: GMX and WEB.DE want the HELO to be the PTR name; set `smtp_helo_name = mx1.example.com`' },
    ]);
  });

  it('two addresses with different PTR names: one HELO cannot match both, said once', async () => {
    const { result } = await doctorJson(['--postfix-config', conf('helo-mismatch'), '--ip', '192.0.2.10', '--ip', '2001:db8::25']);
    expect(result.advice.map((a) => a.setting)).toEqual(['smtp_helo_name']);
    expect(result.advice[0]!.text).toContain('the addresses have different PTR names (mx1.example.com, mail6.example.com) but Postfix announces one HELO (mail.example.com)');
  });

  it("myhostname not set: the machine's name is the HELO, and the advice says so", async () => {
    const { result } = await doctorJson(['--postfix-config', conf('no-myhostname')]);
    expect(result.mta.settings.myhostname).toBe(hostname());
    expect(result.mta.hostnameFromMachine).toBe(hostname());
    expect(result.addresses.map((a) => [a.ip, a.helo])).toEqual([['192.0.2.10', hostname()]]);
    expect(result.advice.find((a) => a.setting === 'myhostname')?.text).toBe(`myhostname is not set in main.cf: Postfix uses this machine's name (${hostname()}) and announces it in HELO; set \`myhostname = mx1.example.com\` (the name the PTR gives)`);
  });

  it('a HELO that does not resolve, and an IPv4 address without PTR: exit 1 with the record to add', async () => {
    const dir = tempDir('doctor-helo');
    writeFileSync(join(dir, 'main.cf'), 'myhostname = nowhere.example.com\ninet_protocols = ipv4\n');
    const { code, result } = await doctorJson(['--postfix-config', dir, '--ip', '192.0.2.10', '--ip', '192.0.2.11']);
    expect(code).toBe(1);
    expect(result.addresses.map((a) => a.verdict)).toEqual(['at-risk', 'rejected']);
    expect(result.addresses[0]!.atRiskBy.length).toBeGreaterThan(0);
    expect(result.advice.map((a) => a.text)).toEqual([
      'the HELO name nowhere.example.com does not resolve (no A/AAAA record): receivers that check it (Postfix\'s reject_unknown_helo_hostname, rspamd, SpamAssassin) refuse or score it; set `smtp_helo_name = mx1.example.com`, or publish nowhere.example.com. IN A 192.0.2.10',
      expect.stringMatching(/^Postfix sends from 192\.0\.2\.11, which has no PTR: Gmail, .* reject mail from it \(550 5\.7\.25 .*\); add the PTR at your provider, who holds the reverse zone 2\.0\.192\.in-addr\.arpa\. \(ns1\.isp\.example, ns2\.isp\.example\): 11\.2\.0\.192\.in-addr\.arpa\. 3600 IN PTR nowhere\.example\.com\.$/),
      "the HELO name nowhere.example.com does not resolve (no A/AAAA record): receivers that check it (Postfix's reject_unknown_helo_hostname, rspamd, SpamAssassin) refuse or score it; publish nowhere.example.com. IN A 192.0.2.11",
    ]);
  });

  it.each([
    ['a PTR name without an address: add its A record', '192.0.2.17', "192.0.2.17's PTR name noaddr.example.com does not resolve back to it: GMX / WEB.DE / mail.com, T-Online (Telekom), IONOS and 1 more refuse or defer such mail (554-No SMTP service 554-Bad DNS PTR resource record. 554 For explanati…); add the forward record noaddr.example.com. 3600 IN A 192.0.2.17"],
    ['an IP address as the PTR name: change the PTR, then its A record', '192.0.2.21', "192.0.2.21's PTR name 192.0.2.21 does not resolve back to it: GMX / WEB.DE / mail.com, T-Online (Telekom), IONOS and 1 more refuse or defer such mail (554-No SMTP service 554-Bad DNS PTR resource record. 554 For explanati…); change the PTR at your provider, who holds the reverse zone 2.0.192.in-addr.arpa. (ns1.isp.example, ns2.isp.example): 21.2.0.192.in-addr.arpa. 3600 IN PTR mx1.example.com., and publish mx1.example.com. 3600 IN A 192.0.2.21"],
    ['a residential pool name: ask for a real one', '192.0.2.30', "192.0.2.30's PTR name 192-0-2-30.dsl.dynamic.example.net looks like a provider's default or dynamic name: Outlook.com, GMX / WEB.DE / mail.com, T-Online (Telekom) and 1 more reject such mail (550 DY-001 Unfortunately, messages from [192.0.2.30] weren't sent. Ple…); ask your provider for a PTR with your mail host's name, e.g. mx1.example.com"],
  ])('%s (exit 1)', async (_why, ip, text) => {
    const { code, result } = await doctorJson(['--postfix-config', conf('mail.example.com'), '--ip', ip]);
    expect(code).toBe(1);
    expect(result.addresses[0]!.verdict).toBe('rejected');
    expect(result.advice.map((a) => a.text)).toEqual([text]);
  });

  it('IPv6 only (inet_protocols = ipv6, ${name?value}): an IPv4 address given anyway is audited and noted', async () => {
    const { code, result } = await doctorJson(['--postfix-config', conf('ipv6-only'), '--ip', '2001:db8::25', '--ip', '192.0.2.10']);
    expect(code).toBe(0);
    expect(result.mta.families).toEqual({ ipv4: false, ipv6: true });
    expect(result.addresses.map((a) => [a.ip, a.helo, a.verdict])).toEqual([['2001:db8::25', 'mail6.example.com', 'ok'], ['192.0.2.10', 'mail6.example.com', 'ok']]);
    expect(result.notes).toEqual(['192.0.2.10: the MTA does not send over IPv4 here (inet_protocols = ipv6); audited because you gave it']);
  });

  it('a SERVFAIL on the PTR is "could not tell", never a rejection: exit 0', async () => {
    const run = await doctor(['--postfix-config', conf('mail.example.com'), '--ip', '192.0.2.13']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('    could not tell (DNS lookups failed temporarily): Gmail, Outlook.com, Yahoo / AOL and ');
    expect(run.stdout).toContain('  - could not tell for 192.0.2.13: ');
    expect(run.stdout).toContain('PTR 13.2.0.192.in-addr.arpa SERVFAIL');
    expect(run.stdout).toContain('no address would be rejected for sure; 1 could not be told (exit 0)');
    expect(run.stdout).not.toMatch(/REJECTED|has no PTR/);
    const { result } = await doctorJson(['--postfix-config', conf('mail.example.com'), '--ip', '192.0.2.13']);
    expect(result.addresses[0]).toMatchObject({ verdict: 'unknown', rejectedBy: [] });
    expect(result.addresses[0]!.cannotTell).toContain('gmail');
  });
});

describe('doctor: postconf and Exim', () => {
  const bin = tempDir('doctor-bin');
  const argsFile = join(bin, 'args.txt');
  const fake = (name: string, body: string) => {
    const dir = join(bin, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'postconf'), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, 'postconf'), 0o755);
    return `${dir}:${process.env.PATH ?? ''}`;
  };
  const answering = fake('answers', `printf '%s\\n' "$@" > '${argsFile}'
cat <<'OUT'
myhostname = mx1.example.com
mydomain = example.com
smtp_helo_name = mx1.example.com
inet_protocols = ipv4
smtp_address_preference = any
smtp_bind_address = 192.0.2.10
smtp_bind_address6 =
OUT`);
  const failing = fake('fails', "echo 'postconf: fatal: open /nowhere/main.cf: No such file or directory' >&2; exit 1");
  const hanging = fake('hangs', 'exec sleep 60');

  it("asks postconf (found on PATH, arguments only) and takes its values over main.cf's", async () => {
    // main.cf says mail.example.com; postconf (Postfix's own answer) says mx1.example.com and binds 192.0.2.10.
    const run = await runCli(['doctor', '--postfix-config', conf('helo-mismatch'), '--json', '--timeout', '300'], { PTRCHECK_DNS: server.address, PATH: answering });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as DoctorResult;
    expect(result.mta).toMatchObject({ kind: 'postfix', source: 'postconf', helo: 'mx1.example.com', bind: { ipv4: '192.0.2.10' } });
    expect(result.mta.defaulted).toEqual(['smtp_address_preference', 'smtp_bind_address', 'smtp_bind_address6']);
    expect(result.addresses.map((a) => [a.ip, a.source, a.verdict])).toEqual([['192.0.2.10', 'bind', 'ok']]);
    expect(readFileSync(argsFile, 'utf8').split('\n').filter(Boolean)).toEqual(['-c', conf('helo-mismatch'), '-x', 'myhostname', 'mydomain', 'smtp_helo_name', 'inet_protocols', 'smtp_address_preference', 'smtp_bind_address', 'smtp_bind_address6']);
  });

  it.each([
    ['fails', failing, 'postconf failed (postconf: fatal: open /nowhere/main.cf: No such file or directory)'],
    ['hangs past its time limit', hanging, 'postconf failed (it did not answer within 5 s)'],
  ])('a postconf that %s: main.cf is read instead, and said so', async (_why, path, note) => {
    const run = await runCli(['doctor', '--postfix-config', conf('helo-mismatch'), '--ip', '192.0.2.10', '--json', '--timeout', '300'], { PTRCHECK_DNS: server.address, PATH: path });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as DoctorResult;
    expect(result.mta.source).toBe('main.cf');
    expect(result.mta.helo).toBe('mail.example.com');
    expect(result.mta.notes[0]).toMatch(new RegExp(`/postconf ${note.replace(/^postconf /, '').replace(/[()]/g, '\\$&')}; read .*/main\\.cf instead$`));
  });

  it('--postconf none reads main.cf even with a postconf on PATH', async () => {
    const run = await runCli(['doctor', '--postconf', 'none', '--postfix-config', conf('mail.example.com'), '--ip', '192.0.2.10', '--json', '--timeout', '300'], { PTRCHECK_DNS: server.address, PATH: answering });
    expect((JSON.parse(run.stdout) as DoctorResult).mta.source).toBe('main.cf');
  });

  it('Exim: primary_hostname and helo_data from --exim-config', async () => {
    const { code, result } = await doctorJson(['--exim-config', join(repoRoot(), 'fixtures', 'exim', 'exim.conf'), '--ip', '192.0.2.10']);
    expect(code).toBe(0);
    expect(result.mta).toMatchObject({ kind: 'exim', source: 'exim', helo: 'mx1.example.com', settings: { primary_hostname: 'mx1.example.com', helo_data: '$primary_hostname' } });
    expect(result.addresses[0]).toMatchObject({ ip: '192.0.2.10', helo: 'mx1.example.com', verdict: 'ok' });
  });

  it("Exim over IPv6 without a PTR: the advice is in Exim's terms (exit 1)", async () => {
    const { code, result } = await doctorJson(['--exim-config', join(repoRoot(), 'fixtures', 'exim', 'exim.conf'), '--ip', '2001:db8::27']);
    expect(code).toBe(1);
    expect(result.advice).toHaveLength(1);
    expect(result.advice[0]!.text).toMatch(/^Exim sends over IPv6 from 2001:db8::27, which has no PTR: Gmail, .*; add the PTR at your provider, .* IN PTR mx1\.example\.com\., or set `disable_ipv6 = true`$/);
  });
});

describe('doctor: bad input is one line, exit 2, bounded', () => {
  const dir = tempDir('doctor-hostile');
  const make = (name: string, text?: string) => {
    const d = join(dir, name);
    mkdirSync(d);
    if (text !== undefined) writeFileSync(join(d, 'main.cf'), text);
    return d;
  };
  const aFile = join(dir, 'a-file');
  writeFileSync(aFile, 'myhostname = x\n');
  const noMainCf = make('empty');
  const huge = make('huge');
  // 50 MB in no time and no disk: a sparse file.
  closeSync(openSync(join(huge, 'main.cf'), 'w'));
  execFileSync('truncate', ['-s', '50M', join(huge, 'main.cf')]);
  const bomb = make('bomb', `a = ${'$b'.repeat(1000)}\nb = ${'$c'.repeat(1000)}\nc = ${'$d'.repeat(1000)}\nd = xxxxxxxxxx\nmyhostname = $a\n`);
  const cycle = make('cycle', 'myhostname = mx.$mydomain\nmydomain = $myhostname\n');
  const notUtf8 = make('not-utf8');
  writeFileSync(join(notUtf8, 'main.cf'), Buffer.concat([Buffer.from('# caf\xe9 in a comment is fine\nmyhostname = mx1.ex'), Buffer.from([0xff, 0xfe]), Buffer.from('ample.com\n')]));
  const fifo = make('fifo');
  execFileSync('mkfifo', [join(fifo, 'main.cf')]);
  const zero = make('zero');
  symlinkSync('/dev/zero', join(zero, 'main.cf'));
  const ip = ['--ip', '192.0.2.10'];

  it.each([
    ['--postfix-config is a file', ['--postfix-config', aFile, ...ip], `--postfix-config ${aFile}: not a directory`],
    ['--postfix-config does not exist', ['--postfix-config', join(dir, 'missing'), ...ip], `--postfix-config ${join(dir, 'missing')}: no such directory`],
    ['a directory without main.cf', ['--postfix-config', noMainCf, ...ip], `--postfix-config ${noMainCf}: no main.cf in it`],
    ['a 50 MB main.cf', ['--postfix-config', huge, ...ip], `${huge}/main.cf is larger than 1 MiB (52428800 bytes): not a real configuration file`],
    ['main.cf a FIFO (would block a reader)', ['--postfix-config', fifo, ...ip], `${fifo}/main.cf: not a regular file`],
    ['main.cf → /dev/zero', ['--postfix-config', zero, ...ip], `${zero}/main.cf: not a regular file`],
    ['an expansion bomb', ['--postfix-config', bomb, ...ip], `${bomb}/main.cf: $myhostname expands to more than 4096 characters`],
    ['a cycle', ['--postfix-config', cycle, ...ip], `${cycle}/main.cf: $myhostname refers to itself ($myhostname → $mydomain → $myhostname)`],
    ['bytes that are not UTF-8 in myhostname', ['--postfix-config', notUtf8, ...ip], `${notUtf8}/main.cf: myhostname holds a control character or bytes that are not UTF-8: 'mx1.ex\ufffd\ufffdample.com'`],
    ['--ip garbage', ['--postfix-config', conf('mail.example.com'), '--ip', 'garbage!'], "--ip: 'garbage!' is not an IP address"],
    ['--ip a CIDR', ['--postfix-config', conf('mail.example.com'), '--ip', '192.0.2.0/24'], "--ip: '192.0.2.0/24' is a CIDR range, not one address; use 'ptrcheck batch' for ranges"],
    ['--ip with no value', ['--postfix-config', conf('mail.example.com'), '--ip'], "Option '--ip <value>' argument missing"],
    ['both configurations', ['--postfix-config', conf('mail.example.com'), '--exim-config', aFile, ...ip], 'give --postfix-config or --exim-config, not both'],
    ['a positional argument', ['192.0.2.10'], "doctor takes no arguments (got '192.0.2.10'); give addresses with --ip"],
    ['--exim-config a directory', ['--exim-config', dir, ...ip], `--exim-config ${dir}: not a regular file`],
  ])('%s', async (_why, args, line) => {
    const run = await runMeasured(['doctor', '--postconf', 'none', ...args], { env: { PTRCHECK_DNS: server.address }, killAfterMs: 20_000 });
    expect(run.killed).toBe(false);
    expect(run.stderr).toBe(`ptrcheck: ${line}\n`);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.peakRssMb).toBeLessThan(250); // a 50 MB file or a bomb would show; Node itself is ~60 MB
  });
});
