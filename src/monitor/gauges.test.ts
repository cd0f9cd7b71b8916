import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite.js';
import { tempDir } from '../../test/support/tmp.js';
import { monitorGauges } from './gauges.js';

describe('monitor gauges (a real SQLite file)', () => {
  it('sum up each target\'s confirmed states, carry the last look that gave a result, and forget a removed target', async () => {
    const store = openSqliteStore(join(tempDir('gauges'), 'db.sqlite'));
    const m = store.monitors;
    await m.addMonitor({ id: 'm_gauge0000001', target: '192.0.2.0/31', kind: 'cidr', createdAt: 1 });
    await m.addMonitor({ id: 'm_gauge0000002', target: '192.0.2.9', kind: 'ip', createdAt: 2 });
    await m.setState('m_gauge0000001', '192.0.2.0', { verdict: 'pass', failing: [] }, 10);
    await m.setState('m_gauge0000001', '192.0.2.1', { verdict: 'fail', failing: ['ptr-present', 'fcrdns'] }, 10);
    const gauges = monitorGauges(m);
    gauges.looked(new Map([['m_gauge0000001', 1_000], ['m_gauge0000002', 2_000]]));
    gauges.looked(new Map([['m_gauge0000001', 3_000]]));
    expect(await gauges.snapshot()).toEqual([
      { id: 'm_gauge0000001', verdict: 'fail', failing: 2, addresses: 2, lastLook: 3_000 },
      { id: 'm_gauge0000002', verdict: 'none', failing: 0, addresses: 0, lastLook: 2_000 },
    ]);
    await m.removeMonitor('m_gauge0000002');
    // Added again under a new id with the same target: no last look carried over from the removed one.
    await m.addMonitor({ id: 'm_gauge0000003', target: '192.0.2.9', kind: 'ip', createdAt: 3 });
    expect((await gauges.snapshot()).map((g) => [g.id, g.lastLook])).toEqual([['m_gauge0000001', 3_000], ['m_gauge0000003', undefined]]);
    store.close();
  });
});
