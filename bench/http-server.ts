/**
 * The server side of bench/http, in its own process so that the load
 * generator does not share its event loop. Prints its URL, then serves
 * until stdin closes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHttp } from '../src/node.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { createNodeResolver } from '../src/dns/node.js';
import { withCache } from '../src/dns/cache.js';
import { fixtureFaults, startDnsServer } from '../test/support/dns-server.js';

const dns = await startDnsServer({ faults: fixtureFaults() });
const inner = createNodeResolver({ servers: [{ host: dns.host, port: dns.port }], timeoutMs: 1000 });
const dir = mkdtempSync(join(tmpdir(), 'ptrcheck-bench-'));
const store = openSqliteStore(join(dir, 'reports.sqlite'));
// --no-report-cache: every request runs a full audit and writes a new report.
const reportCacheSeconds = process.argv.includes('--no-report-cache') ? 0 : 30;
const http = await startHttp({ resolver: withCache(inner), store, port: 0, host: '127.0.0.1', config: { rateLimitPerMinute: 0, reportCacheSeconds } });
console.log(http.url);
process.stdin.resume();
process.stdin.on('end', () => {
  void http.close().then(async () => {
    store.close();
    inner.close();
    await dns.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
