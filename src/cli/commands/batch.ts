import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { UsageError } from '../usage.js';
import type { CliIo } from '../io.js';

/**
 * A batch run's live heap is small (tens of MB) but V8 sizes its heap for the
 * machine, so a million-address run would hold hundreds of MB. The batch
 * therefore runs in a child process with a bounded heap (PTRCHECK_BATCH_HEAP_MB,
 * default 128 plus 1 MB per 50 addresses in flight over 1,000, plus 8 KB per
 * address in flight and DNSBL zone; 0 runs
 * in-process). The young generation gets 16 MB semi-spaces: an audit
 * allocates ~30 KB that dies young. Measured over 65,536 addresses against
 * nsd: 2 MB semi-spaces meant 1,519 scavenges (2.5 s), 8 MB 387 (1.1 s); 16 MB
 * with a 128 MB old space took ~7 % less CPU than 8 MB with 64 MB (GC was a
 * quarter of the run's CPU), for ~10 MB more peak RSS (1M addresses: 117–122 MB).
 */
export async function batchCommand(argv: string[], io: CliIo): Promise<number> {
  // Each DNSBL zone adds a question per address in flight (~8 KB while it waits: 10,000 in flight with 8 zones ran out of 308 MB).
  const zones = dnsblZones(argv, io.env.PTRCHECK_DNSBL);
  const heapMb = Number(io.env.PTRCHECK_BATCH_HEAP_MB ?? 128 + Math.ceil(Math.max(0, inFlight(argv) - 1000) / 50) + Math.ceil((inFlight(argv) * zones * 8) / 1024));
  if (!io.env.PTRCHECK_BATCH_CHILD && heapMb > 0) {
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, '--max-semi-space-size=16', ...process.execArgv, process.argv[1]!, 'batch', ...argv], {
      stdio: 'inherit',
      env: { ...io.env, PTRCHECK_BATCH_CHILD: '1' },
    });
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
    if (signal) throw new UsageError(`the batch run ended on ${signal}${signal === 'SIGABRT' ? ' (out of memory: raise PTRCHECK_BATCH_HEAP_MB)' : ''}`);
    return code ?? 2;
  }
  // Loaded only here, in the process that runs the batch: the supervisor stays small and quick.
  return (await import('./batch-run.js')).runBatchCommand(argv, io);
}


/** --concurrency as given (checked properly by the run itself): what the heap is sized for. */
function inFlight(argv: readonly string[]): number {
  const at = argv.findIndex((a) => a === '--concurrency' || a.startsWith('--concurrency='));
  const text = at < 0 ? '' : argv[at]!.includes('=') ? argv[at]!.split('=')[1]! : (argv[at + 1] ?? '');
  const n = Number(text);
  // 10,000 is the run's own upper bound (MAX_CONCURRENCY in batch-run.ts, not loaded here): a larger value is refused there.
  return Number.isInteger(n) && n > 0 ? Math.min(n, 10_000) : 0;
}

/** How many DNSBL zones the run asks (--dnsbl, repeated or comma-separated, else PTRCHECK_DNSBL). */
function dnsblZones(argv: readonly string[], env: string | undefined): number {
  const given: string[] = [];
  argv.forEach((a, i) => {
    if (a === '--dnsbl') given.push(argv[i + 1] ?? '');
    else if (a.startsWith('--dnsbl=')) given.push(a.slice('--dnsbl='.length));
  });
  const text = given.length > 0 ? given.join(',') : (env ?? '');
  return Math.min(text.split(/[\s,]+/).filter((z) => z !== '').length, 64);
}
