/**
 * bench/batch: ptrcheck batch against adnslogres (GNU adns: PTR plus forward
 * confirmation) over the same 65,536 IPs (198.18.0.0/16, the benchmarking
 * range), both asking the same nsd on 127.0.1.53:53 (adns only speaks to
 * port 53; response rate limiting off). Prints ptrcheck IPs/s ÷ adnslogres
 * IPs/s (target ≥ 1.0), then the peak RSS of ptrcheck batch over 1,048,576
 * addresses (10.0.0.0/12, answered by nsd wildcards; only names in DNS, no
 * packet goes to them) (target ≤ 150 MB).
 *
 *   npm run bench:batch                     (concurrency 100)
 *   npm run bench:batch -- 200 skip-rss     (concurrency 200, no 1M run)
 * Needs Debian's nsd and adns-tools (see README).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { NSD_HOST as HOST, runAdnslogres, startBenchNsd } from './nsd.js';

const concurrency = Number(process.argv[2] ?? 100);
const skipRss = process.argv.includes('skip-rss');
const cli = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const nsd = await startBenchNsd();
const ips = nsd.ips;

function timed(cmd: string, args: string[], stdin: string): { ms: number; out: string; err: string } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { input: stdin, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} failed (${r.status}): ${r.stderr}`);
  return { ms: performance.now() - t0, out: r.stdout, err: r.stderr };
}

const input = `${ips.join('\n')}\n`;
const adns = runAdnslogres(nsd, concurrency);
const ours = timed(process.execPath, [cli, 'batch', '-', '--dns', `${HOST}:53`, '--concurrency', String(concurrency)], input);
const oursPass = ours.out.split('\n').filter((l) => l.includes('"fcrdns":"pass"')).length;
const adnsRate = (ips.length / adns.ms) * 1000;
const ourRate = (ips.length / ours.ms) * 1000;
console.log(`bench/batch: ${ips.length} IPs, concurrency ${concurrency}, nsd on ${HOST}:53`);
console.log(`  adnslogres:     ${adns.ms.toFixed(0)} ms, ${adnsRate.toFixed(0)} IPs/s (${adns.confirmed} names confirmed)`);
console.log(`  ptrcheck batch: ${ours.ms.toFixed(0)} ms, ${ourRate.toFixed(0)} IPs/s (${oursPass} FCrDNS pass; all IP rules, NDJSON out)`);
console.log(`ratio ptrcheck IPs/s ÷ adnslogres IPs/s = ${(ourRate / adnsRate).toFixed(3)}  (target ≥ 1.0)`);

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
await nsd.stop();
