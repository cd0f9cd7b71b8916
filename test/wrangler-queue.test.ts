/**
 * The monitoring queue as wrangler.toml deploys it (issue 29): the cron's producer and the
 * consumer name the same queue, the consumer takes ten targets a batch and retries a failed
 * batch three times. Read from the file itself, so a change to it is a change to this test.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The key = value lines of each [[table]] of that name, in order (wrangler.toml's flat tables only). */
function tables(toml: string, name: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const raw of toml.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      current = line === `[[${name}]]` ? {} : undefined;
      if (current) out.push(current);
      continue;
    }
    const eq = line.indexOf('=');
    if (current && eq > 0 && !line.startsWith('#')) current[line.slice(0, eq).trim()] = line.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return out;
}

describe('wrangler.toml: the monitoring queue', () => {
  const toml = readFileSync(new URL('../wrangler.toml', import.meta.url), 'utf8');

  it('the producer the cron sends to and the consumer are the same queue', () => {
    expect(tables(toml, 'queues.producers')).toEqual([{ binding: 'MONITOR_QUEUE', queue: 'ptrcheck-monitor' }]);
    expect(tables(toml, 'queues.consumers').map((c) => c.queue)).toEqual(['ptrcheck-monitor']);
  });

  it('the consumer takes ten targets a batch and retries a failed batch three times', () => {
    const [consumer] = tables(toml, 'queues.consumers');
    expect(consumer).toMatchObject({ max_batch_size: '10', max_retries: '3' });
  });
});
