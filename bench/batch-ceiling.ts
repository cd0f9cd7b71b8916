/**
 * bench/batch-ceiling: how fast can Node ask the DNS questions of a batch at
 * all, on this machine? The same 65,536 addresses as bench/batch, the same
 * nsd, the same 100 addresses in flight: adnslogres, then bare Node loops
 * that do nothing but PTR → A per address (our wire codec, no resolver, no
 * cache, no rules, no output) over three transports. Each bare loop's IPs/s ÷
 * adnslogres's IPs/s bounds what any Node design of `ptrcheck batch` can reach
 * here; the CPU columns show where the two cores go.
 *
 *   npm run bench:batch-ceiling
 */
import { bareLoop, tcp, udp, type Transport } from './bare-loop.js';
import { NSD_HOST, runAdnslogres, startBenchNsd } from './nsd.js';

const WINDOW = 100;
const nsd = await startBenchNsd();

interface Run {
  label: string;
  ms: number;
  clientCpuMs: number;
  nsdCpuMs: number;
}

async function bare(label: string, transport: Transport): Promise<Run> {
  const n0 = nsd.cpuMs();
  const r = await bareLoop(nsd.ips, WINDOW, transport);
  return { label, ms: r.ms, clientCpuMs: r.cpuMs, nsdCpuMs: nsd.cpuMs() - n0 };
}

const runs: Run[] = [];
try {
  const adns = runAdnslogres(nsd, WINDOW);
  if (adns.confirmed !== nsd.ips.length) throw new Error(`adnslogres confirmed ${adns.confirmed} of ${nsd.ips.length}`);
  const base: Run = { label: 'adnslogres (C, adns)', ms: adns.ms, clientCpuMs: adns.cpuMs, nsdCpuMs: adns.nsdCpuMs };
  runs.push(base);
  runs.push(await bare('Node UDP, unconnected socket', udp(NSD_HOST, 53, false)));
  runs.push(await bare('Node UDP, connected socket', udp(NSD_HOST, 53, true)));
  runs.push(await bare('Node TCP, pipelined, 2 conns', tcp(NSD_HOST, 53, 2)));
  console.log(`bench/batch-ceiling: ${nsd.ips.length} IPs (PTR → A each), ${WINDOW} in flight, nsd on ${NSD_HOST}:53`);
  console.log(`${'client'.padEnd(32)} ${'IPs/s'.padStart(8)}  ratio   client CPU  nsd CPU  (µs per IP: client + nsd)`);
  for (const r of runs) {
    const rate = (nsd.ips.length / r.ms) * 1000;
    const pct = (cpu: number) => `${((cpu / r.ms) * 100).toFixed(0)} %`.padStart(7);
    const per = (cpu: number) => ((cpu * 1000) / nsd.ips.length).toFixed(1);
    console.log(`${r.label.padEnd(32)} ${rate.toFixed(0).padStart(8)}  ${(rate / ((nsd.ips.length / base.ms) * 1000)).toFixed(3)}  ${pct(r.clientCpuMs)}   ${pct(r.nsdCpuMs)}   (${per(r.clientCpuMs)} + ${per(r.nsdCpuMs)})`);
  }
} finally {
  await nsd.stop();
}
