/**
 * --probe-web end to end: HTTPS fixture servers on loopback addresses
 * 127.0.0.81–91 (one port), a self-signed certificate trusted through
 * PTRCHECK_WEB_CA (the lab switch), and the PTR and A records in the test
 * DNS server (fixtures/web/). Each address plays one kind of website: an
 * imprint, none, a page that never ends, a redirect loop, a redirect to a
 * private address, a server that never answers, JSON, a certificate for
 * other names, nothing listening, a redirect to plain http.
 */
import https from 'node:https';
import { join } from 'node:path';
import { readdirSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generate } from 'selfsigned';
import { runCli } from './support/cli.js';
import { fixtureZoneFiles, startDnsServer, type DnsTestServer } from './support/dns-server.js';
import { repoRoot } from './support/repo-root.js';
import { tempDir } from './support/tmp.js';
import { createNodeResolver, type ClosableResolver } from '../src/dns/node.js';
import { createWebProber } from '../src/probe/web.js';
import { makeWebProber } from '../src/cli/probe.js';
import { startHttp } from '../src/node.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { createNodeDirectQuery } from '../src/dns/direct-node.js';
import type { Report } from '../src/core/types.js';

const WEB_DIR = join(repoRoot(), 'fixtures', 'web');
const ADDRESSES = ['127.0.0.81', '127.0.0.82', '127.0.0.83', '127.0.0.84', '127.0.0.85', '127.0.0.86', '127.0.0.87', '127.0.0.88', '127.0.0.90', '127.0.0.91'];
const CERT_NAMES = ['mx1', 'mx2', 'mx3', 'mx4', 'mx5', 'mx6', 'mx7', 'mx9', 'mx10', 'mx11'].map((h) => `${h}.example.de`).concat(['example.at', 'mail.example.at']);

let dns: DnsTestServer;
let resolver: ClosableResolver;
let port = 0;
let caFile = '';
let pem = { private: '', cert: '' };
const servers: https.Server[] = [];
/** TCP connections each fixture address accepted. */
const connections = new Map<string, number>();
/** Requests per Host, path included. */
const requests: string[] = [];
let endlessBytes = 0;

const html = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

function site(req: IncomingMessage, res: ServerResponse): void {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  requests.push(`${host}${req.url}`);
  const page = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html(body));
  switch (host) {
    case 'mx1.example.de': return void page('<nav><a href="/">Start</a> <a href="/datenschutz">Datenschutz</a> <a href="/impressum">Impressum</a></nav>');
    case 'mx2.example.de': return void page('<p>Welcome to nginx!</p><a href="/news">News</a><a href="/datenschutz">Datenschutz</a>');
    case 'mx3.example.de': {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = `<p>${'lorem ipsum '.repeat(1300)}</p>\n`;
      const more = (): void => {
        while (!res.destroyed && res.write(chunk)) endlessBytes += chunk.length;
      };
      res.on('drain', more);
      return more();
    }
    case 'mx4.example.de': return void res.writeHead(302, { location: `/loop/${requests.length}` }).end();
    case 'mx5.example.de': return void res.writeHead(301, { location: 'https://inside.example.de/' }).end();
    case 'mx6.example.de': return; // never answers
    case 'mx7.example.de': return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"impressum":"/impressum"}');
    case 'mx8.example.de': return void page('<a href="/impressum">Impressum</a>');
    case 'mx10.example.de': return void res.writeHead(301, { location: 'http://mx10.example.de/' }).end();
    case 'mx11.example.de': return void res.writeHead(302, { location: 'https://mx1.example.de:25/' }).end();
    case 'mail.example.at': return void page('<h1>mail.example.at</h1><p>Nothing to see.</p>');
    case 'example.at': return void page('<footer><a href="/kontakt">Kontakt</a></footer>');
    default: return void res.writeHead(404).end();
  }
}

async function listenAll(): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    port = 0;
    try {
      for (const address of ADDRESSES) {
        const s = https.createServer({ key: pem.private, cert: pem.cert }, site);
        s.on('connection', () => connections.set(address, (connections.get(address) ?? 0) + 1));
        servers.push(s);
        await new Promise<void>((resolve, reject) => {
          s.once('error', reject);
          s.listen(port, address, () => resolve());
        });
        port = (s.address() as AddressInfo).port;
      }
      return;
    } catch (e) {
      await closeAll();
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 10) throw e;
    }
  }
}

