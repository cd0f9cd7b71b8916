/**
 * bench/smtp: messages/s that ptrcheck's sink accepts, persists (before the
 * 250) and audits, driven by Postfix's smtp-source, against Postfix's
 * smtp-sink (which only discards) under the same load in the same run.
 * Prints ptrcheck ÷ smtp-sink, and the p99 time from end of DATA to report
 * ready. Needs Debian's postfix package (for smtp-source and smtp-sink; no
 * daemon is started).
 *
 * It runs ptrcheck twice per round (rounds alternate): plain (--log-format
 * off) and observed (Prometheus metrics and a JSON log line per event), and
 * prints observed ÷ plain: what watching the service costs.
 *
 *   npm run bench:smtp                 (2,000 messages, 10 sessions, 3 rounds)
 *   npm run bench:smtp -- 5000 20 3
 */
import { openSqliteStore } from '../src/store/sqlite.js';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { fixtureFaults, startDnsServer } from '../test/support/dns-server.js';

const messages = Number(process.argv[2] ?? 2000);
const sessions = Number(process.argv[3] ?? 10);
const rounds = Number(process.argv[4] ?? 3);
const SOURCE = '/usr/sbin/smtp-source';
const SINK = '/usr/sbin/smtp-sink';
if (spawnSync(SOURCE, ['-h']).error) throw new Error(`${SOURCE} not found: apt-get install postfix (see docs/contributing.md)`);

// smtp-source connects from 127.0.0.1: give it the rDNS a loopback host has.
const loopback = '$ORIGIN 127.in-addr.arpa.\n@ IN SOA localhost. root.localhost. 1 7200 900 1209600 300\n  IN NS localhost.\n1.0.0 IN PTR localhost.\n';
const dns = await startDnsServer({ faults: fixtureFaults(), zoneTexts: [loopback] });
const cli = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

interface Run {
  acceptMs: number;
  doneMs: number;
  stored: number;
  lags: number[];
}

/** One ptrcheck serve on a fresh database: smtp-source's messages accepted, persisted and audited. */
async function runPtrcheck(extra: string[], label: string): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'ptrcheck-bench-smtp-'));
  const db = join(dir, 'sink.sqlite');
  // The sink takes mail only for test addresses it issued: issue smtp-source's recipient first.
  const issuing = openSqliteStore(db);
  await issuing.createInbox('bench', Date.now());
  issuing.close();
  const logs = openSync(join(dir, `${label}.log`), 'w');
  const server = spawn(process.execPath, [cli, 'serve', '--http-port', '0', '--smtp-port', '0', '--db', db, '--dns', dns.address, '--sink-domain', 'sink.example.net', '--rate-limit', '0', '--max-message-mb', '10', ...extra], { stdio: ['ignore', 'pipe', logs] });
  const smtpPort = await new Promise<number>((resolve) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /SMTP sink on \S+:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
  });
  // accepted and persisted when smtp-source is done; audited when every row has its report.
  const t0 = performance.now();
  const acceptMs = source(smtpPort);
  const reader = new DatabaseSync(db, { readOnly: true });
  const pending = reader.prepare('SELECT count(*) AS n FROM messages WHERE audited_at IS NULL');
  const total = reader.prepare('SELECT count(*) AS n FROM messages');
  while ((pending.get() as { n: number }).n > 0) await new Promise((r) => setTimeout(r, 20));
  const doneMs = performance.now() - t0;
  const stored = (total.get() as { n: number }).n;
  const lags = (reader.prepare('SELECT m.received_at AS received, r.json AS json FROM messages m JOIN reports r ON r.id = m.id').all() as { received: number; json: string }[])
    .map((row) => Date.parse((JSON.parse(row.json) as { createdAt: string }).createdAt) - row.received)
    .sort((a, b) => a - b);
  reader.close();
  const serverExit = once(server, 'exit');
  server.kill('SIGTERM');
  await serverExit;
  closeSync(logs);
  if (label === 'observed') logLines = readFileSync(join(dir, `${label}.log`), 'utf8').split('\n').filter(Boolean).length;
  rmSync(dir, { recursive: true, force: true });
  return { acceptMs, doneMs, stored, lags };
}
let logLines = 0;

