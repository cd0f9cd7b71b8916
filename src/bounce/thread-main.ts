/**
 * The worker side of thread.ts: decodes one bounce per message with the
 * whole receiver catalogue, and answers with the result or the error's words.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { decodeBounce, type DecodedBounce } from './decode.js';
import { receivers } from '../../rules/receivers/index.js';

export interface ToWorker {
  job: number;
  raw: string;
}
export type FromWorker = { job: number; result: DecodedBounce } | { job: number; failed: string };
export interface WorkerData {
  /** A module URL whose `decodeBounce` replaces the real one (only tests: createThreadDecoder's `work`). */
  work?: string;
}

const workModule = (workerData as WorkerData | null)?.work;
const decode: typeof decodeBounce = workModule ? ((await import(workModule)) as { decodeBounce: typeof decodeBounce }).decodeBounce : decodeBounce;

const port = parentPort!;
port.on('message', (m: ToWorker) => {
  let answer: FromWorker;
  try {
    answer = { job: m.job, result: decode(m.raw, receivers) };
  } catch (e) {
    answer = { job: m.job, failed: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(answer);
});
