import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { families, fromMainCf, fromPostconf, namesSet } from './postfix.js';
import { fromEximConfig, eximFamilies } from './exim.js';
import { repoRoot } from '../../test/support/repo-root.js';

const fixture = (name: string) => readFileSync(join(repoRoot(), 'fixtures', 'postfix', name, 'main.cf'), 'utf8');

describe('Postfix settings from main.cf', () => {
  it.each([
    ['mail.example.com', { myhostname: 'mx1.example.com', mydomain: 'example.com', smtp_helo_name: 'mx1.example.com', inet_protocols: 'ipv4', smtp_address_preference: 'any', smtp_bind_address: '', smtp_bind_address6: '' }, ['smtp_helo_name', 'smtp_address_preference', 'smtp_bind_address', 'smtp_bind_address6'], { ipv4: true, ipv6: false }, 'any'],
    ['dual-stack', { myhostname: 'mx1.example.com', mydomain: 'example.com', smtp_helo_name: 'mx1.example.com', inet_protocols: 'ipv4, ipv6', smtp_address_preference: 'ipv6', smtp_bind_address: '192.0.2.10', smtp_bind_address6: '2001:db8::27' }, ['mydomain'], { ipv4: true, ipv6: true }, 'ipv6'],
    ['helo-mismatch', { myhostname: 'mx1.example.com', mydomain: 'example.com', smtp_helo_name: 'mail.example.com', inet_protocols: 'all', smtp_address_preference: 'any', smtp_bind_address: '', smtp_bind_address6: '' }, ['smtp_address_preference', 'smtp_bind_address', 'smtp_bind_address6'], { ipv4: true, ipv6: true }, 'any'],
    ['ipv6-only', { myhostname: 'mail6.example.com', mydomain: 'example.com', smtp_helo_name: 'mail6.example.com', inet_protocols: 'ipv6', smtp_address_preference: 'any', smtp_bind_address: '', smtp_bind_address6: '' }, ['mydomain', 'smtp_address_preference', 'smtp_bind_address', 'smtp_bind_address6'], { ipv4: false, ipv6: true }, 'any'],
  ])('fixtures/postfix/%s', (name, settings, defaulted, fams, prefer) => {
    const v = fromMainCf(fixture(name), 'machine.example.net');
    expect(v.settings).toEqual(settings);
    expect(v.defaulted).toEqual(defaulted);
    expect(v.families).toEqual(fams);
    expect(v.prefer).toBe(prefer);
    expect(v.hostnameFromMachine).toBeUndefined();
    expect(v.notes).toEqual([]);
  });

  it("falls back to the machine's name for myhostname, and says so; mydomain is the rest of it", () => {
    const v = fromMainCf(fixture('no-myhostname'), 'host7.lan.example.org');
    expect(v.settings.myhostname).toBe('host7.lan.example.org');
    expect(v.settings.smtp_helo_name).toBe('host7.lan.example.org');
    expect(v.settings.mydomain).toBe('example.com'); // set in the file
    expect(v.hostnameFromMachine).toBe('host7.lan.example.org');
    const bare = fromMainCf('inet_protocols = ipv4\n', 'vm');
    expect(bare.settings.mydomain).toBe('localdomain');
    expect(fromMainCf('', 'a.b.example').settings.mydomain).toBe('b.example');
  });

  it('expands through Postfix defaults, and refuses a cycle through one', () => {
    expect(fromMainCf('mydomain = example.com\nmyhostname = mx.$mydomain\nsmtp_helo_name = ${myhostname}', 'x').settings.smtp_helo_name).toBe('mx.example.com');
    // myhostname = mail.$mydomain with mydomain unset: mydomain's default comes from myhostname.
    expect(() => fromMainCf('myhostname = mail.$mydomain', 'x', '/etc/postfix/main.cf')).toThrow('/etc/postfix/main.cf: $myhostname refers to itself ($myhostname → $mydomain → $myhostname)');
  });

  it('refuses a setting holding a control character or bytes that were not UTF-8, by name', () => {
    expect(() => fromMainCf('smtp_helo_name = mx\ufffd.example.com', 'x', 'd/main.cf')).toThrow("d/main.cf: smtp_helo_name holds a control character or bytes that are not UTF-8: 'mx\ufffd.example.com'");
    expect(() => fromMainCf('myhostname = a\u0007b', 'x')).toThrow("myhostname holds a control character or bytes that are not UTF-8: 'a\\x07b'");
  });

  it('notes lines Postfix would refuse and values it does not know', () => {
    const v = fromMainCf('junk line\ninet_protocols = ipv5\nsmtp_address_preference = ipv9', 'x.example');
    expect(v.notes).toEqual([
      'main.cf: line 1 is not "name = value" (Postfix refuses such a file)',
      "inet_protocols: 'ipv5' is not ipv4, ipv6 or all (Postfix refuses to start with it)",
      "smtp_address_preference: 'ipv9' is not any, ipv4 or ipv6; taken as any",
    ]);
    expect(v.families).toEqual({ ipv4: true, ipv6: true });
  });
});

