/**
 * The batch benches' DNS server: Debian's nsd on 127.0.1.53:53 (adnslogres
 * only speaks to port 53; response rate limiting off; one server process),
 * serving 65,536 PTRs for 198.18.0.0/16 (the benchmarking range) with their
 * A records, and wildcards that answer for 10.0.0.0/8. The addresses are only
 * names in DNS: no packet goes to them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeResolver } from '../src/dns/node.js';
import { benchSoa, benchZones } from './zones.js';

export const NSD_HOST = '127.0.1.53';

export interface BenchNsd {
  /** The 65,536 addresses that have a PTR and a matching A record. */
  ips: string[];
  dir: string;
  /** CPU time nsd's server process has used so far, in ms (user + system). */
  cpuMs(): number;
  stop(): Promise<void>;
}

export async function startBenchNsd(): Promise<BenchNsd> {
  const dir = mkdtempSync(join(tmpdir(), 'ptrcheck-bench-batch-'));
  const { ips, reverse: rev, forward: fwd } = benchZones();
  const soa = benchSoa;
  writeFileSync(join(dir, 'rev.zone'), rev);
  writeFileSync(join(dir, 'fwd.zone'), fwd);
  writeFileSync(join(dir, 'ten.zone'), `${soa('10.in-addr.arpa')}* IN PTR mta.ten.test.\n`);
  writeFileSync(join(dir, 'tenfwd.zone'), `${soa('ten.test')}mta IN A 10.0.0.1\n`);
  const zones = [['18.198.in-addr.arpa', 'rev.zone'], ['bench.test', 'fwd.zone'], ['10.in-addr.arpa', 'ten.zone'], ['ten.test', 'tenfwd.zone']];
  writeFileSync(join(dir, 'nsd.conf'), `server:
  ip-address: ${NSD_HOST}
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
${zones.map(([name, file]) => `zone:\n  name: ${name}\n  zonefile: ${file}\n`).join('')}`);

  const nsd: ChildProcess = spawn('/usr/sbin/nsd', ['-d', '-c', join(dir, 'nsd.conf')], { stdio: ['ignore', 'ignore', 'ignore'] });
  const probe = createNodeResolver({ servers: [{ host: NSD_HOST, port: 53 }], timeoutMs: 200, retries: 0 });
  try {
    for (let i = 0; ; i++) {
      if ((await probe.query('0.0.18.198.in-addr.arpa', 'PTR')).outcome === 'ok') break;
      if (i > 100) throw new Error('nsd did not start (is port 53 on 127.0.1.53 taken? is nsd installed?)');
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    probe.close();
  }
  // nsd forks (xfrd, main, the server that answers): what answering costs is the CPU of the whole tree.
  const tree = (pid: number): number[] => {
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return [pid, ...kids.flatMap(tree)];
  };
  const pids = tree(nsd.pid!);
  return {
    ips,
    dir,
    cpuMs: () => pids.reduce((sum, pid) => sum + processCpuMs(pid), 0),
    async stop() {
      const exited = new Promise((r) => nsd.once('exit', r));
      nsd.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** User + system CPU of a process from /proc (clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface AdnsRun {
  ms: number;
  /** adnslogres's own CPU (user + system), ms. */
  cpuMs: number;
  nsdCpuMs: number;
  /** Addresses whose name it confirmed (its output lines that start with the bench's names). */
  confirmed: number;
}

/** The baseline: GNU adns's adnslogres (PTR plus forward confirmation) over the bench's addresses, `concurrency` at a time. */
export function runAdnslogres(nsd: BenchNsd, concurrency: number): AdnsRun {
  const n0 = nsd.cpuMs();
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', '/usr/bin/adnslogres', '-c', String(concurrency), '-C', `nameserver ${NSD_HOST}`], {
    input: `${nsd.ips.join('\n')}\n`, encoding: 'utf8', maxBuffer: 1 << 30,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`adnslogres failed (${r.status}): ${r.stderr}`);
  const [user, sys] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { ms, cpuMs: (user! + sys!) * 1000, nsdCpuMs: nsd.cpuMs() - n0, confirmed: r.stdout.split('\n').filter((l) => l.startsWith('mta-')).length };
}
