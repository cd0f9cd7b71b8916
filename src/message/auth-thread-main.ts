/**
 * The worker side of auth-thread.ts: runs mailauth on one message at a time
 * per job id, asking the parent thread for every DNS answer (so the parent's
 * resolver, cache and recorder see each lookup, as in-process).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DnsAnswer, RecordType, Resolver } from '../dns/types.js';
import { authenticateMessage, type AuthInput } from './authenticate.js';

export type ToWorker =
  | { kind: 'job'; job: number; raw: Uint8Array; facts: AuthInput }
  | { kind: 'answer'; q: number; answer: DnsAnswer };
export interface WorkerData {
  /** A module URL whose `authenticateMessage` replaces mailauth's. */
  work?: string;
}
export type FromWorker =
  | { kind: 'query'; job: number; q: number; name: string; type: RecordType }
  | { kind: 'done'; job: number; result: Awaited<ReturnType<typeof authenticateMessage>> }
  | { kind: 'failed'; job: number; message: string };

/** What works on a message: mailauth, unless the parent named another module (only tests do: createThreadAuthenticator's `work`). */
const workModule = (workerData as WorkerData | null)?.work;
const work: typeof authenticateMessage = workModule
  ? ((await import(workModule)) as { authenticateMessage: typeof authenticateMessage }).authenticateMessage
  : authenticateMessage;

const port = parentPort!;
const waiting = new Map<number, (a: DnsAnswer) => void>();
let nextQuery = 0;

port.on('message', (m: ToWorker) => {
  if (m.kind === 'answer') {
    waiting.get(m.q)?.(m.answer);
    waiting.delete(m.q);
    return;
  }
  const resolver: Resolver = {
    query: (name, type) =>
      new Promise<DnsAnswer>((resolve) => {
        const q = nextQuery++;
        waiting.set(q, resolve);
        port.postMessage({ kind: 'query', job: m.job, q, name, type } satisfies FromWorker);
      }),
  };
  work(m.raw, m.facts, resolver).then(
    (result) => port.postMessage({ kind: 'done', job: m.job, result } satisfies FromWorker),
    (e: unknown) => port.postMessage({ kind: 'failed', job: m.job, message: e instanceof Error ? e.message : String(e) } satisfies FromWorker),
  );
});
