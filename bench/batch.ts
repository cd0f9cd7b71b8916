/**
 * bench/batch: ptrcheck batch against the best bare Node loop and against
 * adnslogres (GNU adns: PTR plus forward confirmation), over the same 65,536
 * IPs (198.18.0.0/16, the benchmarking range), all asking the same nsd on
 * 127.0.1.53:53 (adns only speaks to port 53; response rate limiting off),
 * the same number of addresses in flight. Rounds alternate the runs (this
 * machine's speed drifts by ±20 % from minute to minute) and medians are
 * compared:
 *   ptrcheck IPs/s ÷ best bare Node PTR → A loop IPs/s  (target ≥ 0.6)
 *   ptrcheck IPs/s ÷ adnslogres IPs/s                   (for the record)
 * ptrcheck runs as a user runs it (its own process, start-up included, all
 * IP rules, NDJSON out, checked complete); the bare loops run in this
 * process (bench/bare-loop.ts). Then the peak RSS of ptrcheck batch over
 * 1,048,576 addresses (10.0.0.0/12, answered by nsd wildcards; only names
 * in DNS, no packet goes to them) (target ≤ 150 MB).
 *
 *   npm run bench:batch                        (concurrency 100, 3 rounds)
 *   npm run bench:batch -- 100 5 skip-rss      (5 rounds, no 1M run)
 * Needs Debian's nsd and adns-tools (see docs/contributing.md).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { NSD_HOST as HOST, runAdnslogres, startBenchNsd } from './nsd.js';
import { bareLoop, tcp, udp } from './bare-loop.js';
import { checkComplete, runBatchChild } from './batch-child.js';

const concurrency = Number(process.argv[2] ?? 100);
const rounds = Number(process.argv[3] ?? 3);
const skipRss = process.argv.includes('skip-rss');
const cli = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const nsd = await startBenchNsd();
const ips = nsd.ips;

const rates: Record<string, number[]> = { adnslogres: [], 'bare TCP, pipelined, 2 conns': [], 'bare UDP, connected socket': [], 'ptrcheck batch': [] };
const per = (ms: number) => (ips.length / ms) * 1000;
try {
  for (let r = 0; r < rounds; r++) {
    const adns = runAdnslogres(nsd, concurrency);
    if (adns.confirmed !== ips.length) throw new Error(`adnslogres confirmed ${adns.confirmed} of ${ips.length}`);
    rates.adnslogres!.push(per(adns.ms));
    rates['bare TCP, pipelined, 2 conns']!.push(per((await bareLoop(ips, concurrency, tcp(HOST, 53, 2))).ms));
    rates['bare UDP, connected socket']!.push(per((await bareLoop(ips, concurrency, udp(HOST, 53, true))).ms));
    const ours = await runBatchChild(ips, ['--dns', `${HOST}:53`, '--concurrency', String(concurrency)]);
    checkComplete(ips, ours);
    const confirmed = ours.records.filter((x) => !x.failing.some((f) => f.startsWith('fcrdns:'))).length;
    if (confirmed !== ips.length) throw new Error(`ptrcheck confirmed ${confirmed} of ${ips.length}`);
    rates['ptrcheck batch']!.push(per(ours.wallMs));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`bench/batch: ${ips.length} IPs, concurrency ${concurrency}, nsd on ${HOST}:53, ${rounds} alternating rounds (median IPs/s; each round's in brackets)`);
  for (const [k, v] of Object.entries(rates)) console.log(`  ${k.padEnd(30)} ${median(v).toFixed(0).padStart(7)}   [${v.map((x) => x.toFixed(0)).join(', ')}]`);
  const bare = Math.max(median(rates['bare TCP, pipelined, 2 conns']!), median(rates['bare UDP, connected socket']!));
  const ours = median(rates['ptrcheck batch']!);
  console.log(`ratio ptrcheck ÷ best bare Node loop = ${(ours / bare).toFixed(3)}  (target ≥ 0.6)`);
  console.log(`ratio ptrcheck ÷ adnslogres         = ${(ours / median(rates.adnslogres!)).toFixed(3)}`);

  if (!skipRss) {
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'batch', '-', '--dns', `${HOST}:53`, '--concurrency', String(concurrency)], {
      input: '10.0.0.0/12\n', encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['pipe', 'ignore', 'pipe'],
    });
    const kb = Number(r.stderr.trim().split('\n').pop());
    // GNU time reports the largest process of the tree: the batch worker (its supervisor, the CLI
    // process that started it with a bounded heap, only waits).
    console.log(`  1,048,576 IPs (10.0.0.0/12): ${((performance.now() - t0) / 1000).toFixed(0)} s, peak RSS of the batch process ${(kb / 1024).toFixed(0)} MB  (target ≤ 150 MB)`);
  }
} finally {
  await nsd.stop();
}
