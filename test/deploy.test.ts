/**
 * What the deployment guide ships and promises: the systemd unit (parsed,
 * its hardening keys asserted, its ExecStart the one docs/deploying.md quotes), `systemd-analyze
 * verify` where this machine has it, `ptrcheck backup` while the sink takes
 * mail, and a database from the first schema upgraded to the latest at start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from './support/cli.js';
import { spawnServe } from './support/serve-child.js';
import { repoRoot } from './support/repo-root.js';
import { SmtpClient } from './support/smtp-client.js';
import { buildMessage } from './support/messages.js';
import { startDnsServer, type DnsTestServer } from './support/dns-server.js';
import { tempDir } from './support/tmp.js';
import { openSqliteStore } from '../src/store/sqlite.js';

const UNIT = join(repoRoot(), 'deploy', 'ptrcheck.service');

/** A unit file as section → key → values (keys may repeat). */
function parseUnit(text: string): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const s = /^\[(.+)\]$/.exec(line);
    if (s) {
      section = s[1]!;
      out[section] ??= {};
      continue;
    }
    const kv = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (!kv || !section) throw new Error(`not a unit line: ${line}`);
    (out[section]![kv[1]!] ??= []).push(kv[2]!);
  }
  return out;
}

describe('the systemd unit', () => {
  const unit = parseUnit(readFileSync(UNIT, 'utf8'));
  it('is hardened: a dynamic user, its own state directory, port 25 by capability, a read-only system', () => {
    const s = unit.Service!;
    expect(s).toMatchObject({
      DynamicUser: ['yes'], StateDirectory: ['ptrcheck'], AmbientCapabilities: ['CAP_NET_BIND_SERVICE'], CapabilityBoundingSet: ['CAP_NET_BIND_SERVICE'],
      ProtectSystem: ['strict'], ProtectHome: ['yes'], NoNewPrivileges: ['yes'], PrivateTmp: ['yes'], KillSignal: ['SIGTERM'],
    });
    // The stop timeout leaves room for the drain it asks for.
    const drain = Number(/--drain-seconds (\d+)/.exec(s.ExecStart![0]!)![1]);
    expect(Number(s.TimeoutStopSec![0])).toBeGreaterThan(drain);
    expect(unit.Install).toMatchObject({ WantedBy: ['multi-user.target'] });
  });

  it('starts what docs/deploying.md says, with options serve accepts, keeping its database in the state directory', async () => {
    const exec = unit.Service!.ExecStart![0]!;
    const page = readFileSync(join(repoRoot(), 'docs', 'deploying.md'), 'utf8');
    expect(page).toContain(exec);
    const args = exec.split(' ');
    expect(args.slice(0, 3)).toEqual(['/opt/ptrcheck/node_modules/.bin/node', '/opt/ptrcheck/dist/src/cli/main.js', 'serve']);
    expect(args[args.indexOf('--db') + 1]).toMatch(/^\/var\/lib\/ptrcheck\//);
    // Every flag is one serve knows (its --help lists it).
    const help = (await runCli(['serve', '--help'])).stdout;
    for (const flag of args.filter((a) => a.startsWith('--'))) expect(help).toContain(flag);
  });

  it('passes systemd-analyze verify where this machine has systemd', () => {
    const analyze = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find((p) => existsSync(p));
    if (!analyze) return; // not every test machine runs systemd; the parse above always runs
    // verify also wants ExecStart's program to exist: point it at this checkout's node and CLI, keep the rest.
    const copy = join(tempDir('unit'), 'ptrcheck.service');
    writeFileSync(copy, readFileSync(UNIT, 'utf8').replace('/opt/ptrcheck/node_modules/.bin/node', process.execPath).replace('/opt/ptrcheck/dist/src/cli/main.js', CLI));
    const result = spawnSync(analyze, ['verify', '--man=no', copy], { encoding: 'utf8' });
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/Unknown (key|section)|Invalid|Failed to parse|bad-setting/i);
  });
});

