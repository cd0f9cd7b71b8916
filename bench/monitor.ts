/**
 * bench/monitor (issue 29, "Speed and size"): what a monitoring round costs
 * next to `ptrcheck batch` of the same addresses, and what it leaves in the
 * database.
 *
 * The test DNS server (this process, 127.0.0.1, port picked by the OS)
 * serves PTRs with matching A records for the first N addresses of
 * 198.18.0.0/16 (bench/zones.ts; only names in DNS, no packet goes to
 * them). `ptrcheck monitor add` takes them as a few CIDRs that cover exactly
 * N addresses (its first round is the baseline), then rounds alternate:
 * `monitor run` (a steady round: nothing changed, every address looked at,
 * a look recorded for each) and `ptrcheck batch` over the same addresses
 * against the same server, each its own process under GNU time (wall time,
 * start-up included, and peak RSS). Prints the medians'
 *   monitor round ÷ batch          (target ≤ 1.25)
 *   peak RSS of the monitor process (target ≤ 200 MB)
 * the database's size after each round, the bytes one look adds, then
 * retention: events older than the last round deleted (as `serve`'s
 * retention does, store.deleteOlderThan) and one more round (the freed pages
 * are reused: the file stays put), then everything deleted and VACUUM (the
 * floor: targets and confirmed states).
 *
 *   npm run bench:monitor                 (10,000 addresses, 3 rounds each)
 *   npm run bench:monitor -- 10000 5      (5 rounds each)
 *   unshare -rn sh -c 'ip link set lo up && npm run bench:monitor -- 10000 3 nsd'
 *                                         (against Debian's nsd on 127.0.1.53:53 instead,
 *                                          bench/nsd.ts: a real authoritative server's TCP)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { startDnsServer } from '../test/support/dns-server.js';
import { CLI, withAuthoritativePort } from '../test/support/cli.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { benchZones } from './zones.js';
import { NSD_HOST, startBenchNsd } from './nsd.js';

const count = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 3);
if (!Number.isInteger(count) || count < 1 || count > 65_536) throw new Error('count must be 1 to 65,536');
const zones = benchZones(count);
/** The DNS server every run asks: the test server in this process, or nsd (`nsd` on the command line). */
const server = process.argv.includes('nsd') ? await nsdServer() : await startDnsServer({ zoneFiles: [], zoneTexts: [zones.reverse, zones.forward] });

async function nsdServer(): Promise<{ address: string; queries: unknown[]; close(): Promise<void> }> {
  const nsd = await startBenchNsd();
  return { address: `${NSD_HOST}:53`, queries: [], close: () => nsd.stop() };
}
const dir = mkdtempSync(join(tmpdir(), 'ptrcheck-bench-monitor-'));
const db = join(dir, 'monitor.sqlite');
const dnsArgs = ['--dns', server.address];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** Peak RSS of the largest process of the run (GNU time's %M), bytes. */
  rss: number;
}

/** The built CLI under GNU time (or, without it, /proc's VmHWM read while it runs). */
function run(args: string[], stdin = ''): Promise<Run> {
  const gnuTime = existsSync('/usr/bin/time');
  const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...withAuthoritativePort(args, {}) };
  const argv = gnuTime ? ['-f', 'PEAK_RSS_KB=%M', process.execPath, CLI, ...args] : [CLI, ...args];
  const t0 = performance.now();
  const child = spawn(gnuTime ? '/usr/bin/time' : process.execPath, argv, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let hwm = 0;
  const poll = gnuTime ? undefined : setInterval(() => (hwm = Math.max(hwm, vmHwm(child.pid))), 50);
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const wallMs = performance.now() - t0;
      const m = /PEAK_RSS_KB=(\d+)\s*$/.exec(stderr);
      if (m) stderr = stderr.slice(0, m.index);
      resolve({ code, stdout, stderr, wallMs, rss: m ? Number(m[1]) * 1024 : hwm });
    });
  });
}

