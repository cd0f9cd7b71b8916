/**
 * Our reading of main.cf against Postfix's own, where this machine has
 * Postfix: for each fixture and a table of the forms main.cf allows
 * (continuation lines, `$name`, `${name}`, `$(name)`, `${name?v}`,
 * `${name:v}`, `$$`, overrides, an unknown name), `postconf -c DIR -x` and
 * src/doctor's reader must give the same values. Without postconf (npm ci
 * does not install Postfix) this says so and skips.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromMainCf, POSTFIX_PARAMS } from '../src/doctor/postfix.js';
import { repoRoot } from './support/repo-root.js';
import { tempDir } from './support/tmp.js';

const POSTCONF = ['/usr/sbin/postconf', '/usr/local/sbin/postconf'].find((p) => existsSync(p));

/** What Postfix itself says, `name = value` per parameter. */
function postconf(dir: string): Record<string, string> {
  const out = execFileSync(POSTCONF!, ['-c', dir, '-x', ...POSTFIX_PARAMS], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
  return Object.fromEntries(out.split('\n').filter(Boolean).map((l) => {
    const eq = l.indexOf(' =');
    return [l.slice(0, eq), l.slice(eq + 2).trim()];
  }));
}

function ours(dir: string, machine: string): Record<string, string> {
  return { ...fromMainCf(readFileSync(join(dir, 'main.cf'), 'utf8'), machine).settings };
}

const FORMS: [string, string][] = [
  ['${name} and $(name)', 'myhostname = mx.example.org\nsmtp_helo_name = ${myhostname}\nsmtp_bind_address = $(mydomain)\n'],
  ['${name?value}: value when name is set', 'myhostname = mx.example.org\nhelo_base = yes\nsmtp_helo_name = ${helo_base?relay}.example.net\n'],
  ['${name:value}: value when name is empty', 'myhostname = mx.example.org\nhelo_base =\nsmtp_helo_name = ${helo_base:fallback}.example.net\n'],
  ['a continuation line joins with a space', 'myhostname = mx.example.org\ninet_protocols = ipv4,\n  ipv6\n'],
  ['a comment line inside a continuation', 'myhostname = mx.example.org\ninet_protocols = ipv4,\n# not part of it\n  ipv6\n'],
  ['the later definition wins', 'myhostname = first.example.org\nmyhostname = second.example.org\n'],
  ['an unknown name expands to nothing', 'myhostname = mx.example.org\nsmtp_helo_name = mail$nosuchparam.example.org\n'],
  ['$$ is a dollar', 'myhostname = mx.example.org\nsmtp_bind_address = a$$b\n'],
  ['a # after the value is part of it', 'myhostname = mx.example.org\nsmtp_helo_name = mx.example.org # the HELO\n'],
  ['spaces around =, tabs, CRLF', 'myhostname\t=\tmx.example.org\r\nsmtp_address_preference   =   ipv4\r\n'],
  ['nested references', 'myhostname = mx.$mydomain\nmydomain = example.org\nsmtp_helo_name = $myhostname\n'],
];

describe.skipIf(!POSTCONF)('main.cf as Postfix reads it (postconf on this machine; skipped without Postfix)', () => {
  const fixtures = readdirSync(join(repoRoot(), 'fixtures', 'postfix')).map((d) => join(repoRoot(), 'fixtures', 'postfix', d));
  it.each(fixtures)('fixture %s', (dir) => {
    const theirs = postconf(dir);
    // myhostname's default is the machine's name as Postfix finds it: give ours the same.
    expect(ours(dir, theirs.myhostname!)).toEqual(theirs);
  });

  it.each(FORMS)('%s', (_why, text) => {
    const dir = tempDir('postconf');
    writeFileSync(join(dir, 'main.cf'), text);
    writeFileSync(join(dir, 'master.cf'), '');
    const theirs = postconf(dir);
    expect(ours(dir, theirs.myhostname!)).toEqual(theirs);
  });
});
