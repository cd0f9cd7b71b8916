/**
 * mailauth off the main thread (Node): parsing and verifying a message is
 * synchronous work whose worst case grows faster than the message (measured:
 * 2,000 folded lines in one header block the event loop 80 ms, 20,000 for
 * seconds). In worker threads the server keeps answering meanwhile, and a
 * message that does not finish within its time budget is given up: its
 * worker is terminated (the only way to stop synchronous work) and replaced,
 * and other messages that were on it are run again on a fresh one.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Resolver } from '../dns/types.js';
import type { AuthInput } from './authenticate.js';
import type { Authenticator, AuthResult } from './authenticator.js';
import type { FromWorker, ToWorker, WorkerData } from './auth-thread-main.js';

export class TooComplexError extends Error {
  override name = 'TooComplexError';
}

interface Job {
  id: number;
  raw: Uint8Array;
  facts: AuthInput;
  resolver: Resolver;
  resolve(r: AuthResult): void;
  reject(e: Error): void;
  timer: ReturnType<typeof setTimeout>;
  tries: number;
}

/** The compiled worker script (tests run the TypeScript sources, whose .js sibling lives under dist/). */
function workerScript(): string {
  const beside = fileURLToPath(new URL('./auth-thread-main.js', import.meta.url));
  return existsSync(beside) ? beside : beside.replace(/([\\/])src([\\/]message[\\/])/, '$1dist$1src$2');
}

export interface ThreadAuthenticator extends Authenticator {
  close(): Promise<void>;
}

export interface ThreadOptions {
  /** The time budget of one message (ms). */
  timeoutMs?: number;
  threads?: number;
  /**
   * For tests only: a module whose `authenticateMessage` the workers run instead of mailauth's
   * (everything else, budget and replacement included, is the same code). The budget's tests
   * give one that never finishes a marked message, so going over the budget does not depend
   * on how fast the machine runs mailauth.
   */
  work?: URL;
}

export function createThreadAuthenticator(o: ThreadOptions = {}): ThreadAuthenticator {
  const timeoutMs = o.timeoutMs ?? 10_000;
  const workerData: WorkerData = o.work ? { work: o.work.href } : {};
  // One core stays the main thread's: two busy workers on a 2-core machine starve it (measured: /healthz 380 ms).
  const size = o.threads ?? Math.max(1, availableParallelism() - 1);
  const script = workerScript();
  const workers: { worker: Worker; jobs: Map<number, Job> }[] = [];
  let nextJob = 0;
  let turn = 0;
  let closed = false;

  function spawn(): { worker: Worker; jobs: Map<number, Job> } {
    const slot = { worker: new Worker(script, { workerData }), jobs: new Map<number, Job>() };
    slot.worker.unref(); // an idle worker never keeps the process alive
    slot.worker.on('message', (m: FromWorker) => {
      const job = slot.jobs.get(m.job);
      if (!job) return;
      if (m.kind === 'query') {
        job.resolver.query(m.name, m.type).then((answer) => slot.worker.postMessage({ kind: 'answer', q: m.q, answer } satisfies ToWorker));
        return;
      }
      slot.jobs.delete(m.job);
      if (slot.jobs.size === 0) slot.worker.unref();
      clearTimeout(job.timer);
      if (m.kind === 'done') job.resolve(m.result);
      else job.reject(new Error(m.message));
    });
    slot.worker.on('error', (e) => retire(slot, e));
    slot.worker.on('exit', () => retire(slot, new Error('the authentication thread stopped')));
    workers.push(slot);
    return slot;
  }

  /** A worker gone (terminated for a slow message, or crashed): its other messages get one more try elsewhere. */
  function retire(slot: { worker: Worker; jobs: Map<number, Job> }, why: Error): void {
    const i = workers.indexOf(slot);
    if (i >= 0) workers.splice(i, 1);
    const orphans = [...slot.jobs.values()];
    slot.jobs.clear();
    for (const job of orphans) {
      if (job.tries < 2 && !closed) dispatch(job);
      else {
        clearTimeout(job.timer);
        job.reject(why);
      }
    }
  }

  function dispatch(job: Job): void {
    job.tries++;
    const slot = workers.length < size ? spawn() : workers[turn++ % workers.length]!;
    slot.jobs.set(job.id, job);
    slot.worker.ref(); // busy: keeps the process alive until the answer
    slot.worker.postMessage({ kind: 'job', job: job.id, raw: job.raw, facts: job.facts } satisfies ToWorker);
  }

  const authenticate = (raw: Uint8Array, facts: AuthInput, resolver: Resolver) =>
    new Promise<AuthResult>((resolve, reject) => {
      if (closed) return reject(new Error('the authenticator is closed'));
      const job: Job = {
        id: nextJob++, raw, facts, resolver, resolve, reject, tries: 0,
        timer: setTimeout(() => {
          const slot = workers.find((w) => w.jobs.has(job.id));
          if (slot) {
            slot.jobs.delete(job.id);
            void slot.worker.terminate(); // its other jobs move on through retire()
          }
          reject(new TooComplexError(`the message is too complex to authenticate: not done within ${timeoutMs / 1000} s`));
        }, timeoutMs),
      };
      dispatch(job);
    });
  return Object.assign(authenticate, {
    async close() {
      closed = true;
      await Promise.all(workers.splice(0).map((w) => w.worker.terminate()));
    },
  });
}
