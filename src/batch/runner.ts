/**
 * Runs audits over a stream of batch items with bounded concurrency and
 * yields results as they complete. Pull-based: the consumer's pace (a slow
 * stdout, an HTTP client) is the producer's pace, so memory stays flat
 * however long the input. Finished audits go to a queue the generator
 * drains, so each completion costs O(1) (a Promise.race over the running
 * set would cost O(concurrency) per completion).
 */
import type { BatchReport } from './records.js';
import type { BatchItem } from './input.js';

export type BatchEvent =
  | { kind: 'result'; item: Extract<BatchItem, { kind: 'ip' }>; report: BatchReport }
  | { kind: 'error'; item: Extract<BatchItem, { kind: 'error' }> };

export async function* runBatch(items: AsyncIterable<BatchItem>, concurrency: number, auditIp: (ip: string) => Promise<BatchReport>): AsyncGenerator<BatchEvent> {
  const it = items[Symbol.asyncIterator]();
  let queue: BatchEvent[] = [];
  let running = 0;
  let exhausted = false;
  let wake: (() => void) | undefined;
  const finish = (event: BatchEvent): void => {
    running--;
    queue.push(event);
    const w = wake;
    wake = undefined;
    w?.();
  };
  for (;;) {
    // Start audits up to the limit; stop reading too while finished events wait to be taken.
    while (!exhausted && running < concurrency && queue.length < concurrency) {
      const next = await it.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      const item = next.value;
      if (item.kind === 'error') {
        queue.push({ kind: 'error', item });
        continue;
      }
      running++;
      auditIp(item.ip).then(
        (report) => finish({ kind: 'result', item, report }),
        // One address that could not be audited (a time budget ran out) is a line of the output, not the end of it.
        (e: unknown) => finish({ kind: 'error', item: { kind: 'error', line: item.line, text: item.ip, message: e instanceof Error ? e.message : String(e) } }),
      );
    }
    if (queue.length > 0) {
      const ready = queue;
      queue = [];
      for (const event of ready) yield event;
      continue;
    }
    if (running === 0 && exhausted) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
}
