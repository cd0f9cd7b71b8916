/**
 * Bounce decoding off the main thread (Node). Decoding is linear and cut
 * (text.ts), yet a 10 MB bounce is still milliseconds of synchronous work
 * per request, and a decoder's worst case is only as good as its last
 * review. In worker threads the server keeps answering meanwhile, and a
 * bounce not decoded within its time budget is given up: its worker is
 * terminated (the only way to stop synchronous work) and replaced. Each
 * worker decodes one bounce at a time (the others wait their turn, in
 * order), so a spent budget ends that bounce alone; the budget runs from
 * when a worker starts on it. A worker's heap is capped the same way: a
 * bounce that would need more is given up, the server is not.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { DecodedBounce } from './decode.js';
import { BounceNotDecodedError, type BounceDecoder } from './decoder.js';
import { READ_CHARS } from './text.js';
import type { FromWorker, ToWorker, WorkerData } from './thread-main.js';

/** Heap per worker: the largest input the decoder reads (10 MB, 20 MB as UTF-16) and its work fit several times over. */
const HEAP_MB = 96;

export interface ThreadDecoderOptions {
  /** The time budget of one bounce (ms), from when a worker starts on it. */
  timeoutMs?: number;
  threads?: number;
  /**
   * For tests only: a module whose `decodeBounce` the workers run instead of
   * the real one (the budget and the replacement are the same code), so going
   * over the budget does not depend on how fast the machine is.
   */
  work?: URL;
}

export interface ThreadBounceDecoder extends BounceDecoder {
  close(): Promise<void>;
}

interface Job {
  raw: string;
  resolve(b: DecodedBounce): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  job?: Job & { id: number; timer: ReturnType<typeof setTimeout> };
}

/** The compiled worker script (tests run the TypeScript sources, whose .js sibling lives under dist/). */
function workerScript(): string {
  const beside = fileURLToPath(new URL('./thread-main.js', import.meta.url));
  return existsSync(beside) ? beside : beside.replace(/([\\/])src([\\/]bounce[\\/])/, '$1dist$1src$2');
}

export function createThreadDecoder(o: ThreadDecoderOptions = {}): ThreadBounceDecoder {
  const timeoutMs = o.timeoutMs ?? 5_000;
  // Decoding is short now: two workers at most, and one core stays the main thread's.
  const size = o.threads ?? Math.max(1, Math.min(2, availableParallelism() - 1));
  const workerData: WorkerData = o.work ? { work: o.work.href } : {};
  const script = workerScript();
  const slots: Slot[] = [];
  const waiting: Job[] = [];
  let nextId = 0;
  let closed = false;

  function spawn(): Slot {
    const slot: Slot = { worker: new Worker(script, { workerData, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } }) };
    slot.worker.unref(); // an idle worker never keeps the process alive
    slot.worker.on('message', (m: FromWorker) => {
      const job = slot.job;
      if (!job || job.id !== m.job) return;
      finish(slot);
      if ('result' in m) job.resolve(m.result);
      else job.reject(new BounceNotDecodedError(`the bounce could not be decoded: ${m.failed}`));
      next();
    });
    slot.worker.on('error', (e) => retire(slot, `its decoding thread stopped (${e.message})`));
    slot.worker.on('exit', () => retire(slot, 'its decoding thread stopped'));
    slots.push(slot);
    return slot;
  }

  function finish(slot: Slot): void {
    clearTimeout(slot.job!.timer);
    slot.job = undefined;
    slot.worker.unref();
  }

  /** A worker gone (terminated over a budget, out of memory, crashed): its bounce, if any, is reported, and a fresh one takes the next. */
  function retire(slot: Slot, why: string): void {
    const i = slots.indexOf(slot);
    if (i < 0) return;
    slots.splice(i, 1);
    const job = slot.job;
    if (job) {
      finish(slot);
      job.reject(new BounceNotDecodedError(`the bounce could not be decoded: ${why}`));
    }
    next();
  }

  function next(): void {
    while (!closed && waiting.length > 0) {
      const slot = slots.find((s) => !s.job) ?? (slots.length < size ? spawn() : undefined);
      if (!slot) return;
      const job = waiting.shift()!;
      const id = nextId++;
      slot.job = {
        ...job, id,
        timer: setTimeout(() => {
          const i = slots.indexOf(slot);
          if (i >= 0) slots.splice(i, 1); // out of the pool first: its exit is then not a second report
          finish(slot);
          void slot.worker.terminate();
          job.reject(new BounceNotDecodedError(`the bounce is too complex to decode: not done within ${timeoutMs / 1000} s, so it was given up`));
          next();
        }, timeoutMs),
      };
      slot.worker.ref(); // busy: keeps the process alive until the answer
      // The decoder reads READ_CHARS at most; one more tells it the bounce was longer (its note says so).
      slot.worker.postMessage({ job: id, raw: job.raw.length > READ_CHARS + 1 ? job.raw.slice(0, READ_CHARS + 1) : job.raw } satisfies ToWorker);
    }
  }

  const decode = (raw: string) =>
    new Promise<DecodedBounce>((resolve, reject) => {
      if (closed) return reject(new BounceNotDecodedError('the bounce was not decoded: the server is shutting down'));
      waiting.push({ raw, resolve, reject });
      next();
    });
  return Object.assign(decode, {
    async close() {
      closed = true;
      for (const job of waiting.splice(0)) job.reject(new BounceNotDecodedError('the bounce was not decoded: the server is shutting down'));
      await Promise.all(slots.splice(0).map(async (slot) => {
        if (slot.job) {
          const job = slot.job;
          finish(slot);
          job.reject(new BounceNotDecodedError('the bounce was not decoded: the server is shutting down'));
        }
        await slot.worker.terminate();
      }));
    },
  });
}
