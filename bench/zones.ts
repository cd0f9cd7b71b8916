/**
 * The batch benches' DNS data: PTRs for the first `count` addresses of
 * 198.18.0.0/16 (the benchmarking range), each with a matching A record, as
 * zone texts for nsd or the test DNS server. The addresses are only names
 * in DNS: no packet goes to them.
 */
export interface BenchZones {
  ips: string[];
  reverse: string;
  forward: string;
}

export function benchSoa(origin: string): string {
  return `$ORIGIN ${origin}.\n$TTL 3600\n@ IN SOA ns.bench.test. hostmaster.bench.test. 1 7200 900 1209600 300\n  IN NS ns.bench.test.\n`;
}

export function benchZones(count = 65_536): BenchZones {
  const rev: string[] = [benchSoa('18.198.in-addr.arpa')];
  const fwd: string[] = [benchSoa('bench.test')];
  const ips: string[] = [];
  for (let i = 0; i < Math.min(count, 65_536); i++) {
    const c = i >> 8;
    const d = i & 255;
    rev.push(`${d}.${c} IN PTR mta-${c}-${d}.bench.test.\n`);
    fwd.push(`mta-${c}-${d} IN A 198.18.${c}.${d}\n`);
    ips.push(`198.18.${c}.${d}`);
  }
  return { ips, reverse: rev.join(''), forward: fwd.join('') };
}
