/**
 * `ptrcheck serve` as a child process, the way an operator runs it: on OS-picked
 * ports, a database file of its own, the test DNS server behind it. Resolves
 * once it says where it listens; every child is killed when the file's tests end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { CLI } from './cli.js';
import type { DnsTestServer } from './dns-server.js';
import { tempDir } from './tmp.js';

export interface ServeChild {
  child: ChildProcess;
  http: string;
  smtpPort: number;
  /** Set when started with --metrics-port. */
  metricsUrl?: string;
  db: string;
  /** Everything it wrote so far, stdout and stderr. */
  out(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

export async function spawnServe(dns: DnsTestServer, extra: string[] = [], db = join(tempDir('serve'), 'ptrcheck.sqlite')): Promise<ServeChild> {
  const child = spawn(process.execPath, [CLI, 'serve', '--http-port', '0', '--smtp-port', '0', '--db', db, '--dns', dns.address, '--sink-domain', 'sink.example.net', '--rate-limit', '0', ...extra], {
    env: { PATH: process.env.PATH ?? '', PTRCHECK_AUTHORITATIVE_PORT: String(dns.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => ((err += d.toString()), (out += d.toString())));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const wantsMetrics = extra.includes('--metrics-port');
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (/serving http:\/\/\S+/.test(out) && /SMTP sink on \S+:\d+/.test(out) && (!wantsMetrics || /metrics on http:\/\/\S+/.test(out))) (clearInterval(timer), resolve());
    }, 20);
    void exited.then((code) => (clearInterval(timer), reject(new Error(`serve exited (${code}): ${out}`))));
  });
  const metrics = /metrics on (http:\/\/\S+)/.exec(out)?.[1];
  return {
    child, db, exited,
    http: /serving (http:\/\/\S+)/.exec(out)![1]!,
    smtpPort: Number(/SMTP sink on \S+:(\d+)/.exec(out)![1]),
    ...(metrics ? { metricsUrl: metrics } : {}),
    out: () => out,
    stderr: () => err,
  };
}
