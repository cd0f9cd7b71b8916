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

/** `node` is the Node binary to run it with: the project's Node 24 unless a test says otherwise. */
export function runCli(args: string[], env: Record<string, string> = {}, stdin?: string, node = process.execPath): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' (npm test does)`);
  return new Promise((resolve, reject) => {
    const child = spawn(node, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
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
