/**
 * Runs `ptrcheck batch` as its own process (as a user would) while the
 * bench's test DNS server answers in this one, and checks its output: every
 * address exactly once, nothing lost or doubled.
 */
import { runCli } from '../test/support/cli.js';

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
  const run = await runCli(['batch', '-', ...args], {}, `${ips.join('\n')}\n`);
  const wallMs = performance.now() - t0;
  if (run.code !== 0 && run.code !== 1) throw new Error(`ptrcheck batch exited ${run.code}: ${run.stderr}`);
  const records = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as BatchRun['records'][number]);
  const m = / addresses in ([\d.]+) s /.exec(run.stderr);
  return { wallMs, runMs: m ? Number(m[1]) * 1000 : wallMs, records, stderr: run.stderr };
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