describe('operations', () => {
  let dns: DnsTestServer;
  beforeAll(async () => {
    dns = await startDnsServer();
  });
  afterAll(async () => {
    await dns.close();
  });

  it('ptrcheck backup copies the database while the sink takes mail, and the copy is whole', async () => {
    const dir = tempDir('backup');
    const db = join(dir, 'live.sqlite');
    const served = await spawnServe(dns, ['--log-format', 'off'], db);
    const { child, http, smtpPort } = served;
    const { address } = (await (await fetch(`${http}/api/v1/inbox`, { method: 'POST' })).json()) as { address: string };
    let acked = 0;
    let stop = false;
    const load = async () => {
      const { client } = await SmtpClient.connect(smtpPort);
      await client.command('EHLO mail.example.com');
      while (!stop) {
        const r = await client.send('news@example.com', [address], buildMessage({ from: 'news@example.com' }));
        if (r.code !== 250) throw new Error(`the sink refused a message: ${r.code} ${r.text}`);
        acked++;
      }
      client.close();
    };
    const senders = [load(), load(), load()];
    for (let i = 0; acked < 20; i++) {
      if (i > 500) throw new Error(`only ${acked} messages accepted in 10 s: ${served.out()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const before = acked;
    const backup = join(dir, 'copy.sqlite');
    const run = await runCli(['backup', backup, '--db', db]);
    stop = true;
    await Promise.all(senders);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^backup written to .*copy\.sqlite in \d+ ms: \d+ reports, \d+ messages, 1 test addresses \(integrity ok\)$/m);
    const copy = new DatabaseSync(backup, { readOnly: true });
    const rows = copy.prepare('SELECT length(raw) AS size FROM messages').all() as { size: number }[];
    copy.close();
    expect(rows.length).toBeGreaterThanOrEqual(before);
    expect(rows.every((r) => r.size > 100)).toBe(true);
    // Never over an existing file.
    const again = await runCli(['backup', backup, '--db', db]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists already; a backup never overwrites/);
    child.kill('SIGTERM');
  }, 60_000);

  it('a backup that runs out of room leaves nothing behind, and the next try succeeds (issue 25 F8)', async () => {
    const dir = tempDir('backup-full');
    const db = join(dir, 'live.sqlite');
    openSqliteStore(db).close();
    const pad = new DatabaseSync(db);
    pad.exec('CREATE TABLE pad (b BLOB)');
    pad.prepare('INSERT INTO pad VALUES (randomblob(2000000))').run();
    pad.close();
    const dest = join(dir, 'copy.sqlite');
    // RLIMIT_FSIZE: every write past 100-200 KB (the shell's blocks) fails with EFBIG (Node ignores SIGXFSZ), as on a full disk.
    const full = spawnSync('sh', ['-c', 'ulimit -f 200 && exec "$0" "$@"', process.execPath, CLI, 'backup', dest, '--db', db], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, timeout: 15_000 });
    expect(full.stderr).toBe(`ptrcheck: cannot write the backup '${dest}': disk I/O error\n`);
    expect(full.status).toBe(2);
    expect(readdirSync(dir).filter((f) => f.startsWith('copy'))).toEqual([]);
    const again = await runCli(['backup', dest, '--db', db]);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^backup written to .*copy\.sqlite in \d+ ms: 0 reports, 0 messages, 0 test addresses \(integrity ok\)$/m);
    expect(readdirSync(dir).filter((f) => f.startsWith('copy'))).toEqual(['copy.sqlite']);
    const copy = new DatabaseSync(dest, { readOnly: true });
    expect(copy.prepare('SELECT length(b) AS n FROM pad').get()).toEqual({ n: 2_000_000 });
    copy.close();
  });

  it('upgrades a database made by the first schema to the latest at start, keeping its reports', async () => {
    const dir = tempDir('upgrade');
    const path = join(dir, 'old.sqlite');
    const migrations = readdirSync(join(repoRoot(), 'migrations')).filter((f) => f.endsWith('.sql')).sort();
    // The database as the first release made it: only migration 0001 applied, one report in it.
    const first = new DatabaseSync(path);
    first.exec(readFileSync(join(repoRoot(), 'migrations', migrations[0]!), 'utf8'));
    first.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    first.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, ?, 0)').run(migrations[0]!);
    first.prepare('INSERT INTO reports (id, created_at, ip, verdict, score, json) VALUES (?, ?, ?, ?, ?, ?)').run('AAAAAAAAAAAAAAAAAAAAAA', Date.now(), '192.0.2.1', 'pass', 100, '{"version":1,"id":"AAAAAAAAAAAAAAAAAAAAAA"}');
    first.close();
    const store = openSqliteStore(path);
    try {
      expect(store.health().migrations).toEqual({ ok: true, detail: `schema version ${migrations.length} of ${migrations.length}` });
      expect(await store.get('AAAAAAAAAAAAAAAAAAAAAA')).toMatchObject({ id: 'AAAAAAAAAAAAAAAAAAAAAA' });
      await store.createInbox('upgradetoken', Date.now());
      expect(await store.inboxExists('upgradetoken')).toBe(true);
      expect(await store.recentHelos('192.0.2.1', 5)).toEqual([]);
    } finally {
      store.close();
    }
  });
});