function source(port: number): number {
  const t0 = performance.now();
  // -d: several messages per connection, as real MTAs do (connection caching). Without it, every
  // message pays smtp-server's 100 ms greeting pause (its early-talker check) on both sides' clock.
  const r = spawnSync(SOURCE, ['-d', '-s', String(sessions), '-m', String(messages), '-l', '2048', '-f', 'bounce@example.com', '-t', 'bench@sink.example.net', '-M', 'mail.example.com', `127.0.0.1:${port}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`smtp-source failed: ${r.stderr}`);
  return performance.now() - t0;
}

// Plain (no metrics, no logs) and observed (Prometheus metrics and a JSON log line per event), alternated, best of each.
const PLAIN = ['--log-format', 'off'];
// BENCH_OBSERVED='--log-format json' (say) measures one part alone.
const OBSERVED = process.env.BENCH_OBSERVED ? process.env.BENCH_OBSERVED.split(' ') : ['--metrics-port', '0', '--log-format', 'json'];
const plainRuns: Run[] = [];
const observedRuns: Run[] = [];
for (let i = 0; i < rounds; i++) {
  plainRuns.push(await runPtrcheck(PLAIN, 'plain'));
  observedRuns.push(await runPtrcheck(OBSERVED, 'observed'));
}
const best = (runs: Run[]) => runs.reduce((a, b) => (b.doneMs < a.doneMs ? b : a));
const plain = best(plainRuns);
const observed = best(observedRuns);
const { acceptMs, doneMs, stored, lags } = plain;

// Baseline: Postfix's smtp-sink, which accepts and discards.
const port = await new Promise<number>((resolve) => {
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const p = (probe.address() as net.AddressInfo).port;
    probe.close(() => resolve(p));
  });
});
const sink = spawn(SINK, ['-u', 'nobody', `127.0.0.1:${port}`, '256'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 300));
const sinkMs = source(port);
sink.kill('SIGTERM');
await dns.close();

const ours = (messages / doneMs) * 1000;
const theirs = (messages / sinkMs) * 1000;
const p = (q: number) => lags[Math.min(lags.length - 1, Math.floor(lags.length * q))] ?? NaN;
console.log(`bench/smtp: ${messages} messages of 2 KB, ${sessions} parallel sessions, smtp-source → 127.0.0.1`);
console.log(`  ptrcheck sink: accepted+persisted in ${acceptMs.toFixed(0)} ms (${((messages / acceptMs) * 1000).toFixed(0)} msg/s), all audited in ${doneMs.toFixed(0)} ms: ${ours.toFixed(0)} msg/s; ${stored} stored`);
console.log(`  end of DATA → report ready: p50 ${p(0.5)} ms, p99 ${p(0.99)} ms, max ${lags[lags.length - 1]} ms`);
console.log(`  postfix smtp-sink (discards): ${sinkMs.toFixed(0)} ms: ${theirs.toFixed(0)} msg/s`);
console.log(`ratio accepted+persisted+audited msg/s ÷ smtp-sink msg/s = ${(ours / theirs).toFixed(3)}`);
const observedRate = (messages / observed.doneMs) * 1000;
console.log(`  observed (metrics + JSON logs, ${logLines} log lines): all audited in ${observed.doneMs.toFixed(0)} ms: ${observedRate.toFixed(0)} msg/s; plain best of ${rounds}: ${ours.toFixed(0)} msg/s`);
console.log(`ratio observed msg/s ÷ plain msg/s = ${(observedRate / ours).toFixed(3)}  (target ≥ 0.90)`);
process.exit(0);
