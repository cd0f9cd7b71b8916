/**
 * `ptrcheck batch` against a resolver that rate-limits (the test DNS server
 * refusing above N queries/s), with --qps, and beside lame zones whose
 * SERVFAIL is no rate limit: every address once, none judged `fail` for a
 * refusal, and the summary says what the resolver did.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsTestServer } from './support/dns-server.js';
import { runCli } from './support/cli.js';
import { benchZones } from '../bench/zones.js';
import type { CompactResult } from '../src/batch/records.js';

const zones = benchZones(600);
let dns: DnsTestServer;

beforeAll(async () => {
  dns = await startDnsServer({ zoneFiles: [], zoneTexts: [zones.reverse, zones.forward] });
});
afterAll(() => dns.close());

const batch = (ips: readonly string[], args: string[] = []) => runCli(['batch', '-', '--dns', dns.address, '--timeout', '500', ...args], {}, `${ips.join('\n')}\n`);
const rows = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as CompactResult);

/** Most queries the server saw in any window of `ms`. */
function busiest(ms: number, since: number): number {
  const at = dns.queries.filter((q) => q.at >= since).map((q) => q.at).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < at.length; i++) {
    while (at[i]! - at[j]! >= ms) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('batch pacing', () => {
  it('backs off a resolver that refuses above 400 queries/s: every address once, none failed, the refusals counted', async () => {
    dns.setMaxQps(400);
    const before = dns.rateRefused;
    try {
      const run = await batch(zones.ips);
      const out = rows(run.stdout);
      expect(run.code).toBe(0);
      expect(out.map((r) => r.ip).sort()).toEqual([...zones.ips].sort());
      expect(out.filter((r) => r.verdict === 'fail')).toEqual([]);
      const refused = dns.rateRefused - before;
      expect(refused).toBeGreaterThan(0); // the server did push back, so the backing off is what was tested
      const m = /DNS: (\d+) questions; (\d+) answer\(s\) came back REFUSED, SERVFAIL or timed out: (\d+) answered when asked again \(more slowly\), (\d+) still failing.*rate limit at the end (\d+) queries\/s \(lowered (\d+) time/.exec(run.stderr);
      expect(m, run.stderr).not.toBeNull();
      const [, questions, limited, recovered, unrecovered, , lowered] = m!.map(Number);
      expect(limited).toBe(recovered! + unrecovered!);
      const errored = out.filter((r) => r.failing.some((f) => f.endsWith(':error'))).length;
      expect(errored).toBeLessThanOrEqual(unrecovered!);
      expect(questions).toBeGreaterThanOrEqual(2 * zones.ips.length);
      expect(lowered).toBeGreaterThanOrEqual(1);
      // Answered, every address has the same two findings (a benchmarking range, a .test name); one still refused is undetermined, never more.
      for (const r of out) expect(r.failing.filter((f) => !f.endsWith(':error'))).toEqual(['ip-public:warn', 'ptr-hostname:fail']);
    } finally {
      dns.setMaxQps(null);
    }
  });

  it('--qps 200 keeps every second at about 200 queries (5 % either way, more as far as the server was measured late to see them), refusing nothing', async () => {
    const since = performance.now();
    // The server stamps a query when its event loop gets to it: a stall of s ms (a busy machine) can put s ms
    // more of queries into one second as seen here, though they left the batch evenly spaced. Measured, not guessed.
    const lag = monitorEventLoopDelay({ resolution: 1 });
    lag.enable();
    const ips = zones.ips.slice(0, 150);
    const run = await batch(ips, ['--qps', '200', '--concurrency', '200']).finally(() => lag.disable());
    expect(run.code).toBe(0);
    expect(rows(run.stdout)).toHaveLength(150);
    const stallMs = lag.max / 1e6;
    const slack = 10 + Math.ceil((200 * stallMs) / 1000); // 5 %, as on an idle machine, and the queries of the longest stall
    // Unpaced, the 300 questions of 150 addresses at once would all land within a few ms.
    expect(busiest(1000, since), `the server's event loop was up to ${stallMs.toFixed(0)} ms late`).toBeLessThanOrEqual(200 + slack);
    expect(busiest(1000, since), `the server's event loop was up to ${stallMs.toFixed(0)} ms late`).toBeGreaterThanOrEqual(200 - 2 * slack);
    expect(run.stderr).toMatch(/DNS: 300 questions; rate limit at the end 200 queries\/s, capped by --qps 200\n/);
  });

  it('a resolver that refuses everything is not asked again: one question per address, each error, quickly', async () => {
    dns.setMaxQps(0.001); // every query over the rate
    const before = dns.queries.length;
    try {
      const ips = zones.ips.slice(0, 50);
      const run = await batch(ips);
      const out = rows(run.stdout);
      expect(out).toHaveLength(50);
      expect(out.every((r) => r.verdict !== 'fail' && r.failing.includes('ptr-present:error'))).toBe(true);
      expect(dns.queries.length - before).toBe(50); // the PTR of each, once
      expect(run.stderr).toMatch(/DNS: 50 questions; 50 answer\(s\) came back REFUSED, SERVFAIL or timed out: 0 answered when asked again \(more slowly\), 50 still failing/);
    } finally {
      dns.setMaxQps(null);
    }
  });

  it('a question that times out every time is asked again, then left as error, never fail', async () => {
    const silent = zones.ips.slice(300, 305);
    for (const ip of silent) dns.setFault(`${ip.split('.').reverse().join('.')}.in-addr.arpa`, { kind: 'timeout' });
    try {
      const run = await batch(zones.ips.slice(300, 400));
      const out = rows(run.stdout);
      expect(out).toHaveLength(100);
      for (const r of out.filter((x) => silent.includes(x.ip))) {
        expect(r.verdict).not.toBe('fail');
        expect(r.failing).toContain('ptr-present:error');
      }
      expect(out.filter((r) => !silent.includes(r.ip)).every((r) => !r.failing.some((f) => f.endsWith(':error')))).toBe(true);
      expect(run.stderr).toMatch(/5 answer\(s\) came back REFUSED, SERVFAIL or timed out: 0 answered when asked again \(more slowly\), 5 still failing/);
    } finally {
      dns.clearFaults();
    }
  });

  it('a lame zone\'s SERVFAIL is asked again but lowers no limit, and stays error, not fail', async () => {
    const lame = zones.ips.slice(0, 12);
    for (const ip of lame) dns.setFault(`${ip.split('.').reverse().join('.')}.in-addr.arpa`, { kind: 'servfail' });
    try {
      const run = await batch(zones.ips.slice(0, 300));
      const out = rows(run.stdout);
      expect(out).toHaveLength(300);
      for (const r of out.filter((x) => lame.includes(x.ip))) {
        expect(r.verdict).not.toBe('fail');
        expect(r.failing).toContain('ptr-present:error');
      }
      expect(run.stderr).toMatch(/DNS: \d+ questions; 12 answer\(s\) came back REFUSED, SERVFAIL or timed out: 0 answered when asked again \(more slowly\), 12 still failing \(those addresses are 'error', never 'fail'\)\n/);
      expect(run.stderr).not.toMatch(/lowered/);
    } finally {
      dns.clearFaults();
    }
  });
});
