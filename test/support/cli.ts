/**
 * Runs the built CLI (dist/, exactly what `npx ptrcheck` runs) as a child
 * process and collects its output and exit code.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repo-root.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const CLI = join(repoRoot(), 'dist', 'src', 'cli', 'main.js');

/**
 * The fixture zones' nameservers are the test DNS server itself (127.0.0.1):
 * ptrcheck's direct questions to them must go to its port, never to port 53
 * of this machine. Unless a test says otherwise, that port is --dns's.
 */
export function withAuthoritativePort(args: readonly string[], env: Record<string, string>): Record<string, string> {
  if (env.PTRCHECK_AUTHORITATIVE_PORT !== undefined || args.includes('--authoritative-port')) return env;
  const at = args.indexOf('--dns');
  const dns = at >= 0 ? args[at + 1] : env.PTRCHECK_DNS;
  const port = /:(\d+)$/.exec(dns ?? '')?.[1];
  return port ? { ...env, PTRCHECK_AUTHORITATIVE_PORT: port } : env;
}

/** `node` is the Node binary to run it with: the project's Node 24 unless a test says otherwise; `cwd` where it runs (default: here). */
export function runCli(args: string[], env: Record<string, string> = {}, stdin?: string, node = process.execPath, cwd?: string): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' (npm test does)`);
  return new Promise((resolve, reject) => {
    const child = spawn(node, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...withAuthoritativePort(args, env) },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(cwd ? { cwd } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}