describe('inet_protocols', () => {
  it.each([
    ['all', true, true],
    ['ipv4', true, false],
    ['ipv6', false, true],
    ['ipv4, ipv6', true, true],
    ['ipv6 ipv4', true, true],
    ['IPv4,,ipv4', true, false],
    ['', true, true],
  ])('%j', (value, v4, v6) => {
    expect(families(value)).toEqual({ ipv4: v4, ipv6: v6 });
  });
});

describe('Postfix settings from postconf', () => {
  it('takes postconf -x output as given, and main.cf for what is set', () => {
    const out = 'myhostname = mx1.example.com\nmydomain = example.com\nsmtp_helo_name = mx1.example.com\ninet_protocols = ipv4\nsmtp_address_preference = any\nsmtp_bind_address = 192.0.2.10\nsmtp_bind_address6 =\n';
    const v = fromPostconf(out, namesSet('myhostname = mx1.example.com\ninet_protocols = ipv4\nsmtp_bind_address = 192.0.2.10'));
    expect(v.source).toBe('postconf');
    expect(v.settings).toEqual({ myhostname: 'mx1.example.com', mydomain: 'example.com', smtp_helo_name: 'mx1.example.com', inet_protocols: 'ipv4', smtp_address_preference: 'any', smtp_bind_address: '192.0.2.10', smtp_bind_address6: '' });
    expect(v.defaulted).toEqual(['mydomain', 'smtp_helo_name', 'smtp_address_preference', 'smtp_bind_address6']);
    expect(v.hostnameFromMachine).toBeUndefined();
    expect(v.notes).toEqual([]);
  });

  it('takes an older Postfix without smtp_address_preference at its default, and says so', () => {
    const v = fromPostconf('postconf: warning: smtp_address_preference: unknown parameter\nmyhostname = host.example\nmydomain = example\nsmtp_helo_name = $myhostname\ninet_protocols = ipv4\nsmtp_bind_address =\nsmtp_bind_address6 =\n', new Set());
    expect(v.settings.smtp_address_preference).toBe('any');
    expect(v.notes).toEqual(["postconf did not report smtp_address_preference (an older Postfix); taken as Postfix's default"]);
    expect(v.hostnameFromMachine).toBe('host.example');
  });
});

describe('Exim', () => {
  it('reads primary_hostname and helo_data from a configuration file', () => {
    const text = readFileSync(join(repoRoot(), 'fixtures', 'exim', 'exim.conf'), 'utf8');
    const v = fromEximConfig(text, 'fixtures/exim/exim.conf', 'machine');
    expect(v.settings).toEqual({ primary_hostname: 'mx1.example.com', helo_data: '$primary_hostname' });
    expect(v.helo).toBe('mx1.example.com');
    expect(v.notes).toEqual([]);
    expect(eximFamilies(v)).toEqual({ ipv4: true, ipv6: true });
  });

  it.each([
    ['nothing set: the machine name', '', 'vm.example.net', ["primary_hostname is not set in f: Exim uses this machine's name (vm.example.net)"]],
    ['a literal helo_data', 'primary_hostname = a.example\nhelo_data = out.example.com', 'out.example.com', []],
    ['an expansion is not evaluated', 'primary_hostname = a.example\nhelo_data = ${lookup{$sending_ip_address}lsearch{/etc/exim4/helo}}', undefined, ["helo_data = ${lookup{$sending_ip_address}lsearch{/etc/exim4/helo}} is an Exim expansion, not evaluated here: give the HELO it yields to 'ptrcheck audit --helo'"]],
  ])('%s', (_why, text, helo, notes) => {
    const v = fromEximConfig(text, 'f', 'vm.example.net');
    expect(v.helo).toBe(helo);
    expect(v.notes).toEqual(notes);
  });

  it("does not take Debian's macros for values", () => {
    const v = fromEximConfig('.ifdef MAIN_HARDCODE_PRIMARY_HOSTNAME\nprimary_hostname = MAIN_HARDCODE_PRIMARY_HOSTNAME\n.endif\n  helo_data = REMOTE_SMTP_HELO_DATA\n', 'f', 'vm.example.net');
    expect(v.settings).toEqual({});
    expect(v.helo).toBe('vm.example.net');
    expect(v.notes).toEqual([
      'primary_hostname = MAIN_HARDCODE_PRIMARY_HOSTNAME is an Exim macro (set in a .ifdef block or a macro file), not evaluated here',
      'helo_data = REMOTE_SMTP_HELO_DATA is an Exim macro (set in a .ifdef block or a macro file), not evaluated here',
      "primary_hostname is not set in f: Exim uses this machine's name (vm.example.net)",
    ]);
  });

  it('disable_ipv6 = true turns IPv6 off', () => {
    expect(eximFamilies(fromEximConfig('disable_ipv6 = true', 'f', 'x'))).toEqual({ ipv4: true, ipv6: false });
  });
});
