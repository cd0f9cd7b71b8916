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
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeResolver } from '../src/dns/node.js';

const concurrency = Number(process.argv[2] ?? 100);
const skipRss = process.argv.includes('skip-rss');
const HOST = '127.0.1.53';
const dir = mkdtempSync(join(tmpdir(), 'ptrcheck-bench-batch-'));
const cli = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

// Zones: 65,536 PTRs and their A records; wildcards for the 1M run.
const soa = (origin: string) => `$ORIGIN ${origin}.\n$TTL 3600\n@ IN SOA ns.bench.test. hostmaster.bench.test. 1 7200 900 1209600 300\n  IN NS ns.bench.test.\n`;
let rev = soa('18.198.in-addr.arpa');
let fwd = soa('bench.test');
const ips: string[] = [];
for (let c = 0; c < 256; c++) {
  for (let d = 0; d < 256; d++) {
    rev += `${d}.${c} IN PTR mta-${c}-${d}.bench.test.\n`;
    fwd += `mta-${c}-${d} IN A 198.18.${c}.${d}\n`;
    ips.push(`198.18.${c}.${d}`);
  }
}
writeFileSync(join(dir, 'rev.zone'), rev);
writeFileSync(join(dir, 'fwd.zone'), fwd);
writeFileSync(join(dir, 'ten.zone'), `${soa('10.in-addr.arpa')}* IN PTR mta.ten.test.\n`);
writeFileSync(join(dir, 'tenfwd.zone'), `${soa('ten.test')}mta IN A 10.0.0.1\n`);
writeFileSync(join(dir, 'ips.txt'), `${ips.join('\n')}\n`);
writeFileSync(join(dir, 'nsd.conf'), `server:
  ip-address: ${HOST}
  port: 53
  do-ip6: no
  username: ""
  chroot: ""
  zonesdir: "${dir}"
  pidfile: "${dir}/nsd.pid"
  zonelistfile: "${dir}/zone.list"
  xfrdfile: "${dir}/xfrd.state"
  xfrdir: "${dir}"
  database: ""
  rrl-ratelimit: 0
  server-count: 1
  verbosity: 0
zone:
  name: 18.198.in-addr.arpa
  zonefile: rev.zone
zone:
  name: bench.test
  zonefile: fwd.zone
zone:
  name: 10.in-addr.arpa
  zonefile: ten.zone
zone:
  name: ten.test
  zonefile: tenfwd.zone
`);

const nsd = spawn('/usr/sbin/nsd', ['-d', '-c', join(dir, 'nsd.conf')], { stdio: ['ignore', 'ignore', 'inherit'] });
const probe = createNodeResolver({ servers: [{ host: HOST, port: 53 }], timeoutMs: 200, retries: 0 });
for (let i = 0; ; i++) {
  if ((await probe.query('0.0.18.198.in-addr.arpa', 'PTR')).outcome === 'ok') break;
  if (i > 100) throw new Error('nsd did not start');
  await new Promise((r) => setTimeout(r, 100));
}
probe.close();

function timed(cmd: string, args: string[], stdin: string): { ms: number; out: string; err: string } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { input: stdin, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} failed (${r.status}): ${r.stderr}`);
  return { ms: performance.now() - t0, out: r.stdout, err: r.stderr };
}

const input = `${ips.join('\n')}\n`;
const adns = timed('/usr/bin/adnslogres', ['-c', String(concurrency), '-C', `nameserver ${HOST}`], input);
const adnsResolved = adns.out.split('\n').filter((l) => l.startsWith('mta-')).length;
const ours = timed(process.execPath, [cli, 'batch', '-', '--dns', `${HOST}:53`, '--concurrency', String(concurrency)], input);
const oursPass = ours.out.split('\n').filter((l) => l.includes('"fcrdns":"pass"')).length;
const adnsRate = (ips.length / adns.ms) * 1000;
const ourRate = (ips.length / ours.ms) * 1000;
console.log(`bench/batch: ${ips.length} IPs, concurrency ${concurrency}, nsd on ${HOST}:53`);
console.log(`  adnslogres:     ${adns.ms.toFixed(0)} ms, ${adnsRate.toFixed(0)} IPs/s (${adnsResolved} names confirmed)`);
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
nsd.kill('SIGTERM');
