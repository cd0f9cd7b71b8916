/**
 * Runs `ptrcheck batch` as its own process (as a user would) while the
 * bench's test DNS server answers in this one, and checks its output: every
 * address exactly once, nothing lost or doubled.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

export interface BatchRun {
  /** Wall time of the whole process, start-up included, ms. */
  wallMs: number;
  /** The run's own time from its summary line (after start-up), ms. */
  runMs: number;
  records: { ip: string; verdict: string; failing: string[] }[];
  stderr: string;
}

export async function runBatchChild(ips: readonly string[], args: string[]): Promise<BatchRun> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [cli, 'batch', '-', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  child.stdin.end(`${ips.join('\n')}\n`);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - t0;
  const stderr = Buffer.concat(err).toString('utf8');
  if (code !== 0 && code !== 1) throw new Error(`ptrcheck batch exited ${code}: ${stderr}`);
  const records = Buffer.concat(out).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as BatchRun['records'][number]);
  const m = / addresses in ([\d.]+) s /.exec(stderr);
  return { wallMs, runMs: m ? Number(m[1]) * 1000 : wallMs, records, stderr };
}

/** Every address of the input exactly once in the output: throws naming the first lost or doubled one. */
export function checkComplete(ips: readonly string[], run: BatchRun): void {
  const seen = new Map<string, number>();
  for (const r of run.records) seen.set(r.ip, (seen.get(r.ip) ?? 0) + 1);
  const lost = ips.find((ip) => !seen.has(ip));
  const doubled = [...seen].find(([, n]) => n > 1);
  if (lost || doubled || run.records.length !== ips.length) {
    throw new Error(`batch output is not complete: ${run.records.length} records for ${ips.length} addresses${lost ? `, ${lost} missing` : ''}${doubled ? `, ${doubled[0]} twice` : ''}`);
  }
}
