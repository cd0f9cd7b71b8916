/**
 * bench/http: audits/s for a cached IP against the bare /healthz route of
 * the same server under the same load (autocannon, same connections and
 * duration, one after the other; the server in its own process). Prints audit rate ÷ healthz rate.
 * Target ≥ 0.5.
 *
 *   npm run bench:http              (10 connections, 5 s per route)
 *   npm run bench:http -- 20 10     (20 connections, 10 s)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const connections = Number(process.argv[2] ?? 10);
const duration = Number(process.argv[3] ?? 5);

async function startServer(args: string[]) {
  // The server runs in its own process: autocannon must not share its event loop.
  const child = spawn(process.execPath, [fileURLToPath(new URL('./http-server.js', import.meta.url)), ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [first] = (await once(child.stdout, 'data')) as [Buffer];
  return { url: first.toString().trim(), stop: async () => { child.stdin.end(); await once(child, 'exit'); } };
}

async function run(url: string): Promise<{ rps: number; p99: number; non2xx: number }> {
  const r = await autocannon({ url, connections, duration });
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx };
}

const auditPath = '/api/v1/audit?ip=23.192.228.80&helo=mail.example.com';
console.log(`bench/http: ${connections} connections, ${duration} s per route, Node ${process.version}`);
const line = (label: string, r: { rps: number; p99: number; non2xx: number }) =>
  console.log(`  ${label.padEnd(44)} ${r.rps.toFixed(0).padStart(6)} req/s, p99 ${r.p99} ms, non-2xx ${r.non2xx}`);

let ratio = 0;
for (const mode of [[], ['--no-report-cache']]) {
  const srv = await startServer(mode);
  await fetch(`${srv.url}${auditPath}`); // warm the DNS cache: this measures the audit, not the network
  const health = await run(`${srv.url}/healthz`);
  const audits = await run(`${srv.url}${auditPath}`);
  const label = mode.length ? 'full audit + new report every request' : 'cached IP (report cache on, the default)';
  console.log(`  [${label}]`);
  line('GET /healthz', health);
  line(`GET ${auditPath}`, audits);
  const r = audits.rps / health.rps;
  console.log(`  ratio ${r.toFixed(3)}`);
  if (mode.length === 0) ratio = r;
  await srv.stop();
}
console.log(`ratio audits/s ÷ healthz req/s for a cached IP = ${ratio.toFixed(3)}  (target ≥ 0.5)`);
