import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics.js';
import { gaugeOf } from '../monitor/gauges.js';

describe('monitor gauges', () => {
  it('one series per target, reset each round: a removed target leaves no series behind', async () => {
    const m = createMetrics();
    const states = new Map([
      ['192.0.2.1', { verdict: 'pass' as const, failing: [] }],
      ['192.0.2.2', { verdict: 'fail' as const, failing: ['fcrdns', 'ptr-present'] }],
    ]);
    m.observer.monitors!({ at: 1_765_000_000_000, targets: [gaugeOf('m_aaaaaaaaaaaa', states, 1_764_999_990_500), gaugeOf('m_bbbbbbbbbbbb', new Map())] });
    let text = await m.registry.metrics();
    expect(text).toContain('ptrcheck_monitor_verdict{monitor="m_aaaaaaaaaaaa"} 2');
    expect(text).toContain('ptrcheck_monitor_verdict{monitor="m_bbbbbbbbbbbb"} -1');
    expect(text).toContain('ptrcheck_monitor_failing_rules{monitor="m_aaaaaaaaaaaa"} 2');
    expect(text).toContain('ptrcheck_monitor_addresses{monitor="m_aaaaaaaaaaaa"} 2');
    expect(text).toContain('ptrcheck_monitor_last_round_timestamp_seconds 1765000000');
    // A last look only where one gave a result: none for the target never looked at.
    expect(text).toContain('ptrcheck_monitor_last_look_timestamp_seconds{monitor="m_aaaaaaaaaaaa"} 1764999990.5');
    expect(text).not.toContain('ptrcheck_monitor_last_look_timestamp_seconds{monitor="m_bbbbbbbbbbbb"}');
    m.observer.monitors!({ at: 1_765_000_060_000, targets: [gaugeOf('m_aaaaaaaaaaaa', new Map([['192.0.2.1', { verdict: 'pass' as const, failing: [] }]]))] });
    text = await m.registry.metrics();
    expect(text).toContain('ptrcheck_monitor_verdict{monitor="m_aaaaaaaaaaaa"} 0');
    expect(text).not.toContain('m_bbbbbbbbbbbb');
  });
});
