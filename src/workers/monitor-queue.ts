/** Monitoring on Workers: the cron sends each watched target to a Queue; the consumer looks at a batch of them. */
import type { WorkerEnv, WorkerSettings } from './env.js';

/** The part of a Queue consumer's batch used here. */
export interface MonitorBatch {
  messages: readonly { body: unknown; ack(): void; retry(): void }[];
}

/** Queues take at most 100 messages a send: the targets go out in batches of 100. */
export async function enqueueMonitors(s: WorkerSettings, queue: NonNullable<WorkerEnv['MONITOR_QUEUE']>): Promise<number> {
  const ids = await s.monitors.monitorIds();
  for (let i = 0; i < ids.length; i += 100) await queue.sendBatch(ids.slice(i, i + 100).map((monitorId) => ({ body: { monitorId } })));
  return ids.length;
}

/** Whether the cron run at `at` (ms) starts a round: the cron fires every 10 minutes, a round every `everyMinutes`. */
export function roundDue(at: number, everyMinutes: number): boolean {
  return Math.floor(at / 600_000) % (everyMinutes / 10) === 0;
}