async function closeAll(): Promise<void> {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

beforeAll(async () => {
  const webZones = readdirSync(WEB_DIR).filter((f) => f.endsWith('.zone')).map((f) => join(WEB_DIR, f));
  dns = await startDnsServer({ zoneFiles: [...fixtureZoneFiles(), ...webZones] });
  resolver = createNodeResolver({ servers: [{ host: dns.host, port: dns.port }], timeoutMs: 500, retries: 0 });
  pem = await generate([{ name: 'commonName', value: 'mx1.example.de' }], {
    keySize: 2048,
    extensions: [{ name: 'basicConstraints', cA: true }, { name: 'subjectAltName', altNames: CERT_NAMES.map((value) => ({ type: 2, value })) }],
  });
  caFile = join(tempDir('web-ca'), 'ca.pem');
  writeFileSync(caFile, pem.cert);
  await listenAll();
}, 60_000);
afterAll(async () => {
  await closeAll();
  resolver?.close();
  await dns?.close();
});
beforeEach(() => {
  dns.clearFaults();
});

const LAB = () => ['--probe-web', '--probe-web-port', String(port), '--timeout', '1000'];
async function audit(ip: string, extra: string[] = LAB(), env: Record<string, string> = { PTRCHECK_WEB_CA: caFile }) {
  const run = await runCli(['audit', ip, '--dns', dns.address, '--json', ...extra], env);
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as Report;
  const result = report.results.find((r) => r.rule === 'ptr-website')!;
  const tOnline = report.receivers!.find((r) => r.id === 't-online')!;
  return { code: run.code, report, result, tOnline };
}

describe('ptrcheck audit --probe-web (a lab on loopback)', () => {
  it('finds the Impressum link on the PTR host\'s home page: pass, and T-Online accepts', async () => {
    const { code, result, tOnline, report } = await audit('127.0.0.81');
    expect(result).toMatchObject({ status: 'pass', messageId: 'found' });
    expect(result.message).toBe('https://mx1.example.de/ links to an imprint: “Impressum” (/impressum).');
    expect(report.results.find((r) => r.rule === 'fcrdns')?.status).toBe('pass');
    expect(tOnline.outcome).toBe('accept');
    expect(code).toBe(0);
    // The names were resolved through the audit's resolver: the lookups are in the report.
    expect(report.dns.some((d) => d.name === 'mx1.example.de' && d.type === 'A')).toBe(true);
    expect(report.dns.some((d) => d.name === 'example.de' && d.type === 'A')).toBe(true);
  });

  it('finds no imprint or contact link: fail (minor, so the verdict is warn), and T-Online refuses with (DIAL)', async () => {
    const { code, result, tOnline, report } = await audit('127.0.0.82');
    expect(result).toMatchObject({ status: 'fail', messageId: 'none-found' });
    expect(result.message).toBe('No imprint or contact link could be found from the PTR name: https://mx2.example.de/ has no imprint or contact link; https://example.de/ has no address (example.de: no A or AAAA record).');
    expect(result.remedy).toMatch(/^T-Online wants the sending host's name to lead to an imprint: put a home page with a link to your imprint \(or contact page\) at https:\/\/example\.de\/ \(or at https:\/\/mx2\.example\.de\/\)/);
    expect(tOnline).toMatchObject({ outcome: 'rejected', rules: ['ptr-website'] });
    expect(tOnline.reply).toBe('554 IP=127.0.0.82 - Dialup/transient IP not allowed. Use a mailgateway or contact toda@rx.t-online.de if obsolete. (DIAL)');
    expect(report.verdict).toBe('warn');
    expect(code).toBe(0);
  });

  it('reads a page that never ends up to 512 KiB, then judges what it has', async () => {
    const before = endlessBytes;
    const { result } = await audit('127.0.0.83');
    expect(result).toMatchObject({ status: 'fail', messageId: 'none-found' });
    expect(result.message).toContain('https://mx3.example.de/ has no imprint or contact link in its first 512 KiB');
    // The server stopped writing soon after: the probe closed the connection (socket buffers aside, bounded).
    expect(endlessBytes - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('stops a redirect loop after 5 redirects', async () => {
    const before = requests.filter((r) => r.startsWith('mx4.example.de')).length;
    const { result } = await audit('127.0.0.84');
    expect(result).toMatchObject({ status: 'fail', messageId: 'none-found' });
    expect(result.message).toMatch(/https:\/\/mx4\.example\.de\/ redirects in circles \(more than 5 redirects\)/);
    expect(requests.filter((r) => r.startsWith('mx4.example.de')).length - before).toBe(6);
  });

  it('does not follow a redirect to a private address, even in the lab', async () => {
    const { result } = await audit('127.0.0.85');
    expect(result).toMatchObject({ status: 'fail', messageId: 'none-found' });
    expect(result.message).toContain('https://mx5.example.de/ (after redirects, at https://inside.example.de/) leads only to addresses the public cannot reach (inside.example.de → 10.0.0.1)');
  });

  it('a server that never answers is a timeout: error, never fail, and T-Online cannot tell', async () => {
    const { code, result, tOnline, report } = await audit('127.0.0.86');
    expect(result).toMatchObject({ status: 'error', messageId: 'temporary' });
    expect(result.message).toContain('https://mx6.example.de/: no response headers in 1000 ms');
    expect(tOnline).toMatchObject({ outcome: 'unknown', unknown: ['ptr-website'] });
    expect(report.partial).toBe(true);
    expect(code).toBe(0);
  });

  it('JSON is not a web page: fail', async () => {
    const { result } = await audit('127.0.0.87');
    expect(result).toMatchObject({ status: 'fail', messageId: 'none-found' });
    expect(result.message).toContain('https://mx7.example.de/ is not a web page (application/json)');
  });

  it('a certificate for other names is refused, as a browser would: fail', async () => {
    const { result } = await audit('127.0.0.88');
    expect(result).toMatchObject({ status: 'fail', messageId: 'none-found' });
    expect(result.message).toMatch(/https:\/\/mx8\.example\.de\/: a browser would refuse its certificate or TLS \(ERR_TLS_CERT_ALTNAME_INVALID: /);
    expect(requests).not.toContain('mx8.example.de/');
  });

  it('nothing listening is no website: fail', async () => {
    const { result } = await audit('127.0.0.89');
    expect(result).toMatchObject({ status: 'fail', messageId: 'none-found' });
    expect(result.message).toContain(`https://mx9.example.de/: nothing accepts HTTPS connections at 127.0.0.89`);
  });

  it('a redirect to plain http is not fetched: warn, check by hand', async () => {
    const { result, tOnline } = await audit('127.0.0.90');
    expect(result).toMatchObject({ status: 'warn', messageId: 'http-only' });
    expect(result.message).toContain('https://mx10.example.de/ redirects to plain http: http://mx10.example.de/ (not fetched)');
    expect(tOnline.outcome).toBe('accept');
  });

  it('finds the contact link on the organisational domain\'s page when the host\'s own has none', async () => {
    const { result } = await audit('127.0.0.91');
    expect(result).toMatchObject({ status: 'pass', messageId: 'found' });
    expect(result.message).toBe('https://example.at/ links to a contact page: “Kontakt” (/kontakt).');
  });

  it('an address lookup that fails (SERVFAIL) is error, never fail', async () => {
    dns.setFault('example.at', { kind: 'servfail' });
    const { result } = await audit('127.0.0.91');
    expect(result).toMatchObject({ status: 'error', messageId: 'temporary' });
    expect(result.message).toContain('https://example.at/: an address lookup failed (A example.at SERVFAIL)');
  });

  it('without the lab switch a loopback address is refused, and no request is made', async () => {
    const before = connections.get('127.0.0.81') ?? 0;
    const { result } = await audit('127.0.0.81', ['--probe-web'], {});
    expect(result).toMatchObject({ status: 'fail', messageId: 'none-found' });
    expect(result.message).toContain('https://mx1.example.de/ leads only to addresses the public cannot reach (mx1.example.de → 127.0.0.81)');
    expect(connections.get('127.0.0.81') ?? 0).toBe(before);
  });

  it('message --probe-web looks at the website of the IP the message came from', async () => {
    const eml = join(repoRoot(), 'fixtures', 'messages', 'no-received.eml');
    const run = await runCli(['message', eml, '--ip', '127.0.0.81', '--dns', dns.address, '--json', ...LAB()], { PTRCHECK_WEB_CA: caFile });
    expect(run.stderr).toBe('');
    const result = (JSON.parse(run.stdout) as Report).results.find((r) => r.rule === 'ptr-website');
    expect(result).toMatchObject({ status: 'pass', messageId: 'found', message: 'https://mx1.example.de/ links to an imprint: “Impressum” (/impressum).' });
  });

  it('is not run unless asked', async () => {
    const { result } = await audit('127.0.0.81', []);
    expect(result).toMatchObject({ status: 'skip', messageId: 'runner/unavailable' });
    expect(result.message).toBe('Not checked: the PTR name\'s website is fetched only when asked (ptrcheck audit --probe-web; off on servers unless enabled).');
  });

  it('refuses a bad lab setting with one line', async () => {
    const bad = await runCli(['audit', '127.0.0.81', '--dns', dns.address, '--probe-web', '--probe-web-port', '70000'], {});
    expect({ code: bad.code, stderr: bad.stderr.trim() }).toEqual({ code: 2, stderr: "ptrcheck: --probe-web-port '70000' must be a port number, 1-65535" });
    const stray = await runCli(['audit', '127.0.0.81', '--dns', dns.address, '--probe-web'], { PTRCHECK_WEB_CA: caFile });
    expect({ code: stray.code, stderr: stray.stderr.trim() }).toEqual({ code: 2, stderr: "ptrcheck: PTRCHECK_WEB_CA (a lab's CA to trust) applies only with --probe-web-port" });
  });
});

describe('the web probe on a server', () => {
  it('refuses loopback addresses (serve --probe-web without a lab port): no connection', async () => {
    const prober = await makeWebProber(undefined, undefined, {}, true);
    const before = connections.get('127.0.0.81') ?? 0;
    const r = await prober.probe([{ name: 'mx1.example.de', role: 'ptr' }], resolver);
    expect(r.pages).toMatchObject([{ outcome: 'not-public', detail: 'mx1.example.de → 127.0.0.81' }]);
    expect(connections.get('127.0.0.81') ?? 0).toBe(before);
  });

  it('fetches a name at most once per interval, and says the result was kept', async () => {
    const prober = createWebProber({ port, allowLoopback: true, ca: pem.cert, perNameIntervalMs: 600_000 });
    const before = requests.length;
    const first = await prober.probe([{ name: 'mx1.example.de', role: 'ptr' }], resolver);
    const second = await prober.probe([{ name: 'mx1.example.de', role: 'ptr' }], resolver);
    expect(first.pages[0]).toMatchObject({ outcome: 'found', link: { kind: 'imprint', text: 'Impressum', href: '/impressum' } });
    expect(first.pages[0]!.cached).toBeUndefined();
    expect(second.pages[0]).toMatchObject({ outcome: 'found', cached: true });
    expect(requests.length - before).toBe(1);
  });

  it('serve --probe-web: an audit that asks (probeWeb=1) gets the look, one that does not is not fetched', async () => {
    const webProber = await makeWebProber(String(port), undefined, { PTRCHECK_WEB_CA: caFile }, true);
    const direct = createNodeDirectQuery({ port: dns.port, allowPrivate: true, timeoutMs: 300, retries: 0 });
    const store = openSqliteStore(join(tempDir('web-http'), 'reports.sqlite'));
    const http = await startHttp({ resolver, direct, webProber, store, port: 0, host: '127.0.0.1', config: { rateLimitPerMinute: 0 } });
    try {
      const website = async (query: string) => ((await (await fetch(`${http.url}/api/v1/audit?${query}`)).json()) as Report).results.find((r) => r.rule === 'ptr-website')!;
      const before = requests.length;
      expect(await website('ip=127.0.0.82')).toMatchObject({ status: 'skip', messageId: 'runner/unavailable' });
      expect(requests.length).toBe(before);
      expect(await website('ip=127.0.0.82&probeWeb=1')).toMatchObject({ status: 'fail', messageId: 'none-found' });
      expect(requests.slice(before)).toEqual(['mx2.example.de/']);
    } finally {
      await http.close();
      store.close();
      direct.close();
    }
  });

  it('does not follow a redirect to a port browsers refuse (no GET to an SMTP port)', async () => {
    const r = await createWebProber({ port, allowLoopback: true, ca: pem.cert }).probe([{ name: 'mx11.example.de', role: 'ptr' }], resolver);
    expect(r.pages).toMatchObject([{ outcome: 'bad-redirect', detail: 'port 25, which browsers refuse', redirects: ['https://mx1.example.de:25/'] }]);
  });

  it('without the lab CA the self-signed certificate is refused (certificates are always verified)', async () => {
    const r = await createWebProber({ port, allowLoopback: true }).probe([{ name: 'mx1.example.de', role: 'ptr' }], resolver);
    expect(r.pages[0]).toMatchObject({ outcome: 'tls-error' });
  });
});
