/**
 * bench/batch-polite: a resolver that rate-limits. The test DNS server
 * answers REFUSED to queries above N per second (as public resolvers do to a
 * bulk client); `ptrcheck batch` runs over addresses that all pass when
 * answered. Prints the answered rate ÷ N (target: settles near N), how many
 * answers were rate-limited, and checks that every address is in the output
 * once and that none is judged `fail` because of a refusal (an address still
 * refused after the retries is `error`).
 *
 *   npm run bench:batch-polite                 (N = 2000 queries/s, 16,384 addresses)
 *   npm run bench:batch-polite -- 500 4096     (N = 500, 4,096 addresses)
 *   npm run bench:batch-polite -- 2000 16384 drop   (the server drops instead: timeouts)
 *   npm run bench:batch-polite -- 2000 8192 --qps 1500   (a hard cap under N)
 */
import { startDnsServer } from '../test/support/dns-server.js';
import { benchZones } from './zones.js';
import { checkComplete, runBatchChild } from './batch-child.js';

const maxQps = Number(process.argv[2] ?? 2000);
const count = Number(process.argv[3] ?? 16_384);
const drop = process.argv.includes('drop');
const extra = process.argv.slice(4).filter((a) => a !== 'drop');
const zones = benchZones(count);
const server = await startDnsServer({ zoneFiles: [], zoneTexts: [zones.reverse, zones.forward], maxQps, overRate: drop ? 'drop' : 'refuse' });
try {
  const run = await runBatchChild(zones.ips, ['--dns', server.address, '--concurrency', '100', ...extra]);
  checkComplete(zones.ips, run);
  const answered = server.queries.length - server.rateRefused;
  const rate = (answered * 1000) / run.runMs;
  const failed = run.records.filter((r) => r.verdict === 'fail');
  const errors = run.records.filter((r) => r.failing.some((f) => f.endsWith(':error')));
  console.log(`bench/batch-polite: ${zones.ips.length} IPs, resolver ${drop ? 'drops queries' : 'refuses'} above ${maxQps} queries/s, concurrency 100${extra.length ? ` ${extra.join(' ')}` : ''}`);
  console.log(`  ${(run.runMs / 1000).toFixed(1)} s; ${server.queries.length} queries reached the server, ${server.rateRefused} ${drop ? 'dropped' : 'refused'} for the rate (${((100 * server.rateRefused) / server.queries.length).toFixed(1)} %)`);
  console.log(`  answered ${rate.toFixed(0)} queries/s; ratio answered ÷ N = ${(rate / maxQps).toFixed(3)}  (target: near 1)`);
  console.log(`  addresses: ${run.records.length} in the output, each once; ${failed.length} judged fail, ${errors.length} with a rule in error (refused after every retry)`);
  console.log(`  ptrcheck said: ${run.stderr.trim().split('\n').filter((l) => l.startsWith('DNS:')).join(' ')}`);
  if (failed.length > 0) throw new Error(`${failed.length} address(es) judged fail, e.g. ${failed[0]!.ip} ${failed[0]!.failing.join(' ')}`);
} finally {
  await server.close();
}