function vmHwm(pid: number | undefined): number {
  try {
    return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** CIDRs covering exactly addresses 0 … n-1 of 198.18.0.0/16, largest first. */
function cidrsFor(n: number): string[] {
  const out: string[] = [];
  let at = 0;
  for (let bits = 16; bits >= 0; bits--) {
    const size = 1 << bits;
    if (n - at >= size) {
      out.push(`198.18.${at >> 8}.${at & 255}/${32 - bits}`);
      at += size;
    }
  }
  return out;
}

/** The main file plus its WAL (SQLite folds the WAL back in when the last connection closes). */
function dbBytes(): number {
  return [db, `${db}-wal`].reduce((s, f) => s + (existsSync(f) ? statSync(f).size : 0), 0);
}

function monitorSummary(r: Run): { addresses: number; baselines: number; changed: number; temporary: number } {
  if (r.code !== 0) throw new Error(`monitor exited ${r.code}: ${r.stderr}${r.stdout}`);
  const m = /(\d+) address\(es\) looked at; (\d+) baseline\(s\), (\d+) changed, .* (\d+) undecided/.exec(r.stdout);
  if (!m) throw new Error(`no round summary in: ${r.stdout}`);
  return { addresses: Number(m[1]), baselines: Number(m[2]), changed: Number(m[3]), temporary: Number(m[4]) };
}

function checkSteady(r: Run): void {
  const s = monitorSummary(r);
  if (s.addresses !== count || s.baselines !== 0 || s.changed !== 0 || s.temporary !== 0) throw new Error(`not a steady round of ${count}: ${r.stdout}`);
}

function checkBatch(r: Run): void {
  if (r.code !== 0 && r.code !== 1) throw new Error(`batch exited ${r.code}: ${r.stderr}`);
  const seen = new Set<string>();
  for (const line of r.stdout.split('\n')) if (line) seen.add((JSON.parse(line) as { ip: string }).ip);
  if (seen.size !== count || zones.ips.some((ip) => !seen.has(ip))) throw new Error(`batch output has ${seen.size} of ${count} addresses`);
}

const looksIn = (): number => {
  const d = new DatabaseSync(db, { readOnly: true });
  try {
    return Number((d.prepare("SELECT COUNT(*) AS n FROM monitor_events WHERE kind IN ('look', 'baseline')").get() as { n: number }).n);
  } finally {
    d.close();
  }
};

/** Pages inside the file that deletions freed (reused by later writes), bytes. */
const freeBytes = (): number => {
  const d = new DatabaseSync(db, { readOnly: true });
  try {
    const pragma = (name: string) => Number(Object.values(d.prepare(`PRAGMA ${name}`).get() as Record<string, number>)[0]);
    return pragma('freelist_count') * pragma('page_size');
  } finally {
    d.close();
  }
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;
const kb = (b: number) => `${(b / 1024).toFixed(0)} KiB`;

try {
  const targets = cidrsFor(count);
  console.log(`bench/monitor: ${count} addresses (${targets.join(' ')}), ${process.argv.includes('nsd') ? 'nsd' : 'test DNS server'} on ${server.address}, database ${db}`);
  const sizes: { round: number; bytes: number; looks: number }[] = [];

  const add = await run(['monitor', 'add', ...targets, '--db', db, ...dnsArgs]);
  if (add.code !== 0) throw new Error(`monitor add exited ${add.code}: ${add.stderr}${add.stdout}`);
  server.queries.length = 0;
  sizes.push({ round: 1, bytes: dbBytes(), looks: looksIn() });
  if (sizes[0]!.looks !== count) throw new Error(`the first round is not a baseline of ${count}: ${sizes[0]!.looks} baselines; ${add.stdout}`);
  console.log(`  round 1 (monitor add: baseline):  ${s(add.wallMs)}, peak RSS ${mb(add.rss)}, database ${kb(sizes[0]!.bytes)}`);

  const mon: Run[] = [];
  let lastRoundStart = 0;
  const bat: Run[] = [];
  for (let r = 0; r < rounds; r++) {
    lastRoundStart = Date.now();
    const m = await run(['monitor', 'run', '--db', db, ...dnsArgs]);
    checkSteady(m);
    server.queries.length = 0;
    mon.push(m);
    sizes.push({ round: sizes.length + 1, bytes: dbBytes(), looks: looksIn() });
    const b = await run(['batch', '-', ...dnsArgs], `${zones.ips.join('\n')}\n`);
    checkBatch(b);
    server.queries.length = 0;
    bat.push(b);
    console.log(`  round ${sizes.length} (monitor run): ${s(m.wallMs)}, peak RSS ${mb(m.rss)}, database ${kb(sizes.at(-1)!.bytes)}   |   batch: ${s(b.wallMs)}, peak RSS ${mb(b.rss)}`);
  }
  const mMed = median(mon.map((r) => r.wallMs));
  const bMed = median(bat.map((r) => r.wallMs));
  const rssMax = Math.max(add.rss, ...mon.map((r) => r.rss));
  const ratio = mMed / bMed;
  console.log(`monitor round ÷ batch = ${ratio.toFixed(2)}  (median ${s(mMed)} ÷ ${s(bMed)}, ${rounds} alternating rounds; target ≤ 1.25: ${ratio <= 1.25 ? 'met' : 'NOT met'})`);
  console.log(`peak RSS of the monitor process = ${mb(rssMax)}  (batch ${mb(Math.max(...bat.map((r) => r.rss)))}; target ≤ 200 MB: ${rssMax <= 200 * 1048576 ? 'met' : 'NOT met'})`);

  // Growth per look: the steady rounds only (round 1 also wrote the targets' confirmed states).
  const first = sizes[sizes.length > 2 ? 1 : 0]!;
  const last = sizes.at(-1)!;
  const perLook = (last.bytes - first.bytes) / (last.looks - first.looks);
  console.log(`database after round ${sizes.map((x) => `${x.round}: ${kb(x.bytes)}`).join(', ')}; ${perLook.toFixed(0)} bytes per look (rounds ${first.round} → ${last.round}: ${kb(last.bytes - first.bytes)} for ${last.looks - first.looks} looks)`);

  // Retention as `serve` runs it: everything older than the last round goes; the next round reuses the pages.
  let store = openSqliteStore(db);
  await store.deleteOlderThan(lastRoundStart - 1);
  store.close();
  const afterPurge = dbBytes();
  const freed = freeBytes();
  const m = await run(['monitor', 'run', '--db', db, ...dnsArgs]);
  checkSteady(m);
  server.queries.length = 0;
  const afterNext = dbBytes();
  console.log(`retention: events before the last round deleted → ${kb(afterPurge)} (${kb(freed)} of it free pages, kept for reuse); one more round → ${kb(afterNext)}, ${kb(freeBytes())} free (file ${afterNext - afterPurge >= 0 ? '+' : ''}${kb(afterNext - afterPurge)}; without the purge it would have grown by ~${kb(perLook * count)})`);
  store = openSqliteStore(db);
  await store.deleteOlderThan(Date.now() + 1);
  store.close();
  const v = new DatabaseSync(db);
  v.exec('VACUUM');
  v.close();
  console.log(`everything deleted + VACUUM: ${kb(dbBytes())} (the targets and their ${count} confirmed states)`);
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
