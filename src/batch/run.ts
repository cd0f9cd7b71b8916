/**
 * Runs audits over a stream of batch items with bounded concurrency and
 * yields results as they complete. Pull-based: the consumer's pace (a slow
 * stdout, an HTTP client) is the producer's pace, so memory stays flat
 * however long the input.
 */
import type { BatchReport } from './output.js';
import type { BatchItem } from './input.js';

export type BatchEvent =
  | { kind: 'result'; item: Extract<BatchItem, { kind: 'ip' }>; report: BatchReport }
  | { kind: 'error'; item: Extract<BatchItem, { kind: 'error' }> };

export async function* runBatch(items: AsyncIterable<BatchItem>, concurrency: number, auditIp: (ip: string) => Promise<BatchReport>): AsyncGenerator<BatchEvent> {
  const it = items[Symbol.asyncIterator]();
  const running = new Map<number, Promise<{ key: number; event: BatchEvent }>>();
  let key = 0;
  let exhausted = false;
  const pending: BatchEvent[] = [];
  const fill = async (): Promise<void> => {
    while (!exhausted && running.size < concurrency) {
      const next = await it.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      const item = next.value;
      if (item.kind === 'error') {
        pending.push({ kind: 'error', item });
        continue;
      }
      const k = key++;
      running.set(
        k,
        auditIp(item.ip).then(
          (report) => ({ key: k, event: { kind: 'result' as const, item, report } }),
          // One address that could not be audited (a time budget ran out) is a line of the output, not the end of it.
          (e: unknown) => ({ key: k, event: { kind: 'error' as const, item: { kind: 'error' as const, line: item.line, text: item.ip, message: e instanceof Error ? e.message : String(e) } } }),
        ),
      );
    }
  };
  for (;;) {
    await fill();
    while (pending.length > 0) yield pending.shift()!;
    if (running.size === 0) {
      if (exhausted) return;
      continue;
    }
    const done = await Promise.race(running.values());
    running.delete(done.key);
    yield done.event;
  }
}
