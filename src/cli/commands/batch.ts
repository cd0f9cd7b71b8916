import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { UsageError } from '../usage.js';
import type { CliIo } from '../io.js';

/**
 * A batch run's live heap is small (tens of MB) but V8 sizes its heap for the
 * machine, so a million-address run would hold hundreds of MB. The batch
 * therefore runs in a child process with a bounded heap (PTRCHECK_BATCH_HEAP_MB,
 * default 64; 0 runs in-process). The young generation gets 8 MB semi-spaces:
 * an audit allocates ~40 KB that dies young, and 2 MB ones meant a scavenge
 * every ~50 addresses (measured: 1,519 scavenges, 2.5 s, over 65,536; 8 MB: 387, 1.1 s).
 */
export async function batchCommand(argv: string[], io: CliIo): Promise<number> {
  const heapMb = Number(io.env.PTRCHECK_BATCH_HEAP_MB ?? 64);
  if (!io.env.PTRCHECK_BATCH_CHILD && heapMb > 0) {
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, '--max-semi-space-size=8', ...process.execArgv, process.argv[1]!, 'batch', ...argv], {
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

