/**
 * serve --monitor across a restart (issue 29, "Bad input and faults"): SIGTERM
 * while a round is under way lets the round finish within the drain, the
 * process exits 0 with the round's looks kept, and the next start resumes the
 * rounds on the same database. A real serve child; the round is held open by
 * a slow answer at the test DNS server, and every wait is on an event, not a clock.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite.js';
import { startDnsServer, type DnsTestServer } from './support/dns-server.js';
import { spawnServe } from './support/serve-child.js';
import { tempDir } from './support/tmp.js';

const PTR = '80.228.192.23.in-addr.arpa';
const ID = 'm_restart00001';
let dns: DnsTestServer;
beforeAll(async () => {
  dns = await startDnsServer();
});
afterAll(() => dns.close());

/** Resolves when `ready()` holds, checked every 20 ms; fails with `what` after `capMs` (a cap on a hang, not a speed bound). */
async function until(ready: () => boolean, what: string, capMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!ready()) {
    if (Date.now() - started > capMs) throw new Error(`still waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const ptrAsked = () => dns.queries.filter((q) => q.name === PTR && q.type === 'PTR').length;
const rounds = (out: string) => out.split('\n').filter((l) => l.includes('"event":"monitor-round"'));

describe('serve --monitor: SIGTERM during a round, then a restart', () => {
  it('finishes the round under way, exits 0 with its looks kept, and the next start resumes', async () => {
    const db = join(tempDir('monitor-serve'), 'ptrcheck.sqlite');
    const seed = openSqliteStore(db);
    await seed.monitors.addMonitor({ id: ID, target: '23.192.228.80', kind: 'ip', createdAt: 1 });
    seed.close();
    // Every PTR answer for the target takes 1.5 s: a round is certainly under way when the question arrives.
    dns.setFault(PTR, { kind: 'delay', ms: 1500 });

    const first = await spawnServe(dns, ['--monitor', '--log-format', 'json'], db);
    await until(() => ptrAsked() >= 1, 'the first round to ask for the PTR');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const done = rounds(first.out());
    expect(done).toHaveLength(1);
    expect(JSON.parse(done[0]!)).toMatchObject({ event: 'monitor-round', targets: 1, addresses: 1, transitions: 0, undecided: 0 });

    const afterFirst = openSqliteStore(db);
    expect((await afterFirst.monitors.history(ID, 'baseline')).map((e) => e.ip)).toEqual(['23.192.228.80']);
    expect((await afterFirst.monitors.states(ID)).get('23.192.228.80')?.verdict).toBe('pass');
    afterFirst.close();

    const asked = ptrAsked();
    const restartedAt = Date.now();
    const second = await spawnServe(dns, ['--monitor', '--log-format', 'json', '--metrics-port', '0'], db);
    await until(() => rounds(second.out()).length >= 1, 'the restarted server\'s first round');
    expect(ptrAsked()).toBeGreaterThan(asked);
    expect(JSON.parse(rounds(second.out())[0]!)).toMatchObject({ targets: 1, addresses: 1, transitions: 0, undecided: 0 });
    // The round's gauges: the confirmed verdict, and when the target was last looked at (in this process's round).
    // Set just after the round's log line: read until they are there (a cap on a hang, not a speed bound).
    let metrics = '';
    for (let i = 0; i < 600 && !metrics.includes(`ptrcheck_monitor_last_look_timestamp_seconds{monitor="${ID}"}`); i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 50));
      metrics = await (await fetch(second.metricsUrl!)).text();
    }
    expect(metrics).toContain(`ptrcheck_monitor_verdict{monitor="${ID}"} 0`);
    const lastLook = Number(/ptrcheck_monitor_last_look_timestamp_seconds\{monitor="m_restart00001"\} (\S+)/.exec(metrics)?.[1]) * 1000;
    expect(lastLook).toBeGreaterThanOrEqual(restartedAt);
    expect(lastLook).toBeLessThanOrEqual(Date.now());
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const afterSecond = openSqliteStore(db);
    // The baseline stands; the resumed round added a look, not a second baseline.
    expect((await afterSecond.monitors.history(ID, 'baseline')).length).toBe(1);
    expect((await afterSecond.monitors.history(ID, 'look')).map((e) => e.ip)).toEqual(['23.192.228.80']);
    afterSecond.close();
    dns.setFault(PTR, null);
  }, 120_000);
});
