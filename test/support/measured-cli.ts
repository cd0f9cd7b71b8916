/**
 * The CLI run as a child process, measured: wall time, and the peak resident
 * memory of its whole process tree (the batch command runs in a child of its
 * own), sampled from /proc every 10 ms. A run over `killAfterMs` is killed and
 * reported as such, so a hang fails the test instead of stalling the suite.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CLI, withAuthoritativePort } from './cli.js';

export interface MeasuredRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  peakRssMb: number;
  killed: boolean;
}

function treeRssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return rss + children.reduce((sum, c) => sum + treeRssKb(c), 0);
  } catch {
    return 0; // gone between two reads
  }
}

export function runMeasured(args: string[], o: { env?: Record<string, string>; stdin?: string | Buffer; killAfterMs?: number } = {}): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...withAuthoritativePort(args, o.env ?? {}) }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    let killed = false;
    // Output is kept to its first 64 KB: a flood of it is itself a finding (asserted by the tests).
    child.stdout.on('data', (d: Buffer) => (stdout.length < 65_536 ? (stdout += d.toString()) : undefined));
    child.stderr.on('data', (d: Buffer) => (stderr.length < 65_536 ? (stderr += d.toString()) : undefined));
    const sampler = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid!))), 10);
    const killer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, o.killAfterMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      clearTimeout(killer);
      resolve({ code, stdout, stderr, ms: performance.now() - started, peakRssMb: peak / 1024, killed });
    });
    child.stdin.on('error', () => undefined); // the CLI may exit before reading all of it
    child.stdin.end(o.stdin ?? '');
  });
}
